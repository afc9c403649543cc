/**
 * The Electron checklist (design.md §7), checked on the built main process itself
 * (`build/dist/electron/main.cjs`). The Electron binary cannot run on our machines, so the bundle is
 * run with a recording stand-in for the `electron` module: every security call it makes (sandbox,
 * permission handlers, request filter, navigation and window-open guards, window options, IPC
 * handlers) is captured and exercised. The data worker it starts is real.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { OP_NAMES } from '../../../shared/ipc/contract';
import { channelFor } from '../../../shared/ipc/events';
import { backupsIn } from '../../../electron/services/backups';
import { DIST, tempDir } from '../../support/web-app';

type Listener = (...args: unknown[]) => unknown;

interface Recorded {
  sandboxEnabled: boolean;
  singleInstance: boolean;
  appListeners: Map<string, Listener[]>;
  permissionRequest?: Listener;
  permissionCheck?: Listener;
  beforeRequest?: Listener;
  windows: { options: { webPreferences?: Record<string, unknown> }; loaded: string | null }[];
  handlers: Map<string, Listener>;
  quitCalls: number;
}

const MAIN = path.join(DIST, 'electron/main.cjs');
const rendererIndex = path.join(DIST, 'renderer/index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;

function fakeElectron(userData: string): { electron: Record<string, unknown>; recorded: Recorded } {
  const recorded: Recorded = { sandboxEnabled: false, singleInstance: false, appListeners: new Map(), windows: [], handlers: new Map(), quitCalls: 0 };
  const on = (name: string, listener: Listener) => {
    recorded.appListeners.set(name, [...(recorded.appListeners.get(name) ?? []), listener]);
  };
  class BrowserWindow {
    webContents = { send: () => undefined };
    private record: Recorded['windows'][number];
    constructor(options: Recorded['windows'][number]['options']) {
      this.record = { options, loaded: null };
      recorded.windows.push(this.record);
    }
    once() {}
    on() {}
    isMinimized() {
      return false;
    }
    loadFile(file: string) {
      this.record.loaded = file;
      return Promise.resolve();
    }
  }
  const electron = {
    app: {
      requestSingleInstanceLock: () => ((recorded.singleInstance = true), true),
      enableSandbox: () => void (recorded.sandboxEnabled = true),
      whenReady: () => Promise.resolve(),
      on,
      getPath: () => userData,
      getVersion: () => '0.0.0-test',
      quit: () => void recorded.quitCalls++,
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => (recorded.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Listener) => (recorded.permissionCheck = fn),
        webRequest: { onBeforeRequest: (fn: Listener) => (recorded.beforeRequest = fn) },
      },
    },
    ipcMain: { handle: (channel: string, fn: Listener) => recorded.handlers.set(channel, fn) },
    BrowserWindow,
    Menu: { setApplicationMenu: () => undefined, buildFromTemplate: (template: unknown) => template },
    shell: { openPath: () => Promise.resolve('') },
    dialog: { showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }) },
  };
  return { electron, recorded };
}

/** A fake web contents that records the guards main.ts attaches to every page. */
function fakeContents() {
  const events = new Map<string, Listener>();
  let windowOpen: Listener | null = null;
  return {
    contents: {
      setWindowOpenHandler: (fn: Listener) => (windowOpen = fn),
      on: (name: string, fn: Listener) => events.set(name, fn),
    },
    windowOpen: (url: string) => windowOpen?.({ url }),
    emit(name: string, ...args: unknown[]) {
      let prevented = false;
      events.get(name)?.({ preventDefault: () => (prevented = true) }, ...args);
      return prevented;
    },
  };
}

describe('the Electron main process (built bundle, stand-in Electron)', () => {
  const userData = tempDir('regulars-electron-main-');
  const { electron, recorded } = fakeElectron(userData);

  beforeAll(async () => {
    const realRequire = createRequire(MAIN);
    const run = vm.compileFunction(readFileSync(MAIN, 'utf8'), ['exports', 'require', 'module', '__filename', '__dirname']);
    const module = { exports: {} };
    run(module.exports, (name: string) => (name === 'electron' ? electron : realRequire(name)), module, MAIN, path.dirname(MAIN));
    // start() runs after whenReady: wait until it has opened the window.
    for (let i = 0; i < 200 && recorded.windows[0]?.loaded == null; i++) await new Promise((r) => setTimeout(r, 50));
  }, 30_000);

  /** What the app does on quit: holds it, lets the data worker take its last backup and close, then quits. */
  async function quit(): Promise<boolean> {
    let held = false;
    for (const listener of recorded.appListeners.get('before-quit') ?? []) listener({ preventDefault: () => (held = true) });
    for (let i = 0; i < 400 && recorded.quitCalls === 0; i++) await new Promise((r) => setTimeout(r, 50));
    return held;
  }

  afterAll(async () => {
    if (recorded.quitCalls === 0) await quit();
  }, 30_000);

  it('keeps a single instance and turns the sandbox on for every page', () => {
    expect(recorded.singleInstance).toBe(true);
    expect(recorded.sandboxEnabled).toBe(true);
  });

  it('opens one window, isolated and sandboxed with no Node, showing the bundled page', () => {
    expect(recorded.windows).toHaveLength(1);
    const prefs = recorded.windows[0]!.options.webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
    expect(prefs.preload).toBe(path.join(DIST, 'electron/preload.cjs'));
    expect(recorded.windows[0]!.loaded).toBe(rendererIndex);
  });

  it('refuses every permission request and check', () => {
    for (const permission of ['geolocation', 'media', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: unknown = 'not answered';
      recorded.permissionRequest!({}, permission, (answer: unknown) => (granted = answer));
      expect(granted).toBe(false);
      expect(recorded.permissionCheck!({}, permission)).toBe(false);
    }
  });

  it.each([
    [rendererUrl, false],
    [pathToFileURL(path.join(DIST, 'renderer/assets/index.js')).href, false],
    ['https://example.com/track.gif', true],
    ['http://127.0.0.1:9999/', true],
    ['wss://example.com/socket', true],
    [pathToFileURL('/etc/passwd').href, true],
  ])('the request filter: %s → cancelled %s', (url, cancelled) => {
    let answer: { cancel?: boolean } | null = null;
    recorded.beforeRequest!({ url }, (a: { cancel?: boolean }) => (answer = a));
    expect(answer).toEqual({ cancel: cancelled });
  });

  it('denies new windows, navigation away from the app and webviews on every page', () => {
    const page = fakeContents();
    for (const listener of recorded.appListeners.get('web-contents-created') ?? []) listener({}, page.contents);
    expect(page.windowOpen('https://example.com/')).toEqual({ action: 'deny' });
    expect(page.windowOpen(rendererUrl)).toEqual({ action: 'deny' });
    expect(page.emit('will-navigate', 'https://example.com/')).toBe(true);
    expect(page.emit('will-navigate', pathToFileURL('/tmp/other.html').href)).toBe(true);
    expect(page.emit('will-navigate', `${rendererUrl}#/customers`)).toBe(false);
    expect(page.emit('will-attach-webview')).toBe(true);
  });

  it('handles exactly the contract operations over IPC, and only for its own page', async () => {
    expect([...recorded.handlers.keys()].sort()).toEqual(OP_NAMES.map(channelFor).sort());
    const overview = recorded.handlers.get(channelFor('shop:overview'))!;
    expect(await overview({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await overview({ senderFrame: { url: `${rendererUrl}#/` } }, {})).toMatchObject({ ok: true, value: { customers: 0 } });
    const create = recorded.handlers.get(channelFor('customers:create'))!;
    expect(await create({ senderFrame: { url: rendererUrl } }, { name: 42 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('on quit, waits for the data worker to take a last backup of the changes and close the file', async () => {
    const create = recorded.handlers.get(channelFor('customers:create'))!;
    expect(await create({ senderFrame: { url: rendererUrl } }, { name: 'Logged Before Quitting' })).toMatchObject({ ok: true });
    expect(await quit()).toBe(true);
    expect(recorded.quitCalls).toBe(1);
    expect(backupsIn(path.join(userData, 'backups')).map((b) => b.reason)).toContain('quit');
  }, 30_000);
});

describe('Content-Security-Policy', () => {
  const policyOf = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

  it.each([
    ['the page source', path.resolve(__dirname, '../../../renderer/index.html')],
    ['the built page', rendererIndex],
  ])('%s carries a strict policy: own files only, no inline or eval script, no plugins, no remote hosts', (_label, file) => {
    const policy = policyOf(readFileSync(file, 'utf8'));
    const d = directives(policy);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/unsafe-eval|https?:|wss?:|\*/);
  });
});
