import { Worker } from 'node:worker_threads';
import path from 'node:path';
import type { Result } from '../../shared/ipc/result';
import type { Progress } from '../services/context';
import type { FromWorker, ToWorker, WorkerData } from './protocol';

export interface ServiceClient {
  /** Runs one contract operation in the worker; never rejects, failures come back as Results. */
  call(op: string, input: unknown, onProgress?: (progress: Progress) => void): Promise<Result<unknown>>;
  cancel(callId: number): void;
  /** The id the next call will get (for cancelling a long call you are about to start). */
  nextCallId(): number;
  /**
   * Why the database could not be opened, or null when it is open. Calls are still forwarded while
   * it is set: backups can be listed and restored without an open database.
   */
  openError: Result<never> | null;
  /** Stops the worker; by default it first takes a last backup of the changes it made. */
  close(options?: { finalBackup?: boolean }): Promise<void>;
}

/** The bundled worker sits beside the bundle that starts it (build/dist/electron/). */
export function defaultWorkerFile(): string {
  return path.join(__dirname, 'service-worker.cjs');
}

/** Starts the database worker and waits until it has opened (and migrated) the file. */
export function startServiceWorker(
  dbFile: string,
  workerFile: string = defaultWorkerFile(),
  options: { automaticBackups?: boolean } = {},
): Promise<ServiceClient> {
  const cancelFlag = new SharedArrayBuffer(4);
  const automaticBackups = options.automaticBackups ?? true;
  const worker = new Worker(workerFile, { workerData: { dbFile, cancelFlag, automaticBackups } satisfies WorkerData });
  const pending = new Map<number, { resolve: (r: Result<unknown>) => void; onProgress?: (p: Progress) => void }>();
  let nextId = 1;
  let closed = false;
  const send = (message: ToWorker) => worker.postMessage(message);

  return new Promise((resolveStart, rejectStart) => {
    const client: ServiceClient = {
      openError: null,
      nextCallId: () => nextId,
      call(op, input, onProgress) {
        if (closed) return Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'Regulars is closing.' } });
        const id = nextId++;
        return new Promise((resolve) => {
          pending.set(id, onProgress ? { resolve, onProgress } : { resolve });
          send({ type: 'call', id, op, input });
        });
      },
      cancel(callId) {
        Atomics.store(new Int32Array(cancelFlag), 0, callId);
        send({ type: 'cancel', id: callId });
      },
      close(options) {
        if (closed) return Promise.resolve();
        closed = true;
        return new Promise((resolve) => {
          let finished = false;
          const done = () => {
            if (finished) return;
            finished = true;
            void worker.terminate().then(() => resolve());
          };
          worker.on('message', (m: FromWorker) => m.type === 'closed' && done());
          // The worker takes a last backup before it closes; give a big data file time for that.
          setTimeout(done, 60_000).unref();
          send({ type: 'close', finalBackup: options?.finalBackup ?? true });
        });
      },
    };
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') {
        client.openError = message.error;
        resolveStart(client);
      } else if (message.type === 'status') {
        client.openError = message.error;
      } else if (message.type === 'result') {
        pending.get(message.id)?.resolve(message.result);
        pending.delete(message.id);
      } else if (message.type === 'progress') {
        pending.get(message.id)?.onProgress?.(message.progress);
      }
    });
    worker.on('error', (error) => {
      rejectStart(error);
      for (const { resolve } of pending.values()) {
        resolve({ ok: false, error: { code: 'INTERNAL', message: `The data worker stopped: ${error.message}` } });
      }
      pending.clear();
    });
  });
}
