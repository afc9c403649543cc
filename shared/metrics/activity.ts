/**
 * Who was active when. A shop has no subscriptions, so a customer counts as active on a day if they
 * visited within the trailing active window (default 90 days): on day d, some visit day v with
 * d − window < v ≤ d.
 */
import { retentionRate, churnRate } from './seed';
import type { VisitIndex, CustomerTotals } from './visitIndex';
import { monthTable, monthIndex } from './months';
import type { YearMonth } from '../domain/dates';

/** SC, NC, EC and lost customers of one period [startDay, endDay] (day numbers, inclusive). */
export interface PeriodCounts {
  /** SC: active on the day before the period starts. */
  start: number;
  /** NC: first visit ever falls inside the period. */
  new: number;
  /** EC: active on the period's last day. */
  end: number;
  /** Active at the start but no longer at the end. */
  lost: number;
}

/** True when customer k visited in (day − windowDays, day]. */
function activeOn(index: VisitIndex, k: number, day: number, windowDays: number): boolean {
  // Binary search for the last visit on or before `day`.
  let lo = index.start[k] as number;
  let hi = (index.start[k + 1] as number) - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((index.day[mid] as number) <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && day - (index.day[found] as number) < windowDays;
}

/** Counts SC, NC, EC and lost customers for one period. */
export function periodCounts(index: VisitIndex, totals: CustomerTotals, startDay: number, endDay: number, windowDays: number): PeriodCounts {
  const c: PeriodCounts = { start: 0, new: 0, end: 0, lost: 0 };
  for (let k = 0; k < index.customerIds.length; k++) {
    if ((totals.visits[k] as number) === 0) continue;
    const first = totals.firstDay[k] as number;
    const atStart = activeOn(index, k, startDay - 1, windowDays);
    const atEnd = activeOn(index, k, endDay, windowDays);
    if (atStart) c.start++;
    if (atEnd) c.end++;
    if (atStart && !atEnd) c.lost++;
    if (first >= startDay && first <= endDay) c.new++;
  }
  return c;
}

/** One calendar month of activity. Revenue in cents. */
export interface MonthActivity {
  month: YearMonth;
  /** True for the month of the as-of date, counted only up to that day. */
  partial: boolean;
  /** Customers whose first visit was this month. */
  newCustomers: number;
  /** Customers who visited this month and had visited in an earlier month. */
  returningCustomers: number;
  newRevenueCents: number;
  returningRevenueCents: number;
  visits: number;
  /** SC / EC / lost with the active window; retention and churn in percent (null when SC = 0). */
  startActive: number;
  endActive: number;
  lost: number;
  retentionRatePct: number | null;
  churnRatePct: number | null;
}

/**
 * Month-by-month activity from the first visit's month to the as-of month: new vs returning customers
 * and revenue, and the retention rate ((EC − NC) ÷ SC) with SC = active on the last day of the
 * previous month, EC = active on the month's last day (or the as-of day for the current month).
 */
export function monthlyActivity(index: VisitIndex, totals: CustomerTotals, windowDays: number): MonthActivity[] {
  const n = index.customerIds.length;
  let firstDay = Infinity;
  for (let k = 0; k < n; k++) if ((totals.visits[k] as number) > 0) firstDay = Math.min(firstDay, totals.firstDay[k] as number);
  if (firstDay === Infinity) return [];
  const table = monthTable(firstDay, index.asOfDay);
  const count = table.months.length;
  // boundary[j] = last day of month j−1 (j = 0: the day before the first month); the last is the as-of day.
  const boundary = new Int32Array(count + 1);
  for (let j = 0; j <= count; j++) boundary[j] = (table.monthStart[j] as number) - 1;
  boundary[count] = Math.min(boundary[count] as number, index.asOfDay);
  const activeAt = new Int32Array(count + 1);
  const lostIn = new Int32Array(count);
  const newCustomers = new Int32Array(count);
  const returning = new Int32Array(count);
  const newRevenue = new Float64Array(count);
  const returningRevenue = new Float64Array(count);
  const visits = new Int32Array(count);
  for (let k = 0; k < n; k++) {
    const from = index.start[k] as number;
    const to = index.start[k + 1] as number;
    if (from === to) continue;
    const firstMonth = monthIndex(table, index.day[from] as number);
    newCustomers[firstMonth] = (newCustomers[firstMonth] as number) + 1;
    let lastMonth = -1;
    for (let i = from; i < to; i++) {
      const m = monthIndex(table, index.day[i] as number);
      const amount = index.amountCents[i] as number;
      visits[m] = (visits[m] as number) + 1;
      if (m === firstMonth) newRevenue[m] = (newRevenue[m] as number) + amount;
      else {
        returningRevenue[m] = (returningRevenue[m] as number) + amount;
        if (m !== lastMonth) returning[m] = (returning[m] as number) + 1;
      }
      lastMonth = m;
    }
    // Active at each boundary: the latest visit on or before it is within the window. Only the
    // boundaries from the first visit's month up to the first one a whole window after the last visit
    // can change a count (before, nobody is active; after, they stay lost), so a customer of a few
    // months costs a few steps, not one per month of the shop's history.
    const lastDay = index.day[to - 1] as number;
    let i = from;
    let wasActive = false;
    for (let j = firstMonth; j <= count; j++) {
      const b = boundary[j] as number;
      while (i + 1 < to && (index.day[i + 1] as number) <= b) i++;
      const d = index.day[i] as number;
      const active = d <= b && b - d < windowDays;
      if (active) activeAt[j] = (activeAt[j] as number) + 1;
      if (wasActive && !active) lostIn[j - 1] = (lostIn[j - 1] as number) + 1;
      wasActive = active;
      if (b - lastDay >= windowDays) break;
    }
  }
  const out: MonthActivity[] = [];
  for (let m = 0; m < count; m++) {
    const sc = activeAt[m] as number;
    const ec = activeAt[m + 1] as number;
    out.push({
      month: table.months[m] as YearMonth,
      partial: m === count - 1 && (boundary[count] as number) < (table.monthStart[count] as number) - 1,
      newCustomers: newCustomers[m] as number,
      returningCustomers: returning[m] as number,
      newRevenueCents: newRevenue[m] as number,
      returningRevenueCents: returningRevenue[m] as number,
      visits: visits[m] as number,
      startActive: sc,
      endActive: ec,
      lost: lostIn[m] as number,
      retentionRatePct: retentionRate(sc, newCustomers[m] as number, ec),
      churnRatePct: churnRate(sc, lostIn[m] as number),
    });
  }
  return out;
}
