/**
 * A visits import is a bulk load (imports repository, bulkLoadVisits): the per-visit totals trigger and,
 * for a file as big as the shop's history, the secondary visit indexes are set aside inside the import's
 * transaction, and so are the data revision's per-row triggers and, when the load touches most of the
 * shop's customers, the customer indexes on the totals. These tests hold that to account on real
 * SQLite: the customer totals end up exactly as the trigger keeps them, the revision moves once for a
 * load that wrote anything, and the schema (triggers and indexes) is the same afterwards whether the
 * import commits, is a dry run, or fails half-way.
 */
import { describe, expect, it } from 'vitest';
import { applyImport, type CustomerFacts, type VisitRowIn } from '../../../electron/services/import/apply';
import { AppError } from '../../../shared/ipc/result';
import type { Db } from '../../../electron/db/connection';
import { op, tempShop } from '../../support/db';

const facts = (over: Partial<CustomerFacts>): CustomerFacts => ({
  externalRef: null, name: null, email: null, phone: null, birthday: null, notes: null, tags: [], marketingConsent: null, ...over,
});

const visit = (row: number, customer: Partial<CustomerFacts>, date: string, amountCents: number): VisitRowIn => ({
  row, fingerprint: `fp-${row}-${date}-${amountCents}`, customer: facts(customer), date, amountCents, items: '', staff: null, paymentMethod: null,
});

/** Sales spread over `people` customers, dates from 2025-01-01 on; deterministic. */
function sales(count: number, people: number, firstRow = 2): VisitRowIn[] {
  return Array.from({ length: count }, (_, i) => {
    const person = (i * 7) % people;
    const day = new Date(Date.UTC(2025, 0, 1) + ((i * 13) % 500) * 86_400_000).toISOString().slice(0, 10);
    return visit(firstRow + i, { name: `Person ${person}` }, day, 100 + ((i * 37) % 900));
  });
}

/** Every customer whose stored totals differ from what their visits add up to. */
function totalsOffBy(db: Db): unknown[] {
  return db
    .prepare(
      `SELECT c.id, c.visit_count, c.total_cents, c.first_visit, c.last_visit, v.n, v.cents, v.first, v.last
         FROM customers c
         LEFT JOIN (SELECT customer_id, count(*) AS n, sum(amount_cents) AS cents, min(date) AS first, max(date) AS last
                      FROM visits GROUP BY customer_id) v ON v.customer_id = c.id
        WHERE c.visit_count IS NOT coalesce(v.n, 0) OR c.total_cents IS NOT coalesce(v.cents, 0)
           OR c.first_visit IS NOT v.first OR c.last_visit IS NOT v.last`,
    )
    .all();
}

/** Every table, index and trigger: a bulk load sets some aside and must put each back as it was. */
const schemaOf = (db: Db) => db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`).all();

const revision = (db: Db) => db.prepare('SELECT n FROM data_revision').pluck().get() as number;

/** A shop with `existing` visits logged by hand (through the trigger) for three customers. */
async function shopWithHistory(existing: number) {
  const shop = tempShop();
  const ids: number[] = [];
  for (const name of ['Person 0', 'Person 1', 'Person 2']) ids.push((await op(shop, 'customers:create', { name })).id);
  for (let i = 0; i < existing; i++) {
    const date = new Date(Date.UTC(2024, 5, 1) + i * 86_400_000 * 3).toISOString().slice(0, 10);
    await op(shop, 'visits:log', { customerId: ids[i % 3]!, date, amountCents: 500 + i });
  }
  return { shop, ids };
}

describe('a visits import as a bulk load', () => {
  // Bigger than the history: the indexes are rebuilt; smaller: they are kept and filled row by row.
  it.each([
    { history: 0, imported: 3000, people: 400 },
    { history: 30, imported: 300, people: 50 },
    { history: 300, imported: 40, people: 10 },
  ])('leaves every customer total exactly as the trigger would ($history visits before, $imported imported)', async ({ history, imported, people }) => {
    const { shop } = await shopWithHistory(history);
    const schema = schemaOf(shop.db);
    const settings = () => [shop.db.pragma('temp_store', { simple: true }), shop.db.pragma('cache_size', { simple: true })];
    const settingsBefore = settings();
    const rows = sales(imported, people);
    // The same row twice in one file is a second sale: both are kept, and counted.
    rows.push({ ...rows[0]!, row: imported + 2 });
    const s = applyImport(shop, { kind: 'visits', rows }, { fileName: 'sales.csv', rowsRead: rows.length });
    expect(s.visitsCreated + s.duplicatesSkipped).toBe(rows.length);
    expect(totalsOffBy(shop.db)).toEqual([]);
    expect(schemaOf(shop.db)).toEqual(schema);
    // The import's own page cache and temp storage (in memory; on disk while indexes are sorted) are put back.
    expect(settings()).toEqual(settingsBefore);

    // The trigger is back for every later write.
    const person = shop.db.prepare(`SELECT id FROM customers WHERE name = 'Person 1'`).get() as { id: number };
    await op(shop, 'visits:log', { customerId: person.id, date: '2023-01-01', amountCents: 1 });
    expect(totalsOffBy(shop.db)).toEqual([]);
  });

  // Smaller history than the file: fingerprints checked in memory; bigger: by the unique index.
  it.each([
    { history: 0, imported: 400 },
    { history: 600, imported: 40 },
  ])('importing the same rows again adds nothing ($history visits before, $imported imported)', async ({ history, imported }) => {
    const { shop } = await shopWithHistory(history);
    const rows = sales(imported, 10);
    rows.push({ ...rows[3]!, row: imported + 2 });
    const first = applyImport(shop, { kind: 'visits', rows }, { fileName: 'sales.csv', rowsRead: rows.length });
    expect(first).toMatchObject({ visitsCreated: rows.length, duplicatesSkipped: 0 });
    const before = shop.db.prepare('SELECT * FROM customers ORDER BY id').all();
    const again = applyImport(shop, { kind: 'visits', rows }, { fileName: 'sales.csv', rowsRead: rows.length });
    expect(again).toMatchObject({ visitsCreated: 0, duplicatesSkipped: rows.length, visitsRevenueCents: 0, firstDate: null, lastDate: null });
    expect(shop.db.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: history + rows.length });
    expect(shop.db.prepare('SELECT * FROM customers ORDER BY id').all()).toEqual(before);
    expect(totalsOffBy(shop.db)).toEqual([]);
  });

  // The demo shop loads its visits the same way, with no import and no fingerprints.
  it.each([
    { history: 0, planned: 200 },
    { history: 30, planned: 200 },
    { history: 300, planned: 10 },
  ])('visits without an import get the ids the loader hands back ($history visits before, $planned planned)', async ({ history, planned }) => {
    const { shop, ids } = await shopWithHistory(history);
    const schema = schemaOf(shop.db);
    const made: { id: number; customerId: number; amountCents: number }[] = [];
    shop.db.transaction(() =>
      shop.repos.visits.bulkLoad('2026-11-20T10:00:00.000Z', planned, (loader) => {
        for (let i = 0; i < 200; i++) {
          const customerId = ids[i % 3]!;
          const amountCents = 100 + i;
          const id = loader.add(customerId, { date: `2025-02-${String((i % 28) + 1).padStart(2, '0')}`, amountCents, items: 'Bread', staff: null, paymentMethod: null }, null);
          made.push({ id: id!, customerId, amountCents });
        }
      }),
    )();
    const stored = shop.db.prepare('SELECT id, customer_id AS customerId, amount_cents AS amountCents FROM visits WHERE import_id IS NULL AND fingerprint IS NULL ORDER BY id').all();
    expect(stored.slice(history)).toEqual(made);
    expect(totalsOffBy(shop.db)).toEqual([]);
    expect(schemaOf(shop.db)).toEqual(schema);
  });

  // Touching most of the shop's customers sets their totals indexes aside; touching a few keeps them.
  it.each([
    { others: 0, label: 'every customer' },
    { others: 60, label: 'a few of many customers' },
  ])('adds the totals of $label and puts every index back', async ({ others }) => {
    const { shop } = await shopWithHistory(9);
    for (let i = 0; i < others; i++) await op(shop, 'customers:create', { name: `Other ${i}` });
    const schema = schemaOf(shop.db);
    applyImport(shop, { kind: 'visits', rows: sales(120, 5) }, { fileName: 'sales.csv', rowsRead: 120 });
    expect(totalsOffBy(shop.db)).toEqual([]);
    expect(schemaOf(shop.db)).toEqual(schema);
    // The indexes answer again: the biggest spender found through customers_total_cents.
    const top = shop.db.prepare('SELECT name FROM customers INDEXED BY customers_total_cents ORDER BY total_cents DESC LIMIT 1').pluck().get();
    expect(top).toBe(shop.db.prepare('SELECT name FROM customers ORDER BY total_cents DESC, id LIMIT 1').pluck().get());
  });

  it('moves the data revision once for a load that wrote anything, and not for one that wrote nothing', async () => {
    const { shop } = await shopWithHistory(6);
    const rows = sales(300, 40);
    const before = revision(shop.db);
    // 37 new customers and 300 visits: one move, not one per row.
    applyImport(shop, { kind: 'visits', rows }, { fileName: 'sales.csv', rowsRead: rows.length });
    expect(revision(shop.db)).toBe(before + 1);
    // The same file again adds nothing, so nothing the metrics read has changed.
    applyImport(shop, { kind: 'visits', rows }, { fileName: 'sales.csv', rowsRead: rows.length });
    expect(revision(shop.db)).toBe(before + 1);
    // The triggers are back: a customer added by hand moves it again.
    await op(shop, 'customers:create', { name: 'Walk-in' });
    expect(revision(shop.db)).toBe(before + 2);
  });

  it('a dry run and a failed import leave data, totals and schema exactly as they were', async () => {
    const { shop } = await shopWithHistory(12);
    const schema = schemaOf(shop.db);
    const customersBefore = shop.db.prepare('SELECT * FROM customers ORDER BY id').all();
    const revisionBefore = revision(shop.db);
    const visitsBefore = shop.db.prepare('SELECT count(*) AS n FROM visits').get();

    applyImport(shop, { kind: 'visits', rows: sales(500, 20) }, { fileName: 'sales.csv', rowsRead: 500, dryRun: true });
    // The last row names nobody: the import stops there and nothing of it is kept.
    const failing = [...sales(500, 20), visit(900, {}, '2025-05-05', 100)];
    expect(() => applyImport(shop, { kind: 'visits', rows: failing }, { fileName: 'sales.csv', rowsRead: failing.length })).toThrow(AppError);

    expect(schemaOf(shop.db)).toEqual(schema);
    expect(revision(shop.db)).toBe(revisionBefore);
    expect(shop.db.prepare('SELECT * FROM customers ORDER BY id').all()).toEqual(customersBefore);
    expect(shop.db.prepare('SELECT count(*) AS n FROM visits').get()).toEqual(visitsBefore);
    expect(totalsOffBy(shop.db)).toEqual([]);
  });
});
