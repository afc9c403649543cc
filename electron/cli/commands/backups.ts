import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/domain/backups';
import { plural } from '../../../shared/domain/text';
import { call } from '../../services/dispatch';
import type { CliCommand } from '../command';
import { UsageError } from '../io';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function counts(b: Pick<BackupInfo, 'customers' | 'visits' | 'feedback'>): string {
  return `${plural(b.customers, 'customer', 'customers')}, ${plural(b.visits, 'visit', 'visits')}, ${b.feedback.toLocaleString('en-GB')} feedback`;
}

export const backupCommand: CliCommand = {
  name: 'backup',
  usage: 'backup [--to DIR]   back up the data now (into backups/ beside the data file, or into DIR)',
  options: { to: { type: 'string' } },
  async run({ ctx, values, out }) {
    const folder = typeof values.to === 'string' ? path.resolve(values.to) : undefined;
    const created = await call(ctx, 'backups:create', folder ? { folder } : {});
    const lines = [`Backup saved: ${created.backup.file} (${counts(created.backup)}, ${formatBytes(created.backup.sizeBytes)}).`];
    if (created.secondCopy) lines.push(created.secondCopy.note);
    out.print(lines.join('\n'), created);
  },
};

export const backupsCommand: CliCommand = {
  name: 'backups',
  usage: 'backups [--in DIR]   list the backups, newest first',
  options: { in: { type: 'string' } },
  async run({ ctx, values, out }) {
    const list = await call(ctx, 'backups:list', typeof values.in === 'string' ? { folder: path.resolve(values.in) } : {});
    const lines = list.backups.map(
      (b) => `${b.createdAt.slice(0, 16).replace('T', ' ')}  ${b.reason.padEnd(14)} ${formatBytes(b.sizeBytes).padStart(8)}  ${counts(b)}  ${b.name}${b.problem ? `  (${b.problem})` : ''}`,
    );
    out.print([...lines, `${plural(list.backups.length, 'backup', 'backups')} in ${list.folder}`].join('\n'), list);
  },
};

export const restoreCommand: CliCommand = {
  name: 'restore',
  usage: 'restore FILE   replace the data with a backup (the current data is backed up first)',
  options: {},
  async run({ ctx, positionals, out }) {
    if (positionals.length !== 1) throw new UsageError('Give exactly one backup file: regulars restore FILE');
    const given = positionals[0]!;
    // A path that exists from here is a file; otherwise it names a backup in the backups folder.
    const file = existsSync(given) ? path.resolve(given) : given;
    const outcome = await call(ctx, 'backups:restore', { file });
    out.print(outcome.message, outcome);
  },
};
