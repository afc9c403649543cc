import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/ipc/result';
import type { Migration } from './migration-types';

export interface MigrationOutcome {
  from: number;
  to: number;
  /** The copy taken before migrating, when there was existing data to protect. */
  backupFile: string | null;
}

/**
 * Brings the schema up to date: every pending step runs in ONE transaction, so a failure leaves the
 * file exactly as it was. Before touching a database that already holds data, `backup(version)` takes
 * a copy. A database written by a newer Regulars is refused rather than misread.
 */
export function migrate(db: Database, steps: readonly Migration[], backup: (fromVersion: number) => string | null): MigrationOutcome {
  const latest = steps.length === 0 ? 0 : steps[steps.length - 1]!.version;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new AppError(
      'UNAVAILABLE',
      `This data file was saved by a newer version of Regulars (data version ${current}; this version understands up to ${latest}). ` +
        'Please install the latest Regulars to open it. Your data has not been changed.',
    );
  }
  const pending = steps.filter((m) => m.version > current);
  if (pending.length === 0) return { from: current, to: current, backupFile: null };

  const backupFile = current > 0 ? backup(current) : null;
  // Foreign keys off while the steps run, as SQLite's table-rebuild procedure requires (the pragma is
  // ignored inside a transaction, so it is set around it); every key is checked before the commit.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const step of pending) {
        step.up(db);
        db.pragma(`user_version = ${step.version}`);
      }
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`Migration to data version ${latest} left ${broken.length} broken references; nothing was changed.`);
    })();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return { from: current, to: latest, backupFile };
}
