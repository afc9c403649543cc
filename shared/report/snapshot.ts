/**
 * The shop as it stood on an earlier day, cheaply: the rates and RFM segments the summary compares
 * with ("a month ago", "a year ago"). It uses the same metrics functions and the same definitions as
 * `computeShopMetrics` (see shared/metrics/shop.ts) but skips the prediction models, which the
 * comparisons do not need and which cost most of a full run. Tests check both agree.
 */
import { toDayNumber, type LocalDate } from '../domain/dates';
import { buildVisitIndex, customerTotals, visitIndexUpTo, type VisitColumns, type VisitIndex } from '../metrics/visitIndex';
import { periodCounts } from '../metrics/activity';
import { repeatPurchaseRate, retentionRate } from '../metrics/seed';
import { rfmScores, segmentOf, type SegmentId } from '../metrics/rfm';

export interface ShopSnapshot {
  asOf: LocalDate;
  /** As `ShopSummary.retentionRatePct`: the trailing 365 days with the active window; null = n/a. */
  retentionRatePct: number | null;
  /** As `ShopSummary.repeatRatePct`. */
  repeatRatePct: number | null;
  /** RFM segment per customer id (customers with a visit on or before `asOf` only). */
  segments: Map<number, SegmentId>;
}

const round2 = (v: number | null): number | null => (v === null || !Number.isFinite(v) ? null : Math.round(v * 100) / 100);

export function shopSnapshot(customerIds: ArrayLike<number>, visits: VisitColumns, asOf: LocalDate, activeWindowDays: number): ShopSnapshot {
  return snapshotOfIndex(buildVisitIndex(customerIds, visits, toDayNumber(asOf)), asOf, activeWindowDays);
}

/**
 * The same snapshot from an index built for a later day (the summary already has the month end's):
 * cutting each customer's sorted visits back to `asOf` is much cheaper than indexing them again.
 */
export function shopSnapshotFromIndex(later: VisitIndex, asOf: LocalDate, activeWindowDays: number): ShopSnapshot {
  return snapshotOfIndex(visitIndexUpTo(later, toDayNumber(asOf)), asOf, activeWindowDays);
}

function snapshotOfIndex(index: VisitIndex, asOf: LocalDate, activeWindowDays: number): ShopSnapshot {
  const asOfDay = index.asOfDay;
  const customerIds = index.customerIds;
  const totals = customerTotals(index);
  const seen: number[] = [];
  let repeaters = 0;
  for (let k = 0; k < customerIds.length; k++) {
    if ((totals.visits[k] as number) === 0) continue;
    seen.push(k);
    if ((totals.visitDays[k] as number) >= 2) repeaters++;
  }
  const recency = Float64Array.from(seen, (k) => asOfDay - (totals.lastDay[k] as number));
  const frequency = Float64Array.from(seen, (k) => totals.visitDays[k] as number);
  const monetary = Float64Array.from(seen, (k) => totals.revenueCents[k] as number);
  const scores = rfmScores(recency, frequency, monetary);
  const segments = new Map<number, SegmentId>();
  seen.forEach((k, j) => segments.set(customerIds[k] as number, segmentOf(scores.recency[j] as number, scores.frequency[j] as number).id));
  const year = periodCounts(index, totals, asOfDay - 364, asOfDay, activeWindowDays);
  return {
    asOf,
    retentionRatePct: round2(retentionRate(year.start, year.new, year.end)),
    repeatRatePct: round2(repeatPurchaseRate(repeaters, seen.length)),
    segments,
  };
}
