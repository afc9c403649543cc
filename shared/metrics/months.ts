/**
 * Calendar months over day numbers without building a date string per visit: a lookup from day
 * number to month index, made once for the range a report covers.
 */
import { addMonths, fromDayNumber, monthOf, monthsBetween, toDayNumber, type YearMonth } from '../domain/dates';

/** Months from the month of `firstDay` to the month of `lastDay`, with a day → month-index lookup. */
export interface MonthTable {
  firstDay: number;
  months: YearMonth[];
  /** Day number of the first day of each month, plus one entry past the end. */
  monthStart: Int32Array;
  /** Month index of day `firstDay + i`. */
  monthOfDay: Int32Array;
}

/** Builds the table; `lastDay` ≥ `firstDay`. */
export function monthTable(firstDay: number, lastDay: number): MonthTable {
  const first = monthOf(fromDayNumber(firstDay));
  const count = monthsBetween(first, monthOf(fromDayNumber(lastDay))) + 1;
  const months: YearMonth[] = [];
  const monthStart = new Int32Array(count + 1);
  for (let i = 0; i <= count; i++) {
    const month = addMonths(first, i);
    if (i < count) months.push(month);
    monthStart[i] = toDayNumber(`${month}-01`);
  }
  const monthOfDay = new Int32Array(lastDay - firstDay + 1);
  let m = 0;
  for (let d = firstDay; d <= lastDay; d++) {
    while (d >= (monthStart[m + 1] as number)) m++;
    monthOfDay[d - firstDay] = m;
  }
  return { firstDay, months, monthStart, monthOfDay };
}

/** Month index of a day inside the table's range. */
export function monthIndex(table: MonthTable, day: number): number {
  return table.monthOfDay[day - table.firstDay] as number;
}
