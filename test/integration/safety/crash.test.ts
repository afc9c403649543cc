/**
 * Crash safety: an import, a backup or a restore killed with SIGKILL at any moment leaves a data file
 * that passes `PRAGMA integrity_check` and holds either all of the old data or all of the new — never
 * a mix — and never a half backup that looks whole. Runs the built CLI as a child process (the same
 * code the app runs) and kills it; each kill point is asserted "before or after" whichever it hits.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../../electron/db/connection';
import { dump } from '../../support/db';
import { DIST, runCli, tempDir } from '../../support/web-app';
import { readFileState } from './support';

const CLI = path.join(DIST, 'electron/cli.cjs');

/**
 * The demo bakery with 3,000 customers, padded with long notes (~30 MB) so that copying it takes
 * long enough for a kill to land in the middle on any machine.
 */
async function bigDemoShop(file: string): Promise<void> {
  const made = await runCli(['demo', '--db', file, '--customers', '3000', '--seed', '11']);
  expect(made.code, made.stderr).toBe(0);
  const { db } = openDatabase(file);
  db.exec('UPDATE customers SET notes = hex(randomblob(5000))');
  db.close();
}

/** Starts the CLI, waits until `ready()` is true (polling), waits `delayMs` more, and SIGKILLs it. */
function killDuring(args: string[], ready: () => boolean, delayMs: number): Promise<{ killed: boolean; code: number | null }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore' });
  return new Promise((resolve) => {
    let exited = false;
    child.once('exit', (code, signal) => {
      exited = true;
      resolve({ killed: signal === 'SIGKILL', code });
    });
    const poll = () => {
      if (exited) return;
      if (!ready()) return void setTimeout(poll, 1);
      setTimeout(() => {
        if (!exited) child.kill('SIGKILL');
      }, delayMs);
    };
    poll();
  });
}

function sqliteFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.sqlite')) : [];
}

async function runJson(args: string[]): Promise<{ code: number; stdout: string }> {
  const { code, stdout } = await runCli([...args, '--json']);
  return { code, stdout };
}

describe('crash safety', () => {
  it('a backup killed half-way leaves the data intact and no half backup in the list', async () => {
    const dir = tempDir('regulars-crash-');
    const file = path.join(dir, 'shop.sqlite');
    await bigDemoShop(file);
    const before = readFileState(file);
    const backups = path.join(dir, 'backups');
    const partialExists = () => existsSync(backups) && readdirSync(backups).some((n) => n.endsWith('.partial'));

    let killedMidway = 0;
    for (const delay of [0, 20, 80]) {
      const { killed } = await killDuring(['backup', '--db', file], partialExists, delay);
      if (killed) killedMidway++;
      // Whatever finished is whole; the half-written file never counts as a backup.
      for (const name of sqliteFiles(backups)) expect(readFileState(path.join(backups, name)).integrity).toBe('ok');
      expect(readFileState(file)).toEqual(before);
      const listed = JSON.parse((await runJson(['backups', '--db', file])).stdout) as { backups: { name: string }[] };
      expect(listed.backups.map((b) => b.name).sort()).toEqual(sqliteFiles(backups).sort());
    }
    expect(killedMidway).toBeGreaterThan(0);
  }, 120_000);

  it('a restore killed at any moment leaves all of the old data or all of the new', async () => {
    const dir = tempDir('regulars-crash-');
    const pristine = path.join(dir, 'pristine.sqlite');
    await bigDemoShop(pristine);
    // The backup to restore: the shop as it is now.
    const stick = path.join(dir, 'stick');
    expect((await runJson(['backup', '--db', pristine, '--to', stick])).code).toBe(0);
    const backupFile = path.join(stick, sqliteFiles(stick)[0]!);
    const restoredState = readFileState(backupFile).digest;
    // Then the shop changes: the state before the restore.
    const { db } = openDatabase(pristine);
    db.exec("DELETE FROM visits WHERE id % 3 = 0; UPDATE customers SET name = name || ' (edited)' WHERE id % 7 = 0;");
    db.close();
    const oldState = readFileState(pristine).digest;
    expect(oldState).not.toBe(restoredState);

    const outcomes = new Set<string>();
    let killedMidway = 0;
    for (const delay of [0, 30, 120, 250, 400, 500, 600, 900, 1300]) {
      const run = tempDir('regulars-crash-run-');
      const file = path.join(run, 'shop.sqlite');
      copyFileSync(pristine, file);
      const { killed } = await killDuring(['restore', backupFile, '--db', file], () => existsSync(`${file}.restoring`), delay);
      if (killed) killedMidway++;
      const after = readFileState(file);
      expect(after.integrity).toBe('ok');
      expect([oldState, restoredState]).toContain(after.digest);
      outcomes.add(after.digest === oldState ? 'old' : 'new');
    }
    expect(killedMidway).toBeGreaterThan(0);
    // Which outcome a delay hits depends on the machine's speed; the invariant above is what matters.
    expect(outcomes.size).toBeGreaterThanOrEqual(1);
  }, 180_000);

  it('a backup restored into a fresh folder holds exactly the data it was taken from', async () => {
    const dir = tempDir('regulars-crash-');
    const source = path.join(dir, 'shop.sqlite');
    const made = await runCli(['demo', '--db', source, '--customers', '3000', '--seed', '3']);
    expect(made.code, made.stderr).toBe(0);
    const stick = path.join(dir, 'stick');
    expect((await runJson(['backup', '--db', source, '--to', stick])).code).toBe(0);
    const backupFile = path.join(stick, sqliteFiles(stick)[0]!);

    const fresh = path.join(tempDir('regulars-fresh-'), 'shop.sqlite');
    const restored = await runCli(['restore', backupFile, '--db', fresh]);
    expect(restored.code, restored.stderr).toBe(0);

    const a = openDatabase(source).db;
    const b = openDatabase(fresh).db;
    try {
      expect(b.pragma('integrity_check', { simple: true })).toBe('ok');
      const sourceDump = dump(a);
      expect((sourceDump.customers ?? []).length).toBe(3000);
      expect(dump(b)).toEqual(sourceDump);
    } finally {
      a.close();
      b.close();
    }
  }, 120_000);
});

describe('crash safety of imports', () => {
  it('an import killed at any moment leaves all of the old data or all of the new', async () => {
    const dir = tempDir('regulars-crash-import-');
    const pristine = path.join(dir, 'pristine.sqlite');
    const made = await runCli(['demo', '--db', pristine, '--customers', '3000', '--seed', '5']);
    expect(made.code, made.stderr).toBe(0);
    // A till export: 60,000 sales of 6,000 people, half of them new to the shop.
    const sheet = path.join(dir, 'till-export.csv');
    const lines = ['Date,Customer,Email,Amount'];
    for (let i = 0; i < 60_000; i++) {
      const person = i % 6000;
      lines.push(`2026-0${1 + (i % 9)}-${String(10 + (i % 18))},Imported Person ${person},person${person}@example.com,${(i % 90) + 1}.50`);
    }
    writeFileSync(sheet, `${lines.join('\n')}\n`);

    /** Row counts and money: what "all before" and "all after" mean, independent of timestamps. */
    const stateOf = (file: string) => {
      const { db } = openDatabase(file);
      try {
        const row = db
          .prepare('SELECT (SELECT count(*) FROM customers) c, (SELECT count(*) FROM visits) v, (SELECT coalesce(sum(amount_cents), 0) FROM visits) m')
          .get() as { c: number; v: number; m: number };
        return { integrity: db.pragma('integrity_check', { simple: true }) as string, state: `${row.c}/${row.v}/${row.m}` };
      } finally {
        db.close();
      }
    };
    const before = stateOf(pristine).state;

    // One full run, to know the "after" state and how long an import takes here.
    const full = path.join(tempDir('regulars-crash-import-full-'), 'shop.sqlite');
    copyFileSync(pristine, full);
    const started = performance.now();
    const done = await runCli(['import', sheet, '--db', full]);
    const fullMs = performance.now() - started;
    expect(done.code, done.stderr).toBe(0);
    const after = stateOf(full).state;
    expect(after).not.toBe(before);

    const outcomes = new Set<string>();
    let killed = 0;
    for (const fraction of [0.15, 0.35, 0.55, 0.75, 0.9]) {
      const file = path.join(tempDir('regulars-crash-import-run-'), 'shop.sqlite');
      copyFileSync(pristine, file);
      const result = await killDuring(['import', sheet, '--db', file], () => true, Math.round(fullMs * fraction));
      if (result.killed) killed++;
      const seen = stateOf(file);
      expect(seen.integrity).toBe('ok');
      expect([before, after]).toContain(seen.state);
      outcomes.add(seen.state === before ? 'before' : 'after');
    }
    expect(killed).toBeGreaterThan(0);
    expect(outcomes.size).toBeGreaterThanOrEqual(1);
  }, 240_000);
});
