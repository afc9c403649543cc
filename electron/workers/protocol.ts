import type { Result } from '../../shared/ipc/result';
import type { Progress } from '../services/context';

/** Messages between the main thread and the service worker that owns the database connection. */
export type ToWorker =
  | { type: 'call'; id: number; op: string; input: unknown }
  | { type: 'cancel'; id: number }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; error: Result<never> | null }
  /** The data file became openable (after a restore) or stopped being so. */
  | { type: 'status'; error: Result<never> | null }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'progress'; id: number; progress: Progress }
  | { type: 'closed' };

export interface WorkerData {
  dbFile: string;
}
