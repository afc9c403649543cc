import { describe, expect, it } from 'vitest';
import {
  clvHistogram,
  cohortShade,
  forecastTotal,
  modelStatus,
  niceStep,
  recentCohorts,
  recentMonths,
  retentionTrend,
  revenueNewVsReturning,
  segmentSummary,
  strongestLaterShare,
  tierSummary,
  type SummarizableCustomer,
} from '../../../shared/metrics/reports';
import type { MonthActivity } from '../../../shared/metrics/activity';

const c = (revenueCents: number, segment: SummarizableCustomer['segment'], valueTier: SummarizableCustomer['valueTier'], predictedClvCents: number | null): SummarizableCustomer => ({
  revenueCents,
  segment,
  valueTier,
  predictedClvCents,
});

describe('segment and tier summaries', () => {
  const customers = [c(6000, 'champions', 'high', 1000), c(2000, 'champions', 'medium', 3000), c(2000, 'hibernating', 'low', null), c(0, null, null, null)];

  it('lists all ten segments with counts, revenue shares and averages', () => {
    const rows = segmentSummary(customers);
    expect(rows.length).toBe(10);
    const champions = rows.find((r) => r.segment === 'champions')!;
    expect([champions.customers, champions.revenueCents, champions.revenueSharePct, champions.averageRevenueCents, champions.averagePredictedClvCents]).toEqual([2, 8000, 80, 4000, 2000]);
    expect(champions.customerSharePct).toBeCloseTo(200 / 3, 10);
    const loyal = rows.find((r) => r.segment === 'loyal')!;
    expect([loyal.customers, loyal.averageRevenueCents]).toEqual([0, null]);
    expect(champions.advice.length).toBeGreaterThan(10);
  });

  it('lists the five tiers in order', () => {
    const rows = tierSummary(customers);
    expect(rows.map((r) => [r.tier, r.customers, r.revenueSharePct])).toEqual([
      ['high', 1, 60],
      ['medium', 1, 20],
      ['low', 1, 20],
      ['new', 0, 0],
      ['at-risk', 0, 0],
    ]);
  });
});

describe('CLV histogram', () => {
  it.each([
    [0.7, 1],
    [3, 5],
    [1200, 2000],
    [2100, 2500],
    [4999, 5000],
  ])('nice step for %d is %d', (v, expected) => {
    expect(niceStep(v)).toBeCloseTo(expected, 9);
  });

  it('buckets values in nice equal widths from 0, negatives in the first, nulls skipped', () => {
    // max 9500 / 10 buckets = 950 → step 1000; 10 buckets 0–10,000.
    const buckets = clvHistogram([-50, 0, 999, 1000, 9500, null]);
    expect(buckets.length).toBe(10);
    expect(buckets[0]).toEqual({ fromCents: 0, toCents: 1000, customers: 3 });
    expect(buckets[1]!.customers).toBe(1);
    expect(buckets[9]!.customers).toBe(1);
  });

  it('no values → no buckets; all zero → one bucket', () => {
    expect(clvHistogram([])).toEqual([]);
    expect(clvHistogram([0, 0])).toEqual([{ fromCents: 0, toCents: 100, customers: 2 }]);
  });
});

describe('monthly shapes', () => {
  const month = (m: string, over: Partial<MonthActivity>): MonthActivity => ({
    month: m,
    partial: false,
    newCustomers: 0,
    returningCustomers: 0,
    newRevenueCents: 0,
    returningRevenueCents: 0,
    visits: 0,
    startActive: 0,
    endActive: 0,
    lost: 0,
    retentionRatePct: null,
    churnRatePct: null,
    ...over,
  });
  const months = [month('2024-01', { newCustomers: 2, newRevenueCents: 1500, endActive: 2 }), month('2024-02', { returningCustomers: 1, returningRevenueCents: 1000, retentionRatePct: 50, churnRatePct: 50, endActive: 2, partial: true })];

  it('revenue new vs returning', () => {
    expect(revenueNewVsReturning(months).map((r) => [r.month, r.newRevenueCents, r.returningRevenueCents, r.partial])).toEqual([
      ['2024-01', 1500, 0, false],
      ['2024-02', 0, 1000, true],
    ]);
  });

  it('retention trend keeps n/a as null', () => {
    expect(retentionTrend(months).map((r) => [r.month, r.retentionRatePct, r.activeCustomers])).toEqual([
      ['2024-01', null, 2],
      ['2024-02', 50, 2],
    ]);
  });

  it('recent cohorts are cut to the newest rows and first months', () => {
    const rows = [1, 2, 3].map((i) => ({ cohort: `2024-0${i}`, size: 1, counts: [1, 1, 1], sharePct: [100, 100, 100] }));
    expect(recentCohorts(rows, 2, 2).map((r) => [r.cohort, r.sharePct])).toEqual([
      ['2024-02', [100, 100]],
      ['2024-03', [100, 100]],
    ]);
  });

  it('forecast total sums the months', () => {
    expect(forecastTotal([{ month: '2024-04', expectedVisits: 1.5, expectedRevenueCents: 300 }, { month: '2024-05', expectedVisits: 2, expectedRevenueCents: 400 }])).toEqual({ expectedVisits: 3.5, expectedRevenueCents: 700 });
  });
});

describe('model status in words', () => {
  const bg = { r: 1, alpha: 2, a: 0.5, b: 3 };
  const gg = { p: 6, q: 4, gamma: 15 };
  it.each([
    [{ bgnbd: bg, gammaGamma: gg, fallbackReason: null }, 'fitted', /fitted to your shop/, /own customers/],
    [{ bgnbd: bg, gammaGamma: null, fallbackReason: 'The spend model could not be fitted.' }, 'visits-only', /visits only/, /^The spend model could not be fitted\.$/],
    [{ bgnbd: null, gammaGamma: null, fallbackReason: 'Only 3 customers came back.' }, 'fallback', /simple estimates/, /^Only 3 customers came back\.$/],
    [{ bgnbd: null, gammaGamma: null, fallbackReason: null }, 'fallback', /simple estimates/, /not enough visit history/],
  ] as const)('%o → %s', (model, state, headline, detail) => {
    const status = modelStatus(model);
    expect(status.state).toBe(state);
    expect(status.headline).toMatch(headline);
    expect(status.detail).toMatch(detail);
  });
});

describe('recent months', () => {
  const rows = ['2026-01', '2026-02', '2026-03'].map((month) => ({ month }));
  it.each([
    [2, ['2026-02', '2026-03']],
    [3, ['2026-01', '2026-02', '2026-03']],
    [10, ['2026-01', '2026-02', '2026-03']],
    [0, []],
  ] as const)('last %i', (count, months) => {
    expect(recentMonths(rows, count).map((r) => r.month)).toEqual(months);
  });
});

describe('cohort shading', () => {
  const rows = [
    { cohort: '2026-01', size: 10, counts: [10, 4, 2], sharePct: [100, 40, 20] },
    { cohort: '2026-02', size: 5, counts: [5, 1], sharePct: [100, 20] },
  ];
  it('takes the strongest share after month 0', () => {
    expect(strongestLaterShare(rows)).toBe(40);
    expect(strongestLaterShare([{ cohort: '2026-03', size: 2, counts: [2], sharePct: [100] }])).toBe(0);
    expect(strongestLaterShare([])).toBe(0);
  });
  it.each([
    [40, 40, 1],
    [20, 40, 0.5],
    [100, 40, 1],
    [0, 40, 0],
    [25, 0, 0],
  ])('%d%% of a strongest %d%% → %d', (pct, strongest, shade) => {
    expect(cohortShade(pct, strongest)).toBe(shade);
  });
});
