/**
 * When automatic backups happen. One scheduler lives beside the data connection (in the data
 * worker): at start-up it backs up when the newest backup is more than a day old; every half hour
 * it backs up if the data changed since the last backup; on quit it backs up the changes made since.
 * It notices changes through SQLite's own count of changed rows, so no list of "writing"
 * operations has to be kept up to date. Failures are logged and retried at the next chance; an
 * automatic backup never stops the owner's work.
 */
import { countData } from '../db/backup-file';
import { changeCount } from '../db/change-count';
import type { Db } from '../db/connection';
import type { BackupCreated, BackupReason } from '../../shared/domain/backups';
import { backupsDir, backupsIn, createBackup, removeLeftovers } from './backups';
import type { ServiceContext } from './context';

export const BACKUP_INTERVAL_MS = 30 * 60 * 1000;
export const DAILY_BACKUP_AFTER_MS = 24 * 60 * 60 * 1000;

export class BackupScheduler {
  private seenDb: Db | null = null;
  private seenChanges = '';
  private changed = false;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly log: (message: string) => void = (message) => console.error(`[regulars] ${message}`),
  ) {}

  private currentDb(): Db | null {
    return this.ctx.connection ? this.ctx.connection.db : this.ctx.db;
  }

  /** Compares SQLite's change marker with the last look; a new connection (after a restore) starts clean. */
  noteChanges(): void {
    const db = this.currentDb();
    if (!db) return;
    const count = changeCount(db);
    if (db !== this.seenDb) {
      this.seenDb = db;
      this.seenChanges = count;
      return;
    }
    if (count !== this.seenChanges) {
      this.seenChanges = count;
      this.changed = true;
    }
  }

  /** Whether data changed since the last automatic backup. */
  get hasChanges(): boolean {
    return this.changed;
  }

  /** At start-up: remove what a crash left behind, and back up if the newest backup is over a day old. */
  start(): BackupCreated | null {
    if (this.ctx.dbFile === ':memory:') return null;
    removeLeftovers(this.ctx);
    this.noteChanges();
    const newest = backupsIn(backupsDir(this.ctx))[0];
    if (newest && this.ctx.now().getTime() - Date.parse(newest.createdAt) < DAILY_BACKUP_AFTER_MS) return null;
    return this.run('daily');
  }

  /** Every {@link BACKUP_INTERVAL_MS}: a backup when the data changed since the last one. */
  tick(): BackupCreated | null {
    this.noteChanges();
    return this.changed ? this.run('auto') : null;
  }

  /** When the app closes: a last backup of the changes since the previous one. */
  stop(): BackupCreated | null {
    this.noteChanges();
    return this.changed ? this.run('quit') : null;
  }

  private run(reason: BackupReason): BackupCreated | null {
    const db = this.currentDb();
    if (!db || this.ctx.dbFile === ':memory:') return null;
    try {
      const counts = countData(db);
      if (counts.customers + counts.visits + counts.feedback === 0) return null;
      const created = createBackup(this.ctx, reason);
      this.changed = false;
      if (created.secondCopy && !created.secondCopy.saved) this.log(created.secondCopy.note);
      return created;
    } catch (error) {
      this.log(`Automatic backup (${reason}) failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }
}
