import { contract, isOpName } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import type { Progress } from '../services/context';
import { defaultWorkerFile, startServiceWorker, type ServiceClient } from './client';

/**
 * Two database workers on the same file: one for quick calls (search, lists, logging a visit) and one
 * for long work (imports, recomputes, reports). With SQLite's WAL, the quick lane keeps answering while
 * a big import runs in the other — the owner can keep searching and typing.
 *
 * An operation that replaces the data file (restore, `reopensDatabase` in the contract) must be the
 * only connection to it: the file is swapped by closing, renaming and reopening, and a second open
 * connection would keep reading (and could write back) the old file. So such a call runs alone: new
 * calls wait, the long-lane calls in flight finish, the long-lane worker is stopped, the call runs in
 * the quick lane (which closes and reopens its own connection), and a fresh long lane is started on
 * the file as it is afterwards.
 *
 * Only the quick lane runs the automatic backups: it is always there, and its scheduler notices the
 * long lane's changes too (SQLite's data_version), so there is one daily, half-hourly and closing
 * backup per app, not one per lane.
 */
export interface ServicePool {
  call(op: string, input: unknown, onProgress?: (p: Progress) => void): Promise<Result<unknown>>;
  /** Cancels the long-lane call that is running, if any. */
  cancelLong(): void;
  /** Why the data file could not be opened, or null when it is open (follows restores). */
  readonly openError: Result<never> | null;
  close(): Promise<void>;
}

function isLong(op: string): boolean {
  return isOpName(op) && (contract[op] as { long?: boolean }).long === true;
}

export function reopensDatabase(op: string): boolean {
  return isOpName(op) && (contract[op] as { reopensDatabase?: boolean }).reopensDatabase === true;
}

export async function startServicePool(dbFile: string, workerFile: string = defaultWorkerFile()): Promise<ServicePool> {
  const startWorker = () => startServiceWorker(dbFile, workerFile, { automaticBackups: false });
  const quick: ServiceClient = await startServiceWorker(dbFile, workerFile, { automaticBackups: true });
  // A file that cannot be opened gets one worker: it answers the few operations that need no data.
  let long: ServiceClient = quick.openError ? quick : await startWorker();
  const longCalls = new Set<Promise<Result<unknown>>>();
  let runningLongId: number | null = null;
  /** Set while a file-replacing call runs; every other call waits for it. */
  let exclusive: Promise<unknown> | null = null;

  async function callLong(op: string, input: unknown, onProgress?: (p: Progress) => void): Promise<Result<unknown>> {
    const lane = long;
    runningLongId = lane.nextCallId();
    const pending = lane.call(op, input, onProgress);
    longCalls.add(pending);
    try {
      return await pending;
    } finally {
      longCalls.delete(pending);
      if (longCalls.size === 0) runningLongId = null;
    }
  }

  async function callAlone(op: string, input: unknown, onProgress?: (p: Progress) => void): Promise<Result<unknown>> {
    while (longCalls.size > 0) await Promise.allSettled([...longCalls]);
    if (long !== quick) {
      const other = long;
      long = quick;
      // No farewell backup: the restore itself backs up the current data first.
      await other.close({ finalBackup: false });
    }
    try {
      return await quick.call(op, input, onProgress);
    } finally {
      // Whatever happened, the quick lane has the file open again (or knows why it cannot).
      if (!quick.openError) {
        try {
          long = await startWorker();
        } catch (error) {
          console.error('[regulars] could not restart the long-work lane; long work shares the quick lane:', error);
        }
      }
    }
  }

  const pool: ServicePool = {
    get openError() {
      return quick.openError;
    },
    async call(op, input, onProgress) {
      while (exclusive) await exclusive;
      if (reopensDatabase(op)) {
        const running = callAlone(op, input, onProgress);
        exclusive = running.catch(() => undefined);
        try {
          return await running;
        } finally {
          exclusive = null;
        }
      }
      // import:cancel stops the import running in the long lane (which rolls back), then the quick lane
      // drops the staged file. Works the same from Electron IPC and the web bridge.
      if (op === 'import:cancel') pool.cancelLong();
      return isLong(op) ? callLong(op, input, onProgress) : quick.call(op, input, onProgress);
    },
    cancelLong() {
      if (runningLongId !== null) long.cancel(runningLongId);
    },
    async close() {
      while (exclusive) await exclusive;
      if (long !== quick) await long.close();
      await quick.close();
    },
  };
  return pool;
}
