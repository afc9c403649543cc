/**
 * The only bridge between the sandboxed page and the app: `window.regulars.invoke(op, input)` for the
 * contract's operations and `on(event, cb)` for the few events the main process sends. Nothing else
 * — no ipcRenderer, no Node — crosses into the page.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { OP_NAMES } from '../../shared/ipc/contract';
import { EVENT_NAMES, channelFor } from '../../shared/ipc/events';

const ops = new Set<string>(OP_NAMES);
const events = new Set<string>(EVENT_NAMES);

contextBridge.exposeInMainWorld('regulars', {
  operations: [...ops],
  invoke: (op: string, input: unknown) =>
    ops.has(op) ? ipcRenderer.invoke(channelFor(op), input) : Promise.reject(new Error(`Unknown operation: ${op}`)),
  on: (event: string, callback: (payload: unknown) => void) => {
    if (!events.has(event)) throw new Error(`Unknown event: ${event}`);
    const listener = (_: unknown, payload: unknown) => callback(payload);
    ipcRenderer.on(event, listener);
    return () => void ipcRenderer.removeListener(event, listener);
  },
  // A dropped or picked file's path, so the main process reads it from disk instead of the page
  // copying its bytes through IPC. Electron answers only for files the user handed to the page; for
  // anything else (a File made in script) it throws, and the page then sends the bytes instead.
  pathForFile: (file: File) => {
    try {
      return webUtils.getPathForFile(file);
    } catch {
      return '';
    }
  },
});
