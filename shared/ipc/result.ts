/**
 * Every reply from the back end is a Result, whoever the caller is (Electron IPC, the web bridge,
 * the CLI). Errors carry a code for programs and a sentence for people.
 */

export type ErrorCode =
  | 'BAD_INPUT' // the request itself is wrong: fix the input
  | 'NOT_FOUND' // the record does not exist (any more)
  | 'CONFLICT' // the request collides with the data (e.g. undo after later edits)
  | 'UNAVAILABLE' // the database cannot be used (damaged, newer version, read-only…)
  | 'CANCELLED' // the owner cancelled a long operation
  | 'INTERNAL'; // a bug: the message says what happened, the log has the details

export interface AppErrorInfo {
  code: ErrorCode;
  /** One or two plain sentences for the shop owner. */
  message: string;
  /** Field-level problems for forms, e.g. `{ path: 'email', message: 'That email address …' }`. */
  issues?: { path: string; message: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorInfo };

/** An error a service throws on purpose; the dispatcher turns it into a failed Result. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: { path: string; message: string }[] | undefined;
  constructor(code: ErrorCode, message: string, issues?: { path: string; message: string }[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }
  toInfo(): AppErrorInfo {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, issues?: { path: string; message: string }[]): Result<never> {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}
