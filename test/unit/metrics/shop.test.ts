import { describe, expect, it } from 'vitest';
import { computeInsights, computeShopMetrics } from '../../../shared/metrics/shop';
import { fitModels } from '../../../shared/metrics/models';
import { FOUR_CUSTOMERS, shop } from './handShop';
import { cdnowSampleVisits } from './referenceData';
import { SEGMENTS } from '../../../shared/metrics/rfm';
import { formatMoney } from '../../../shared/domain/money';

const CUSTOMER_KEYS = [
  'id', 'externalRef', 'name', 'visits', 'visitDays', 'firstVisit', 'lastVisit', 'revenueCents', 'recencyDays', 'recencyScore',
  'frequencyScore', 'monetaryScore', 'segment', 'valueTier', 'overdue', 'pAlive', 'expectedVisits', 'expectedSpendCents', 'predictedClvCents',
];
const SHOP_KEYS = [
  'customers', 'visits', 'revenueCents', 'averagePurchaseValueCents', 'purchaseFrequencyPerYear', 'customerLifespanYears', 'cltvCents',
  'profitCltvCents', 'retentionRatePct', 'repeatRatePct', 'npsScore', 'csatPct',
];

describe('computeShopMetrics on a hand-built shop', () => {
  const input = shop([...FOUR_CUSTOMERS, [1, '2024-05-01', 99_999]], 5, [
    { customerId: 1, date: '2024-03-01', nps: 10, rating: 5, comment: 'Lovely' },
    { customerId: 2, date: '2024-03-02', nps: 3, rating: 2, comment: 'Slow' },
  ]);
  const result = computeShopMetrics(input, { asOf: '2024-03-31', activeWindowDays: 30, marginPct: 50 });

  it('has the CLI JSON shape', () => {
    expect(Object.keys(result)).toEqual(['asOf', 'shop', 'model', 'customers']);
    for (const k of SHOP_KEYS) expect(result.shop).toHaveProperty(k);
    for (const k of CUSTOMER_KEYS) expect(result.customers[0]).toHaveProperty(k);
    expect(Object.keys(result.model)).toEqual(['bgnbd', 'gammaGamma', 'fallbackReason']);
  });

  it('ignores visits after the as-of date and sums in cents', () => {
    // 7 visits up to 31 Mar: 3000 + 500 + 1400 + 2000 = 6900 cents.
    expect(result.shop.visits).toBe(7);
    expect(result.shop.revenueCents).toBe(6900);
    expect(result.shop.averagePurchaseValueCents).toBe(986); // 6900 / 7 = 985.7
    expect(result.shop.customers).toBe(5);
    // C1 and C3 have 2+ visit days of 4 customers with visits.
    expect(result.shop.repeatRatePct).toBe(50);
    expect(result.shop.npsScore).toBe(0);
    expect(result.shop.csatPct).toBe(50);
  });

  it('falls back to the simple formula with a plain reason when too few customers came back', () => {
    expect(result.model.bgnbd).toBeNull();
    expect(result.model.fallbackReason).toBe(
      'Only 2 customers have come back for a second visit yet — too few to fit the prediction model (it needs 30); values use the simple formula instead.',
    );
    const c1 = result.customers[0]!;
    expect(c1.pAlive).toBeNull();
    // C1: 3 visit days since 5 Jan (87 days = 2.86 months) → 1.05 visits a month × €10 × 12 months.
    const perMonth = 3 / (87 / 30.4375);
    expect(c1.predictedClvCents).toBe(Math.round(1000 * perMonth * 12));
    // C2 last came 20 Jan, outside the 30-day window: nothing counted.
    expect(result.customers[1]!.predictedClvCents).toBe(0);
  });

  it('a customer without visits gets nulls, not zeros pretending to be scores', () => {
    const c5 = result.customers[4]!;
    expect(c5.visits).toBe(0);
    expect([c5.recencyScore, c5.segment, c5.valueTier, c5.overdue, c5.predictedClvCents, c5.firstVisit]).toEqual([null, null, null, null, null, null]);
  });

  it('every customer with a visit gets one segment, a tier and reasons in words', () => {
    for (const c of result.customers.slice(0, 4)) {
      expect(c.segment).not.toBeNull();
      expect(c.valueTier).not.toBeNull();
      expect(c.segmentReason).toMatch(/Recency \d\/5/);
      expect(c.tierReason).toBeTruthy();
      expect(c.cadenceReason).toBeTruthy();
      expect(c.predictionReason).toBeTruthy();
    }
    // C4 first came 15 Mar, within the 30-day window → New.
    expect(result.customers[3]!.valueTier).toBe('new');
  });

  it('retention over the last 365 days: nobody was active a year before → n/a', () => {
    expect(result.shop.retentionRatePct).toBeNull();
  });

  it('an empty shop never throws', () => {
    const empty = computeShopMetrics(shop([], 0), { asOf: '2024-01-01' });
    expect(empty.customers).toEqual([]);
    expect(empty.shop.averagePurchaseValueCents).toBeNull();
    expect(empty.model.fallbackReason).toBeTruthy();
  });

  it('insights include months, cohorts and feedback trend', () => {
    const { insights } = computeInsights(input, { asOf: '2024-03-31', activeWindowDays: 30 });
    expect(insights.months.map((m) => m.month)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(insights.cohorts[0]!.sharePct).toEqual([100, 50, 50]);
    expect(insights.feedbackTrend[0]!.npsScore).toBe(0);
    expect(insights.forecast.length).toBe(12);
    expect(insights.forecast[0]!.month).toBe('2024-04');
  });
});

describe('fitModels fallback', () => {
  it.each([
    [0, 'No customer has come back'],
    [1, 'Only 1 customer has come back'],
    [12, 'Only 12 customers have come back'],
  ])('%d repeat customers → fallback reason "%s…"', (repeat, start) => {
    const n = 40;
    const x = Array.from({ length: n }, (_, i) => (i < repeat ? 2 : 0));
    const models = fitModels({ x, tx: x.map((v) => v * 3), T: x.map(() => 20) }, { x, zbar: x.map(() => 10) });
    expect(models.bgnbd).toBeNull();
    expect(models.fallbackReason!.startsWith(start)).toBe(true);
  });

  it('never throws on nonsense input', () => {
    const models = fitModels({ x: [NaN, 1], tx: [Infinity, 1], T: [-1, 2] }, { x: [1], zbar: [NaN] });
    expect(models.fallbackReason).toBeTruthy();
  });
});

describe('computeShopMetrics on the CDNOW sample as a shop (as of 1997-09-30)', () => {
  const v = cdnowSampleVisits();
  const input = {
    customers: v.customerIds.map((id) => ({ id, externalRef: null, name: `#${id}` })),
    visits: { customerId: v.customerId, day: v.day, amountCents: v.amountCents },
    feedback: [],
  };
  const result = computeShopMetrics(input, { asOf: '1997-09-30', horizonDays: 39 * 7 });

  // The texts are put together from parts shared between customers; each must still be the
  // customer's own sentence, as written out here from the customer's own numbers.
  it('explains every customer with their own numbers', () => {
    const money = (cents: number) => formatMoney(cents, 'EUR', 'en-GB');
    const tenths = (n: number) => Math.round(n * 10) / 10;
    const ago = (n: number) => (n === 0 ? 'today' : n === 1 ? 'yesterday' : `${n} days ago`);
    const seen = result.customers.filter((c) => c.visits > 0);
    expect(seen.length).toBe(2357);
    for (const c of seen) {
      const segment = SEGMENTS.find((s) => s.id === c.segment)!;
      expect(c.segmentReason).toBe(
        `Recency ${c.recencyScore}/5 (last visit ${ago(c.recencyDays!)}), frequency ${c.frequencyScore}/5 (${c.visitDays === 1 ? '1 visit day' : `${c.visitDays} visit days`}) compared with your other customers: ${segment.description}`,
      );
      const lastSeen = `last seen ${ago(c.recencyDays!)}${c.overdue ? ' — overdue' : ''}.`;
      const visits = c.visitDays === 1 ? 'Only 1 visit so far' : `Only ${c.visitDays} visits so far`;
      const gap = tenths(c.usualGapDays!);
      expect(c.cadenceReason).toBe(
        c.visitDays >= 3
          ? `Usually ${gap === 1 ? 'every day' : `every ${gap} days`}; ${lastSeen}`
          : `${visits}, so compared with the shop's typical gap of ${gap === 1 ? '1 day' : `${gap} days`}; ${lastSeen}`,
      );
      const expected = /^Expected about ([\d.]+) visits in the next 12 months at about (.+) each; worth (.+) today \(discounted 1% a month\)\.$/.exec(c.predictionReason!);
      expect(expected?.slice(2)).toEqual([money(c.expectedSpendCents!), money(c.predictedClvCents!)]);
    }
  });

  it('fits BG/NBD to the README’s unrounded values', () => {
    const bg = result.model.bgnbd!;
    expect(bg.timeUnit).toBe('weeks');
    expect(bg.r).toBeCloseTo(0.24259, 5);
    expect(bg.alpha).toBeCloseTo(4.4136, 4);
    expect(bg.a).toBeCloseTo(0.79292, 5);
    expect(bg.b).toBeCloseTo(2.42589, 4);
    expect(bg.logLikelihood).toBeCloseTo(-9582.429, 3);
    expect(result.model.fallbackReason).toBeNull();
  });

  it('fits Gamma-Gamma in cents close to the published p 6.25, q 3.74 (γ 100× 15.44)', () => {
    const gg = result.model.gammaGamma!;
    expect(gg.p).toBeCloseTo(6.25, 1);
    expect(gg.q).toBeCloseTo(3.74, 1);
    expect(gg.gamma / 100).toBeCloseTo(15.44, 0);
  });

  it('customer 1 (x=2, t_x=30.43, T=38.86) expects ≈1.226 visits in the next 39 weeks', () => {
    expect(result.customers[0]!.expectedVisits!).toBeCloseTo(1.226, 2);
  });

  it('customers who never came back have P(alive) = 1', () => {
    for (const c of result.customers) if (c.visitDays === 1) expect(c.pAlive).toBe(1);
  });

  it('predicted CLV is finite and non-negative for every customer', () => {
    for (const c of result.customers) expect(c.predictedClvCents! >= 0 && Number.isFinite(c.predictedClvCents!)).toBe(true);
  });
});
