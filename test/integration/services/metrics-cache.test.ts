/** The metrics service's cache on a real file: reused while nothing changed, refreshed as soon as anything has, on any connection. */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/connection';
import { createServiceContext } from '../../../electron/services/context';
import { analyseShop } from '../../../electron/services/metrics';
import { op, tempShop } from '../../support/db';

async function shopWithAnUnhappyRegular() {
  const shop = tempShop(new Date('2026-06-30T12:00:00Z'));
  const ann = await op(shop, 'customers:create', { name: 'Ann', phone: '+44 7700 900001' });
  for (const date of ['2026-01-05', '2026-02-05', '2026-03-05', '2026-04-05']) await op(shop, 'visits:log', { customerId: ann.id, date, amountCents: 1000 });
  const complaint = await op(shop, 'feedback:log', { customerId: ann.id, date: '2026-04-05', nps: 4, comment: 'Too slow' });
  return { shop, ann, complaint };
}

describe('metrics cache', () => {
  it('answers from the cache until a visit, a feedback or a change made through another connection', async () => {
    const { shop, ann } = await shopWithAnUnhappyRegular();
    const first = analyseShop(shop).metrics;
    expect(analyseShop(shop).metrics).toBe(first);
    await op(shop, 'visits:log', { customerId: ann.id, date: '2026-06-29', amountCents: 800 });
    const second = analyseShop(shop).metrics;
    expect(second).not.toBe(first);
    expect(second.shop.visits).toBe(5);

    await op(shop, 'feedback:log', { customerId: ann.id, date: '2026-06-29', nps: 10 });
    const third = analyseShop(shop).metrics;
    expect(third.shop.npsScore).toBe(0); // one detractor, one promoter

    const other = openDatabase(shop.file).db;
    await op(createServiceContext(other, shop.file, () => new Date('2026-06-30T12:00:00Z')), 'visits:log', { customerId: ann.id, date: '2026-06-30', amountCents: 900 });
    other.close();
    expect(analyseShop(shop).metrics.shop.visits).toBe(6);
  });

  it('keeps the result when a call is marked done on Today, on this connection or the other lane’s', async () => {
    const { shop, ann, complaint } = await shopWithAnUnhappyRegular();
    const first = analyseShop(shop).metrics;
    const today = await op(shop, 'today:get', {});
    const entry = today.detractors.find((c) => c.customerId === ann.id);
    expect(entry).toBeDefined();
    await op(shop, 'today:done', { customerId: ann.id, reason: entry!.reason, feedbackId: complaint.id, note: 'Called, sorry' });
    expect(analyseShop(shop).metrics).toBe(first);
    // Ann is off the list all the same: the list's "done" marks are read fresh every time.
    expect((await op(shop, 'today:get', {})).detractors.some((c) => c.customerId === ann.id)).toBe(false);

    const other = openDatabase(shop.file).db;
    await op(createServiceContext(other, shop.file, () => new Date('2026-06-30T12:00:00Z')), 'feedback:setFollowUp', { id: complaint.id, done: false, note: '' });
    other.close();
    expect(analyseShop(shop).metrics).toBe(first);
  });

  it('computes afresh on a new connection to the file (a restore reopens it)', async () => {
    const { shop } = await shopWithAnUnhappyRegular();
    const first = analyseShop(shop).metrics;
    const reopened = openDatabase(shop.file).db;
    const again = analyseShop(createServiceContext(reopened, shop.file, () => new Date('2026-06-30T12:00:00Z'))).metrics;
    reopened.close();
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
