/**
 * Report shaping for the Insights screen: small pure functions that turn metrics into chart rows.
 * Money in cents, shares in percent (0–100).
 */
import { SEGMENTS, type SegmentId } from './rfm';
import { TIER_LABELS, type TierId } from './tiers';
import type { MonthActivity } from './activity';
import type { CohortRow } from './cohorts';
import type { YearMonth } from '../domain/dates';

/** The per-customer fields the summaries read (a subset of the metrics output). */
export interface SummarizableCustomer {
  revenueCents: number;
  segment: SegmentId | null;
  valueTier: TierId | null;
  predictedClvCents: number | null;
}

/** One segment's row: how many, what share of customers and of revenue, and what to do. */
export interface SegmentSummaryRow {
  segment: SegmentId;
  label: string;
  advice: string;
  customers: number;
  customerSharePct: number;
  revenueCents: number;
  revenueSharePct: number;
  /** Mean revenue to date per customer in the segment; null when empty. */
  averageRevenueCents: number | null;
  /** Mean predicted CLV; null when empty or not predicted. */
  averagePredictedClvCents: number | null;
}

function share(part: number, whole: number): number {
  return whole !== 0 ? (part / whole) * 100 : 0;
}

/** Counts and revenue per group key, skipping customers without one. */
function groupTotals<K>(customers: readonly SummarizableCustomer[], key: (c: SummarizableCustomer) => K | null) {
  const groups = new Map<K, { n: number; revenue: number; clv: number; clvN: number }>();
  let n = 0;
  let revenue = 0;
  for (const c of customers) {
    const k = key(c);
    if (k === null) continue;
    const g = groups.get(k) ?? { n: 0, revenue: 0, clv: 0, clvN: 0 };
    g.n++;
    g.revenue += c.revenueCents;
    if (c.predictedClvCents !== null) {
      g.clv += c.predictedClvCents;
      g.clvN++;
    }
    groups.set(k, g);
    n++;
    revenue += c.revenueCents;
  }
  return { groups, n, revenue };
}

/** The figures every group row shows (a segment or a tier), from its totals and the shop's. */
function groupFigures(g: { n: number; revenue: number; clv: number; clvN: number } | undefined, n: number, revenue: number) {
  const { n: count, revenue: groupRevenue, clv, clvN } = g ?? { n: 0, revenue: 0, clv: 0, clvN: 0 };
  return {
    customers: count,
    customerSharePct: share(count, n),
    revenueCents: groupRevenue,
    revenueSharePct: share(groupRevenue, revenue),
    averageRevenueCents: count > 0 ? Math.round(groupRevenue / count) : null,
    averagePredictedClvCents: clvN > 0 ? Math.round(clv / clvN) : null,
  };
}

/** All ten segments in grid order (empty ones included, so charts keep their shape). */
export function segmentSummary(customers: readonly SummarizableCustomer[]): SegmentSummaryRow[] {
  const { groups, n, revenue } = groupTotals(customers, (c) => c.segment);
  return SEGMENTS.map((s) => {
    return { segment: s.id, label: s.label, advice: s.advice, ...groupFigures(groups.get(s.id), n, revenue) };
  });
}

/** One tier's row. */
export interface TierSummaryRow {
  tier: TierId;
  label: string;
  customers: number;
  customerSharePct: number;
  revenueCents: number;
  revenueSharePct: number;
  averageRevenueCents: number | null;
  averagePredictedClvCents: number | null;
}

const TIER_ORDER: readonly TierId[] = ['high', 'medium', 'low', 'new', 'at-risk'];

/** The five tiers in a fixed order: High, Medium, Low, New, At risk. */
export function tierSummary(customers: readonly SummarizableCustomer[]): TierSummaryRow[] {
  const { groups, n, revenue } = groupTotals(customers, (c) => c.valueTier);
  return TIER_ORDER.map((tier) => {
    return { tier, label: TIER_LABELS[tier], ...groupFigures(groups.get(tier), n, revenue) };
  });
}

/** A histogram bucket [fromCents, toCents); the last bucket also holds its upper edge. */
export interface HistogramBucket {
  fromCents: number;
  toCents: number;
  customers: number;
}

/** The smallest 1, 2, 2.5 or 5 × 10^k at or above `value` (a "nice" axis step). */
export function niceStep(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= value - 1e-9 * power) return m * power;
  return 10 * power;
}

/**
 * Histogram of predicted CLV (cents) in at most `maxBuckets` equal buckets of a "nice" width starting
 * at 0; negative values count in the first bucket. Null values are skipped; no values → no buckets.
 */
export function clvHistogram(values: readonly (number | null)[], maxBuckets = 10): HistogramBucket[] {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length === 0) return [];
  const max = Math.max(0, ...xs);
  const step = Math.max(100, niceStep(max / maxBuckets)); // at least one currency unit wide
  const count = Math.max(1, Math.min(maxBuckets, Math.floor(max / step) + 1));
  const buckets: HistogramBucket[] = Array.from({ length: count }, (_, i) => ({ fromCents: i * step, toCents: (i + 1) * step, customers: 0 }));
  for (const v of xs) {
    const i = Math.min(count - 1, Math.max(0, Math.floor(v / step)));
    (buckets[i] as HistogramBucket).customers++;
  }
  return buckets;
}

/** Monthly revenue split between first-month customers and returning ones. */
export interface RevenueSplitRow {
  month: YearMonth;
  newRevenueCents: number;
  returningRevenueCents: number;
  newCustomers: number;
  returningCustomers: number;
  partial: boolean;
}

/** Revenue of new vs returning customers per month, from {@link MonthActivity} rows. */
export function revenueNewVsReturning(months: readonly MonthActivity[]): RevenueSplitRow[] {
  return months.map((m) => ({
    month: m.month,
    newRevenueCents: m.newRevenueCents,
    returningRevenueCents: m.returningRevenueCents,
    newCustomers: m.newCustomers,
    returningCustomers: m.returningCustomers,
    partial: m.partial,
  }));
}

/** Retention and churn per month, with the number of active customers at each month's end. */
export interface RetentionTrendRow {
  month: YearMonth;
  retentionRatePct: number | null;
  churnRatePct: number | null;
  activeCustomers: number;
  partial: boolean;
}

/** Retention trend from {@link MonthActivity} rows; months before anyone was active show null ("n/a"). */
export function retentionTrend(months: readonly MonthActivity[]): RetentionTrendRow[] {
  return months.map((m) => ({
    month: m.month,
    retentionRatePct: m.retentionRatePct,
    churnRatePct: m.churnRatePct,
    activeCustomers: m.endActive,
    partial: m.partial,
  }));
}

/** The newest `maxCohorts` cohorts, each cut to `maxMonths` months since the first visit. */
export function recentCohorts(rows: readonly CohortRow[], maxCohorts = 12, maxMonths = 12): CohortRow[] {
  return rows.slice(-maxCohorts).map((r) => ({ ...r, counts: r.counts.slice(0, maxMonths), sharePct: r.sharePct.slice(0, maxMonths) }));
}

/** Predicted revenue from existing customers: one month's expected visits and revenue. */
export interface ForecastRow {
  month: YearMonth;
  expectedVisits: number;
  expectedRevenueCents: number;
}

/** Totals of a forecast, e.g. "about €12,300 from your existing customers in the next 12 months". */
export function forecastTotal(rows: readonly ForecastRow[]): { expectedVisits: number; expectedRevenueCents: number } {
  let visits = 0;
  let revenue = 0;
  for (const r of rows) {
    visits += r.expectedVisits;
    revenue += r.expectedRevenueCents;
  }
  return { expectedVisits: visits, expectedRevenueCents: revenue };
}

/** The prediction model's state in words, for the owner (see {@link modelStatus}). */
export interface ModelStatus {
  /** 'fitted': both models; 'visits-only': the visit model without the spend model; 'fallback': simple formulas. */
  state: 'fitted' | 'visits-only' | 'fallback';
  headline: string;
  detail: string;
}

/** What the model block of the metrics means for the numbers on screen, in plain words. */
export function modelStatus(model: { bgnbd: object | null; gammaGamma: object | null; fallbackReason: string | null }): ModelStatus {
  if (model.bgnbd === null) {
    return {
      state: 'fallback',
      headline: 'Predictions use simple estimates',
      detail: model.fallbackReason ?? 'There is not enough visit history yet to fit the prediction model; values use the simple formula instead.',
    };
  }
  const learned = "Predictions come from a model fitted to your own customers: how often each one comes, how likely they are to have stopped, and (for value) what they spend.";
  if (model.gammaGamma === null) {
    return { state: 'visits-only', headline: 'Prediction model fitted (visits only)', detail: model.fallbackReason ?? learned };
  }
  return { state: 'fitted', headline: 'Prediction model fitted to your shop', detail: learned };
}

/** The last `count` rows of a month series (charts stay readable on a shop with years of history). */
export function recentMonths<T extends { month: YearMonth }>(rows: readonly T[], count: number): T[] {
  return count > 0 ? rows.slice(-count) : [];
}

/**
 * Background strength (0–1) of a cohort cell: the share still visiting relative to the strongest
 * later month of the table (month 0 is always 100% and would wash every other cell out).
 */
export function cohortShade(sharePct: number, strongestLaterPct: number): number {
  if (!(strongestLaterPct > 0) || !(sharePct > 0)) return 0;
  return Math.min(1, sharePct / strongestLaterPct);
}

/** The highest share in any month after month 0, over all cohort rows (0 for none). */
export function strongestLaterShare(rows: readonly CohortRow[]): number {
  let max = 0;
  for (const r of rows) for (let i = 1; i < r.sharePct.length; i++) max = Math.max(max, r.sharePct[i] as number);
  return max;
}
