/**
 * loadMetricsInput on a real SQLite file: the visit columns it scans out of SQLite's joined text must
 * hold exactly what a plain row-by-row read gives — refunds, zero amounts, id gaps wider than one
 * read chunk, visits of several customers on one day — and an empty shop must read as empty.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/db/connection';
import { loadMetricsInput } from '../../../electron/db/repositories/metrics-data';
import { toDayNumber } from '../../../shared/domain/dates';
import { tempShop } from '../../support/db';

const NOW = '2026-06-30T12:00:00Z';

function addCustomer(db: Db, id: number, name: string): void {
  db.prepare("INSERT INTO customers (id, name, name_key, created_at, updated_at) VALUES (?, ?, lower(?), ?, ?)").run(id, name, name, NOW, NOW);
}

function addVisit(db: Db, id: number, customerId: number, date: string, amountCents: number): void {
  db.prepare('INSERT INTO visits (id, customer_id, date, amount_cents, created_at) VALUES (?, ?, ?, ?, ?)').run(id, customerId, date, amountCents, NOW);
}

/** The plain reading the scanner replaces: one row object per visit, in id order. */
function rowByRow(db: Db): [number, number, number][] {
  return (db.prepare('SELECT customer_id, date, amount_cents FROM visits ORDER BY id').raw().all() as [number, string, number][]).map(([c, d, a]) => [c, toDayNumber(d), a]);
}

function columnsAsRows(db: Db): [number, number, number][] {
  const { visits } = loadMetricsInput(db);
  return Array.from(visits.customerId, (c, i) => [c, visits.day[i] as number, visits.amountCents[i] as number]);
}

describe('loadMetricsInput', () => {
  it('reads an empty shop as no visits', () => {
    const shop = tempShop();
    addCustomer(shop.db, 1, 'Ann');
    const input = loadMetricsInput(shop.db);
    expect(input.customers.map((c) => c.name)).toEqual(['Ann']);
    expect(input.visits.customerId.length).toBe(0);
    expect(input.visits.day.length).toBe(0);
    expect(input.visits.amountCents.length).toBe(0);
  });

  const cases: { name: string; visits: [id: number, customer: number, date: string, cents: number][] }[] = [
    { name: 'ordinary visits', visits: [[1, 1, '2026-01-05', 1250], [2, 2, '2026-01-05', 800], [3, 1, '2026-02-05', 999]] },
    { name: 'refunds and zero amounts', visits: [[1, 1, '2026-01-05', -1250], [2, 2, '2026-03-01', 0], [3, 2, '2026-03-02', -1]] },
    { name: 'big amounts and old and far dates', visits: [[1, 1, '1999-12-31', 9_007_199_254_740], [2, 2, '2099-01-01', 123_456_789], [3, 3, '1970-01-01', 5]] },
    { name: 'ids further apart than one read chunk', visits: [[7, 1, '2026-01-05', 100], [450_000, 2, '2026-01-06', 200], [900_001, 3, '2026-01-07', 300], [900_002, 1, '2026-01-08', 400]] },
    { name: 'ids in reverse of date order', visits: [[10, 3, '2026-05-01', 30], [20, 2, '2026-04-01', 20], [30, 1, '2026-03-01', 10]] },
    { name: 'negative and zero row ids', visits: [[-5, -2, '2026-05-01', 30], [0, 0, '2026-04-01', -20], [1, 1, '2026-03-01', 10]] },
  ];
  for (const { name, visits } of cases) {
    it(`gives the same columns as a row-by-row read: ${name}`, () => {
      const shop = tempShop(new Date(NOW));
      for (const id of [-2, 0, 1, 2, 3]) addCustomer(shop.db, id, `Customer ${id}`);
      for (const [id, customer, date, cents] of visits) addVisit(shop.db, id, customer, date, cents);
      const expected = rowByRow(shop.db);
      expect(expected).toHaveLength(visits.length);
      expect(columnsAsRows(shop.db)).toEqual(expected);
    });
  }

  for (const bad of ['2026-1/-05', '2026-09-5x', '26-09-05', '2026-09-05 ']) {
    it(`refuses a malformed stored date as toDayNumber does, even after a good one: ${JSON.stringify(bad)}`, () => {
      const shop = tempShop(new Date(NOW));
      addCustomer(shop.db, 1, 'Ann');
      addVisit(shop.db, 1, 1, '2026-09-05', 100);
      addVisit(shop.db, 2, 1, '2026-09-05', 100);
      addVisit(shop.db, 3, 1, bad, 100);
      expect(() => toDayNumber(bad)).toThrow(/YYYY-MM-DD/);
      expect(() => loadMetricsInput(shop.db)).toThrow(/YYYY-MM-DD/);
    });
  }

  // The scanner first tries a date as ten bytes followed by the field separator; a short malformed
  // date whose tenth byte after it happens to be a separator (here: the next visit's three-digit
  // customer id ends there) must still be read only up to its own separator and refused.
  it('refuses a short malformed date even where a separator sits ten bytes on', () => {
    const shop = tempShop(new Date(NOW));
    addCustomer(shop.db, 1, 'Ann');
    addCustomer(shop.db, 100, 'Bob');
    addVisit(shop.db, 1, 1, 'ab', 123);
    addVisit(shop.db, 2, 100, '2026-09-05', 5);
    expect(() => toDayNumber('ab')).toThrow(/YYYY-MM-DD/);
    expect(() => loadMetricsInput(shop.db)).toThrow(/YYYY-MM-DD/);
  });

  it('reads customers and feedback as the metrics name their fields', () => {
    const shop = tempShop(new Date(NOW));
    addCustomer(shop.db, 1, 'Ann');
    shop.db.prepare("UPDATE customers SET external_ref = 'A-1', birthday = '1990-04-01' WHERE id = 1").run();
    shop.db.prepare("INSERT INTO feedback (customer_id, date, nps, rating, comment, created_at) VALUES (1, '2026-05-01', 9, 5, 'Lovely', ?)").run(NOW);
    const input = loadMetricsInput(shop.db);
    expect(input.customers).toEqual([{ id: 1, externalRef: 'A-1', name: 'Ann', birthday: '1990-04-01' }]);
    expect(input.feedback).toEqual([{ customerId: 1, date: '2026-05-01', nps: 9, rating: 5, comment: 'Lovely' }]);
  });

  it('reads thousands of visits exactly, across many distinct days', () => {
    const shop = tempShop(new Date(NOW));
    for (let id = 1; id <= 50; id++) addCustomer(shop.db, id, `Customer ${id}`);
    const start = toDayNumber('2024-01-01');
    shop.db.transaction(() => {
      for (let i = 1; i <= 5000; i++) {
        const date = new Date((start + ((i * 37) % 900)) * 86_400_000).toISOString().slice(0, 10);
        addVisit(shop.db, i * 3, 1 + (i % 50), date, ((i * 7919) % 20_000) - 2_000);
      }
    })();
    expect(columnsAsRows(shop.db)).toEqual(rowByRow(shop.db));
  });
});
