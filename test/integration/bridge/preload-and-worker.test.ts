import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { OP_NAMES } from '../../../shared/ipc/contract';
import { EVENT_NAMES } from '../../../shared/ipc/events';
import { startServiceWorker } from '../../../electron/workers/client';
import { DIST, tempDir } from '../../support/web-app';

interface ExposedApi {
  operations: string[];
  invoke(op: string, input: unknown): Promise<unknown>;
  on(event: string, cb: (p: unknown) => void): () => void;
}

/** Runs the built (sandboxed) preload with a stand-in for Electron's two modules it may use. */
function loadPreload() {
  const exposed: Record<string, unknown> = {};
  const invoked: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
    ipcRenderer: {
      invoke: (channel: string) => (invoked.push(channel), Promise.resolve({ ok: true, value: null })),
      on: () => undefined,
      removeListener: () => undefined,
    },
  };
  const code = readFileSync(path.join(DIST, 'electron/preload.cjs'), 'utf8');
  const requireStub = (name: string) => {
    if (name === 'electron') return electron;
    if (name === 'url') return { pathToFileURL: (p: string) => new URL(`file://${p}`) };
    throw new Error(`the sandboxed preload may not require ${name}`);
  };
  vm.runInNewContext(code, { require: requireStub, module: { exports: {} }, exports: {}, __filename: '/preload.cjs', URL, Promise });
  return { api: exposed.regulars as ExposedApi, keys: Object.keys(exposed), invoked };
}

describe('preload', () => {
  it('exposes exactly the contract operations on one key, and nothing else', () => {
    const { api, keys } = loadPreload();
    expect(keys).toEqual(['regulars']);
    expect([...api.operations].sort()).toEqual([...OP_NAMES].sort());
  });

  it('forwards contract operations and refuses any other channel', async () => {
    const { api, invoked } = loadPreload();
    await api.invoke('customers:search', { query: 'a' });
    expect(invoked).toEqual(['regulars:customers:search']);
    await expect(api.invoke('fs:readFile', {})).rejects.toThrow(/Unknown operation/);
    expect(invoked).toHaveLength(1);
    expect(() => api.on('shell:open', () => undefined)).toThrow(/Unknown event/);
    for (const event of EVENT_NAMES) expect(typeof api.on(event, () => undefined)).toBe('function');
  });
});

describe('service worker', () => {
  it('runs contract calls off the main thread on a real file', async () => {
    const file = path.join(tempDir(), 'w.sqlite');
    const client = await startServiceWorker(file, path.join(DIST, 'electron/service-worker.cjs'));
    expect(client.openError).toBeNull();
    const created = await client.call('customers:create', { name: 'Hana' });
    expect(created).toMatchObject({ ok: true, value: { name: 'Hana' } });
    expect(await client.call('customers:create', { name: '' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await client.close();
  });

  it('reports a database from a newer version instead of crashing, on every call', async () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    const client = await startServiceWorker(file, path.join(DIST, 'electron/service-worker.cjs'));
    expect(client.openError).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(await client.call('shop:overview', {})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/newer version/) } });
    await client.close();
  });
});
