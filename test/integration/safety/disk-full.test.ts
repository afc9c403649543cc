/**
 * A full disk, played by SQLite itself: `PRAGMA max_page_count` caps the file at its current size,
 * so the next write fails with SQLITE_FULL exactly as on a full disk. Every caller gets a sentence
 * with the way forward, and nothing is half-written.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/services/dispatch';
import { applyImport, type VisitRowIn } from '../../../electron/services/import/apply';
import { dump } from '../../support/db';
import { hostedShop } from './support';

const row = (n: number): VisitRowIn => ({
  row: n + 1,
  fingerprint: `full-${n}`,
  customer: { externalRef: null, name: `Person ${n} ${'x'.repeat(200)}`, email: null, phone: null, birthday: null, notes: 'n'.repeat(2000), tags: [], marketingConsent: null },
  date: '2026-03-01',
  amountCents: n,
  items: 'i'.repeat(500),
  staff: null,
  paymentMethod: null,
});

describe('a full disk', () => {
  it('a change that does not fit is refused in words, and the data is exactly as before', async () => {
    const shop = hostedShop({ demoCustomers: 30 });
    const db = shop.ctx.db;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const before = dump(db);

    const created = await dispatch(shop.ctx, 'customers:create', { name: 'Too Big', notes: 'x'.repeat(5000) }, () => undefined);
    expect(created).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: 'The disk is full, so nothing was saved. Free some space and try again.' } });
    expect(dump(db)).toEqual(before);

    // A big batch fails part-way through its transaction: none of it stays.
    expect(() => applyImport(shop.ctx, { kind: 'visits', rows: Array.from({ length: 400 }, (_, i) => row(i)) }, { fileName: 'big.csv', rowsRead: 400 })).toThrow(
      /full/,
    );
    expect(dump(db)).toEqual(before);
    shop.close();
  });
});
