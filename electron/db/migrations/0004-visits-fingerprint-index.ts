import type { Migration } from '../migration-types';

/**
 * Gives visits.fingerprint a named unique index instead of the inline UNIQUE of step 1.
 *
 * Why: an inline UNIQUE makes an automatic index that cannot be dropped, so a big import had to insert
 * 100,000 random fingerprints one by one into it. A named index can be set aside during a bulk load and
 * built again from sorted keys afterwards (see bulkLoadVisits), like the other visit indexes. The
 * uniqueness is the same: a re-import still adds nothing.
 *
 * SQLite cannot drop a column constraint, so the table is rebuilt as its documented procedure says:
 * new table, copy, drop, rename, then the same indexes and triggers from their stored SQL. The runner
 * turns foreign keys off around the migration (a DROP TABLE would otherwise clear feedback.visit_id)
 * and checks them before committing.
 */
export const visitsFingerprintIndex: Migration = {
  version: 4,
  name: 'visits-fingerprint-index',
  up: (db) => {
    const dependents = db
      .prepare("SELECT sql FROM sqlite_master WHERE tbl_name = 'visits' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name")
      .all() as { sql: string }[];
    db.exec(`
      CREATE TABLE visits_rebuilt (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        amount_cents INTEGER NOT NULL,
        items TEXT NOT NULL DEFAULT '',
        staff TEXT,
        payment_method TEXT,
        import_id INTEGER REFERENCES imports(id),
        fingerprint TEXT,                -- the source spreadsheet row, so a re-import adds nothing (unique index below)
        created_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO visits_rebuilt (id, customer_id, date, amount_cents, items, staff, payment_method, import_id, fingerprint, created_at)
        SELECT id, customer_id, date, amount_cents, items, staff, payment_method, import_id, fingerprint, created_at FROM visits;
      DROP TABLE visits;
      ALTER TABLE visits_rebuilt RENAME TO visits;
      CREATE UNIQUE INDEX visits_fingerprint ON visits(fingerprint);
    `);
    for (const { sql } of dependents) db.exec(sql);
  },
};
