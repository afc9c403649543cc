/**
 * Backups as the rest of the app sees them: what a backup holds, how its file is named, and which
 * ones rotation keeps. Pure: the files themselves are written in electron/db/backup-file.ts.
 */
import { localDateOf } from './dates';

/** Why a backup was made; part of its file name so the owner can tell them apart in a folder. */
export const BACKUP_REASONS = [
  'daily', // the app started and the newest backup was more than a day old
  'auto', // every 30 minutes while data changes
  'quit', // the app closed after changes
  'manual', // "Back up now"
  'before-import',
  'before-undo',
  'before-restore',
  'before-upgrade', // before a schema migration
  'damaged', // a data file that could not be opened, moved aside by a restore
] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** What a data file holds, counted when the backup was written (or when it is inspected). */
export interface DataCounts {
  customers: number;
  visits: number;
  feedback: number;
  /** `PRAGMA user_version` of the file: the data version of Regulars that wrote it. */
  schemaVersion: number;
}

/** One backup file, as listed. */
export interface BackupInfo extends DataCounts {
  /** Absolute path of the `.sqlite` file. */
  file: string;
  /** The file name alone, e.g. `regulars-2026-11-20T10-00-00-000Z-daily.sqlite`. */
  name: string;
  /** When it was made (ISO, UTC), from its name. */
  createdAt: string;
  reason: BackupReason;
  sizeBytes: number;
  /** Why the file cannot be used (damaged, from a newer Regulars…), in words; null when it is fine. */
  problem: string | null;
}

const PREFIX = 'regulars-';
const NAME_PATTERN = /^regulars-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z]+(?:-[a-z]+)*?)(?:-(\d+))?\.sqlite$/;

/**
 * `regulars-2026-11-20T10-00-00-000Z-before-import.sqlite`: sorts by time, reads well in a file
 * browser, and has no characters Windows or a FAT-formatted stick refuse. `sequence` (2, 3, …)
 * separates backups made in the same millisecond.
 */
export function backupFileName(createdAt: Date, reason: BackupReason, sequence = 1): string {
  const stamp = createdAt.toISOString().replace(/:/g, '-').replace('.', '-');
  return `${PREFIX}${stamp}-${reason}${sequence > 1 ? `-${sequence}` : ''}.sqlite`;
}

/** Reads a backup file name back; null for any other file (so foreign files are never touched). */
export function parseBackupFileName(name: string): { createdAt: string; reason: BackupReason } | null {
  const match = NAME_PATTERN.exec(name);
  if (!match) return null;
  const [, day, hh, mm, ss, ms, reason] = match;
  if (!(BACKUP_REASONS as readonly string[]).includes(reason!)) return null;
  const createdAt = new Date(`${day}T${hh}:${mm}:${ss}.${ms}Z`);
  if (Number.isNaN(createdAt.getTime())) return null;
  return { createdAt: createdAt.toISOString(), reason: reason as BackupReason };
}

export interface RotationPolicy {
  /** The newest N are always kept. */
  keepLast: number;
  /** The newest backup of each of the last N calendar days. */
  dailyFor: number;
  /** The newest backup of each of the last N calendar months. */
  monthlyFor: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { keepLast: 10, dailyFor: 30, monthlyFor: 12 };

/**
 * Decides which backups survive rotation: the newest `keepLast`, plus the newest of each day for
 * `dailyFor` days, plus the newest of each month for `monthlyFor` months (days and months in the
 * machine's local calendar, counted back from `now`'s). Returns the names to keep; everything
 * else may be deleted. A backup dated in the future (a clock that was wrong) is kept: deleting
 * data because of a clock is worse than keeping a file too many.
 */
export function backupsToKeep(
  backups: readonly { name: string; createdAt: string }[],
  now: Date,
  policy: RotationPolicy = DEFAULT_ROTATION,
): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
  const keep = new Set<string>();
  for (const backup of newestFirst.slice(0, policy.keepLast)) keep.add(backup.name);

  const today = localDateOf(now);
  const firstDay = localDateOf(new Date(now.getFullYear(), now.getMonth(), now.getDate() - (policy.dailyFor - 1)));
  const firstMonth = localDateOf(new Date(now.getFullYear(), now.getMonth() - (policy.monthlyFor - 1), 1)).slice(0, 7);
  const seenDays = new Set<string>();
  const seenMonths = new Set<string>();
  for (const backup of newestFirst) {
    const day = localDateOf(new Date(backup.createdAt));
    const month = day.slice(0, 7);
    if (day > today) {
      keep.add(backup.name);
      continue;
    }
    if (day >= firstDay && !seenDays.has(day)) {
      seenDays.add(day);
      keep.add(backup.name);
    }
    if (month >= firstMonth && !seenMonths.has(month)) {
      seenMonths.add(month);
      keep.add(backup.name);
    }
  }
  return keep;
}

/** Where the second copy of a backup went, in words for the owner. */
export interface SecondCopy {
  folder: string;
  saved: boolean;
  note: string;
}

export interface BackupCreated {
  backup: BackupInfo;
  /** Null when no second backup folder is set (or the backup went to a chosen folder). */
  secondCopy: SecondCopy | null;
}

export interface BackupList {
  folder: string;
  /** Newest first. */
  backups: BackupInfo[];
  /** The second backup folder from Settings, and whether it can be reached right now. */
  secondFolder: { folder: string; available: boolean } | null;
}

/** What a data file holds, shown side by side when inspecting a backup. */
export interface DataSnapshot extends DataCounts {
  file: string;
  /** When the backup was made (from its name); null for the current data or a foreign file name. */
  createdAt: string | null;
  lastVisit: string | null;
  sizeBytes: number;
  /** Why it cannot be used, in words; null when it is fine. */
  problem: string | null;
}

export interface BackupInspection {
  backup: DataSnapshot;
  /** The data in use now; null when the data file cannot be opened. */
  current: DataSnapshot | null;
  restorable: boolean;
}

export interface RestoreOutcome {
  restored: DataSnapshot;
  /** The copy of the data as it was just before, to undo this restore with; null if there was nothing to keep. */
  undoBackup: BackupInfo | null;
  message: string;
}
