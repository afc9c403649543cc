/**
 * The one module that talks to the back end. Stores call `api(op, input)`; components never do.
 *
 * Inside Electron the preload script provides `window.regulars`; in a browser (the loopback web
 * bridge, used by `npm run web` and the end-to-end tests) calls go over HTTP with the per-run token
 * from the address the bridge printed.
 */
import type { In, OpName, Out } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import type { EventName } from '../../../shared/ipc/events';
import { ApiError } from './api-error';

export { ApiError, errorMessage, fieldErrors } from './api-error';

/** Progress of a long operation (mirrors the back end's progress reports). */
export interface OperationProgress {
  phase: string;
  done: number;
  total: number | null;
  secondsLeft: number | null;
}

type FailureListener = (error: ApiError) => void;
const failureListeners = new Set<FailureListener>();

/** Hears every failed call (the app uses it to show the "data file unavailable" banner). */
export function onApiFailure(listener: FailureListener): () => void {
  failureListeners.add(listener);
  return () => failureListeners.delete(listener);
}

const TOKEN_KEY = 'regulars.bridgeToken';
const TOKEN_HEADER = 'x-regulars-token';

/**
 * The web bridge token: taken from `?token=` on first load, kept in sessionStorage so a reload
 * still works, and removed from the address bar so it is not left in view or in the history.
 */
export function readBridgeToken(): string | null {
  const url = new URL(window.location.href);
  const fromAddress = url.searchParams.get('token');
  if (fromAddress) {
    sessionStorage.setItem(TOKEN_KEY, fromAddress);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromAddress;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

let cachedToken: string | null | undefined;
function bridgeToken(): string | null {
  if (cachedToken === undefined || cachedToken === null) cachedToken = readBridgeToken();
  return cachedToken;
}

/** Reads the token now (called at start-up so the address bar is tidied at once). */
export function initApi(): void {
  if (!window.regulars) bridgeToken();
}

/** Only for tests: forget the token read earlier. */
export function resetApiForTests(): void {
  cachedToken = undefined;
}

const UNREACHABLE = 'Regulars cannot reach its data right now. Close this window and start Regulars again.';

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

async function postToBridge(op: string, input: unknown, stream: boolean): Promise<Response> {
  const token = bridgeToken();
  if (!token) throw new ApiError('UNAVAILABLE', 'This page was opened without its access key. Open the address that `npm run web` printed.', [], op);
  try {
    return await fetch('./api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(stream ? { op, input, stream: true } : { op, input }),
    });
  } catch {
    throw new ApiError('UNAVAILABLE', UNREACHABLE, [], op);
  }
}

async function callOverHttp(op: string, input: unknown): Promise<Result<unknown>> {
  const response = await postToBridge(op, input, false);
  if (response.status === 401) throw new ApiError('UNAVAILABLE', 'The access key of this page is not valid any more. Open the address that `npm run web` printed.', [], op);
  try {
    const body: unknown = await response.json();
    if (isResult(body)) return body;
  } catch {
    // fall through: an answer that is not a Result
  }
  throw new ApiError('INTERNAL', `The back end gave an unexpected answer (HTTP ${response.status}).`, [], op);
}

async function streamOverHttp(op: string, input: unknown, onProgress: (p: OperationProgress) => void): Promise<Result<unknown>> {
  const response = await postToBridge(op, input, true);
  if (!response.ok || !response.body) return callFailedHttp(op, response.status);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  let result: Result<unknown> | null = null;
  const handleLine = (line: string) => {
    if (line.trim() === '') return;
    const message = JSON.parse(line) as { progress?: OperationProgress; result?: unknown };
    if (message.progress) onProgress(message.progress);
    if (message.result !== undefined && isResult(message.result)) result = message.result;
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      handleLine(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
    }
  }
  handleLine(buffered);
  if (result === null) throw new ApiError('INTERNAL', 'The back end stopped before it finished.', [], op);
  return result;
}

function callFailedHttp(op: string, status: number): never {
  if (status === 401) throw new ApiError('UNAVAILABLE', 'The access key of this page is not valid any more.', [], op);
  throw new ApiError('INTERNAL', `The back end gave an unexpected answer (HTTP ${status}).`, [], op);
}

function unwrap<T>(op: string, result: Result<unknown>): T {
  if (result.ok) return result.value as T;
  throw new ApiError(result.error.code, result.error.message, result.error.issues ?? [], op);
}

function report(error: unknown, op: string): ApiError {
  const apiError =
    error instanceof ApiError ? error : new ApiError('INTERNAL', `Something went wrong (${error instanceof Error ? error.message : String(error)}).`, [], op);
  for (const listener of failureListeners) listener(apiError);
  return apiError;
}

/** Runs one contract operation; resolves with its output or throws an {@link ApiError}. */
export async function api<K extends OpName>(op: K, input: In<K>): Promise<Out<K>> {
  try {
    const bridge = window.regulars;
    const result = bridge ? await bridge.invoke(op, input) : await callOverHttp(op, input);
    return unwrap<Out<K>>(op, result);
  } catch (error) {
    throw report(error, op);
  }
}

/**
 * Runs a long operation (an import, a big recompute) and reports its progress as it goes. In
 * Electron progress arrives as `progress` events carrying `{ op, progress }`.
 */
export async function apiWithProgress<K extends OpName>(op: K, input: In<K>, onProgress: (progress: OperationProgress) => void): Promise<Out<K>> {
  try {
    const bridge = window.regulars;
    if (bridge) {
      const unsubscribe = bridge.on('progress', (payload) => {
        const message = payload as { op?: unknown; progress?: OperationProgress } | null;
        if (message?.op === op && message.progress) onProgress(message.progress);
      });
      try {
        return unwrap<Out<K>>(op, await bridge.invoke(op, input));
      } finally {
        unsubscribe();
      }
    }
    return unwrap<Out<K>>(op, await streamOverHttp(op, input, onProgress));
  } catch (error) {
    throw report(error, op);
  }
}

/**
 * Hears an event the Electron main process sends (a menu command such as File › Back up now…).
 * In a browser there is no application menu, so nothing ever arrives; returns the unsubscribe.
 */
export function onAppEvent(event: EventName, callback: () => void): () => void {
  const bridge = window.regulars;
  return bridge ? bridge.on(event, () => callback()) : () => undefined;
}
