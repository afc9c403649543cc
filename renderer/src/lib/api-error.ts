/**
 * The error every failed back-end call turns into, and helpers to show it. Components may import
 * this module; only stores import lib/api itself.
 */
import type { ErrorCode } from '../../../shared/ipc/result';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: { path: string; message: string }[];
  readonly op: string;
  constructor(code: ErrorCode, message: string, issues: { path: string; message: string }[] = [], op = '') {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
    this.op = op;
  }
}

/** A sentence for any error a store caught. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Field errors from a BAD_INPUT/CONFLICT answer, keyed by field name (the last named part of the
 * path, so `patch.email`, `email` and `newCustomer.name`/`name` land on the same field).
 */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const issue of error.issues) {
    const parts = issue.path.split('.').filter((p) => p !== '' && !/^\d+$/.test(p) && p !== 'patch');
    const key = parts[parts.length - 1] ?? '';
    if (key && !(key in out)) out[key] = issue.message;
  }
  return out;
}
