import type { Migration } from '../migration-types';

/** The first schema: customers, visits, feedback, imports with undo records, settings. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up: (db) => {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL -- JSON
      ) STRICT;

      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('customers', 'visits', 'feedback')),
        status TEXT NOT NULL CHECK (status IN ('done', 'undone')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        undone_at TEXT,
        rows_read INTEGER NOT NULL DEFAULT 0,
        summary TEXT NOT NULL DEFAULT '{}' -- JSON: counts shown in the history
      ) STRICT;

      CREATE TABLE customers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,          -- lower-case, accents removed: for search and matching
        phone TEXT,
        phone_digits TEXT,               -- digits only: for search and matching
        email TEXT,
        birthday TEXT,
        tags TEXT NOT NULL DEFAULT '[]', -- JSON array
        notes TEXT NOT NULL DEFAULT '',
        marketing_consent INTEGER NOT NULL DEFAULT 0 CHECK (marketing_consent IN (0, 1)),
        external_ref TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        erased_at TEXT,
        import_id INTEGER REFERENCES imports(id),
        -- Visit totals, kept current by the triggers below so the customer list can sort 50,000
        -- people by last visit or spend without aggregating a million visits each time.
        visit_count INTEGER NOT NULL DEFAULT 0,
        total_cents INTEGER NOT NULL DEFAULT 0,
        first_visit TEXT,
        last_visit TEXT
      ) STRICT;
      CREATE UNIQUE INDEX customers_external_ref ON customers(external_ref) WHERE external_ref IS NOT NULL;
      CREATE INDEX customers_email ON customers(email) WHERE email IS NOT NULL;
      CREATE INDEX customers_phone_digits ON customers(phone_digits) WHERE phone_digits IS NOT NULL;
      CREATE INDEX customers_name_key ON customers(name_key);
      CREATE INDEX customers_last_visit ON customers(last_visit);
      CREATE INDEX customers_visit_count ON customers(visit_count);
      CREATE INDEX customers_total_cents ON customers(total_cents);

      CREATE TABLE visits (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        amount_cents INTEGER NOT NULL,
        items TEXT NOT NULL DEFAULT '',
        staff TEXT,
        payment_method TEXT,
        import_id INTEGER REFERENCES imports(id),
        fingerprint TEXT UNIQUE,         -- the source spreadsheet row, so a re-import adds nothing
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX visits_customer_date ON visits(customer_id, date);
      CREATE INDEX visits_date ON visits(date);
      CREATE INDEX visits_import ON visits(import_id) WHERE import_id IS NOT NULL;

      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER REFERENCES customers(id) ON DELETE CASCADE,
        visit_id INTEGER REFERENCES visits(id) ON DELETE SET NULL,
        date TEXT NOT NULL,
        nps INTEGER CHECK (nps BETWEEN 0 AND 10),
        rating INTEGER CHECK (rating BETWEEN 1 AND 5),
        comment TEXT NOT NULL DEFAULT '',
        follow_up TEXT NOT NULL DEFAULT 'none' CHECK (follow_up IN ('none', 'open', 'done')),
        follow_up_note TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT 'manual',
        import_id INTEGER REFERENCES imports(id),
        fingerprint TEXT UNIQUE,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX feedback_customer ON feedback(customer_id, date);
      CREATE INDEX feedback_date ON feedback(date);
      CREATE INDEX feedback_follow_up ON feedback(follow_up) WHERE follow_up = 'open';

      CREATE TABLE import_changes (
        id INTEGER PRIMARY KEY,
        import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        table_name TEXT NOT NULL CHECK (table_name IN ('customers', 'visits', 'feedback')),
        row_id INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create', 'update', 'merge')),
        before TEXT,                     -- JSON row image before the import touched it
        after TEXT                       -- JSON row image the import left (to detect later edits)
      ) STRICT;
      CREATE INDEX import_changes_import ON import_changes(import_id);

      CREATE TRIGGER visits_after_insert AFTER INSERT ON visits BEGIN
        UPDATE customers SET
          visit_count = visit_count + 1,
          total_cents = total_cents + NEW.amount_cents,
          first_visit = CASE WHEN first_visit IS NULL OR NEW.date < first_visit THEN NEW.date ELSE first_visit END,
          last_visit = CASE WHEN last_visit IS NULL OR NEW.date > last_visit THEN NEW.date ELSE last_visit END
        WHERE id = NEW.customer_id;
      END;
      CREATE TRIGGER visits_after_delete AFTER DELETE ON visits BEGIN
        UPDATE customers SET
          visit_count = visit_count - 1,
          total_cents = total_cents - OLD.amount_cents,
          first_visit = (SELECT min(date) FROM visits WHERE customer_id = OLD.customer_id),
          last_visit = (SELECT max(date) FROM visits WHERE customer_id = OLD.customer_id)
        WHERE id = OLD.customer_id;
      END;
      CREATE TRIGGER visits_after_update AFTER UPDATE OF customer_id, date, amount_cents ON visits BEGIN
        UPDATE customers SET
          visit_count = (SELECT count(*) FROM visits WHERE customer_id = customers.id),
          total_cents = (SELECT coalesce(sum(amount_cents), 0) FROM visits WHERE customer_id = customers.id),
          first_visit = (SELECT min(date) FROM visits WHERE customer_id = customers.id),
          last_visit = (SELECT max(date) FROM visits WHERE customer_id = customers.id)
        WHERE id IN (OLD.customer_id, NEW.customer_id);
      END;
    `);
  },
};
