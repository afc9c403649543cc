import type { Db } from '../connection';
import type { ShopMetricsInput } from '../../../shared/metrics/shop';
import type { FeedbackInput } from '../../../shared/metrics/feedback';
import type { VisitColumns } from '../../../shared/metrics/visitIndex';
import { toDayNumber } from '../../../shared/domain/dates';

/** Visit ids read per query: bounds the text SQLite builds for one chunk to a few megabytes. */
const VISIT_CHUNK_IDS = 200_000;
/** Separators that cannot occur in an id, a YYYY-MM-DD date or a whole number of cents. */
const FIELD = 31; // ASCII unit separator
const RECORD = 30; // ASCII record separator

/**
 * Reads everything the metrics need in one read transaction (one consistent moment), visits straight
 * into typed columns (a million visits as plain objects would cost hundreds of megabytes and most of
 * the time).
 */
export function loadMetricsInput(db: Db): ShopMetricsInput {
  return db.transaction(() => {
    const customers = (db.prepare('SELECT id, external_ref, name, birthday FROM customers ORDER BY id').raw().all() as [number, string | null, string, string | null][]).map(
      ([id, externalRef, name, birthday]) => ({ id, externalRef, name, birthday }),
    );
    const visits = readVisitColumns(db);
    const feedback = (db.prepare('SELECT customer_id, date, nps, rating, comment FROM feedback').raw().all() as [number | null, string, number | null, number | null, string][]).map(
      ([cid, date, nps, rating, comment]): FeedbackInput => ({ customerId: cid, date, nps, rating, comment }),
    );
    return { customers, visits, feedback };
  })();
}

/**
 * All visits as columns. Why not one row per visit: crossing from SQLite into JavaScript costs far
 * more per row than the three numbers are worth (a million rows took about a second). SQLite joins
 * each chunk of visits into one text instead, handed over as bytes, and a small scanner turns it into
 * numbers — about half the time, and no garbage per visit.
 */
function readVisitColumns(db: Db): VisitColumns {
  const [lowest, highest] = db.prepare('SELECT min(id), max(id) FROM visits').raw().get() as [number | null, number | null];
  if (lowest === null || highest === null) return { customerId: new Int32Array(0), day: new Int32Array(0), amountCents: new Float64Array(0) };
  // Ids are unique, so the id range bounds the number of visits.
  const capacity = highest - lowest + 1;
  const columns: VisitColumns = { customerId: new Int32Array(capacity), day: new Int32Array(capacity), amountCents: new Float64Array(capacity) };
  const chunk = db
    .prepare(
      `SELECT CAST(group_concat(customer_id || char(${FIELD}) || date || char(${FIELD}) || amount_cents, char(${RECORD})) AS BLOB)
         FROM visits WHERE id >= ? AND id < ?`,
    )
    .pluck();
  const days = new DayNumbers();
  let count = 0;
  for (let from = lowest; from <= highest; from += VISIT_CHUNK_IDS) {
    const bytes = chunk.get(from, from + VISIT_CHUNK_IDS) as Uint8Array | null;
    if (bytes !== null) count = scanVisits(bytes, columns, count, days);
  }
  return { customerId: columns.customerId.subarray(0, count), day: columns.day.subarray(0, count), amountCents: columns.amountCents.subarray(0, count) };
}

/** Day numbers of YYYY-MM-DD dates, each distinct date converted once (a shop has a few thousand). */
class DayNumbers {
  private readonly byKey = new Map<number, number>();

  /** The day number of the date in bytes [at, end), keyed by the number yyyymmdd to avoid a string. */
  of(bytes: Uint8Array, at: number, end: number): number {
    if (end - at === 10 && bytes[at + 4] === DASH && bytes[at + 7] === DASH) {
      let key = 0;
      for (let i = at; i < end; i++) if (i !== at + 4 && i !== at + 7) key = key * 10 + (bytes[i] as number) - ZERO;
      let day = this.byKey.get(key);
      if (day === undefined) {
        day = toDayNumber(textOf(bytes, at, end));
        this.byKey.set(key, day);
      }
      return day;
    }
    return toDayNumber(textOf(bytes, at, end)); // not YYYY-MM-DD: toDayNumber says so
  }
}

const DASH = 45;
const ZERO = 48;
const decoder = new TextDecoder();
const textOf = (bytes: Uint8Array, from: number, to: number): string => decoder.decode(bytes.subarray(from, to));

/** Parses "customer␟date␟cents␞…" into the columns from row `count` on; returns the new count. */
function scanVisits(bytes: Uint8Array, columns: VisitColumns, count: number, days: DayNumbers): number {
  const length = bytes.length;
  let at = 0;
  while (at < length) {
    let id = 0;
    let ch = bytes[at] as number;
    while (ch !== FIELD && at < length) {
      id = id * 10 + ch - ZERO;
      ch = bytes[++at] as number;
    }
    const dateStart = ++at;
    while (at < length && bytes[at] !== FIELD) at++;
    const day = days.of(bytes, dateStart, at);
    ch = bytes[++at] as number;
    const negative = ch === DASH;
    if (negative) ch = bytes[++at] as number;
    let cents = 0;
    while (ch !== RECORD && at < length) {
      cents = cents * 10 + ch - ZERO;
      ch = bytes[++at] as number;
    }
    at++;
    columns.customerId[count] = id;
    columns.day[count] = day;
    columns.amountCents[count] = negative ? -cents : cents;
    count++;
  }
  return count;
}

/** A cheap fingerprint of the data: changes whenever visits, customers or feedback change. */
export function dataVersion(db: Db): string {
  const row = db
    .prepare(
      `SELECT (SELECT count(*) FROM customers) || ':' || (SELECT coalesce(max(updated_at), '') FROM customers) || ':' ||
              (SELECT count(*) FROM visits) || ':' || (SELECT coalesce(max(id), 0) FROM visits) || ':' || (SELECT coalesce(sum(amount_cents), 0) FROM visits) || ':' ||
              (SELECT count(*) FROM feedback) || ':' || (SELECT coalesce(max(id), 0) FROM feedback) AS v`,
    )
    .pluck()
    .get() as string;
  return row;
}
