import type { Result } from '../../shared/ipc/result';
import type { Progress } from '../services/context';

/** Messages between the main thread and the service worker that owns the database connection. */
export type ToWorker =
  | { type: 'call'; id: number; op: string; input: unknown }
  | { type: 'cancel'; id: number }
  /** finalBackup: false when the file is about to be replaced (a restore backs up first itself). */
  | { type: 'close'; finalBackup: boolean };

export type FromWorker =
  | { type: 'ready'; error: Result<never> | null }
  /** The data file became openable (after a restore) or stopped being so. */
  | { type: 'status'; error: Result<never> | null }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'progress'; id: number; progress: Progress }
  | { type: 'closed' };

export interface WorkerData {
  dbFile: string;
  /** Whether this worker runs the automatic backups (one worker per data file does; see pool.ts). */
  automaticBackups?: boolean;
  /**
   * One Int32 holding the id of the call to cancel. Shared memory, because a long call (an import) runs
   * synchronously inside the worker and would only see a posted 'cancel' message after it finished.
   */
  cancelFlag?: SharedArrayBuffer;
}
