/**
 * Restore through the real web bridge process (`build/dist/electron/web.cjs`), which runs the same
 * two-lane worker pool as the Electron main process: the quick lane and the long lane each hold a
 * connection to the file, and a restore must still swap the file and leave both lanes on the new one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { backupsIn } from '../../../electron/services/backups';
import type { BackupCreated, BackupList, RestoreOutcome } from '../../../shared/domain/backups';
import type { Result } from '../../../shared/ipc/result';
import { runCli, startBridge, tempDir, type RunningBridge } from '../../support/web-app';
import { readFileState } from './support';

let bridge: RunningBridge | null = null;
afterEach(async () => {
  await bridge?.stop();
  bridge = null;
});

async function call<T>(op: string, input: unknown): Promise<Result<T>> {
  const response = await fetch(`${bridge!.origin}/api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-regulars-token': bridge!.token },
    body: JSON.stringify({ op, input }),
  });
  return (await response.json()) as Result<T>;
}

async function value<T>(op: string, input: unknown): Promise<T> {
  const result = await call<T>(op, input);
  if (!result.ok) throw new Error(`${op}: ${result.error.message}`);
  return result.value;
}

describe('restore through the web bridge (two database lanes)', () => {
  it('restores a backup while both lanes are open, and both lanes then see the restored data', async () => {
    const dir = tempDir('regulars-bridge-restore-');
    const file = path.join(dir, 'shop.sqlite');
    expect((await runCli(['demo', '--db', file, '--customers', '60'])).code).toBe(0);
    const original = readFileState(file).digest;
    bridge = await startBridge(file);

    // The long lane has its connection open and has done work on it.
    const todayBefore = await value<{ shop: { customers: number } }>('today:get', {});
    expect(todayBefore.shop.customers).toBe(60);
    const backup = await value<BackupCreated>('backups:create', {});

    // Change the data through the quick lane, then restore the backup.
    await value('customers:create', { name: 'Added After The Backup' });
    expect((await value<{ total: number }>('customers:list', {})).total).toBe(61);
    const restored = await value<RestoreOutcome>('backups:restore', { file: backup.backup.name });
    expect(restored.restored.customers).toBe(60);
    expect(restored.undoBackup?.customers).toBe(61);

    // Quick lane and long lane both read the restored file.
    expect((await value<{ total: number }>('customers:list', {})).total).toBe(60);
    expect((await value<{ shop: { customers: number } }>('today:get', {})).shop.customers).toBe(60);
    expect(await value<unknown[]>('customers:search', { query: 'Added After' })).toEqual([]);

    // The restore can be undone with the backup it made first.
    const list = await value<BackupList>('backups:list', {});
    expect(list.backups.map((b) => b.reason)).toContain('before-restore');
    await value('backups:restore', { file: restored.undoBackup!.name });
    expect((await value<{ total: number }>('customers:list', {})).total).toBe(61);

    await bridge.stop();
    bridge = null;
    const after = readFileState(file);
    expect(after.integrity).toBe('ok');
    expect(after.digest).not.toBe(original);
  }, 60_000);

  it('waits for long work in flight, then restores; calls made meanwhile see the restored data', async () => {
    const dir = tempDir('regulars-bridge-restore-');
    const file = path.join(dir, 'shop.sqlite');
    expect((await runCli(['demo', '--db', file, '--customers', '300'])).code).toBe(0);
    bridge = await startBridge(file);
    const backup = await value<BackupCreated>('backups:create', {});
    await value('customers:create', { name: 'Zed Later' });

    // Long work, then (while it runs) the restore, then a quick call: sent a moment apart, in that order.
    const pause = () => new Promise((r) => setTimeout(r, 40));
    const insightsCall = call<{ shop: { customers: number } }>('insights:get', {});
    await pause();
    const restoreCall = call<RestoreOutcome>('backups:restore', { file: backup.backup.name });
    await pause();
    const listCall = call<{ total: number }>('customers:list', {});
    const [insights, restore, listed] = await Promise.all([insightsCall, restoreCall, listCall]);
    expect(insights).toMatchObject({ ok: true, value: { shop: { customers: 301 } } });
    expect(restore.ok).toBe(true);
    expect(listed).toMatchObject({ ok: true, value: { total: 300 } });
    expect(await call('today:get', {})).toMatchObject({ ok: true, value: { shop: { customers: 300 } } });
  }, 60_000);

  it('a refused restore (a damaged backup) changes nothing and both lanes keep working', async () => {
    const dir = tempDir('regulars-bridge-restore-');
    const file = path.join(dir, 'shop.sqlite');
    expect((await runCli(['demo', '--db', file, '--customers', '30'])).code).toBe(0);
    bridge = await startBridge(file);
    const result = await call('backups:restore', { file: path.join(dir, 'not-there.sqlite') });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await value<{ total: number }>('customers:list', {})).total).toBe(30);
    expect((await value<{ shop: { customers: number } }>('today:get', {})).shop.customers).toBe(30);
  }, 60_000);

  it('the bridge process runs the automatic backups: one at start (none in a day), a last one on quit after changes', async () => {
    const dir = tempDir('regulars-bridge-restore-');
    const file = path.join(dir, 'shop.sqlite');
    expect((await runCli(['demo', '--db', file, '--customers', '20'])).code).toBe(0);
    bridge = await startBridge(file);
    await value('shop:overview', {});
    const reasons = () => backupsIn(path.join(dir, 'backups')).map((b) => b.reason).sort();
    expect(reasons()).toEqual(['daily']);
    await value('customers:create', { name: 'Logged Before Closing' });
    await bridge.stop();
    bridge = null;
    expect(reasons()).toEqual(['daily', 'quit']);
    // Started again within the day: no second daily backup.
    bridge = await startBridge(file);
    await value('shop:overview', {});
    expect(reasons()).toEqual(['daily', 'quit']);
  }, 60_000);

  it('notices changes made by another connection (the long lane, a CLI command) and backs them up on quit', async () => {
    const dir = tempDir('regulars-bridge-restore-');
    const file = path.join(dir, 'shop.sqlite');
    expect((await runCli(['demo', '--db', file, '--customers', '20'])).code).toBe(0);
    bridge = await startBridge(file);
    await value('today:get', {});
    const reasons = () => backupsIn(path.join(dir, 'backups')).map((b) => b.reason).sort();
    expect(reasons()).toEqual(['daily']);
    // Not through the bridge: a command line run meanwhile writes to the same file.
    expect((await runCli(['erase-customer', '2', '--db', file])).code).toBe(0);
    await bridge.stop();
    bridge = null;
    const quitBackup = backupsIn(path.join(dir, 'backups')).find((b) => b.reason === 'quit');
    expect(reasons()).toEqual(['daily', 'quit']);
    expect(quitBackup?.customers).toBe(20);
  }, 60_000);
});
