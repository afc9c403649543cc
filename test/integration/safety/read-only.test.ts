/**
 * A data file in a read-only folder (a locked share, a write-protected stick). Tests run as root
 * here, where file permissions do not bite, so the folder's refusal is played by the open function:
 * it fails exactly as `openDatabase` fails on such a folder, and opens normally when asked read-only.
 * The way forward under test: the data is shown read-only, every change is refused with the reason,
 * and the file is never touched.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type OpenOptions } from '../../../electron/db/connection';
import { DataConnection, createHostedContext } from '../../../electron/services/data-connection';
import { dispatch } from '../../../electron/services/dispatch';
import { AppError } from '../../../shared/ipc/result';
import { runCli, tempDir } from '../../support/web-app';
import { readFileState } from './support';

const FOLDER_REFUSES = 'Regulars cannot write to the folder holding the data file (it is read-only or not allowed). Move the data file to a folder you can change.';

function readOnlyFolder(opened: string[]) {
  return (file: string, options?: OpenOptions) => {
    if (!options?.readonly) throw new AppError('UNAVAILABLE', FOLDER_REFUSES);
    opened.push(file);
    return openDatabase(file, options).db;
  };
}

describe('a data file in a read-only folder', () => {
  it('is shown read-only: lookups work, changes are refused with the reason, the file is untouched', async () => {
    const file = path.join(tempDir('regulars-read-only-'), 'shop.sqlite');
    expect((await runCli(['demo', '--db', file, '--customers', '25'])).code).toBe(0);
    const before = readFileState(file);
    const opened: string[] = [];
    const connection = new DataConnection(file, readOnlyFolder(opened));

    expect(connection.open()).toBe(true);
    expect(connection.readOnlyReason).toMatch(/read-only.*look everything up, but changes cannot be saved/s);
    // A copy in the temp folder is what is open, never the original.
    expect(opened).toHaveLength(1);
    expect(opened[0]).not.toBe(file);

    const ctx = createHostedContext(connection);
    expect(await dispatch(ctx, 'customers:list', {})).toMatchObject({ ok: true, value: { total: 25 } });
    expect(await dispatch(ctx, 'data:status', {})).toMatchObject({ ok: true, value: { open: true, problem: null, readOnly: expect.stringMatching(/read-only/) } });
    const refused = await dispatch(ctx, 'customers:create', { name: 'Cannot Be Saved' }, () => undefined);
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/read-only, so nothing was saved/) } });

    connection.close();
    expect(existsSync(opened[0]!)).toBe(false);
    expect(readFileState(file)).toEqual(before);
  });

  it('a writable folder opens normally, with no read-only note', async () => {
    const file = path.join(tempDir('regulars-read-only-'), 'shop.sqlite');
    const connection = new DataConnection(file);
    expect(connection.open()).toBe(true);
    expect(connection.readOnlyReason).toBeNull();
    const ctx = createHostedContext(connection);
    expect(await dispatch(ctx, 'data:status', {})).toMatchObject({ ok: true, value: { open: true, readOnly: null } });
    connection.close();
  });

  it('a damaged file is not mistaken for a read-only one: it stays closed with its reason', () => {
    const file = path.join(tempDir('regulars-read-only-'), 'shop.sqlite');
    const connection = new DataConnection(file, () => {
      throw new AppError('UNAVAILABLE', 'The data file is damaged or is not a Regulars data file.');
    });
    expect(connection.open()).toBe(false);
    expect(connection.readOnlyReason).toBeNull();
    expect(connection.openError?.message).toMatch(/damaged/);
  });
});
