import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { startServiceWorker } from '../../../electron/workers/client';
import { backupsIn } from '../../../electron/services/backups';
import type { BackupCreated, BackupList, RestoreOutcome } from '../../../shared/domain/backups';
import type { DataStatus } from '../../../shared/domain/data-safety';
import { DIST, runCli, tempDir } from '../../support/web-app';
import { corruptPages, readFileState } from './support';

const WORKER = path.join(DIST, 'electron/service-worker.cjs');

describe('the data worker', () => {
  it('backs up at start when there is no recent backup, and on close after changes', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'shop.sqlite');
    expect((await runCli(['demo', '--db', file, '--customers', '15'])).code).toBe(0);
    const client = await startServiceWorker(file, WORKER);
    // The start-up backup runs right after "ready"; the first call answers once it is done.
    expect(await client.call('shop:overview', {})).toMatchObject({ ok: true });
    expect(backupsIn(path.join(dir, 'backups')).map((b) => b.reason)).toEqual(['daily']);
    await client.call('customers:create', { name: 'Quit Test' });
    await client.close();
    const reasons = backupsIn(path.join(dir, 'backups')).map((b) => b.reason);
    expect(reasons.sort()).toEqual(['daily', 'quit']);
  });

  it('closing without changes takes no extra backup', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'shop.sqlite');
    await runCli(['demo', '--db', file, '--customers', '5']);
    const first = await startServiceWorker(file, WORKER);
    await first.call('customers:list', {});
    await first.close();
    expect(backupsIn(path.join(dir, 'backups'))).toHaveLength(1);
  });

  it('when the data file cannot be opened, still lists and restores backups, then works normally', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'shop.sqlite');
    await runCli(['demo', '--db', file, '--customers', '25']);
    const good = readFileState(file).digest;
    const backup = JSON.parse((await runCli(['backup', '--db', file, '--json'])).stdout) as BackupCreated;
    corruptPages(file, 1, 2);

    const client = await startServiceWorker(file, WORKER);
    expect(client.openError).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/damaged/) } });
    expect(await client.call('customers:list', {})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/damaged/) } });
    const status = (await client.call('data:status', {})) as { ok: true; value: DataStatus };
    expect(status.value).toMatchObject({ open: false, latestBackup: { name: backup.backup.name } });
    const list = (await client.call('backups:list', {})) as { ok: true; value: BackupList };
    expect(list.value.backups.map((b) => b.name)).toEqual([backup.backup.name]);

    const restored = (await client.call('backups:restore', { file: backup.backup.name })) as { ok: true; value: RestoreOutcome };
    expect(restored.ok).toBe(true);
    expect(restored.value.undoBackup).toBeNull();
    expect(client.openError).toBeNull();
    expect(await client.call('customers:list', {})).toMatchObject({ ok: true, value: { total: 25 } });
    await client.close();
    expect(readFileState(file).digest).toBe(good);
  });
});
