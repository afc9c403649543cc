/**
 * `regulars import`, `regulars imports` and `regulars undo-import` as a separate process on a real
 * data file (the built CLI: run `npm run build:node` first).
 */
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/connection';
import { FIXTURES } from '../../fixtures/import/manifest';
import { dump } from '../../support/db';
import { runCli, tempDir } from '../../support/web-app';
import { FIXTURE_DIR, shopData } from './helpers';

const OUTCOME_KEYS = [
  'importId',
  'kind',
  'rowsRead',
  'customersCreated',
  'customersUpdated',
  'visitsCreated',
  'visitsRevenueCents',
  'firstDate',
  'lastDate',
  'feedbackCreated',
  'duplicatesSkipped',
  'rowErrors',
];

function dataOf(file: string) {
  const { db } = openDatabase(file);
  try {
    return shopData(dump(db));
  } finally {
    db.close();
  }
}

function optionArgs(options: (typeof FIXTURES)[number]['options']): string[] {
  const args: string[] = [];
  if (options?.kind) args.push('--kind', options.kind);
  if (options?.dateFormat) args.push('--date-format', options.dateFormat);
  if (options?.decimal) args.push('--decimal', options.decimal);
  if (options?.sheet) args.push('--sheet', options.sheet);
  if (options?.skipInvalid) args.push('--skip-invalid');
  return args;
}

describe('regulars import', () => {
  // Locale-dependent phone checks are the service test's business; every fixture's counts are checked here.
  it.each(FIXTURES.map((f) => [f.id, f] as const))('%s prints the outcome as JSON with the expected counts', async (_id, spec) => {
    const db = path.join(tempDir(), 'shop.sqlite');
    const { code, stdout, stderr } = await runCli(['import', path.join(FIXTURE_DIR, spec.file), ...optionArgs(spec.options), '--db', db, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const outcome = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(outcome)).toEqual(OUTCOME_KEYS);
    const e = spec.expect;
    expect(outcome).toMatchObject({
      kind: e.kind,
      rowsRead: e.rowsRead,
      customersCreated: e.customersCreated,
      visitsCreated: e.visitsCreated,
      visitsRevenueCents: e.visitsRevenueCents,
      firstDate: e.firstDate,
      lastDate: e.lastDate,
      feedbackCreated: e.feedbackCreated,
      duplicatesSkipped: 0,
    });
    expect(outcome.rowErrors).toHaveLength(e.errorCount);
  });

  it('refuses an ambiguous date column or bad rows with the reasons, exit 1, and writes nothing', async () => {
    const db = path.join(tempDir(), 'shop.sqlite');
    await runCli(['import', path.join(FIXTURE_DIR, 'square-customers.csv'), '--db', db]);
    const before = dataOf(db);

    const ambiguous = await runCli(['import', path.join(FIXTURE_DIR, 'ambiguous-dates.csv'), '--db', db, '--json']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stdout).toBe('');
    expect(ambiguous.stderr).toContain('Column Date: 3 rows could be read as day/month or month/day');
    expect(ambiguous.stderr).toContain('--date-format dmy');

    const bad = await runCli(['import', path.join(FIXTURE_DIR, 'sales-with-errors.csv'), '--db', db, '--json']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Row 3, column Date: '31/02/2024' is not a date");
    expect(bad.stderr).toContain("Row 4, column Amount: 'abc' is not an amount");
    expect(bad.stderr).toContain('--skip-invalid');
    expect(dataOf(db)).toEqual(before);
  });

  it('--dry-run reports what would happen and writes nothing', async () => {
    const db = path.join(tempDir(), 'shop.sqlite');
    await runCli(['import', path.join(FIXTURE_DIR, 'square-customers.csv'), '--db', db]);
    const before = dataOf(db);
    const { code, stdout } = await runCli(['import', path.join(FIXTURE_DIR, 'square-transactions.csv'), '--dry-run', '--db', db, '--json']);
    expect(code).toBe(0);
    // The customers file gave C-1…C-4 as customer ids: the sales match them instead of creating people.
    expect(JSON.parse(stdout)).toMatchObject({ importId: null, customersCreated: 0, visitsCreated: 5, visitsRevenueCents: 104075 });
    expect(dataOf(db)).toEqual(before);
  });

  it('unreadable files get one sentence and exit 1', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'empty.csv');
    writeFileSync(file, '');
    const { code, stderr } = await runCli(['import', file, '--db', path.join(dir, 'shop.sqlite')]);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('empty.csv is empty. Export the data again and choose the new file.');
  });
});

describe('regulars imports and undo-import', () => {
  it('lists the history and undoes an import back to the data as it was', async () => {
    const db = path.join(tempDir(), 'shop.sqlite');
    await runCli(['import', path.join(FIXTURE_DIR, 'square-customers.csv'), '--db', db]);
    const before = dataOf(db);
    const imported = JSON.parse((await runCli(['import', path.join(FIXTURE_DIR, 'sales-refunds.csv'), '--db', db, '--json'])).stdout) as { importId: number };

    const list = JSON.parse((await runCli(['imports', '--db', db, '--json'])).stdout) as { id: number; fileName: string; undone: boolean }[];
    expect(list.map((i) => [i.fileName, i.undone])).toEqual([
      ['sales-refunds.csv', false],
      ['square-customers.csv', false],
    ]);

    const undo = await runCli(['undo-import', String(imported.importId), '--db', db, '--json']);
    expect(undo.code).toBe(0);
    expect(JSON.parse(undo.stdout)).toMatchObject({ importId: imported.importId, visitsRemoved: 4, customersRemoved: 2 });
    expect(dataOf(db)).toEqual(before);

    const again = await runCli(['undo-import', String(imported.importId), '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('was already undone');
  });
});
