import type { Migration } from '../migration-types';

/**
 * Remembers the column mapping the owner confirmed for a file's header row, so next month's export
 * from the same till maps itself. Keyed by the header signature (see shared/import/headers.ts).
 */
export const importMappings: Migration = {
  version: 3,
  name: 'import-mappings',
  up: (db) => {
    db.exec(`
      CREATE TABLE import_mappings (
        signature TEXT PRIMARY KEY,
        fields TEXT NOT NULL, -- JSON array, one field per column
        kind TEXT NOT NULL CHECK (kind IN ('customers', 'visits', 'feedback')),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
