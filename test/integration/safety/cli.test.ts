import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { LATEST_VERSION } from '../../../electron/db/migrations';
import type { BackupCreated, BackupList } from '../../../shared/domain/backups';
import type { DataCheckReport, EraseResult } from '../../../shared/domain/data-safety';
import { runCli, tempDir } from '../../support/web-app';
import { corruptPages, readFileState } from './support';

async function demoShop(customers = 80): Promise<{ dir: string; file: string }> {
  const dir = tempDir('regulars-cli-');
  const file = path.join(dir, 'shop.sqlite');
  const made = await runCli(['demo', '--db', file, '--customers', String(customers), '--seed', '5', '--until', '2026-10-31']);
  expect(made.code, made.stderr).toBe(0);
  return { dir, file };
}

describe('regulars backup / backups / restore', () => {
  it('backs up, lists and restores, with --json', async () => {
    const { dir, file } = await demoShop();
    const original = readFileState(file).digest;
    const backup = await runCli(['backup', '--db', file, '--json']);
    expect(backup.code, backup.stderr).toBe(0);
    const created = JSON.parse(backup.stdout) as BackupCreated;
    expect(created.backup).toMatchObject({ reason: 'manual', customers: 80 });
    expect(path.dirname(created.backup.file)).toBe(path.join(dir, 'backups'));

    const stick = tempDir('stick-');
    const toStick = await runCli(['backup', '--db', file, '--to', stick]);
    expect(toStick.code).toBe(0);
    expect(toStick.stdout).toMatch(/^Backup saved: .*manual\.sqlite \(80 customers, [\d,]+ visits, \d+ feedback, [\d.]+ [KM]B\)\./);
    expect(readdirSync(stick).filter((n) => n.endsWith('.sqlite'))).toHaveLength(1);

    const listed = JSON.parse((await runCli(['backups', '--db', file, '--json'])).stdout) as BackupList;
    expect(listed.backups.map((b) => b.name)).toEqual([created.backup.name]);
    const human = await runCli(['backups', '--db', file]);
    expect(human.stdout).toMatch(/manual .* 80 customers, [\d,]+ visits, \d+ feedback {2}regulars-.*-manual\.sqlite\n1 backup in /);

    expect((await runCli(['erase-customer', '1', '--db', file])).code).toBe(0);
    expect(readFileState(file).digest).not.toBe(original);
    const restored = await runCli(['restore', created.backup.name, '--db', file]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/^Restored the backup from .*: 80 customers, .*restore that one to undo this\./);
    expect(readFileState(file).digest).toBe(original);

    const missing = await runCli(['restore', '--db', file]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Give exactly one backup file/);
  });

  it('restore works on a data file too damaged to open, and refuses a newer backup', async () => {
    const { dir, file } = await demoShop(40);
    const good = readFileState(file).digest;
    const backup = JSON.parse((await runCli(['backup', '--db', file, '--json'])).stdout) as BackupCreated;
    corruptPages(file, 1, 2);
    const broken = await runCli(['customers', '--db', file]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/damaged or is not a Regulars data file. Restore the latest backup/);

    const newer = path.join(dir, 'from-the-future.sqlite');
    copyFileSync(backup.backup.file, newer);
    const raw = new Database(newer);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const refused = await runCli(['restore', newer, '--db', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toMatch(/^This backup was made by a newer version of Regulars .* Nothing was changed\.$/);

    const restored = await runCli(['restore', backup.backup.file, '--db', file]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(readFileState(file).digest).toBe(good);
  });
});

describe('regulars demo', () => {
  it('makes up phone numbers shaped like real UK mobiles (071–075, 077–079), never pager or personal numbers', async () => {
    const { file } = await demoShop(200);
    const db = new Database(file, { readonly: true });
    const phones = db.prepare('SELECT phone FROM customers WHERE phone IS NOT NULL').pluck().all() as string[];
    db.close();
    expect(phones.length).toBeGreaterThan(100);
    expect(phones.filter((p) => !/^\+447[1-57-9]\d{8}$/.test(p))).toEqual([]);
    // Every allowed second digit turns up, so the numbers do not all look alike.
    expect(new Set(phones.map((p) => p[4])).size).toBe(8);
  });
});

describe('regulars export / erase-customer', () => {
  it('exports everything, or one customer', async () => {
    const { dir, file } = await demoShop(30);
    const out = path.join(dir, 'out');
    const all = await runCli(['export', '--db', file, '--out', out]);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toMatch(/^Exported 30 customers, [\d,]+ visits and \d+ feedback entr(?:y|ies) to /);
    expect(readdirSync(out).sort()).toEqual(['customers.csv', 'feedback.csv', 'regulars-export.json', 'visits.csv']);
    expect(readFileSync(path.join(out, 'customers.csv'), 'utf8').split('\r\n')).toHaveLength(32);

    const one = await runCli(['export', '--db', file, '--out', path.join(dir, 'one'), '--customer', '3', '--json']);
    expect(one.code, one.stderr).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ data: { customer: { id: 3 } } });
    expect(existsSync(path.join(dir, 'one', 'customer-3.json'))).toBe(true);

    expect((await runCli(['export', '--db', file])).stderr).toMatch(/--out DIR/);
  });

  it('erases a customer and says what older backups still hold', async () => {
    const { file } = await demoShop(20);
    await runCli(['backup', '--db', file]);
    const result = await runCli(['erase-customer', '2', '--db', file, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const erased = JSON.parse(result.stdout) as EraseResult;
    expect(erased).toMatchObject({ customer: { id: 2, name: 'Erased customer #2', email: null }, backupsStillHolding: 1 });
    expect((await runCli(['erase-customer', '999', '--db', file])).stderr).toMatch(/Customer #999 does not exist/);
    expect((await runCli(['erase-customer', 'abc', '--db', file])).code).toBe(2);
  });
});

describe('regulars check', () => {
  it('passes on a healthy file', async () => {
    const { file } = await demoShop(20);
    const result = await runCli(['check', '--db', file, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, problems: [], integrity: [], foreignKeys: [], schemaVersion: LATEST_VERSION });
  });

  it('exits non-zero with the reason and the way forward on a corrupted copy', async () => {
    const { dir, file } = await demoShop(300);
    await runCli(['backup', '--db', file]);
    // A copy beside the original (so the same backups folder), with pages in the middle overwritten.
    const corrupted = path.join(dir, 'shop-corrupt.sqlite');
    copyFileSync(file, corrupted);
    const pages = (readFileSync(corrupted).length / 4096) | 0;
    corruptPages(corrupted, Math.floor(pages / 2), 4);
    const damagedBytes = readFileSync(corrupted);
    const result = await runCli(['check', '--db', corrupted]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/The data file is damaged.*Restore the latest backup \(regulars-.*\.sqlite\)/);
    const json = await runCli(['check', '--db', corrupted, '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as DataCheckReport;
    expect(report.ok).toBe(false);
    expect(report.integrity.length).toBeGreaterThan(0);
    expect(report.latestBackup?.reason).toBe('manual');
    // Checking changed nothing.
    expect(readFileSync(corrupted).equals(damagedBytes)).toBe(true);
  });

  it('explains a file from a newer version', async () => {
    const { file } = await demoShop(5);
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 2}`);
    raw.close();
    const result = await runCli(['check', '--db', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/saved by a newer version of Regulars.*Install the latest Regulars/);
  });

  it('recognises a newer version by its number even when its tables look different', async () => {
    const file = path.join(tempDir('regulars-cli-'), 'reshaped.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE people (id INTEGER PRIMARY KEY)');
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const result = await runCli(['check', '--db', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/saved by a newer version of Regulars/);
    expect(result.stderr).not.toMatch(/damaged/);
  });
});
