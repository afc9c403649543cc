import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { openDatabase } from '../../electron/db/connection';
import { createServiceContext } from '../../electron/services/context';
import { commitImport } from '../../electron/services/import/commit';
import { decodeText } from '../../electron/services/import/decode-text';
import { stageImport } from '../../electron/services/import/stage';
import { BENCH_DIR, result, time, type Benchmark } from './harness';
import { cdnowCsv, salesCsv } from './import-data';

const ROWS = 100_000;

function freshDb(name: string) {
  const file = path.join(BENCH_DIR, name);
  for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
  return { file, ...openDatabase(file) };
}

function removeDb(file: string): void {
  for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
}

/** Stage + commit through the service, as the app and the CLI run it. */
function importFile(csv: string, dbName: string) {
  const { file, db } = freshDb(dbName);
  const ctx = createServiceContext(db, file);
  const staged = stageImport(ctx, { fileName: path.basename(csv), path: csv });
  const outcome = commitImport(ctx, { stageId: staged.stageId, skipInvalid: false, merge: [], dryRun: false });
  db.close();
  removeDb(file);
  return outcome;
}

/**
 * 100,000 sales rows end to end (stage, read, check, match customers, save in one transaction) against
 * the floor measured in the same run: the same file decoded and parsed by the same parser, and the
 * same rows inserted by one prepared statement in one transaction. Target: ratio ≤ 2.5.
 */
export const import100k: Benchmark = {
  name: 'import-100k',
  description: 'import a 100,000-row sales CSV end to end vs parse + one prepared insert',
  async run() {
    const csv = await salesCsv(ROWS);
    const { ms, value } = await time(() => importFile(csv, 'import-100k.sqlite'));
    if (value.visitsCreated !== ROWS) throw new Error(`import-100k: expected ${ROWS} visits, got ${value.visitsCreated}`);

    const floor = freshDb('import-100k-floor.sqlite');
    floor.db.exec('CREATE TABLE t (customer TEXT, email TEXT, date TEXT, cents INTEGER, items TEXT)');
    const insert = floor.db.prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?)');
    const baseline = await time(() => {
      const { text } = decodeText(readFileSync(csv));
      const rows = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true }).data;
      floor.db.transaction(() => {
        for (let i = 1; i < rows.length; i++) {
          const r = rows[i]!;
          insert.run(r[1], r[2], r[0], Math.round(Number(r[3]) * 100), r[4]);
        }
      })();
    });
    floor.db.close();
    removeDb(floor.file);
    const ratio = ms / baseline.ms;
    return result({ name: 'import-100k', n: ROWS, ms, baselineMs: baseline.ms, target: 'ratio ≤ 2.5', pass: ratio <= 2.5 });
  },
};

/** The CDNOW purchase log (69,659 rows) as a till CSV, imported as-is; totals must match the source. */
export const importCdnow: Benchmark = {
  name: 'import-cdnow-70k',
  description: 'import the 70k-row CSV derived from CDNOW_master.txt; totals must match',
  async run() {
    const source = cdnowCsv();
    const { ms, value } = await time(() => importFile(source.file, 'import-cdnow.sqlite'));
    const right = value.visitsCreated === source.rows && value.visitsRevenueCents === source.revenueCents && value.customersCreated === source.customers;
    if (!right) console.error(`import-cdnow-70k: got ${JSON.stringify(value)}; expected ${source.rows} visits, ${source.revenueCents} cents, ${source.customers} customers`);
    return result({ name: 'import-cdnow-70k', n: source.rows, ms, baselineMs: null, target: 'totals match, ≤ 20000 ms', pass: right && ms <= 20_000 });
  },
};
