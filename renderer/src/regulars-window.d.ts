/**
 * What Electron's preload script exposes to the page (contextBridge). In browser mode (the loopback
 * web bridge) it is absent and lib/api.ts talks HTTP instead.
 */
import type { Result } from '../../shared/ipc/result';

export interface RegularsBridge {
  /** Runs one contract operation; always resolves with a Result, never rejects for a failed operation. */
  invoke(op: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to an event from the main process; returns the unsubscribe function. */
  on(event: string, callback: (payload: unknown) => void): () => void;
  /** The full path of a file dropped or picked in the window (Electron's webUtils.getPathForFile). */
  pathForFile?(file: File): string;
}

declare global {
  interface Window {
    regulars?: RegularsBridge;
  }
}
