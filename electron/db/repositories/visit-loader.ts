/**
 * Loading many visits at once — an import's, or the demo shop's million — inside the caller's
 * transaction, far faster than one insert per visit with the totals trigger and every index kept up
 * (see bulkLoadVisits). Two loaders do the inserting:
 * - unindexed: the visit indexes are set aside, so rows go in many per statement and fingerprints
 *   already stored are checked in memory;
 * - indexed: the indexes stay (the shop's history is bigger than the load), and each row's insert
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
  /**
   * Saves the visit unless one with this fingerprint is stored already: the new visit's id, or null
   * when it was not saved. A visit without a fingerprint (not from a spreadsheet) is always saved.
   */
  add(customerId: number, visit: VisitIn, fingerprint: string | null): number | null;
  /** Writes anything still held back (bulkLoadVisits calls it before rebuilding the indexes). */
  flush(): void;
  /** Per customer id, the visits this load saved. */
  readonly totals: Map<number, VisitTotals>;
}

/** Visits per INSERT statement in a bulk load: 64 × 8 values stays far below SQLite's limit of 32,766. */
const ROWS_PER_STATEMENT = 64;
const VALUES_PER_ROW = 8;

/**
 * The INSERT's head and one row's values. The import's id (or NULL) and the time are the same on every
 * row, so they are written into the statement (an integer and our own ISO timestamp) instead of bound
 * 100,000 times.
 */
function insertParts(importId: number | null, now: string): { head: string; row: string } {
  if (importId !== null && !Number.isSafeInteger(importId)) throw new Error(`bad import id ${importId}`);
  const createdAt = `'${now.replace(/'/g, "''")}'`;
  return {
    head: 'INSERT INTO visits (id, customer_id, date, amount_cents, items, staff, payment_method, fingerprint, import_id, created_at) VALUES ',
    row: `(?, ?, ?, ?, ?, ?, ?, ?, ${importId ?? 'NULL'}, ${createdAt})`,
  };
}

abstract class CountingLoader implements VisitLoader {
  readonly totals = new Map<number, VisitTotals>();

  abstract add(customerId: number, visit: VisitIn, fingerprint: string | null): number | null;
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

/**
 * Many rows per statement, with no index to keep up; `stored` holds the fingerprints saved before.
 * Rows are held back until a statement's worth is ready, so each gets its id here (after the highest
 * stored), and the caller knows it at once.
 */
class UnindexedVisitLoader extends CountingLoader {
  private readonly many: Statement<unknown[]>;
  private readonly one: Statement<unknown[]>;
  private readonly values: unknown[] = new Array<unknown>(ROWS_PER_STATEMENT * VALUES_PER_ROW);
  private held = 0;
  private lastId: number;

  constructor(
    db: Db,
    importId: number | null,
    now: string,
    private readonly stored: ReadonlySet<string> | null,
  ) {
    super();
    const { head, row } = insertParts(importId, now);
    this.many = db.prepare(head + new Array<string>(ROWS_PER_STATEMENT).fill(row).join(', '));
    this.one = db.prepare(head + row);
    this.lastId = db.prepare('SELECT coalesce(max(id), 0) FROM visits').pluck().get() as number;
  }

  add(customerId: number, visit: VisitIn, fingerprint: string | null): number | null {
    if (fingerprint !== null && this.stored?.has(fingerprint)) return null;
    const id = ++this.lastId;
    const v = this.values;
    let i = this.held * VALUES_PER_ROW;
    v[i++] = id;
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
    return id;
  }

  flush(): void {
    for (let r = 0; r < this.held; r++) this.one.run(this.values.slice(r * VALUES_PER_ROW, (r + 1) * VALUES_PER_ROW));
    this.held = 0;
  }
}

/** One row per statement; the unique fingerprint index turns a repeat into "nothing inserted". */
class IndexedVisitLoader extends CountingLoader {
  private readonly insert: Statement<unknown[]>;

  constructor(db: Db, importId: number | null, now: string) {
    super();
    const { head, row } = insertParts(importId, now);
    // The id left to SQLite (NULL: the next one), so a repeat consumes none.
    this.insert = db.prepare(`${head}${row} ON CONFLICT(fingerprint) DO NOTHING`);
  }

  add(customerId: number, visit: VisitIn, fingerprint: string | null): number | null {
    const info = this.insert.run(null, customerId, visit.date, visit.amountCents, visit.items, visit.staff, visit.paymentMethod, fingerprint);
    if (info.changes === 0) return null;
    this.count(customerId, visit);
    return Number(info.lastInsertRowid);
  }

  flush(): void {}
}

/**
 * The per-row triggers a bulk load sets aside and does the work of itself: adding each visit to its
 * customer's totals (migration 1), and moving the data revision (migration 5) once per load instead
 * of once per visit saved, customer created (an import's new customers are created inside the load)
 * and customer whose totals change.
 */
const VISITS_TOTALS_TRIGGER = 'visits_after_insert';
const REVISION_TRIGGERS = ['visits_revision_insert', 'customers_revision_insert', 'customers_revision_update'];

/** Stored visits whose fingerprints a bulk load may hold in memory (see bulkLoadVisits). */
const MAX_FINGERPRINTS_IN_MEMORY = 250_000;

/** What a bulk load is: whose visits (an import's, or none for visits made up by the demo), when, how many. */
export interface BulkLoad {
  importId: number | null;
  now: string;
  /** About how many visits will be added (decides whether setting the indexes aside pays). */
  plannedVisits: number;
}

/**
 * Runs `work` as a bulk load of visits: `work` hands each visit to the loader, which says whether it
 * was saved (null: a visit with that fingerprint is stored already). Must run inside the caller's
 * transaction.
 * - The per-visit totals trigger is set aside; the loader adds up each customer's visits as they
 *   come, and one UPDATE per customer at the end adds them with the trigger's own arithmetic (count
 *   and sum added, first/last visit widened), so the totals end up exactly as the trigger would
 *   leave them. The data revision's triggers on visits and customers are set aside too, and the
 *   revision moved once if the load wrote anything.
 * - When the load brings at least as many visits as the shop already has (and those are not more
 *   than MAX_FINGERPRINTS_IN_MEMORY), every visit index (the fingerprint's unique index too) is
 *   dropped and built again afterwards: SQLite builds an index from sorted rows far faster than it
 *   inserts rows one by one at random places. The fingerprints already stored are then checked in
 *   memory, rows go in many per statement, and building the unique index again proves no
 *   fingerprint was saved twice. Otherwise the indexes stay and each row is checked by its insert.
 * Everything is dropped and re-created from its own stored SQL within the transaction, so every
 * other write keeps the trigger and indexes, and a rollback (an error, a cancel, a dry run) brings
 * them back untouched.
 */
export function bulkLoadVisits<T>(db: Db, load: BulkLoad, work: (loader: VisitLoader) => T): T {
  if (!db.inTransaction) throw new Error('bulkLoadVisits must run inside a transaction');
  const existing = db.prepare('SELECT count(*) FROM visits').pluck().get() as number;
  // Checking fingerprints in memory costs about 100 bytes per stored visit: past a few hundred
  // thousand, the indexes stay and check each row instead (a million-row import stays under 500 MB).
  const rebuild = load.plannedVisits >= existing && existing <= MAX_FINGERPRINTS_IN_MEMORY;
  const deferred = (
    db
      .prepare(
        `SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL
           AND ((type = 'trigger' AND name IN (${[VISITS_TOTALS_TRIGGER, ...REVISION_TRIGGERS].map((n) => `'${n}'`).join(', ')}))
             OR (type = 'index' AND tbl_name = 'visits'))`,
      )
      .all() as { type: string; name: string; sql: string }[]
  ).filter((o) => o.type === 'trigger' || rebuild);
  const changesSoFar = db.prepare('SELECT total_changes()').pluck();
  // A savepoint of its own: on failure the drops are undone at once, without rebuilding anything.
  db.exec('SAVEPOINT bulk_load_visits');
  try {
    const stored =
      rebuild && existing > 0 ? new Set(db.prepare('SELECT fingerprint FROM visits WHERE fingerprint IS NOT NULL').pluck().all() as string[]) : null;
    for (const o of deferred) db.exec(`DROP ${o.type === 'index' ? 'INDEX' : 'TRIGGER'} "${o.name}"`);
    const changesBefore = changesSoFar.get() as number;
    const loader = rebuild ? new UnindexedVisitLoader(db, load.importId, load.now, stored) : new IndexedVisitLoader(db, load.importId, load.now);
    const value = work(loader);
    loader.flush();
    // Indexes first (the unique one fails loudly if a fingerprint went in twice), the trigger last.
    sortingOnDisk(db, () => {
      for (const o of deferred) if (o.type === 'index') db.exec(o.sql);
    });
    const addTotals = db.prepare(
      `UPDATE customers SET
         visit_count = visit_count + :n,
         total_cents = total_cents + :cents,
         first_visit = CASE WHEN first_visit IS NULL OR :first < first_visit THEN :first ELSE first_visit END,
         last_visit = CASE WHEN last_visit IS NULL OR :last > last_visit THEN :last ELSE last_visit END
       WHERE id = :id`,
    );
    withoutTotalsIndexes(db, loader.totals.size, () => {
      for (const [id, t] of loader.totals) addTotals.run({ id, n: t.count, cents: t.cents, first: t.first, last: t.last });
    });
    // Any row the load wrote (visits, the customers it created or updated) moves the revision, once.
    const revisionDeferred = deferred.some((o) => REVISION_TRIGGERS.includes(o.name));
    if (revisionDeferred && (changesSoFar.get() as number) > changesBefore) db.exec('UPDATE data_revision SET n = n + 1');
    for (const o of deferred) if (o.type === 'trigger') db.exec(o.sql);
    db.exec('RELEASE bulk_load_visits');
    return value;
  } catch (error) {
    // If SQLite already rolled the whole transaction back, everything is back already.
    if (db.inTransaction) db.exec('ROLLBACK TO bulk_load_visits; RELEASE bulk_load_visits');
    throw error;
  }
}

/**
 * Runs `work` (index builds) with SQLite's sorter spilling to a temporary file instead of memory.
 * An import keeps temp storage in memory for its statement journals (see withImportSettings), but
 * building a million-visit index sorts the whole column: in memory that added about 60 MB to a
 * million-row import's peak, and on disk it measured no slower. Where the setting cannot change
 * (SQLite refuses while temporary tables are open), the sort simply stays in memory.
 */
function sortingOnDisk(db: Db, work: () => void): void {
  const before = db.pragma('temp_store', { simple: true }) as number;
  let changed = false;
  try {
    db.pragma('temp_store = FILE');
    changed = true;
  } catch {
    // Temporary tables are open: sort in memory, as before.
  }
  try {
    work();
  } finally {
    if (changed) db.pragma(`temp_store = ${before}`);
  }
}

/** The customer columns a bulk load's totals change. */
const TOTALS_COLUMNS = ['visit_count', 'total_cents', 'first_visit', 'last_visit'];

/**
 * Runs `work` (one totals UPDATE per customer a load touched) with the customer indexes on those
 * columns set aside and built again afterwards, when the load touched at least a quarter of the
 * shop's customers: every UPDATE would otherwise move each customer in three indexes, which took
 * most of the time of adding up the totals of an import that brought its customers with it.
 */
function withoutTotalsIndexes(db: Db, touched: number, work: () => void): void {
  const customers = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
  const indexes =
    touched * 4 >= customers
      ? (db
          .prepare(
            `SELECT m.name, m.sql FROM sqlite_master m WHERE m.type = 'index' AND m.tbl_name = 'customers' AND m.sql IS NOT NULL
               AND EXISTS (SELECT 1 FROM pragma_index_info(m.name) i WHERE i.name IN (${TOTALS_COLUMNS.map((c) => `'${c}'`).join(', ')}))`,
          )
          .all() as { name: string; sql: string }[])
      : [];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  work();
  for (const index of indexes) db.exec(index.sql);
}
