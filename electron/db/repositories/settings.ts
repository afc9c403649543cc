import type { Db } from '../connection';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../../shared/domain/settings';

/** Settings are stored one key per row (JSON values) so a new setting needs no migration. */
export function createSettingsRepository(db: Db) {
  const all = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  return {
    /** Stored values over the defaults; a stored value that no longer validates falls back to its default. */
    get(): Settings {
      const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
      for (const { key, value } of all.all()) {
        if (!(key in DEFAULT_SETTINGS)) continue;
        try {
          merged[key] = JSON.parse(value);
        } catch {
          // keep the default
        }
      }
      const parsed = SettingsSchema.safeParse(merged);
      if (parsed.success) return parsed.data;
      const repaired: Record<string, unknown> = { ...merged };
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if (typeof key === 'string') repaired[key] = DEFAULT_SETTINGS[key as keyof Settings];
      }
      return SettingsSchema.parse(repaired);
    },
    set(values: Partial<Settings>): void {
      for (const [key, value] of Object.entries(values)) {
        if (value !== undefined) upsert.run(key, JSON.stringify(value));
      }
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
