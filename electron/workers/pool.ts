import { contract, isOpName } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import type { Progress } from '../services/context';
import { defaultWorkerFile, startServiceWorker, type ServiceClient } from './client';

/**
 * Two database workers on the same file: one for quick calls (search, lists, logging a visit) and one
 * for long work (imports, recomputes, reports). With SQLite's WAL, the quick lane keeps answering while
 * a big import runs in the other — the owner can keep searching and typing.
 */
export interface ServicePool {
  call(op: string, input: unknown, onProgress?: (p: Progress) => void): Promise<Result<unknown>>;
  /** Cancels the long-lane call that is running, if any. */
  cancelLong(): void;
  openError: Result<never> | null;
  close(): Promise<void>;
}

function isLong(op: string): boolean {
  return isOpName(op) && (contract[op] as { long?: boolean }).long === true;
}

function reopensDatabase(op: string): boolean {
  return isOpName(op) && (contract[op] as { reopensDatabase?: boolean }).reopensDatabase === true;
}

export async function startServicePool(dbFile: string, workerFile: string = defaultWorkerFile()): Promise<ServicePool> {
  let quick: ServiceClient = await startServiceWorker(dbFile, workerFile);
  let long: ServiceClient = quick.openError ? quick : await startServiceWorker(dbFile, workerFile);
  let runningLong: number | null = null;

  const restart = async () => {
    // After a restore the file under both connections changed: reopen both lanes on the new file.
    const [oldQuick, oldLong] = [quick, long];
    quick = await startServiceWorker(dbFile, workerFile);
    long = quick.openError ? quick : await startServiceWorker(dbFile, workerFile);
    pool.openError = quick.openError;
    await oldQuick.close();
    if (oldLong !== oldQuick) await oldLong.close();
  };

  const pool: ServicePool = {
    openError: quick.openError,
    async call(op, input, onProgress) {
      const lane = isLong(op) ? long : quick;
      if (lane === long) runningLong = long.nextCallId();
      const result = await lane.call(op, input, onProgress);
      if (lane === long) runningLong = null;
      if (result.ok && reopensDatabase(op)) await restart();
      return result;
    },
    cancelLong() {
      if (runningLong !== null) long.cancel(runningLong);
    },
    async close() {
      await quick.close();
      if (long !== quick) await long.close();
    },
  };
  return pool;
}
