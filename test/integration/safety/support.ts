/** Helpers for the data-safety tests: shops on real files, owned the way the app owns them. */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../electron/db/connection';
import { openDatabase } from '../../../electron/db/connection';
import type { ServiceContext } from '../../../electron/services/context';
import { DataConnection, createHostedContext } from '../../../electron/services/data-connection';
import { generateDemoShop } from '../../../electron/services/demo';
import { dump } from '../../support/db';
import { tempDir } from '../../support/web-app';

export interface HostedShop {
  ctx: ServiceContext;
  connection: DataConnection;
  dir: string;
  file: string;
  /** Moves the context clock (backups are named and rotated by it). */
  setNow(date: Date): void;
  close(): void;
}

/** A shop file in a fresh folder, owned through a DataConnection like the worker and the CLI do. */
export function hostedShop(options: { demoCustomers?: number; now?: Date; file?: string } = {}): HostedShop {
  const dir = options.file ? path.dirname(options.file) : tempDir('regulars-safety-');
  const file = options.file ?? path.join(dir, 'shop.sqlite');
  let now = options.now ?? new Date('2026-11-20T10:00:00Z');
  const connection = new DataConnection(file);
  connection.open();
  const ctx = createHostedContext(connection, () => now);
  if (options.demoCustomers) generateDemoShop(ctx, { customers: options.demoCustomers, seed: 7, years: 2, until: '2026-11-15' });
  return { ctx, connection, dir, file, setNow: (d) => (now = d), close: () => connection.close() };
}

/** A digest of every table's rows: equal digests mean the same data. */
export function digest(db: Db): string {
  return createHash('sha256').update(JSON.stringify(dump(db))).digest('hex');
}

/** Opens a data file the way the app does, reads its digest and integrity, and closes it. */
export function readFileState(file: string): { digest: string; integrity: string } {
  const { db } = openDatabase(file);
  try {
    return { digest: digest(db), integrity: db.pragma('integrity_check', { simple: true }) as string };
  } finally {
    db.close();
  }
}

/** Opens a file read-only with plain SQLite (no migration), for looking without touching. */
export function rawOpen(file: string): Db {
  return new Database(file, { readonly: true, fileMustExist: true });
}

/** Overwrites pages of a closed SQLite file with junk, as a failing disk would (page 1 holds the header). */
export function corruptPages(file: string, firstPage = 2, pages = 3): void {
  const db = rawOpen(file);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize * pages, 0xa5), 0, pageSize * pages, pageSize * (firstPage - 1));
  } finally {
    closeSync(fd);
  }
}
