/**
 * Customer value, segments, predictions and feedback figures, computed from the shop's own data by
 * the pure metrics module. Results are cached per data revision and options, so screens that ask
 * again get the answer instantly until a visit, customer or feedback changes (see dataStamp).
 */
import { addDays, isLocalDate } from '../../shared/domain/dates';
import type { Out, Parsed } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import { computeInsights, type ShopInsights, type ShopMetrics, type ShopMetricsOptions } from '../../shared/metrics/shop';
import { clvHistogram, forecastTotal, recentCohorts, retentionTrend, revenueNewVsReturning, segmentSummary, tierSummary } from '../../shared/metrics/reports';
import { buildCallList, doneThisWeek, DONE_KEEPS_OFF_DAYS, recentlyDone } from '../../shared/metrics/call-list';
import { SEGMENTS } from '../../shared/metrics/rfm';
import { TIER_LABELS } from '../../shared/metrics/tiers';
import { changeCount } from '../db/change-count';
import { createCallListRepository } from '../db/repositories/call-list';
import { loadMetricsInput, metricsDataRevision } from '../db/repositories/metrics-data';
import { today, type ServiceContext } from './context';

export interface MetricsOverrides {
  asOf?: string | undefined;
  horizonDays?: number | undefined;
  clvMonths?: number | undefined;
  discountMonthly?: number | undefined;
  marginPct?: number | undefined;
  lifespanYears?: number | null | undefined;
}

interface Cached {
  /** The connection it was computed on: a restore reopens the file, and its revision starts anew. */
  db: ServiceContext['db'];
  key: string;
  metrics: ShopMetrics;
  insights: ShopInsights;
}
let cache: Cached | null = null;

/**
 * Where the data the metrics read stands. The data revision moves only with customers, visits and
 * feedback, so a call marked done on Today (another table, on the other worker's connection) keeps
 * the result; a file without the counter falls back to any change at all.
 */
function dataStamp(ctx: ServiceContext): string {
  const revision = metricsDataRevision(ctx.db);
  return revision === null ? `any:${changeCount(ctx.db)}` : `rev:${revision}`;
}

function optionsFor(ctx: ServiceContext, overrides: MetricsOverrides): ShopMetricsOptions {
  const settings = ctx.repos.settings.get();
  const asOf = overrides.asOf ?? today(ctx);
  if (!isLocalDate(asOf)) throw new AppError('BAD_INPUT', `"${asOf}" is not a date; use YYYY-MM-DD.`);
  return {
    asOf,
    horizonDays: overrides.horizonDays ?? 90,
    clvMonths: overrides.clvMonths ?? 12,
    discountMonthly: overrides.discountMonthly ?? 0.01,
    marginPct: overrides.marginPct ?? settings.marginPct,
    lifespanYears: overrides.lifespanYears ?? null,
    activeWindowDays: settings.activeWindowDays,
    currency: settings.currency,
    locale: settings.locale,
  };
}

/** The full analysis, from the cache when nothing changed. */
export function analyseShop(ctx: ServiceContext, overrides: MetricsOverrides = {}): { metrics: ShopMetrics; insights: ShopInsights } {
  const options = optionsFor(ctx, overrides);
  const key = `${ctx.dbFile}|${dataStamp(ctx)}|${JSON.stringify(options)}`;
  if (cache?.db === ctx.db && cache.key === key) return cache;
  // Let go of the stale result before computing the new one: on a big shop it is tens of megabytes
  // of objects the garbage collector would otherwise keep marking (and the heap keep holding) while
  // the new one is built.
  cache = null;
  const input = loadMetricsInput(ctx.db);
  const result = computeInsights(input, options);
  cache = { db: ctx.db, key, ...result };
  return result;
}

export function computeMetrics(ctx: ServiceContext, input: Parsed<'metrics:compute'>): Out<'metrics:compute'> {
  return analyseShop(ctx, input).metrics;
}

export function getInsights(ctx: ServiceContext, input: Parsed<'insights:get'>): Out<'insights:get'> {
  const { metrics, insights } = analyseShop(ctx, input);
  const forecast = insights.forecast;
  return {
    asOf: metrics.asOf,
    shop: metrics.shop,
    model: metrics.model,
    segments: segmentSummary(metrics.customers),
    tiers: tierSummary(metrics.customers),
    clvHistogram: clvHistogram(metrics.customers.map((c) => c.predictedClvCents)),
    revenueSplit: revenueNewVsReturning(insights.months),
    retention: retentionTrend(insights.months),
    cohorts: recentCohorts(insights.cohorts),
    feedbackTrend: insights.feedbackTrend,
    themes: insights.feedbackThemes,
    forecast,
    forecastTotal: forecastTotal(forecast),
  };
}

export function segmentMembers(ctx: ServiceContext, input: Parsed<'insights:members'>): Out<'insights:members'> {
  const { metrics } = analyseShop(ctx, { asOf: input.asOf });
  const ids = metrics.customers.filter((c) => (input.segment ? c.segment === input.segment : c.valueTier === input.tier)).map((c) => c.id);
  const label = input.segment ? (SEGMENTS.find((s) => s.id === input.segment)?.label ?? input.segment) : TIER_LABELS[input.tier!];
  return { label, ids };
}

export function customerInsight(ctx: ServiceContext, input: Parsed<'customers:insight'>): Out<'customers:insight'> {
  const { metrics } = analyseShop(ctx);
  return { model: metrics.model, customer: metrics.customers.find((c) => c.id === input.id) ?? null };
}

export function getToday(ctx: ServiceContext): Out<'today:get'> {
  const { metrics } = analyseShop(ctx);
  const repo = createCallListRepository(ctx.db);
  const day = today(ctx);
  const marks = repo.doneMarks(addDays(day, -DONE_KEEPS_OFF_DAYS));
  const list = buildCallList(metrics.customers, repo.contacts(), repo.feedbackSince(addDays(day, -30)), { today: day, done: recentlyDone(marks, day) });
  return { asOf: metrics.asOf, shop: metrics.shop, ...list, doneThisWeek: doneThisWeek(marks, day) };
}

export function markCallDone(ctx: ServiceContext, input: Parsed<'today:done'>): Out<'today:done'> {
  ctx.db.transaction(() => {
    if (!ctx.repos.customers.get(input.customerId)) throw new AppError('NOT_FOUND', `Customer #${input.customerId} does not exist (any more).`);
    createCallListRepository(ctx.db).markDone(input.customerId, input.reason, today(ctx));
    if (input.feedbackId !== undefined) ctx.repos.feedback.setFollowUp(input.feedbackId, 'done', input.note ?? '');
  })();
  return { done: true };
}
