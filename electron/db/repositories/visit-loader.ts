/**
 * The two ways an import's visits go into the visits table (chosen by bulkLoadVisits in imports.ts):
 * - unindexed: the visit indexes are set aside, so rows go in many per statement and fingerprints
 *   already stored are checked in memory;
 * - indexed: the indexes stay (the shop's history is bigger than the file), and each row's insert
 *   checks its own fingerprint against the unique index.
 * Both add up, per customer, the visits they saved, for the totals the per-visit trigger would have kept.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../connection';

/** A visit's own values (an import's VisitRecord has them); the customer is passed beside it. */
export interface VisitIn {
  date: string;
  amountCents: number;
  items: string;
  staff: string | null;
  paymentMethod: string | null;
}

/** One customer's visits saved by a load: what the totals trigger would have added. */
export interface VisitTotals {
  count: number;
  cents: number;
  first: string;
  last: string;
}

export interface VisitLoader {
  /** Saves the visit unless one with this fingerprint is stored already; true when saved. */
  add(customerId: number, visit: VisitIn, fingerprint: string): boolean;
  /** Writes anything still held back (bulkLoadVisits calls it before rebuilding the indexes). */
  flush(): void;
  /** Per customer id, the visits this load saved. */
  readonly totals: Map<number, VisitTotals>;
}

/** Visits per INSERT statement in a bulk load: 64 × 7 values stays far below SQLite's limit of 32,766. */
const ROWS_PER_STATEMENT = 64;
const VALUES_PER_ROW = 7;

/**
 * The INSERT's head and one row's values. The import's id and time are the same on every row, so they
 * are written into the statement (an integer and our own ISO timestamp) instead of bound 100,000 times.
 */
function insertParts(importId: number, now: string): { head: string; row: string } {
  if (!Number.isSafeInteger(importId)) throw new Error(`bad import id ${importId}`);
  const createdAt = `'${now.replace(/'/g, "''")}'`;
  return {
    head: 'INSERT INTO visits (customer_id, date, amount_cents, items, staff, payment_method, fingerprint, import_id, created_at) VALUES ',
    row: `(?, ?, ?, ?, ?, ?, ?, ${importId}, ${createdAt})`,
  };
}

abstract class CountingLoader implements VisitLoader {
  readonly totals = new Map<number, VisitTotals>();

  abstract add(customerId: number, visit: VisitIn, fingerprint: string): boolean;
  abstract flush(): void;

  protected count(customerId: number, visit: VisitIn): void {
    const t = this.totals.get(customerId);
    if (t === undefined) {
      this.totals.set(customerId, { count: 1, cents: visit.amountCents, first: visit.date, last: visit.date });
      return;
    }
    t.count++;
    t.cents += visit.amountCents;
    if (visit.date < t.first) t.first = visit.date;
    if (visit.date > t.last) t.last = visit.date;
  }
}

/** Many rows per statement, with no index to keep up; `stored` holds the fingerprints saved before. */
export class UnindexedVisitLoader extends CountingLoader {
  private readonly many: Statement<unknown[]>;
  private readonly one: Statement<unknown[]>;
  private readonly values: unknown[] = new Array<unknown>(ROWS_PER_STATEMENT * VALUES_PER_ROW);
  private held = 0;

  constructor(
    db: Db,
    importId: number,
    now: string,
    private readonly stored: ReadonlySet<string> | null,
  ) {
    super();
    const { head, row } = insertParts(importId, now);
    this.many = db.prepare(head + new Array<string>(ROWS_PER_STATEMENT).fill(row).join(', '));
    this.one = db.prepare(head + row);
  }

  add(customerId: number, visit: VisitIn, fingerprint: string): boolean {
    if (this.stored?.has(fingerprint)) return false;
    const v = this.values;
    let i = this.held * VALUES_PER_ROW;
    v[i++] = customerId;
    v[i++] = visit.date;
    v[i++] = visit.amountCents;
    v[i++] = visit.items;
    v[i++] = visit.staff;
    v[i++] = visit.paymentMethod;
    v[i] = fingerprint;
    if (++this.held === ROWS_PER_STATEMENT) {
      this.many.run(v);
      this.held = 0;
    }
    this.count(customerId, visit);
    return true;
  }

  flush(): void {
    for (let r = 0; r < this.held; r++) this.one.run(this.values.slice(r * VALUES_PER_ROW, (r + 1) * VALUES_PER_ROW));
    this.held = 0;
  }
}

/** One row per statement; the unique fingerprint index turns a repeat into "nothing inserted". */
export class IndexedVisitLoader extends CountingLoader {
  private readonly insert: Statement<unknown[]>;

  constructor(db: Db, importId: number, now: string) {
    super();
    const { head, row } = insertParts(importId, now);
    this.insert = db.prepare(`${head}${row} ON CONFLICT(fingerprint) DO NOTHING`);
  }

  add(customerId: number, visit: VisitIn, fingerprint: string): boolean {
    const saved = this.insert.run(customerId, visit.date, visit.amountCents, visit.items, visit.staff, visit.paymentMethod, fingerprint).changes > 0;
    if (saved) this.count(customerId, visit);
    return saved;
  }

  flush(): void {}
}
