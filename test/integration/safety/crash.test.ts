/**
 * Crash safety: a backup or a restore killed with SIGKILL at any moment leaves a data file that
 * passes the integrity check and holds either all of the old data or all of the new — never a mix —
 * and never a half backup that looks whole. Runs the built CLI as a child process and kills it.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../../electron/db/connection';
import { DIST, tempDir } from '../../support/web-app';
import { readFileState } from './support';

const CLI = path.join(DIST, 'electron/cli.cjs');

/** A shop big enough that copying it takes a noticeable moment (~60 MB of incompressible text). */
function bigShop(file: string, customers = 3000): void {
  const { db } = openDatabase(file);
  db.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${customers})
    INSERT INTO customers (name, name_key, notes, created_at, updated_at)
      SELECT 'Customer ' || i, 'customer ' || i, hex(randomblob(10000)), '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${customers * 10})
    INSERT INTO visits (customer_id, date, amount_cents, created_at)
      SELECT 1 + (i % ${customers}), '2026-0' || (1 + i % 9) || '-1' || (i % 10), i % 5000, '2026-01-01T00:00:00Z' FROM n;
  `);
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

describe('crash safety', () => {
  it('a backup killed half-way leaves the data intact and no half backup in the list', async () => {
    const dir = tempDir('regulars-crash-');
    const file = path.join(dir, 'shop.sqlite');
    bigShop(file);
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
    bigShop(pristine);
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
    for (const delay of [0, 30, 120, 250, 400, 450, 500, 550, 600, 900, 1300]) {
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
    // The delays span the whole restore, so both outcomes are seen (if the machine is very fast or
    // very slow, at least one; the invariant above is what matters).
    expect(outcomes.size).toBeGreaterThanOrEqual(1);
  }, 180_000);
});

function runJson(args: string[]): Promise<{ code: number; stdout: string }> {
  const child = spawn(process.execPath, [CLI, ...args, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code: code ?? 1, stdout })));
}
