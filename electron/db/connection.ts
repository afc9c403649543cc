import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/ipc/result';
import { backupFileName } from '../../shared/domain/backups';
import { writeBackup } from './backup-file';
import { migrate, type MigrationOutcome } from './migrate';
import { migrations } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
}

/** Where automatic copies of a data file go: a `backups` folder beside it. */
export function backupsDirFor(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), 'backups');
}

/**
 * Opens (creating if needed) the shop's SQLite file with WAL and foreign keys on, and migrates it.
 * `:memory:` works too, for tests. A damaged or foreign file is reported in words, never half-opened.
 */
export function openDatabase(file: string, options: OpenOptions = {}): { db: Db; migration: MigrationOutcome } {
  let db: Db;
  try {
    if (file !== ':memory:' && !options.readonly) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    throw openFailure(file, error);
  }
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    const migration = options.readonly
      ? { from: 0, to: 0, backupFile: null }
      : migrate(db, migrations, () => {
          const dir = backupsDirFor(file);
          mkdirSync(dir, { recursive: true });
          // The same consistent copy (VACUUM INTO, never a raw file copy) the backups list shows and can restore.
          const target = path.join(dir, backupFileName(new Date(), 'before-upgrade'));
          writeBackup(db, target);
          return target;
        });
    return { db, migration };
  } catch (error) {
    db.close();
    throw openFailure(file, error);
  }
}

/** Why a data file could not be opened, in words with a way forward. */
function openFailure(file: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/readonly|read-only|unable to open|EACCES|EROFS|EPERM/i.test(message)) {
    return new AppError(
      'UNAVAILABLE',
      `Regulars cannot write to the folder holding the data file ${file} (it is read-only or not allowed). ` +
        'Move the data file to a folder you can change, or copy it elsewhere and open the copy.',
    );
  }
  if (/SQLITE_FULL|disk is full|ENOSPC/i.test(message)) {
    return new AppError('UNAVAILABLE', `The disk holding the data file ${file} is full. Free some space and start Regulars again.`);
  }
  if (/not a database|malformed|file is encrypted/i.test(message)) {
    return new AppError(
      'UNAVAILABLE',
      `The data file ${file} is damaged or is not a Regulars data file. Restore the latest backup from Settings › Backups.`,
    );
  }
  return new AppError('UNAVAILABLE', `Regulars cannot open the data file ${file}: ${message}.`);
}
