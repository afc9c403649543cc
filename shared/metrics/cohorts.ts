/**
 * Cohort table: customers grouped by the month of their first visit, and for each later month the
 * share of the cohort that visited in it. Month 0 is always 100%.
 */
import type { YearMonth } from '../domain/dates';
import { monthTable, monthIndex } from './months';
import type { CustomerTotals, VisitIndex } from './visitIndex';

/** One cohort row. `sharePct[i]` = % of the cohort with a visit i months after their first month. */
export interface CohortRow {
  cohort: YearMonth;
  size: number;
  /** One entry per month from the cohort month to the as-of month (the last may be partial). */
  sharePct: number[];
  counts: number[];
}

/** Builds the cohort table for all customers with visits, oldest cohort first. */
export function cohortTable(index: VisitIndex, totals: CustomerTotals): CohortRow[] {
  const n = index.customerIds.length;
  let firstDay = Infinity;
  for (let k = 0; k < n; k++) if ((totals.visits[k] as number) > 0) firstDay = Math.min(firstDay, totals.firstDay[k] as number);
  if (firstDay === Infinity) return [];
  const table = monthTable(firstDay, index.asOfDay);
  const count = table.months.length;
  const size = new Int32Array(count);
  const counts = Array.from({ length: count }, (_, c) => new Int32Array(count - c));
  for (let k = 0; k < n; k++) {
    const from = index.start[k] as number;
    const to = index.start[k + 1] as number;
    if (from === to) continue;
    const cohort = monthIndex(table, index.day[from] as number);
    size[cohort] = (size[cohort] as number) + 1;
    const row = counts[cohort] as Int32Array;
    let last = -1;
    for (let i = from; i < to; i++) {
      const m = monthIndex(table, index.day[i] as number);
      if (m !== last) row[m - cohort] = (row[m - cohort] as number) + 1;
      last = m;
    }
  }
  const out: CohortRow[] = [];
  for (let c = 0; c < count; c++) {
    const s = size[c] as number;
    if (s === 0) continue;
    const row = Array.from(counts[c] as Int32Array);
    out.push({ cohort: table.months[c] as YearMonth, size: s, counts: row, sharePct: row.map((v) => (v / s) * 100) });
  }
  return out;
}
