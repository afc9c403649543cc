import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, backupsDirFor } from '../../../electron/db/connection';
import { migrate } from '../../../electron/db/migrate';
import { LATEST_VERSION, migrations } from '../../../electron/db/migrations';
import { createImportMappingsRepository } from '../../../electron/db/repositories/import-mappings';
import type { Migration } from '../../../electron/db/migration-types';
import { AppError } from '../../../shared/ipc/result';
import { tempDir } from '../../support/web-app';

describe('migrations', () => {
  it('creates the full schema on a fresh file, with WAL and foreign keys on', () => {
    const file = path.join(tempDir(), 'fresh.sqlite');
    const { db, migration } = openDatabase(file);
    expect(migration).toEqual({ from: 0, to: LATEST_VERSION, backupFile: null });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[]);
    expect(tables.map((t) => t.name).sort()).toEqual(['call_list_done', 'customers', 'data_revision', 'feedback', 'import_changes', 'import_mappings', 'imports', 'settings', 'visits']);
    for (const t of tables) expect(t.sql, t.name).toMatch(/STRICT$/);
    db.close();
  });

  it('reopening an up-to-date file changes nothing and takes no backup', () => {
    const file = path.join(tempDir(), 'again.sqlite');
    openDatabase(file).db.close();
    const { db, migration } = openDatabase(file);
    expect(migration.from).toBe(LATEST_VERSION);
    expect(migration.backupFile).toBeNull();
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future (x INTEGER)');
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('UNAVAILABLE');
    expect((error as AppError).message).toMatch(/newer version of Regulars/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 5);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'customers'").get()).toEqual({ n: 0 });
    check.close();
  });

  it('copies an existing database before migrating it', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const first = openDatabase(file).db;
    first.prepare("INSERT INTO settings (key, value) VALUES ('shopName', '\"Old Bakery\"')").run();
    first.close();
    const next: Migration = { version: LATEST_VERSION + 1, name: 'add-column', up: (db) => db.exec('ALTER TABLE customers ADD COLUMN nickname TEXT') };
    const db = new Database(file);
    const outcome = migrate(db, [...migrations, next], (from) => {
      const target = path.join(backupsDirFor(file), `before-${from}.sqlite`);
      mkdirSync(backupsDirFor(file), { recursive: true });
      db.prepare('VACUUM INTO ?').run(target);
      return target;
    });
    expect(outcome).toMatchObject({ from: LATEST_VERSION, to: LATEST_VERSION + 1 });
    expect(existsSync(outcome.backupFile!)).toBe(true);
    const copy = new Database(outcome.backupFile!);
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'shopName'").get()).toEqual({ value: '"Old Bakery"' });
    copy.close();
    db.close();
  });

  it('runs all pending steps in one transaction: a failing step leaves the file as it was', () => {
    const file = path.join(tempDir(), 'atomic.sqlite');
    openDatabase(file).db.close();
    const db = new Database(file);
    const good: Migration = { version: LATEST_VERSION + 1, name: 'good', up: (d) => d.exec('CREATE TABLE extra (x INTEGER) STRICT') };
    const bad: Migration = { version: LATEST_VERSION + 2, name: 'bad', up: () => { throw new Error('boom'); } };
    expect(() => migrate(db, [...migrations, good, bad], () => null)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'extra'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('openDatabase takes its own consistent copy into backups/ before migrating', () => {
    const dir = tempDir();
    const file = path.join(dir, 'shop.sqlite');
    const raw = new Database(file);
    raw.pragma('user_version = 0');
    raw.close();
    // Version 0 means "new": nothing to protect, no copy.
    openDatabase(file).db.close();
    expect(existsSync(path.join(dir, 'backups')) ? readdirSync(path.join(dir, 'backups')) : []).toEqual([]);
  });

  it('step 4 rebuilds visits with a named fingerprint index, keeping every row, reference, index and trigger', () => {
    const file = path.join(tempDir(), 'v3.sqlite');
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 3), () => null);
    db.exec(`
      INSERT INTO customers (id, name, name_key, created_at, updated_at) VALUES (1, 'Ann', 'ann', 'x', 'x');
      INSERT INTO imports (id, file_name, kind, status, started_at) VALUES (1, 'till.csv', 'visits', 'done', 'x');
      INSERT INTO visits (id, customer_id, date, amount_cents, import_id, fingerprint, created_at) VALUES
        (7, 1, '2024-01-02', 450, 1, 'abc', 'x'), (8, 1, '2024-02-03', 550, NULL, NULL, 'x'), (9, 1, '2024-03-04', 650, NULL, NULL, 'x');
      INSERT INTO feedback (customer_id, visit_id, date, nps, created_at) VALUES (1, 7, '2024-01-02', 9, 'x');
    `);
    const before = db.prepare('SELECT * FROM visits ORDER BY id').all();
    const totalsBefore = db.prepare('SELECT visit_count, total_cents, first_visit, last_visit FROM customers').get();
    migrate(db, migrations.slice(0, 4), () => null);

    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT * FROM visits ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT visit_id FROM feedback').get()).toEqual({ visit_id: 7 });
    expect(db.prepare('SELECT visit_count, total_cents, first_visit, last_visit FROM customers').get()).toEqual(totalsBefore);
    const schema = db.prepare("SELECT type, name FROM sqlite_master WHERE tbl_name = 'visits' AND type IN ('index', 'trigger') ORDER BY name").all();
    expect(schema).toEqual([
      { type: 'trigger', name: 'visits_after_delete' },
      { type: 'trigger', name: 'visits_after_insert' },
      { type: 'trigger', name: 'visits_after_update' },
      { type: 'index', name: 'visits_customer_date' },
      { type: 'index', name: 'visits_date' },
      { type: 'index', name: 'visits_fingerprint' },
      { type: 'index', name: 'visits_import' },
    ]);
    // The same rules as before: one row per fingerprint, any number without one, totals kept by the triggers.
    expect(() => db.prepare("INSERT INTO visits (customer_id, date, amount_cents, fingerprint, created_at) VALUES (1, '2024-05-05', 100, 'abc', 'x')").run()).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO visits (customer_id, date, amount_cents, created_at) VALUES (1, '2024-05-05', 100, 'x')").run();
    expect(db.prepare('SELECT visit_count, total_cents, last_visit FROM customers').get()).toEqual({ visit_count: 4, total_cents: 1750, last_visit: '2024-05-05' });
    // Deleting a visit still clears the feedback's link (the foreign key survived the rename).
    db.prepare('DELETE FROM visits WHERE id = 7').run();
    expect(db.prepare('SELECT visit_id FROM feedback').get()).toEqual({ visit_id: null });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('step 5 keeps a data revision that moves with customers, visits and what people said — and nothing else', () => {
    const file = path.join(tempDir(), 'v4.sqlite');
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 4), () => null);
    db.exec(`INSERT INTO customers (id, name, name_key, created_at, updated_at) VALUES (1, 'Ann', 'ann', 'x', 'x')`);
    migrate(db, migrations, () => null);
    const revision = () => db.prepare('SELECT n FROM data_revision').pluck().get() as number;
    const moves = (sql: string) => {
      const before = revision();
      db.exec(sql);
      return revision() > before;
    };
    expect(revision()).toBe(0);
    expect(moves(`INSERT INTO customers (id, name, name_key, created_at, updated_at) VALUES (2, 'Bob', 'bob', 'x', 'x')`)).toBe(true);
    expect(moves(`UPDATE customers SET notes = 'Likes rye' WHERE id = 2`)).toBe(true);
    expect(moves(`INSERT INTO visits (id, customer_id, date, amount_cents, created_at) VALUES (1, 1, '2024-01-02', 450, 'x')`)).toBe(true);
    expect(moves(`UPDATE visits SET amount_cents = 500 WHERE id = 1`)).toBe(true);
    expect(moves(`INSERT INTO feedback (id, customer_id, date, nps, created_at) VALUES (1, 1, '2024-01-02', 3, 'x')`)).toBe(true);
    expect(moves(`UPDATE feedback SET comment = 'Too slow' WHERE id = 1`)).toBe(true);
    // Following a comment up, and marking a call done on Today, are not data the metrics read.
    expect(moves(`UPDATE feedback SET follow_up = 'done', follow_up_note = 'Called' WHERE id = 1`)).toBe(false);
    expect(moves(`INSERT INTO call_list_done (customer_id, reason, done_on) VALUES (1, 'slipping', '2024-02-01')`)).toBe(false);
    expect(moves(`DELETE FROM feedback WHERE id = 1`)).toBe(true);
    expect(moves(`DELETE FROM visits WHERE id = 1`)).toBe(true);
    expect(moves(`DELETE FROM customers WHERE id = 2`)).toBe(true);
    db.close();
  });

  it('step 6 lets a remembered column mapping keep its date orders; mappings from before keep none', () => {
    const file = path.join(tempDir(), 'v5.sqlite');
    const db = new Database(file);
    migrate(db, migrations.slice(0, 5), () => null);
    db.exec(`INSERT INTO import_mappings (signature, fields, kind, updated_at) VALUES ('date|name', '["date","name"]', 'visits', 'x')`);
    migrate(db, migrations.slice(0, 6), () => null);
    expect(db.prepare('SELECT signature, fields, date_orders FROM import_mappings').all()).toEqual([{ signature: 'date|name', fields: '["date","name"]', date_orders: '{}' }]);
    // What makes no sense in a stored entry is not remembered.
    db.exec(`UPDATE import_mappings SET date_orders = '{"0":"dmy","x":"mdy","1":"sideways"}'`);
    expect(createImportMappingsRepository(db).list()).toEqual([{ signature: 'date|name', fields: ['date', 'name'], kind: 'visits', dateOrders: { 0: 'dmy' } }]);
    db.exec(`UPDATE import_mappings SET date_orders = 'not json'`);
    expect(createImportMappingsRepository(db).list()[0]!.dateOrders).toEqual({});
    db.close();
  });

  it('says in words when the file is not a database', () => {
    const file = path.join(tempDir(), 'junk.sqlite');
    writeFileSync(file, 'this is not a database at all, just some text '.repeat(100));
    expect(() => openDatabase(file)).toThrow(/damaged or is not a Regulars data file/);
  });
});
