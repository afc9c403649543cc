import type { Db } from '../db/connection';
import { createRepositories, type Repositories } from '../db/repositories';
import { localDateOf } from '../../shared/domain/dates';
import type { DataConnection } from './data-connection';

/** Progress of a long operation, reported at most every 100 ms. */
export interface Progress {
  phase: string;
  done: number;
  total: number | null;
  /** Estimated seconds left, when it can be estimated. */
  secondsLeft: number | null;
}

/** Everything a service needs: the open database, its repositories and a clock (fixed in tests). */
export interface ServiceContext {
  db: Db;
  repos: Repositories;
  /** The file behind `db` (':memory:' in some tests); backups and exports go beside it. */
  dbFile: string;
  now: () => Date;
  onProgress?: (progress: Progress) => void;
  /** Long operations check this between batches and stop cleanly when it is set. */
  signal?: { cancelled: boolean };
  /**
   * Present when the caller owns a replaceable connection (the worker, the CLI): restore closes it,
   * swaps the file and reopens it, and `db`/`repos` then follow the new one. See data-connection.ts.
   */
  connection?: DataConnection;
}

export function createServiceContext(db: Db, dbFile: string, now: () => Date = () => new Date()): ServiceContext {
  return { db, repos: createRepositories(db), dbFile, now };
}

/**
 * One call's view of a shared context: its own signal and progress, while `db` and `repos` are still
 * read from the shared context (so they follow a connection that a restore replaced). A spread copy
 * would freeze them.
 */
export function forCall(base: ServiceContext, extra: Pick<ServiceContext, 'signal' | 'onProgress'>): ServiceContext {
  return Object.assign(Object.create(base) as ServiceContext, extra);
}

/** Today's local date by the context clock. */
export function today(ctx: ServiceContext): string {
  return localDateOf(ctx.now());
}

export function nowIso(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}
