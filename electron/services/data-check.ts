/**
 * The health of the data file, in words: `data:check` runs SQLite's integrity and foreign-key checks
 * and looks at the folder (writable?) and the disk (full?); `data:status` says whether the app could
 * open the file at all. Both work when the file cannot be opened, and both name the way forward —
 * usually "restore the latest backup".
 */
import { accessSync, constants, existsSync, statSync, statfsSync } from 'node:fs';
import path from 'node:path';
import type { Out } from '../../shared/ipc/contract';
import type { BackupInfo } from '../../shared/domain/backups';
import { checkIntegrity, inspectDataFile } from '../db/backup-file';
import { LATEST_VERSION } from '../db/migrations';
import { backupsDir, backupsIn } from './backups';
import type { ServiceContext } from './context';

/** Below this much free space a backup or a big import may fail half-way. */
export const LOW_DISK_BYTES = 20 * 1024 * 1024;

function latestUsableBackup(ctx: ServiceContext): BackupInfo | null {
  if (ctx.dbFile === ':memory:') return null;
  return backupsIn(backupsDir(ctx)).find((b) => b.problem === null && b.schemaVersion <= LATEST_VERSION) ?? null;
}

function restoreAdvice(latest: BackupInfo | null): string {
  return latest
    ? `Restore the latest backup (${latest.name}) in Settings › Backups, or run: regulars restore ${latest.name}`
    : 'There is no backup to restore; keep the file safe and ask for help before changing it.';
}

function isWritable(file: string): boolean {
  try {
    accessSync(path.dirname(file), constants.W_OK);
    if (existsSync(file)) accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function freeSpace(file: string): number | null {
  try {
    const stats = statfsSync(path.dirname(file));
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/** The open connection's own checks; a file too damaged to be read reports as damaged. */
function checkOpenDatabase(ctx: ServiceContext) {
  try {
    const found = checkIntegrity(ctx.db, true);
    return { ...found, schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number, unreadable: null };
  } catch (error) {
    return { integrity: [(error as Error).message], foreignKeys: [], schemaVersion: null, unreadable: (error as Error).message };
  }
}

export function checkData(ctx: ServiceContext): Out<'data:check'> {
  const file = ctx.dbFile;
  const inMemory = file === ':memory:';
  const latestBackup = latestUsableBackup(ctx);
  const problems: string[] = [];
  let advice: string | null = null;
  let integrity: string[] = [];
  let foreignKeys: string[] = [];
  let schemaVersion: number | null;

  const open = ctx.connection ? ctx.connection.db !== null : true;
  if (open) {
    const found = checkOpenDatabase(ctx);
    ({ integrity, foreignKeys, schemaVersion } = found);
    if (integrity.length > 0 || foreignKeys.length > 0) {
      problems.push(`The data file is damaged: ${integrity[0] ?? foreignKeys[0]}.`);
      advice = restoreAdvice(latestBackup);
    }
  } else {
    const inspected = inspectDataFile(file, { full: true });
    schemaVersion = inspected.counts?.schemaVersion ?? null;
    if (inspected.problem === 'newer') {
      problems.push(`The data file was saved by a newer version of Regulars (${inspected.detail}; this version understands up to ${LATEST_VERSION}).`);
      advice = 'Install the latest Regulars to open it; your data has not been changed.';
    } else if (inspected.problem === 'damaged' || inspected.problem === 'foreign' || inspected.problem === 'unreadable') {
      if (inspected.detail) integrity = [inspected.detail];
      problems.push(`The data file is damaged or is not a Regulars data file${inspected.detail ? ` (${inspected.detail})` : ''}.`);
      advice = restoreAdvice(latestBackup);
    } else {
      problems.push(ctx.connection?.openError?.message ?? 'The data file cannot be opened.');
    }
  }

  const writable = inMemory || isWritable(file);
  if (!writable) {
    problems.push(`The folder holding the data file (${path.dirname(file)}) is read-only, so nothing can be saved.`);
    advice ??= 'Move the data file to a folder you can change; until then Regulars can only show the data, not save changes.';
  }
  const freeBytes = inMemory ? null : freeSpace(file);
  if (freeBytes !== null && freeBytes < LOW_DISK_BYTES) {
    problems.push(`The disk is almost full (${Math.round(freeBytes / 1024 / 1024)} MB free), so saving or backing up may fail.`);
    advice ??= 'Free some space on the disk (empty the bin, move large files) and run the check again.';
  }

  return {
    ok: problems.length === 0,
    file,
    problems,
    advice,
    integrity,
    foreignKeys,
    schemaVersion,
    latestVersion: LATEST_VERSION,
    sizeBytes: !inMemory && existsSync(file) ? statSync(file).size : 0,
    freeBytes,
    writable,
    latestBackup,
  };
}

export function dataStatus(ctx: ServiceContext): Out<'data:status'> {
  const problem = ctx.connection?.openError?.message ?? null;
  const readOnly = ctx.connection?.readOnlyReason ?? null;
  return { file: ctx.dbFile, open: problem === null, problem, readOnly, latestBackup: latestUsableBackup(ctx) };
}
