import path from 'node:path';
import { openDatabase, type Db } from '../../electron/db/connection';
import { createServiceContext, type ServiceContext } from '../../electron/services/context';
import { call } from '../../electron/services/dispatch';
import type { OpName, Out } from '../../shared/ipc/contract';
import { tempDir } from './web-app';

/** A real SQLite file in a fresh temp folder, migrated, with a fixed clock. */
export function tempShop(now = new Date('2026-11-20T10:00:00Z')): ServiceContext & { file: string; dir: string } {
  const dir = tempDir();
  const file = path.join(dir, 'shop.sqlite');
  const { db } = openDatabase(file);
  return { ...createServiceContext(db, file, () => now), file, dir };
}

/** Calls an operation the way every caller does (validation + Result), throwing on failure. */
export function op<K extends OpName>(ctx: ServiceContext, name: K, input: unknown): Promise<Out<K>> {
  return call(ctx, name, input);
}

/** Every user table's rows, for "nothing changed" and "identical database" comparisons. */
export function dump(db: Db): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}
