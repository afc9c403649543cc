/**
 * Columnar visit data sorted once by customer and day. Everything else in the metrics module reads
 * these typed arrays, so a million visits cost a few passes over numbers and no per-visit objects.
 */

/** Visits as parallel columns. `day` is a day number from `shared/domain/dates` (days since 1970-01-01). */
export interface VisitColumns {
  customerId: Int32Array;
  day: Int32Array;
  /** Spend in cents; may be 0 or negative (refund). */
  amountCents: Float64Array;
}

/**
 * Visits grouped by customer (in the order of `customerIds`) and sorted by day within a customer.
 * Customer k's visits are rows `start[k]` … `start[k+1]−1`. Visits after `asOfDay` or of unknown
 * customers are left out.
 */
export interface VisitIndex {
  customerIds: Int32Array;
  start: Int32Array;
  day: Int32Array;
  amountCents: Float64Array;
  asOfDay: number;
}

/** Sorts a row range [from, to) by day, moving amounts along (insertion sort: ranges are short and usually sorted). */
function sortRange(day: Int32Array, amount: Float64Array, from: number, to: number): void {
  let sorted = true;
  for (let i = from + 1; i < to; i++) if ((day[i] as number) < (day[i - 1] as number)) sorted = false;
  if (sorted) return;
  if (to - from > 64) {
    const order = Array.from({ length: to - from }, (_, i) => from + i).sort((p, q) => (day[p] as number) - (day[q] as number) || p - q);
    const d = order.map((i) => day[i] as number);
    const a = order.map((i) => amount[i] as number);
    day.set(d, from);
    amount.set(a, from);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const dv = day[i] as number;
    const av = amount[i] as number;
    let j = i - 1;
    while (j >= from && (day[j] as number) > dv) {
      day[j + 1] = day[j] as number;
      amount[j + 1] = amount[j] as number;
      j--;
    }
    day[j + 1] = dv;
    amount[j + 1] = av;
  }
}

/**
 * Customer id → position in `customerIds` (−1 for an unknown id). Ids are database row ids, so a
 * plain array indexed by id is the fast path (a Map lookup per visit costs more than the rest of
 * the index); sparse or odd ids fall back to a Map.
 */
function customerPositions(customerIds: ArrayLike<number>): (id: number) => number {
  const n = customerIds.length;
  let maxId = -1;
  let dense = true;
  for (let k = 0; k < n && dense; k++) {
    const id = customerIds[k] as number;
    dense = Number.isInteger(id) && id >= 0;
    if (id > maxId) maxId = id;
  }
  if (dense && maxId < Math.max(1024, 4 * n)) {
    const table = new Int32Array(maxId + 1).fill(-1);
    // A repeated id keeps its last position, as Map.set would.
    for (let k = 0; k < n; k++) table[customerIds[k] as number] = k;
    return (id) => (id >= 0 && id <= maxId ? (table[id] as number) : -1);
  }
  const position = new Map<number, number>();
  for (let k = 0; k < n; k++) position.set(customerIds[k] as number, k);
  return (id) => position.get(id) ?? -1;
}

/** Builds the index with a counting sort by customer, then a per-customer sort by day. */
export function buildVisitIndex(customerIds: ArrayLike<number>, visits: VisitColumns, asOfDay: number): VisitIndex {
  const n = customerIds.length;
  const positionOf = customerPositions(customerIds);
  const m = visits.customerId.length;
  const owner = new Int32Array(m);
  const counts = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) {
    const k = (visits.day[i] as number) <= asOfDay ? positionOf(visits.customerId[i] as number) : -1;
    owner[i] = k;
    if (k >= 0) counts[k + 1] = (counts[k + 1] as number) + 1;
  }
  for (let k = 0; k < n; k++) counts[k + 1] = (counts[k + 1] as number) + (counts[k] as number);
  const start = Int32Array.from(counts);
  const total = start[n] as number;
  const day = new Int32Array(total);
  const amountCents = new Float64Array(total);
  const fill = counts; // reused as the write cursor per customer
  for (let i = 0; i < m; i++) {
    const k = owner[i] as number;
    if (k < 0) continue;
    const at = fill[k] as number;
    fill[k] = at + 1;
    day[at] = visits.day[i] as number;
    amountCents[at] = visits.amountCents[i] as number;
  }
  for (let k = 0; k < n; k++) sortRange(day, amountCents, start[k] as number, start[k + 1] as number);
  return { customerIds: Int32Array.from(customerIds), start, day, amountCents, asOfDay };
}

/**
 * The index as it stood on an earlier day: each customer's visits are sorted by day, so the visits
 * on or before `asOfDay` are a prefix of their range. Same result as {@link buildVisitIndex} with the
 * earlier day, without sorting again. `asOfDay` must not be later than the index's own.
 */
export function visitIndexUpTo(index: VisitIndex, asOfDay: number): VisitIndex {
  if (asOfDay > index.asOfDay) throw new Error('visitIndexUpTo can only look back in time.');
  const n = index.customerIds.length;
  const start = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    const from = index.start[k] as number;
    let to = index.start[k + 1] as number;
    while (to > from && (index.day[to - 1] as number) > asOfDay) to--;
    start[k + 1] = (start[k] as number) + (to - from);
  }
  const total = start[n] as number;
  const day = new Int32Array(total);
  const amountCents = new Float64Array(total);
  for (let k = 0; k < n; k++) {
    const from = index.start[k] as number;
    const count = (start[k + 1] as number) - (start[k] as number);
    day.set(index.day.subarray(from, from + count), start[k] as number);
    amountCents.set(index.amountCents.subarray(from, from + count), start[k] as number);
  }
  return { customerIds: index.customerIds, start, day, amountCents, asOfDay };
}

/** Per-customer totals from a {@link VisitIndex}; days are day numbers, money in cents. −1 days when no visit. */
export interface CustomerTotals {
  /** Visit rows (transactions). */
  visits: Int32Array;
  /** Distinct visit days — the counting unit of the prediction model and of RFM frequency. */
  visitDays: Int32Array;
  firstDay: Int32Array;
  lastDay: Int32Array;
  revenueCents: Float64Array;
  /** Mean spend of the repeat visit days (days after the first, same-day visits summed); 0 when none. */
  repeatDayMeanCents: Float64Array;
}

/** One pass over the index computing {@link CustomerTotals}. */
export function customerTotals(index: VisitIndex): CustomerTotals {
  const n = index.customerIds.length;
  const t: CustomerTotals = {
    visits: new Int32Array(n),
    visitDays: new Int32Array(n),
    firstDay: new Int32Array(n).fill(-1),
    lastDay: new Int32Array(n).fill(-1),
    revenueCents: new Float64Array(n),
    repeatDayMeanCents: new Float64Array(n),
  };
  for (let k = 0; k < n; k++) {
    const from = index.start[k] as number;
    const to = index.start[k + 1] as number;
    if (to === from) continue;
    let days = 0;
    let revenue = 0;
    let repeatRevenue = 0;
    let previous = Number.NaN;
    const first = index.day[from] as number;
    for (let i = from; i < to; i++) {
      const d = index.day[i] as number;
      const amount = index.amountCents[i] as number;
      if (d !== previous) days++;
      previous = d;
      revenue += amount;
      if (d !== first) repeatRevenue += amount;
    }
    t.visits[k] = to - from;
    t.visitDays[k] = days;
    t.firstDay[k] = first;
    t.lastDay[k] = index.day[to - 1] as number;
    t.revenueCents[k] = revenue;
    t.repeatDayMeanCents[k] = days > 1 ? repeatRevenue / (days - 1) : 0;
  }
  return t;
}

/** Distinct visit days of customer k, ascending (a copy). */
export function distinctDays(index: VisitIndex, k: number): Int32Array {
  const from = index.start[k] as number;
  const to = index.start[k + 1] as number;
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    const d = index.day[i] as number;
    if (out.length === 0 || out[out.length - 1] !== d) out.push(d);
  }
  return Int32Array.from(out);
}
