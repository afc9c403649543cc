import type { Migration } from '../migration-types';

/**
 * A counter that moves whenever the data the metrics are computed from changes: customers, visits,
 * and what people said (not the follow-up state of a comment, and not the Today list's "done"
 * marks). The metrics cache is keyed by it, so marking a call done on Today no longer makes the next
 * screen recompute a big shop's metrics (a second on 50,000 customers), while any real change still
 * does — on any connection, since triggers run wherever the write comes from.
 *
 * Kept by triggers, not by the code that writes, so no write path can forget it. A bulk load of visits
 * sets the visits insert trigger aside with the totals trigger and moves the counter once.
 */
const WATCHED: readonly { table: string; update: string }[] = [
  { table: 'customers', update: 'UPDATE' },
  { table: 'visits', update: 'UPDATE' },
  // The columns the metrics read (see loadMetricsInput); follow_up and its note are the Today list's.
  { table: 'feedback', update: 'UPDATE OF customer_id, visit_id, date, nps, rating, comment' },
];

export const dataRevision: Migration = {
  version: 5,
  name: 'data-revision',
  up: (db) => {
    db.exec(`
      CREATE TABLE data_revision (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        n INTEGER NOT NULL
      ) STRICT;
      INSERT INTO data_revision (id, n) VALUES (1, 0);
    `);
    for (const { table, update } of WATCHED) {
      for (const [event, suffix] of [
        ['INSERT', 'insert'],
        [update, 'update'],
        ['DELETE', 'delete'],
      ] as const) {
        db.exec(`CREATE TRIGGER ${table}_revision_${suffix} AFTER ${event} ON ${table} BEGIN UPDATE data_revision SET n = n + 1; END;`);
      }
    }
  },
};
