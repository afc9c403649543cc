/**
 * Calendar dates. A visit happens on a local calendar date, stored as `YYYY-MM-DD` text; metrics work
 * on "day numbers" (whole days since 1970-01-01), which makes gaps and windows plain integer maths
 * with no time zones or daylight-saving surprises.
 */

/** A local calendar date as `YYYY-MM-DD`. */
export type LocalDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2024-02-30, 2023-02-29, 2024-13-01). */
export function isLocalDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days in a month (month 1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whole days since 1970-01-01 for a `YYYY-MM-DD` date. Throws on a malformed date (a programming error). */
export function toDayNumber(date: LocalDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`Not a YYYY-MM-DD date: ${date}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY);
}

/** The `YYYY-MM-DD` date of a day number (inverse of {@link toDayNumber}). */
export function fromDayNumber(day: number): LocalDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Builds a `YYYY-MM-DD` date from parts (month 1–12), without validating it. */
export function makeLocalDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The local calendar date of an instant, as seen on this machine's clock. */
export function localDateOf(instant: Date): LocalDate {
  return makeLocalDate(instant.getFullYear(), instant.getMonth() + 1, instant.getDate());
}

/** Adds whole days to a date. */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** A calendar month as `YYYY-MM`. */
export type YearMonth = string;

/** The `YYYY-MM` month a date falls in. */
export function monthOf(date: LocalDate): YearMonth {
  return date.slice(0, 7);
}

/** Adds whole months to a `YYYY-MM` month. */
export function addMonths(month: YearMonth, count: number): YearMonth {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whole months from `from` to `to` (`YYYY-MM` each). */
export function monthsBetween(from: YearMonth, to: YearMonth): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/** First and last day of a `YYYY-MM` month. */
export function monthRange(month: YearMonth): { first: LocalDate; last: LocalDate } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { first: makeLocalDate(y, m, 1), last: makeLocalDate(y, m, daysInMonth(y, m)) };
}
