import type { OpName, Out } from '../../shared/ipc/contract';
import { AppError, type Result } from '../../shared/ipc/result';
import { assertOpName, parseInput } from '../../shared/ipc/validate';
import type { ServiceContext } from './context';
import { handlers } from './handlers';

/** Called with unexpected errors so they reach a log; the owner gets a short sentence instead. */
export type ErrorLogger = (op: string, error: unknown) => void;

const defaultLogger: ErrorLogger = (op, error) => console.error(`[regulars] ${op} failed:`, error);

/**
 * Runs one operation for any caller: checks the name, validates the input with the contract's
 * schema, calls the service, and wraps the answer (or the failure) in a Result. Never throws.
 */
export async function dispatch(ctx: ServiceContext, op: unknown, rawInput: unknown, logError: ErrorLogger = defaultLogger): Promise<Result<unknown>> {
  try {
    const name = assertOpName(op);
    const input = parseInput(name, rawInput);
    const handler = handlers[name] as (ctx: ServiceContext, input: unknown) => unknown;
    return { ok: true, value: await handler(ctx, input) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toInfo() };
    const message = error instanceof Error ? error.message : String(error);
    if (/SQLITE_FULL|database or disk is full/i.test(message)) {
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'The disk is full, so nothing was saved. Free some space and try again.' } };
    }
    if (/SQLITE_READONLY|readonly database/i.test(message)) {
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'The data file is read-only, so nothing was saved.' } };
    }
    logError(String(op), error);
    return { ok: false, error: { code: 'INTERNAL', message: `Something went wrong and nothing was changed (${message}).` } };
  }
}

/** Typed convenience for in-process callers (CLI, tests): throws the AppError on failure. */
export async function call<K extends OpName>(ctx: ServiceContext, op: K, input: unknown): Promise<Out<K>> {
  const result = await dispatch(ctx, op, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.issues);
  return result.value as Out<K>;
}
