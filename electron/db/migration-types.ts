import type { Database } from 'better-sqlite3';

/**
 * One schema step. `up` runs inside the runner's transaction, with foreign keys off (so a step may
 * rebuild a table) and checked before commit; it must not commit or change pragmas.
 */
export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}
