import { useMemo } from 'react';
import { create } from 'zustand';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings';
import { api, errorMessage } from '../lib/api';
import { makeFormatters, type Formatters } from '../lib/format';

interface SettingsState {
  settings: Settings;
  loaded: boolean;
  loadError: string | null;
  load(): Promise<void>;
  /** Saves changed fields; throws an ApiError with field issues when the input is wrong. */
  save(patch: Partial<Settings>): Promise<Settings>;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: DEFAULT_SETTINGS,
  loaded: false,
  loadError: null,
  async load() {
    try {
      const settings = await api('settings:get', {});
      set({ settings, loaded: true, loadError: null });
    } catch (error) {
      set({ loadError: errorMessage(error) });
    }
  },
  async save(patch) {
    const settings = await api('settings:update', patch);
    set({ settings, loaded: true });
    return settings;
  },
}));

/** Money, date and count formatting in the shop's currency and locale. */
export function useFormatters(): Formatters {
  const currency = useSettingsStore((s) => s.settings.currency);
  const locale = useSettingsStore((s) => s.settings.locale);
  const dateFormat = useSettingsStore((s) => s.settings.dateFormat);
  return useMemo(() => makeFormatters({ currency, locale, dateFormat }), [currency, locale, dateFormat]);
}
