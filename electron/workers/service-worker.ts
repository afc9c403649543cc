/**
 * The worker thread that owns the database connection. All SQL runs here, off the main thread, so
 * the window (or the web bridge) stays responsive while a big import or recompute runs. It is a thin
 * adapter: messages in, `dispatch` over the same handler table every caller uses, Results out.
 *
 * It also runs the automatic backups (see BackupScheduler), since it is the one place that sees
 * every change and owns the connection; and when the data file cannot be opened it still answers,
 * so the app can list and restore backups (operations that need the data fail with the reason).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { forCall } from '../services/context';
import { DataConnection, createHostedContext } from '../services/data-connection';
import { BACKUP_INTERVAL_MS, BackupScheduler } from '../services/backup-scheduler';
import { dispatch } from '../services/dispatch';
import type { Result } from '../../shared/ipc/result';
import type { FromWorker, ToWorker, WorkerData } from './protocol';

const port = parentPort!;
const { dbFile, cancelFlag, automaticBackups = true } = workerData as WorkerData;
const cancelledCallId = cancelFlag ? new Int32Array(cancelFlag) : null;

/** A call's cancel signal: set by a 'cancel' message, or seen at once in shared memory mid-call. */
function callSignal(id: number): { cancelled: boolean } {
  let set = false;
  return {
    get cancelled() {
      return set || (cancelledCallId !== null && Atomics.load(cancelledCallId, 0) === id);
    },
    set cancelled(value: boolean) {
      set = value;
    },
  };
}
const send = (message: FromWorker) => port.postMessage(message);

const connection = new DataConnection(dbFile);
connection.open();
const base = createHostedContext(connection);
const scheduler = new BackupScheduler(base);
const running = new Map<number, { cancelled: boolean }>();

function openStatus(): Result<never> | null {
  const error = connection.openError;
  return error ? { ok: false, error } : null;
}

let lastStatus = openStatus();
send({ type: 'ready', error: lastStatus });
if (automaticBackups && connection.db) scheduler.start();
const timer = automaticBackups ? setInterval(() => scheduler.tick(), BACKUP_INTERVAL_MS) : undefined;

/** A restore can open a file that could not be opened before (or the reverse): tell the client. */
function reportStatusChange(): void {
  const status = openStatus();
  if ((status === null) !== (lastStatus === null)) send({ type: 'status', error: status });
  lastStatus = status;
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') {
    const signal = running.get(message.id);
    if (signal) signal.cancelled = true;
    return;
  }
  if (message.type === 'close') {
    clearInterval(timer);
    // Whatever goes wrong on the way out, say "closed": the app must never hang while quitting.
    try {
      if (automaticBackups && message.finalBackup) scheduler.stop();
    } catch (error) {
      console.error(`The last backup before closing failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      connection.close();
    } finally {
      send({ type: 'closed' });
    }
    return;
  }
  const signal = callSignal(message.id);
  running.set(message.id, signal);
  const ctx = forCall(base, { signal, onProgress: (progress) => send({ type: 'progress', id: message.id, progress }) });
  void dispatch(ctx, message.op, message.input).then((result) => {
    running.delete(message.id);
    scheduler.noteChanges();
    reportStatusChange();
    send({ type: 'result', id: message.id, result });
  });
});
