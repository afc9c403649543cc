import type { Db } from '../connection';
import type { CustomerRecordRow } from '../rows';
import { phoneDigits, searchKey } from '../../../shared/domain/text';
import { bulkLoadVisits, type VisitLoader } from './visit-loader';

export type { VisitLoader };

/** A customer row as an import sees it: the editable fields, without the visit totals (triggers own those). */
export interface CustomerImage extends CustomerRecordRow {
  import_id: number | null;
}

export type ImportKind = 'customers' | 'visits' | 'feedback';
export type ChangeAction = 'create' | 'update' | 'merge';

export interface ImportRecord {
  id: number;
  fileName: string;
  kind: ImportKind;
  status: 'done' | 'undone';
  startedAt: string;
  finishedAt: string | null;
  undoneAt: string | null;
  rowsRead: number;
  summary: Record<string, unknown>;
}

/** The page cache during an import, in KiB as SQLite's negative cache_size means: 16 MB. */
const IMPORT_CACHE_KIB = -16 * 1024;

const IMAGE_COLUMNS = 'id, name, phone, email, birthday, tags, notes, marketing_consent, external_ref, created_at, updated_at, erased_at, import_id';

/**
 * The SQL behind spreadsheet imports: batch records, the before/after images that make undo exact,
 * bulk inserts with row fingerprints, and the lookups used to match rows to existing customers.
 */
export function createImportsRepository(db: Db) {
  const insertImport = db.prepare(
    `INSERT INTO imports (file_name, kind, status, started_at, rows_read) VALUES (?, ?, 'done', ?, 0)`,
  );
  const finishImport = db.prepare('UPDATE imports SET finished_at = ?, rows_read = ?, summary = ? WHERE id = ?');
  const insertChange = db.prepare(
    'INSERT INTO import_changes (import_id, table_name, row_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const customerImage = db.prepare<[number], CustomerImage>(`SELECT ${IMAGE_COLUMNS} FROM customers WHERE id = ?`);
  const insertCustomer = db.prepare(
    `INSERT INTO customers (name, name_key, phone, phone_digits, email, birthday, tags, notes, marketing_consent,
       external_ref, created_at, updated_at, import_id)
     VALUES (:name, :name_key, :phone, :phone_digits, :email, :birthday, :tags, :notes, :marketing_consent,
       :external_ref, :now, :now, :import_id)`,
  );
  const restoreCustomer = db.prepare(
    `UPDATE customers SET name = :name, name_key = :name_key, phone = :phone, phone_digits = :phone_digits,
       email = :email, birthday = :birthday, tags = :tags, notes = :notes, marketing_consent = :marketing_consent,
       external_ref = :external_ref, created_at = :created_at, updated_at = :updated_at, erased_at = :erased_at,
       import_id = :import_id
     WHERE id = :id`,
  );
  const insertFeedback = db.prepare(
    `INSERT INTO feedback (customer_id, visit_id, date, nps, rating, comment, follow_up, source, import_id, fingerprint, created_at)
     VALUES (?, NULL, ?, ?, ?, ?, ?, 'import', ?, ?, ?) ON CONFLICT(fingerprint) DO NOTHING`,
  );

  const imageParams = (image: CustomerImage) => ({
    ...image,
    name_key: searchKey(image.name),
    phone_digits: image.phone ? phoneDigits(image.phone) || null : null,
  });

  return {
    start(fileName: string, kind: ImportKind, now: string): number {
      return Number(insertImport.run(fileName, kind, now).lastInsertRowid);
    },
    finish(id: number, now: string, rowsRead: number, summary: object): void {
      finishImport.run(now, rowsRead, JSON.stringify(summary), id);
    },
    recordChange(importId: number, rowId: number, action: ChangeAction, before: CustomerImage | null, after: CustomerImage | null): void {
      insertChange.run(importId, 'customers', rowId, action, before && JSON.stringify(before), after && JSON.stringify(after));
    },
    customerImage(id: number): CustomerImage | undefined {
      return customerImage.get(id);
    },
    insertCustomer(fields: Omit<CustomerImage, 'id' | 'created_at' | 'updated_at' | 'erased_at' | 'import_id'>, now: string, importId: number): number {
      return Number(
        insertCustomer.run({ ...fields, name_key: searchKey(fields.name), phone_digits: fields.phone ? phoneDigits(fields.phone) || null : null, now, import_id: importId }).lastInsertRowid,
      );
    },
    /** Writes a whole customer image back (used for "fill empty fields" and for undo). */
    writeCustomer(image: CustomerImage): void {
      restoreCustomer.run(imageParams(image));
    },
    insertFeedback(f: { customerId: number | null; date: string; nps: number | null; rating: number | null; comment: string; followUp: string }, importId: number, fingerprint: string, now: string): boolean {
      return insertFeedback.run(f.customerId, f.date, f.nps, f.rating, f.comment, f.followUp, importId, fingerprint, now).changes > 0;
    },
    /** The newest import of a file with this name that is not undone, and when it finished. */
    lastImportOf(fileName: string): { importId: number; date: string } | null {
      return (
        (db
          .prepare(`SELECT id AS importId, coalesce(finished_at, started_at) AS date FROM imports WHERE file_name = ? AND status = 'done' ORDER BY id DESC LIMIT 1`)
          .get(fileName) as { importId: number; date: string } | undefined) ?? null
      );
    },
    /** Every existing customer's matching keys, loaded once per import (fast even for 50,000 people). */
    matchKeys(): { id: number; external_ref: string | null; email: string | null; phone_digits: string | null; name_key: string }[] {
      return db.prepare('SELECT id, external_ref, email, phone_digits, name_key FROM customers WHERE erased_at IS NULL').all() as {
        id: number;
        external_ref: string | null;
        email: string | null;
        phone_digits: string | null;
        name_key: string;
      }[];
    },
    existingFingerprints(table: 'visits' | 'feedback', fingerprints: string[]): Set<string> {
      const found = new Set<string>();
      const stmt = db.prepare(`SELECT fingerprint FROM ${table} WHERE fingerprint IN (SELECT value FROM json_each(?))`);
      for (let i = 0; i < fingerprints.length; i += 5000) {
        for (const row of stmt.all(JSON.stringify(fingerprints.slice(i, i + 5000))) as { fingerprint: string }[]) found.add(row.fingerprint);
      }
      return found;
    },
    get(id: number): ImportRecord | null {
      const row = db.prepare('SELECT * FROM imports WHERE id = ?').get(id) as
        | { id: number; file_name: string; kind: ImportKind; status: 'done' | 'undone'; started_at: string; finished_at: string | null; undone_at: string | null; rows_read: number; summary: string }
        | undefined;
      return row
        ? { id: row.id, fileName: row.file_name, kind: row.kind, status: row.status, startedAt: row.started_at, finishedAt: row.finished_at, undoneAt: row.undone_at, rowsRead: row.rows_read, summary: JSON.parse(row.summary) as Record<string, unknown> }
        : null;
    },
    list(): ImportRecord[] {
      const ids = db.prepare('SELECT id FROM imports ORDER BY id DESC').all() as { id: number }[];
      return ids.map(({ id }) => this.get(id)!);
    },
    changes(importId: number): { row_id: number; action: ChangeAction; before: CustomerImage | null; after: CustomerImage | null }[] {
      return (db.prepare('SELECT row_id, action, before, after FROM import_changes WHERE import_id = ? ORDER BY id').all(importId) as {
        row_id: number;
        action: ChangeAction;
        before: string | null;
        after: string | null;
      }[]).map((c) => ({ ...c, before: c.before ? (JSON.parse(c.before) as CustomerImage) : null, after: c.after ? (JSON.parse(c.after) as CustomerImage) : null }));
    },
    /**
     * The files of later imports, not undone, that changed this customer or added visits or feedback
     * for them: what an undo must name when it finds the customer changed since.
     */
    laterImportsTouching(importId: number, customerId: number): string[] {
      return db
        .prepare(
          `SELECT i.file_name FROM imports i WHERE i.id > ? AND i.status = 'done' AND (
             EXISTS (SELECT 1 FROM import_changes c WHERE c.import_id = i.id AND c.table_name = 'customers' AND c.row_id = ?)
             OR EXISTS (SELECT 1 FROM visits v WHERE v.customer_id = ? AND v.import_id = i.id)
             OR EXISTS (SELECT 1 FROM feedback f WHERE f.customer_id = ? AND f.import_id = i.id))
           ORDER BY i.id`,
        )
        .pluck()
        .all(importId, customerId, customerId, customerId) as string[];
    },
    /** Visits and feedback added later (by hand or another import) to customers this import created. */
    foreignActivity(importId: number, customerId: number): number {
      const v = db.prepare('SELECT count(*) AS n FROM visits WHERE customer_id = ? AND (import_id IS NULL OR import_id != ?)').get(customerId, importId) as { n: number };
      const f = db.prepare('SELECT count(*) AS n FROM feedback WHERE customer_id = ? AND (import_id IS NULL OR import_id != ?)').get(customerId, importId) as { n: number };
      return v.n + f.n;
    },
    deleteRowsOf(importId: number): void {
      db.prepare('DELETE FROM feedback WHERE import_id = ?').run(importId);
      db.prepare('DELETE FROM visits WHERE import_id = ?').run(importId);
    },
    deleteCustomer(id: number): void {
      db.prepare('DELETE FROM customers WHERE id = ?').run(id);
    },
    /**
     * Runs a big write with statement journals in memory and a bigger page cache. Statement journals:
     * in a temp file they cost an import of 100,000 rows about three times its time in disk writes.
     * Cache: every visit insert touches indexes at random places, and with SQLite's default 2 MB cache
     * those pages keep spilling to disk and being read back. Put back afterwards.
     */
    withImportSettings<T>(work: () => T): T {
      const previousTemp = db.pragma('temp_store', { simple: true }) as number;
      const previousCache = db.pragma('cache_size', { simple: true }) as number;
      db.pragma('temp_store = MEMORY');
      db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
      try {
        return work();
      } finally {
        db.pragma(`temp_store = ${previousTemp}`);
        db.pragma(`cache_size = ${previousCache}`);
      }
    },
    /** The import's visits, loaded in bulk (see bulkLoadVisits); must run inside the import's transaction. */
    bulkLoadVisits<T>(importId: number, now: string, plannedVisits: number, work: (loader: VisitLoader) => T): T {
      return bulkLoadVisits(db, { importId, now, plannedVisits }, work);
    },
    markUndone(importId: number, now: string): void {
      db.prepare("UPDATE imports SET status = 'undone', undone_at = ? WHERE id = ?").run(now, importId);
    },
  };
}

export type ImportsRepository = ReturnType<typeof createImportsRepository>;
