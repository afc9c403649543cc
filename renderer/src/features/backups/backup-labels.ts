/** Words and numbers for the Backups panel. */
import type { BackupReason } from '../../../../shared/domain/backups';

export const REASON_LABELS: Record<BackupReason, string> = {
  daily: 'Daily',
  auto: 'While you worked',
  quit: 'On closing',
  manual: 'Backed up by you',
  'before-import': 'Before an import',
  'before-undo': 'Before an undo',
  'before-restore': 'Before a restore',
  'before-upgrade': 'Before an update',
  damaged: 'Damaged file set aside',
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A backup's moment in the shop's locale and the machine's time zone, e.g. "20 Nov 2026, 10:05". */
export function formatMoment(iso: string | null, locale: string): string {
  if (iso === null) return 'Now';
  const date = new Date(iso);
  try {
    return date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    return date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  }
}
