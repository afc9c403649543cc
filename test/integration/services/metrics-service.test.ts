import { describe, expect, it } from 'vitest';
import { op, tempShop } from '../../support/db';

async function tinyShop() {
  const shop = tempShop(new Date('2026-06-30T12:00:00Z'));
  const ann = await op(shop, 'customers:create', { name: 'Ann', phone: '+44 7700 900001' });
  const ben = await op(shop, 'customers:create', { name: 'Ben' });
  await op(shop, 'customers:create', { name: 'Cy (no visits)' });
  for (const [date, cents] of [['2026-01-05', 1000], ['2026-02-05', 1000], ['2026-03-05', 1500], ['2026-04-05', 500]] as const) {
    await op(shop, 'visits:log', { customerId: ann.id, date, amountCents: cents });
  }
  await op(shop, 'visits:log', { customerId: ben.id, date: '2026-06-20', amountCents: 2000 });
  await op(shop, 'feedback:log', { customerId: ben.id, date: '2026-06-20', nps: 10 });
  await op(shop, 'feedback:log', { customerId: ann.id, date: '2026-04-05', nps: 4, comment: 'Too slow' });
  return { shop, ann, ben };
}

describe('metrics service on a real file', () => {
  it('computes shop figures from the stored visits and feedback', async () => {
    const { shop } = await tinyShop();
    const m = await op(shop, 'metrics:compute', {});
    expect(m.asOf).toBe('2026-06-30');
    expect(m.shop).toMatchObject({ customers: 3, visits: 5, revenueCents: 6000, averagePurchaseValueCents: 1200, npsScore: 0 });
    expect(m.model.bgnbd).toBeNull();
    expect(m.model.fallbackReason).toMatch(/too few|Only|not enough/i);
    const cy = m.customers.find((c) => c.name.startsWith('Cy'))!;
    expect(cy).toMatchObject({ visits: 0, segment: null, recencyScore: null });
  });

  it('counts only visits up to --as-of', async () => {
    const { shop } = await tinyShop();
    const m = await op(shop, 'metrics:compute', { asOf: '2026-02-28' });
    expect(m.shop).toMatchObject({ visits: 2, revenueCents: 2000 });
  });

  it('refreshes when data changes (the cache is keyed on the data version)', async () => {
    const { shop, ben } = await tinyShop();
    expect((await op(shop, 'metrics:compute', {})).shop.visits).toBe(5);
    await op(shop, 'visits:log', { customerId: ben.id, date: '2026-06-25', amountCents: 700 });
    expect((await op(shop, 'metrics:compute', {})).shop.visits).toBe(6);
  });

  it('Today lists the overdue regular and the open detractor with phone and reason; done removes them', async () => {
    const { shop, ann } = await tinyShop();
    const today = await op(shop, 'today:get', {});
    expect(today.overdueRegulars.map((e) => e.name)).toEqual(['Ann']);
    expect(today.overdueRegulars[0]!.phone).toBe('+44 7700 900001');
    expect(today.overdueRegulars[0]!.why).toMatch(/last seen \d+ days ago/);
    expect(today.detractors).toMatchObject([{ name: 'Ann', why: expect.stringMatching(/4\/10.*Too slow/) }]);
    expect(today.promoters.map((e) => e.name)).toEqual(['Ben']);
    await op(shop, 'today:done', { customerId: ann.id, reason: 'overdue-regular' });
    await op(shop, 'today:done', { customerId: ann.id, reason: 'detractor', feedbackId: today.detractors[0]!.feedbackId!, note: 'Called' });
    const after = await op(shop, 'today:get', {});
    expect(after.overdueRegulars).toEqual([]);
    expect(after.detractors).toEqual([]);
    expect((await op(shop, 'feedback:list', { filter: 'open' })).total).toBe(0);
  });

  it('Insights shapes segments and members for a click-through', async () => {
    const { shop } = await tinyShop();
    const insights = await op(shop, 'insights:get', {});
    const counted = insights.segments.reduce((n, s) => n + s.customers, 0);
    expect(counted).toBe(2);
    const first = insights.segments.find((s) => s.customers > 0)!;
    const members = await op(shop, 'insights:members', { segment: first.segment });
    expect(members.ids).toHaveLength(first.customers);
    const page = await op(shop, 'customers:list', { ids: members.ids });
    expect(page.total).toBe(first.customers);
  });
});
