import type { Db } from '../connection';
import type { MetricsCustomer, ShopMetricsInput } from '../../../shared/metrics/shop';
import type { FeedbackInput } from '../../../shared/metrics/feedback';
import type { VisitColumns } from '../../../shared/metrics/visitIndex';
import { toDayNumber } from '../../../shared/domain/dates';

/** Ids read per query, so at most this many visits: bounds the text SQLite builds for one chunk to a few megabytes. */
const VISIT_CHUNK_ROWS = 200_000;
/** Separators that cannot occur in an id, a YYYY-MM-DD date or a whole number of cents. */
const FIELD = 31; // ASCII unit separator
const RECORD = 30; // ASCII record separator
const FIELD_TEXT = String.fromCharCode(FIELD);
const RECORD_TEXT = String.fromCharCode(RECORD);

/**
 * Where the data the metrics read stands: moves with every change to customers, visits and what
 * people said (the data_revision triggers of migration 5), and only with those. Null in a file
 * without the counter. A column newly read by loadMetricsInput from feedback must be added to that
 * migration's watched columns by a new migration.
 */
export function metricsDataRevision(db: Db): number | null {
  const n = db.prepare('SELECT n FROM data_revision WHERE id = 1').pluck().get() as number | undefined;
  return n ?? null;
}

/**
 * Reads everything the metrics need in one read transaction (one consistent moment), visits straight
 * into typed columns (a million visits as plain objects would cost hundreds of megabytes and most of
 * the time).
 */
export function loadMetricsInput(db: Db): ShopMetricsInput {
  return db.transaction(() => {
    // Rows come back as objects with the fields named as the metrics name them (one object per row,
    // not an array per row turned into an object afterwards).
    const customers = db.prepare('SELECT id, external_ref AS externalRef, name, birthday FROM customers ORDER BY id').all() as MetricsCustomer[];
    const visits = readVisitColumns(db);
    const feedback = db.prepare('SELECT customer_id AS customerId, date, nps, rating, comment FROM feedback').all() as FeedbackInput[];
    return { customers, visits, feedback };
  })();
}

/**
 * All visits as columns. Why not one row per visit: crossing from SQLite into JavaScript costs far
 * more per row than the three numbers are worth (a million rows took about a second). SQLite joins
 * each chunk of visits into one text instead, handed over as bytes, and a small scanner turns it into
 * numbers — about half the time, and no garbage per visit. A chunk is a range of ids, read straight
 * off the table in id order (a LIMIT in a subquery made SQLite copy every row into a temporary table
 * first: a sixth more time), so a chunk holds at most VISIT_CHUNK_ROWS visits, fewer where visits
 * were deleted; a range with none left skips to the next id there is.
 */
function readVisitColumns(db: Db): VisitColumns {
  // Two subqueries, each answered from the end of the id order (min and max in one SELECT would scan
  // the table). Ids are unique, so their range bounds the number of visits (exact without deletions).
  const [lowest, highest] = db.prepare('SELECT (SELECT min(id) FROM visits), (SELECT max(id) FROM visits)').raw().get() as [number | null, number | null];
  if (lowest === null || highest === null) return { customerId: new Int32Array(0), day: new Int32Array(0), amountCents: new Float64Array(0) };
  let columns = allocate(Math.min(highest - lowest + 1, VISIT_CHUNK_ROWS * 8));
  // The rowid range makes SQLite walk the table in id order, so the visits keep the order of the ids.
  const chunk = db.prepare(
    `SELECT count(*), CAST(group_concat(customer_id || '${FIELD_TEXT}' || date || '${FIELD_TEXT}' || amount_cents, '${RECORD_TEXT}') AS BLOB)
       FROM visits WHERE id > ? AND id <= ?`,
  );
  const nextId = db.prepare('SELECT min(id) FROM visits WHERE id > ?').pluck();
  const days = new DayNumbers();
  let count = 0;
  let after = lowest - 1;
  while (after < highest) {
    const [rows, bytes] = chunk.raw().get(after, after + VISIT_CHUNK_ROWS) as [number, Uint8Array | null];
    if (rows > 0 && bytes !== null) {
      if (columns.customerId.length < count + rows) columns = grow(columns, count, Math.max(count + rows, columns.customerId.length * 2));
      count = scanVisits(bytes, columns, count, days);
      after += VISIT_CHUNK_ROWS;
    } else {
      const next = nextId.get(after + VISIT_CHUNK_ROWS) as number | null;
      if (next === null) break;
      after = next - 1;
    }
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

  /** The day number of the text bytes[from, to). */
  of(bytes: Uint8Array, from: number, to: number): number {
    const plain = to - from === 10 ? this.ofPlain(bytes, from) : NOT_PLAIN;
    return plain === NOT_PLAIN ? toDayNumber(textOf(bytes, from, to)) : plain;
  }

  /**
   * The day number of the 10 bytes from `from` when they are a YYYY-MM-DD date between 1900 and 2199,
   * else NOT_PLAIN. The digits are checked with an unsigned compare (a byte below '0' wraps around to
   * a large number), all in this one small function, which the scanner calls for every visit.
   */
  ofPlain(bytes: Uint8Array, from: number): number {
    if (bytes[from + 4] !== DASH || bytes[from + 7] !== DASH) return NOT_PLAIN;
    const y0 = (bytes[from] as number) - ZERO;
    const y1 = (bytes[from + 1] as number) - ZERO;
    const y2 = (bytes[from + 2] as number) - ZERO;
    const y3 = (bytes[from + 3] as number) - ZERO;
    const m0 = (bytes[from + 5] as number) - ZERO;
    const m1 = (bytes[from + 6] as number) - ZERO;
    const d0 = (bytes[from + 8] as number) - ZERO;
    const d1 = (bytes[from + 9] as number) - ZERO;
    if (!(y0 >>> 0 <= 9 && y1 >>> 0 <= 9 && y2 >>> 0 <= 9 && y3 >>> 0 <= 9 && m0 >>> 0 <= 9 && m1 >>> 0 <= 9 && d0 >>> 0 <= 9 && d1 >>> 0 <= 9)) return NOT_PLAIN;
    const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    const month = m0 * 10 + m1;
    const day = d0 * 10 + d1;
    if (!(year >= FIRST_YEAR && year <= LAST_YEAR && month <= 12 && day <= 31)) return NOT_PLAIN;
    const slot = ((year - FIRST_YEAR) * 13 + month) * 32 + day;
    let number = this.table[slot] as number;
    if (number === UNKNOWN) {
      number = toDayNumber(textOf(bytes, from, from + 10));
      this.table[slot] = number;
    }
    return number;
  }
}

const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;
const UNKNOWN = -2147483648;
/** What DayNumbers.ofPlain says of anything but a plain date (no day number of 1900–2199 is this). */
const NOT_PLAIN = -2147483647;
const DASH = 45;
const ZERO = 48;
const decoder = new TextDecoder();
const textOf = (bytes: Uint8Array, from: number, to: number): string => decoder.decode(bytes.subarray(from, to));

/** Parses "customer␟date␟cents␞…" into the columns from row `count` on; returns the new count. */
function scanVisits(bytes: Uint8Array, columns: VisitColumns, count: number, days: DayNumbers): number {
  const length = bytes.length;
  // The columns in locals: this loop runs once per visit.
  const { customerId, day: dayColumn, amountCents } = columns;
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
    // Nearly every date is a plain YYYY-MM-DD followed by the separator: try that before looking for
    // the separator byte by byte (a plain date cannot contain one, so its field ends there).
    let day = dateStart + 10 < length && bytes[dateStart + 10] === FIELD ? days.ofPlain(bytes, dateStart) : NOT_PLAIN;
    if (day === NOT_PLAIN) {
      while (at < length && bytes[at] !== FIELD) at++;
      day = days.of(bytes, dateStart, at);
    } else {
      at = dateStart + 10;
    }
    ch = bytes[++at] as number;
    const negativeCents = ch === DASH;
    if (negativeCents) ch = bytes[++at] as number;
    let cents = 0;
    while (ch !== RECORD && at < length) {
      cents = cents * 10 + ch - ZERO;
      ch = bytes[++at] as number;
    }
    at++;
    customerId[count] = negativeId ? -id : id;
    dayColumn[count] = day;
    amountCents[count] = negativeCents ? -cents : cents;
    count++;
  }
  return count;
}
