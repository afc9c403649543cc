/**
 * The Electron checklist (design.md §7), checked on the built main process itself
 * (`build/dist/electron/main.cjs`). The Electron binary cannot run on our machines, so the bundle is
 * run with a recording stand-in for the `electron` module: every security call it makes (sandbox,
 * permission handlers, request filter, navigation and window-open guards, window options, IPC
 * handlers) is captured and exercised, and so are the parts only Electron has: Save as PDF (the
 * hidden window's printToPDF prints with real Chromium), the scheduled monthly PDF, the folder dialog
 * and the File menu. The data worker it starts is real.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { OP_NAMES } from '../../../shared/ipc/contract';
import { channelFor } from '../../../shared/ipc/events';
import { backupsIn } from '../../../electron/services/backups';
import { DIST, launchBrowser, tempDir } from '../../support/web-app';
import type { Browser } from 'playwright-core';

type Listener = (...args: unknown[]) => unknown;

interface Recorded {
  sandboxEnabled: boolean;
  singleInstance: boolean;
  appListeners: Map<string, Listener[]>;
  permissionRequest?: Listener;
  permissionCheck?: Listener;
  beforeRequest?: Listener;
  windows: { options: { show?: boolean; webPreferences?: Record<string, unknown> }; loaded: string | null; sent: string[]; destroyed: boolean }[];
  handlers: Map<string, Listener>;
  quitCalls: number;
  /** The application menu as built from its template. */
  menu: { label?: string; submenu?: { label?: string; click?: () => void }[] }[];
  /** What the save and folder dialogs answer next, and the options each was shown with. */
  saveAnswers: { canceled: boolean; filePath?: string }[];
  folderAnswers: { canceled: boolean; filePaths: string[] }[];
  dialogs: { title?: string; defaultPath?: string }[];
}

const MAIN = path.join(DIST, 'electron/main.cjs');
const rendererIndex = path.join(DIST, 'renderer/index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;

/**
 * The stand-in Electron. A window's printToPDF is real: the page it loaded is printed by Chromium
 * (`printer()`, launched by the test) with the same options, script off as the window's own setting says.
 */
function fakeElectron(userData: string, printer: () => Browser): { electron: Record<string, unknown>; recorded: Recorded } {
  const recorded: Recorded = {
    sandboxEnabled: false, singleInstance: false, appListeners: new Map(), windows: [], handlers: new Map(), quitCalls: 0,
    menu: [], saveAnswers: [], folderAnswers: [], dialogs: [],
  };
  const on = (name: string, listener: Listener) => {
    recorded.appListeners.set(name, [...(recorded.appListeners.get(name) ?? []), listener]);
  };
  class BrowserWindow {
    private record: Recorded['windows'][number];
    webContents = {
      send: (event: string) => void this.record.sent.push(event),
      printToPDF: async (options: { preferCSSPageSize?: boolean; printBackground?: boolean; displayHeaderFooter?: boolean; headerTemplate?: string; footerTemplate?: string }) => {
        const context = await printer().newContext({ javaScriptEnabled: this.record.options.webPreferences?.javascript !== false });
        try {
          const page = await context.newPage();
          await page.goto(this.record.loaded!);
          return await page.pdf(options);
        } finally {
          await context.close();
        }
      },
    };
    constructor(options: Recorded['windows'][number]['options']) {
      this.record = { options, loaded: null, sent: [], destroyed: false };
      recorded.windows.push(this.record);
    }
    loadURL(url: string) {
      this.record.loaded = url;
      return Promise.resolve();
    }
    destroy() {
      this.record.destroyed = true;
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
    Menu: { setApplicationMenu: (menu: Recorded['menu']) => void (recorded.menu = menu), buildFromTemplate: (template: unknown) => template },
    shell: { openPath: () => Promise.resolve('') },
    // Shown with the window as parent (the first argument) when there is one.
    dialog: {
      showSaveDialog: (...args: unknown[]) => {
        recorded.dialogs.push(args.at(-1) as Recorded['dialogs'][number]);
        return Promise.resolve(recorded.saveAnswers.shift() ?? { canceled: true });
      },
      showOpenDialog: (...args: unknown[]) => {
        recorded.dialogs.push(args.at(-1) as Recorded['dialogs'][number]);
        return Promise.resolve(recorded.folderAnswers.shift() ?? { canceled: true, filePaths: [] });
      },
    },
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
  let browser: Browser | null = null;
  const { electron, recorded } = fakeElectron(userData, () => browser!);

  beforeAll(async () => {
    browser = await launchBrowser();
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
    await browser?.close();
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

  /** Calls an operation the way the app's own page does. */
  const invoke = (op: string, input: unknown) =>
    recorded.handlers.get(channelFor(op as (typeof OP_NAMES)[number]))!({ senderFrame: { url: rendererUrl } }, input) as Promise<{
      ok: boolean;
      value?: Record<string, unknown>;
      error?: { code: string; message: string };
    }>;

  /** The last complete month (what the summary shows by default), with two customers' visits in it. */
  async function shopWithLastMonth(): Promise<string> {
    const now = new Date();
    const last = new Date(now.getFullYear(), now.getMonth() - 1, 1);
    const month = `${last.getFullYear()}-${String(last.getMonth() + 1).padStart(2, '0')}`;
    for (const [name, days] of [['Ada Baker', [3, 17]], ['Ben Carter', [9]]] as const) {
      const created = await invoke('customers:create', { name });
      for (const day of days) await invoke('visits:log', { customerId: created.value!.id, date: `${month}-${String(day).padStart(2, '0')}`, amountCents: 1250 });
    }
    return month;
  }

  const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

  describe('saving the monthly summary as a PDF (Electron\'s own printer and save dialog)', () => {
    let month = '';
    beforeAll(async () => {
      month = await shopWithLastMonth();
    }, 30_000);

    it('asks where, prints the summary in a hidden window that runs no script, and saves it whole', async () => {
      const folder = path.join(userData, 'chosen');
      // A name typed without the extension gets it.
      recorded.saveAnswers.push({ canceled: false, filePath: path.join(folder, 'Summary for the accountant') });
      const windowsBefore = recorded.windows.length;
      const saved = await invoke('report:savePdf', { month });
      const file = path.join(folder, 'Summary for the accountant.pdf');
      expect(saved).toMatchObject({ ok: true, value: { file, month, cancelled: false } });
      expect(recorded.dialogs.at(-1)).toMatchObject({ title: 'Save the monthly summary', defaultPath: expect.stringMatching(new RegExp(`Monthly summary ${month}\\.pdf$`)) });

      const printer = recorded.windows[windowsBefore]!;
      expect(printer.options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false } });
      expect(printer.loaded).toMatch(/^data:text\/html/);
      expect(printer.destroyed).toBe(true);

      // The file is whole (no partial file left) and its page count is the one reported.
      expect(readdirSync(folder)).toEqual(['Summary for the accountant.pdf']);
      expect(saved.value!.pages).toBe(pdfPages(file));
      expect(saved.value!.pages).toBeLessThanOrEqual(2);
      // The printed page is the summary of this shop's month: 3 visits at 12.50 each, and who came.
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('3 visits brought in');
      expect(text).toMatch(/Spend per visit[\s\S]*12\.50/);
      expect(text).toMatch(/Ada Baker|Ben Carter/);
    }, 60_000);

    it('saves nothing when the owner cancels the dialog', async () => {
      const windowsBefore = recorded.windows.length;
      recorded.saveAnswers.push({ canceled: true });
      expect(await invoke('report:savePdf', { month })).toEqual({ ok: true, value: { file: null, month, cancelled: true, pages: null } });
      expect(recorded.windows).toHaveLength(windowsBefore);
    });

    it('refuses a bad request before any dialog, and names a file it cannot write', async () => {
      const dialogsBefore = recorded.dialogs.length;
      expect(await invoke('report:savePdf', { month: 'June' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      expect(recorded.dialogs).toHaveLength(dialogsBefore);

      const notAFolder = path.join(userData, 'not-a-folder.txt');
      writeFileSync(notAFolder, 'a file where a folder should be');
      const target = path.join(notAFolder, 'summary.pdf');
      const failed = await invoke('report:savePdf', { month, file: target });
      expect(failed).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
      expect(failed.error!.message).toContain(target);
      expect(failed.error!.message).toContain('Pick another folder');
    }, 60_000);

    it('saves last month\'s summary into the chosen folder once, at start-up', async () => {
      const folder = path.join(userData, 'monthly');
      expect(await invoke('settings:update', { monthlyReportFolder: folder })).toMatchObject({ ok: true });
      const file = path.join(folder, `Monthly summary ${month}.pdf`);
      const first = await invoke('report:scheduled', {});
      expect(first).toMatchObject({ ok: true, value: { due: true, saved: true, month, file } });
      expect(existsSync(file)).toBe(true);
      expect(first.value!.pages).toBe(pdfPages(file));
      // Already there: nothing is due and nothing is printed again.
      const windowsBefore = recorded.windows.length;
      expect(await invoke('report:scheduled', {})).toMatchObject({ ok: true, value: { due: false, saved: false } });
      expect(recorded.windows).toHaveLength(windowsBefore);
    }, 60_000);
  });

  it('answers "choose a folder" with the system\'s folder dialog', async () => {
    recorded.folderAnswers.push({ canceled: false, filePaths: ['/media/usb-stick'] });
    expect(await invoke('system:chooseFolder', { purpose: 'backup' })).toEqual({ ok: true, value: { folder: '/media/usb-stick', canChoose: true } });
    expect(recorded.dialogs.at(-1)).toMatchObject({ title: 'Back up to a folder or USB stick' });
    expect(await invoke('system:chooseFolder', { purpose: 'export' })).toEqual({ ok: true, value: { folder: null, canChoose: true } });
    expect(recorded.dialogs.at(-1)).toMatchObject({ title: 'Export your data to a folder' });
  });

  it('the File menu sends each command to the window', () => {
    const file = recorded.menu.find((m) => m.label === 'File')!;
    const commands = file.submenu!.filter((item) => item.click);
    for (const item of commands) item.click!();
    expect(commands.map((item) => item.label)).toEqual(['Log a visit…', 'Import…', 'Back up now…', 'Print monthly summary…']);
    expect(recorded.windows[0]!.sent).toEqual(['menu:quickLog', 'menu:import', 'menu:backup', 'menu:print']);
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
