/**
 * Backup files on disk: writing a consistent copy of the open database, reading what a copy holds,
 * and preparing a copy for restore. All copies go through SQLite (`VACUUM INTO`), never a raw file
 * copy of the live WAL database, which could miss the WAL or catch a page half-written.
 *
 * A backup is `<name>.sqlite` (a self-contained rollback-journal file: `VACUUM INTO` writes no WAL)
 * plus `<name>.sqlite.json` with its counts, so listing 40 backups opens no databases. Files are
 * written as `.partial` and renamed when complete, so a crash never leaves a half backup that looks
 * like a whole one.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { AppError } from '../../shared/ipc/result';
import type { DataCounts } from '../../shared/domain/backups';
import type { Db } from './connection';
import { migrate } from './migrate';
import { LATEST_VERSION, migrations } from './migrations';

export const PARTIAL_SUFFIX = '.partial';
export const META_SUFFIX = '.json';

/** What is wrong with a data file, in categories the services turn into advice. */
export type FileProblem = 'missing' | 'damaged' | 'newer' | 'foreign' | 'unreadable';

export interface FileInspection {
  problem: FileProblem | null;
  /** SQLite's own words, for the details line. */
  detail: string | null;
  counts: DataCounts | null;
  lastVisit: string | null;
  sizeBytes: number;
}

const DAMAGED = /not a database|malformed|file is encrypted|disk image/i;
const FULL = /SQLITE_FULL|database or disk is full|ENOSPC/i;

export function isDiskFullError(error: unknown): boolean {
  return FULL.test(error instanceof Error ? `${(error as { code?: string }).code ?? ''} ${error.message}` : String(error));
}

function diskFull(where: string): AppError {
  return new AppError('UNAVAILABLE', `There is not enough free space ${where} for a backup. Free some space (or use another folder) and try again.`);
}

export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Counts customers, visits and feedback, and reads the data version. */
export function countData(db: Db): DataCounts {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    customers: count('customers'),
    visits: count('visits'),
    feedback: count('feedback'),
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
  };
}

/** `PRAGMA integrity_check` and `foreign_key_check`, as lists of SQLite's findings (empty = healthy). */
export function checkIntegrity(db: Db, full = true): { integrity: string[]; foreignKeys: string[] } {
  const rows = db.prepare(full ? 'PRAGMA integrity_check(20)' : 'PRAGMA quick_check(20)').all() as Record<string, string>[];
  const integrity = rows.map((row) => String(Object.values(row)[0])).filter((line) => line !== 'ok');
  const fk = db.prepare('PRAGMA foreign_key_check').all() as { table: string; rowid: number; parent: string }[];
  const foreignKeys = fk.slice(0, 20).map((r) => `${r.table} row ${r.rowid} points to a missing ${r.parent} row`);
  return { integrity, foreignKeys };
}

function writeJsonAtomically(file: string, value: unknown): void {
  const temp = file + PARTIAL_SUFFIX;
  writeFileSync(temp, JSON.stringify(value, null, 2));
  renameSync(temp, file);
}

/**
 * Writes a consistent copy of the open database to `target` and its counts beside it. Synchronous
 * on purpose: nothing can change the data half-way through, and callers run in the data worker.
 */
export function writeBackup(db: Db, target: string): DataCounts & { sizeBytes: number } {
  const partial = target + PARTIAL_SUFFIX;
  rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    const copy = new Database(partial, { fileMustExist: true });
    let counts: DataCounts;
    try {
      const { integrity } = checkIntegrity(copy, false);
      if (integrity.length > 0) throw new Error(`the copy failed its check: ${integrity[0]}`);
      counts = countData(copy);
    } finally {
      copy.close();
    }
    fsyncFile(partial);
    renameSync(partial, target);
    const sizeBytes = statSync(target).size;
    writeJsonAtomically(target + META_SUFFIX, { ...counts, sizeBytes });
    return { ...counts, sizeBytes };
  } catch (error) {
    rmSync(partial, { force: true });
    if (isDiskFullError(error)) throw diskFull('on the disk');
    throw error;
  }
}

/** Copies a finished backup (a closed file, so a plain copy is safe) and its counts into another folder. */
export function copyBackupFile(source: string, target: string): void {
  const partial = target + PARTIAL_SUFFIX;
  try {
    writeFileSync(partial, readFileSync(source));
    fsyncFile(partial);
    renameSync(partial, target);
    if (existsSync(source + META_SUFFIX)) writeJsonAtomically(target + META_SUFFIX, JSON.parse(readFileSync(source + META_SUFFIX, 'utf8')));
  } catch (error) {
    rmSync(partial, { force: true });
    if (isDiskFullError(error)) throw diskFull('in the second backup folder');
    throw error;
  }
}

/** The counts saved beside a backup, or null when there are none (a file copied in by hand). */
export function readBackupMeta(file: string): (DataCounts & { sizeBytes: number }) | null {
  try {
    const meta = JSON.parse(readFileSync(file + META_SUFFIX, 'utf8')) as Partial<DataCounts & { sizeBytes: number }>;
    const numbers = [meta.customers, meta.visits, meta.feedback, meta.schemaVersion, meta.sizeBytes];
    if (numbers.some((n) => typeof n !== 'number')) return null;
    return meta as DataCounts & { sizeBytes: number };
  } catch {
    return null;
  }
}

export function removeBackupFile(file: string): void {
  rmSync(file, { force: true });
  rmSync(file + META_SUFFIX, { force: true });
}

/**
 * Opens a data file read-only and says what it holds and whether it is usable: healthy, damaged,
 * from a newer Regulars, or not a Regulars file at all. Never changes the file.
 */
export function inspectDataFile(file: string, options: { full?: boolean } = {}): FileInspection {
  const none = { counts: null, lastVisit: null };
  if (!existsSync(file)) return { problem: 'missing', detail: null, sizeBytes: 0, ...none };
  const sizeBytes = statSync(file).size;
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return { problem: 'unreadable', detail: (error as Error).message, sizeBytes, ...none };
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const { integrity, foreignKeys } = checkIntegrity(db, options.full ?? false);
    if (integrity.length > 0) return { problem: 'damaged', detail: integrity[0]!, sizeBytes, ...none };
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    const ours = ['customers', 'visits', 'feedback'].every((t) => tables.includes(t));
    // A newer Regulars may have reshaped its tables: its version number is what identifies it.
    if (version > LATEST_VERSION) {
      const counts = ours ? countData(db) : null;
      const lastVisit = ours ? (db.prepare('SELECT max(date) AS d FROM visits').get() as { d: string | null }).d : null;
      return { problem: 'newer', detail: `data version ${version}`, counts, lastVisit, sizeBytes };
    }
    if (!ours) return { problem: 'foreign', detail: null, sizeBytes, ...none };
    const counts = countData(db);
    const lastVisit = (db.prepare('SELECT max(date) AS d FROM visits').get() as { d: string | null }).d;
    if (foreignKeys.length > 0) return { problem: 'damaged', detail: foreignKeys[0]!, counts, lastVisit, sizeBytes };
    return { problem: null, detail: null, counts, lastVisit, sizeBytes };
  } catch (error) {
    const message = (error as Error).message;
    return { problem: DAMAGED.test(message) ? 'damaged' : 'unreadable', detail: message, sizeBytes, ...none };
  } finally {
    db.close();
  }
}

/**
 * Makes `temp` a checked, current-version copy of `source`, ready to be renamed over the data file:
 * copied through SQLite (which also folds in a WAL the source may have), fully integrity-checked,
 * and migrated if it came from an older Regulars. Throws on any problem; `temp` is then removed.
 */
export function prepareRestoreCopy(source: string, temp: string): DataCounts {
  rmSync(temp, { force: true });
  try {
    const from = new Database(source, { readonly: true, fileMustExist: true });
    try {
      from.prepare('VACUUM INTO ?').run(temp);
    } finally {
      from.close();
    }
    const copy = new Database(temp, { fileMustExist: true });
    try {
      const { integrity, foreignKeys } = checkIntegrity(copy, true);
      if (integrity.length > 0 || foreignKeys.length > 0) {
        throw new AppError('UNAVAILABLE', `This backup is damaged (${integrity[0] ?? foreignKeys[0]}), so it was not restored. Pick another backup.`);
      }
      // An older backup is brought up to date here, on the copy, so the swap is the last step.
      migrate(copy, migrations, () => null);
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fsyncFile(temp);
    return countDataIn(temp);
  } catch (error) {
    rmSync(temp, { force: true });
    if (isDiskFullError(error)) throw new AppError('UNAVAILABLE', 'There is not enough free space on the disk to restore this backup. Free some space and try again.');
    if (error instanceof AppError) throw error;
    const message = (error as Error).message;
    if (DAMAGED.test(message)) throw new AppError('UNAVAILABLE', 'This backup is damaged or is not a Regulars file, so it was not restored. Pick another backup.');
    throw error;
  }
}

function countDataIn(file: string): DataCounts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return countData(db);
  } finally {
    db.close();
  }
}
