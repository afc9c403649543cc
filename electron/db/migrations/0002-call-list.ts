import type { Migration } from '../migration-types';

/** Remembers "done" on the Today screen's who-to-call list, so a called customer drops off for a while. */
export const callList: Migration = {
  version: 2,
  name: 'call-list',
  up: (db) => {
    db.exec(`
      CREATE TABLE call_list_done (
        customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        reason TEXT NOT NULL,
        done_on TEXT NOT NULL,
        PRIMARY KEY (customer_id, reason)
      ) STRICT;
    `);
  },
};
