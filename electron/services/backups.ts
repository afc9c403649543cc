/**
 * Backups: consistent copies of the data file in `backups/` beside it (and, when set and plugged
 * in, a second folder such as a USB stick), rotated so the folder does not grow forever; listing,
 * inspecting and restoring them. Other services call {@link backupBefore} before risky changes.
 */
import { plural } from '../../shared/domain/text';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Out, Parsed } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import {
  backupFileName,
  backupsToKeep,
  parseBackupFileName,
  type BackupCreated,
  type BackupInfo,
  type BackupReason,
  type DataSnapshot,
  type SecondCopy,
} from '../../shared/domain/backups';
import { backupsDirFor } from '../db/connection';
import {
  PARTIAL_SUFFIX,
  copyBackupFile,
  countData,
  inspectDataFile,
  prepareRestoreCopy,
  readBackupMeta,
  removeBackupFile,
  writeBackup,
  type FileInspection,
} from '../db/backup-file';
import { LATEST_VERSION } from '../db/migrations';
import type { ServiceContext } from './context';

/** The file a restore prepares before the swap; a leftover from a crash is removed on the next start. */
export function restoringFileFor(dbFile: string): string {
  return `${dbFile}.restoring`;
}

function hasFolder(ctx: ServiceContext): boolean {
  return ctx.dbFile !== ':memory:';
}

export function backupsDir(ctx: ServiceContext): string {
  return backupsDirFor(ctx.dbFile);
}

/** "20 Nov 2026, 10:05" style, in the machine's time zone, for sentences. */
/** "23 Nov 2026, 18:24" (local time): how the Backups list shows it. */
function describeMoment(iso: string): string {
  const d = new Date(iso);
  const day = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  return `${day}, ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}


function uniqueTarget(dir: string, now: Date, reason: BackupReason): string {
  for (let sequence = 1; ; sequence++) {
    const target = path.join(dir, backupFileName(now, reason, sequence));
    if (!existsSync(target)) return target;
  }
}

function infoFor(file: string): BackupInfo | null {
  const name = path.basename(file);
  const parsed = parseBackupFileName(name);
  if (!parsed || !existsSync(file)) return null;
  const meta = readBackupMeta(file);
  if (meta) return { file, name, createdAt: parsed.createdAt, reason: parsed.reason, ...meta, problem: null };
  const inspected = inspectDataFile(file);
  return {
    file,
    name,
    createdAt: parsed.createdAt,
    reason: parsed.reason,
    customers: inspected.counts?.customers ?? 0,
    visits: inspected.counts?.visits ?? 0,
    feedback: inspected.counts?.feedback ?? 0,
    schemaVersion: inspected.counts?.schemaVersion ?? 0,
    sizeBytes: inspected.sizeBytes,
    problem: problemSentence(inspected),
  };
}

/** Backups in a folder, newest first. Files Regulars did not name are never listed (or deleted). */
export function backupsIn(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => parseBackupFileName(name) !== null)
    .map((name) => infoFor(path.join(dir, name)))
    .filter((info): info is BackupInfo => info !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Deletes the backups rotation does not keep (see `backupsToKeep`). */
export function rotateBackups(dir: string, now: Date): string[] {
  const all = backupsIn(dir);
  const keep = backupsToKeep(all, now);
  const removed = all.filter((b) => !keep.has(b.name));
  for (const backup of removed) removeBackupFile(backup.file);
  return removed.map((b) => b.name);
}

/** Removes what a crash can leave behind: half-written backups and an unfinished restore copy. */
export function removeLeftovers(ctx: ServiceContext): void {
  if (!hasFolder(ctx)) return;
  rmSync(restoringFileFor(ctx.dbFile), { force: true });
  const dir = backupsDir(ctx);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name.endsWith(PARTIAL_SUFFIX)) rmSync(path.join(dir, name), { force: true });
}

function copyToSecondFolder(ctx: ServiceContext, backup: BackupInfo): SecondCopy | null {
  const folder = ctx.repos.settings.get().backupFolder;
  if (!folder) return null;
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    return {
      folder,
      saved: false,
      note: `The second backup folder ${folder} is not available (is the USB stick plugged in?). This backup is only in the usual folder.`,
    };
  }
  try {
    copyBackupFile(backup.file, path.join(folder, backup.name));
    rotateBackups(folder, ctx.now());
    return { folder, saved: true, note: `A copy is also in ${folder}.` };
  } catch (error) {
    const reason = error instanceof AppError ? error.message : (error as Error).message;
    return { folder, saved: false, note: `The copy to ${folder} failed (${reason}). This backup is only in the usual folder.` };
  }
}

/**
 * Writes a backup of the current data. Without `folder` it goes to `backups/` (rotated) and to the
 * second backup folder when one is set; with `folder` ("Back up now…" to a stick) only there.
 */
export function createBackup(ctx: ServiceContext, reason: BackupReason, folder?: string): BackupCreated {
  if (!hasFolder(ctx)) throw new AppError('UNAVAILABLE', 'This data lives only in memory, so there is no folder to back it up to.');
  const dir = folder ?? backupsDir(ctx);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new AppError('UNAVAILABLE', `Regulars cannot write to the folder ${dir} (${(error as Error).message}). Pick another folder.`);
  }
  const target = uniqueTarget(dir, ctx.now(), reason);
  writeBackup(ctx.db, target);
  const backup = infoFor(target)!;
  if (folder) return { backup, secondCopy: null };
  rotateBackups(dir, ctx.now());
  return { backup, secondCopy: copyToSecondFolder(ctx, backup) };
}

/**
 * A safety copy before a risky change (an import, an undo, a restore). Skipped (null) for an empty
 * shop or an in-memory database. When the copy cannot be made the change must not go ahead, so this
 * throws an AppError saying so.
 */
export function backupBefore(ctx: ServiceContext, reason: 'import' | 'undo' | 'restore'): BackupInfo | null {
  if (!hasFolder(ctx)) return null;
  const counts = countData(ctx.db);
  if (counts.customers + counts.visits + counts.feedback === 0) return null;
  try {
    return createBackup(ctx, `before-${reason}`).backup;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new AppError('UNAVAILABLE', `Regulars could not make a safety copy before the ${reason}, so nothing was changed. ${why}`);
  }
}

export function listBackups(ctx: ServiceContext, input: Parsed<'backups:list'>): Out<'backups:list'> {
  const folder = input.folder ?? backupsDir(ctx);
  // Settings live in the database; when it cannot be opened the list still works, without them.
  const second = ctx.connection && !ctx.connection.db ? null : ctx.repos.settings.get().backupFolder;
  return {
    folder,
    backups: hasFolder(ctx) || input.folder ? backupsIn(folder) : [],
    secondFolder: second ? { folder: second, available: existsSync(second) } : null,
  };
}

export function createBackupNow(ctx: ServiceContext, input: Parsed<'backups:create'>): Out<'backups:create'> {
  return createBackup(ctx, 'manual', input.folder);
}

/** The problem with a file, as one sentence with the way forward; null when it is usable. */
export function problemSentence(inspection: FileInspection): string | null {
  switch (inspection.problem) {
    case null:
      return null;
    case 'missing':
      return 'That file is not there any more.';
    case 'damaged':
      return `This file is damaged${inspection.detail ? ` (${inspection.detail})` : ''}, so it cannot be restored. Pick another backup.`;
    case 'newer':
      return (
        `This backup was made by a newer version of Regulars (${inspection.detail}; this version understands up to ${LATEST_VERSION}). ` +
        'Install the latest Regulars to restore it.'
      );
    case 'foreign':
      return 'This file is not a Regulars backup.';
    case 'unreadable':
      return `Regulars cannot read this file (${inspection.detail ?? 'unknown reason'}).`;
  }
}

function snapshotOf(file: string, inspection: FileInspection): DataSnapshot {
  return {
    file,
    createdAt: parseBackupFileName(path.basename(file))?.createdAt ?? null,
    customers: inspection.counts?.customers ?? 0,
    visits: inspection.counts?.visits ?? 0,
    feedback: inspection.counts?.feedback ?? 0,
    schemaVersion: inspection.counts?.schemaVersion ?? 0,
    lastVisit: inspection.lastVisit,
    sizeBytes: inspection.sizeBytes,
    problem: problemSentence(inspection),
  };
}

/** A backup named by its file name (in `backups/`) or by a full path (elsewhere, e.g. a stick). */
export function resolveBackupFile(ctx: ServiceContext, file: string): string {
  if (path.isAbsolute(file)) return path.normalize(file);
  if (path.basename(file) !== file) throw new AppError('BAD_INPUT', 'Give a backup by its file name or by its full path.');
  return path.join(backupsDir(ctx), file);
}

function currentSnapshot(ctx: ServiceContext): DataSnapshot | null {
  const db = ctx.connection ? ctx.connection.db : ctx.db;
  if (!db) return null;
  const counts = countData(db);
  const lastVisit = ctx.repos.shop.overview().lastVisit;
  const sizeBytes = hasFolder(ctx) && existsSync(ctx.dbFile) ? statSync(ctx.dbFile).size : 0;
  return { file: ctx.dbFile, createdAt: null, ...counts, lastVisit, sizeBytes, problem: null };
}

export function inspectBackup(ctx: ServiceContext, input: Parsed<'backups:inspect'>): Out<'backups:inspect'> {
  const file = resolveBackupFile(ctx, input.file);
  const backup = snapshotOf(file, inspectDataFile(file));
  return { backup, current: currentSnapshot(ctx), restorable: backup.problem === null };
}

/** Moves a data file that could not be opened (and its WAL) into backups/, so a restore never destroys it. */
function moveAsideDamaged(ctx: ServiceContext): void {
  if (!existsSync(ctx.dbFile)) return;
  const dir = backupsDir(ctx);
  mkdirSync(dir, { recursive: true });
  const target = uniqueTarget(dir, ctx.now(), 'damaged');
  renameSync(ctx.dbFile, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(ctx.dbFile + suffix)) renameSync(ctx.dbFile + suffix, target + suffix);
  }
}

/**
 * Restores a backup: checks it, prepares a checked copy beside the data file, backs up the current
 * data (so the restore can be undone), then swaps the copy in atomically through the connection
 * (close → rename → reopen). A crash at any point leaves either the old or the new data, whole.
 */
export function restoreBackup(ctx: ServiceContext, input: Parsed<'backups:restore'>): Out<'backups:restore'> {
  const connection = ctx.connection;
  if (!connection || !hasFolder(ctx)) throw new AppError('INTERNAL', 'Restore needs the app (or the command line) to own the data file.');
  const source = resolveBackupFile(ctx, input.file);
  if (path.resolve(source) === path.resolve(ctx.dbFile)) throw new AppError('BAD_INPUT', 'That is the data file in use, not a backup.');
  const inspection = inspectDataFile(source);
  const problem = problemSentence(inspection);
  if (problem) throw new AppError(inspection.problem === 'missing' ? 'NOT_FOUND' : 'UNAVAILABLE', `${problem} Nothing was changed.`);

  removeLeftovers(ctx);
  const temp = restoringFileFor(ctx.dbFile);
  prepareRestoreCopy(source, temp);
  let undoBackup: BackupInfo | null = null;
  try {
    if (connection.db) undoBackup = backupBefore(ctx, 'restore');
    const wasOpen = connection.db !== null;
    connection.replaceFile(() => {
      if (!wasOpen) moveAsideDamaged(ctx);
      renameSync(temp, ctx.dbFile);
    });
  } finally {
    rmSync(temp, { force: true });
  }
  const restored = snapshotOf(source, inspection);
  const when = restored.createdAt ? ` from ${describeMoment(restored.createdAt)}` : '';
  const undo = undoBackup
    ? ` The data as it was just before is kept as a backup of ${describeMoment(undoBackup.createdAt)} (“Before a restore” under Backups); restore that one to undo this.`
    : '';
  return {
    restored,
    undoBackup,
    message: `Restored the backup${when}: ${plural(restored.customers, 'customer', 'customers')}, ${plural(restored.visits, 'visit', 'visits')}, ${plural(restored.feedback, 'feedback answer', 'feedback answers')}.${undo}`,
  };
}
