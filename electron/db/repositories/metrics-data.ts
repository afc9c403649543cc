import type { Db } from '../connection';
import type { ShopMetricsInput } from '../../../shared/metrics/shop';
import type { FeedbackInput } from '../../../shared/metrics/feedback';
import type { VisitColumns } from '../../../shared/metrics/visitIndex';
import { toDayNumber } from '../../../shared/domain/dates';

/** Visits read per query: bounds the text SQLite builds for one chunk to a few megabytes. */
const VISIT_CHUNK_ROWS = 200_000;
/** Separators that cannot occur in an id, a YYYY-MM-DD date or a whole number of cents. */
const FIELD = 31; // ASCII unit separator
const RECORD = 30; // ASCII record separator
const FIELD_TEXT = String.fromCharCode(FIELD);
const RECORD_TEXT = String.fromCharCode(RECORD);

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
 * numbers — about half the time, and no garbage per visit. Chunks follow the id order, so gaps in
 * the ids (deleted visits) cost nothing.
 */
function readVisitColumns(db: Db): VisitColumns {
  // Two subqueries, each answered from the end of the id order (min and max in one SELECT would scan
  // the table). Ids are unique, so their range bounds the number of visits (exact without deletions).
  const [lowest, highest] = db.prepare('SELECT (SELECT min(id) FROM visits), (SELECT max(id) FROM visits)').raw().get() as [number | null, number | null];
  if (lowest === null || highest === null) return { customerId: new Int32Array(0), day: new Int32Array(0), amountCents: new Float64Array(0) };
  let columns = allocate(Math.min(highest - lowest + 1, VISIT_CHUNK_ROWS * 8));
  const chunk = db.prepare(
    `SELECT count(*), max(id), CAST(group_concat(customer_id || '${FIELD_TEXT}' || date || '${FIELD_TEXT}' || amount_cents, '${RECORD_TEXT}') AS BLOB)
       FROM (SELECT id, customer_id, date, amount_cents FROM visits WHERE id > ? ORDER BY id LIMIT ${VISIT_CHUNK_ROWS})`,
  );
  const days = new DayNumbers();
  let count = 0;
  let after = lowest - 1;
  for (;;) {
    const [rows, last, bytes] = chunk.raw().get(after) as [number, number | null, Uint8Array | null];
    if (rows === 0 || last === null || bytes === null) break;
    if (columns.customerId.length < count + rows) columns = grow(columns, count, Math.max(count + rows, columns.customerId.length * 2));
    count = scanVisits(bytes, columns, count, days);
    after = last;
  }
  return { customerId: columns.customerId.subarray(0, count), day: columns.day.subarray(0, count), amountCents: columns.amountCents.subarray(0, count) };
}

function allocate(capacity: number): VisitColumns {
  return { customerId: new Int32Array(capacity), day: new Int32Array(capacity), amountCents: new Float64Array(capacity) };
}

function grow(columns: VisitColumns, count: number, capacity: number): VisitColumns {
  const bigger = allocate(capacity);
  bigger.customerId.set(columns.customerId.subarray(0, count));
  bigger.day.set(columns.day.subarray(0, count));
  bigger.amountCents.set(columns.amountCents.subarray(0, count));
  return bigger;
}

/**
 * Day numbers of dates, each distinct date converted once by toDayNumber (a shop has a few thousand).
 * A YYYY-MM-DD date between 1900 and 2199 is looked up in a table by its digits, so no string is made
 * per visit; anything else goes to toDayNumber as text, which says what is wrong with it.
 */
class DayNumbers {
  private readonly table = new Int32Array((LAST_YEAR - FIRST_YEAR + 1) * 13 * 32).fill(UNKNOWN);

  of(bytes: Uint8Array, from: number, to: number): number {
    if (to - from !== 10 || bytes[from + 4] !== DASH || bytes[from + 7] !== DASH) return toDayNumber(textOf(bytes, from, to));
    const digit = (at: number): number => {
      const value = (bytes[at] as number) - ZERO;
      return value >= 0 && value <= 9 ? value : NaN; // NaN fails the range check below
    };
    const year = digit(from) * 1000 + digit(from + 1) * 100 + digit(from + 2) * 10 + digit(from + 3);
    const month = digit(from + 5) * 10 + digit(from + 6);
    const day = digit(from + 8) * 10 + digit(from + 9);
    if (!(year >= FIRST_YEAR && year <= LAST_YEAR && month >= 0 && month <= 12 && day >= 0 && day <= 31)) return toDayNumber(textOf(bytes, from, to));
    const slot = ((year - FIRST_YEAR) * 13 + month) * 32 + day;
    let number = this.table[slot] as number;
    if (number === UNKNOWN) {
      number = toDayNumber(textOf(bytes, from, to));
      this.table[slot] = number;
    }
    return number;
  }
}

const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;
const UNKNOWN = -2147483648;
const DASH = 45;
const ZERO = 48;
const decoder = new TextDecoder();
const textOf = (bytes: Uint8Array, from: number, to: number): string => decoder.decode(bytes.subarray(from, to));

/** Parses "customer␟date␟cents␞…" into the columns from row `count` on; returns the new count. */
function scanVisits(bytes: Uint8Array, columns: VisitColumns, count: number, days: DayNumbers): number {
  const length = bytes.length;
  let at = 0;
  while (at < length) {
    let ch = bytes[at] as number;
    const negativeId = ch === DASH;
    if (negativeId) ch = bytes[++at] as number;
    let id = 0;
    while (ch !== FIELD && at < length) {
      id = id * 10 + ch - ZERO;
      ch = bytes[++at] as number;
    }
    const dateStart = ++at;
    while (at < length && bytes[at] !== FIELD) at++;
    const day = days.of(bytes, dateStart, at);
    ch = bytes[++at] as number;
    const negativeCents = ch === DASH;
    if (negativeCents) ch = bytes[++at] as number;
    let cents = 0;
    while (ch !== RECORD && at < length) {
      cents = cents * 10 + ch - ZERO;
      ch = bytes[++at] as number;
    }
    at++;
    columns.customerId[count] = negativeId ? -id : id;
    columns.day[count] = day;
    columns.amountCents[count] = negativeCents ? -cents : cents;
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
