/**
 * Starts the real app for end-to-end tests: the built web bridge (`build/dist/electron/web.cjs`) on a
 * real SQLite file, and Debian's Chromium driven by playwright-core. `npm test` builds first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';

/** The repository root: the nearest folder above this file (source, or a bundle in build/dist) with our package.json. */
function findRoot(start: string): string {
  for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'regulars') return dir;
  }
  throw new Error(`cannot find the Regulars repository above ${start}`);
}

export const ROOT = findRoot(__dirname);
export const DIST = path.join(ROOT, 'build/dist');
export const CHROMIUM = process.env.REGULARS_CHROMIUM ?? '/usr/bin/chromium';

export function tempDir(prefix = 'regulars-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface RunningBridge {
  url: string;
  origin: string;
  token: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Runs `node build/dist/electron/web.cjs --db FILE` and waits for the URL it prints. */
export function startBridge(dbFile: string, extraArgs: string[] = []): Promise<RunningBridge> {
  const entry = path.join(DIST, 'electron/web.cjs');
  if (!existsSync(entry) || !existsSync(path.join(DIST, 'renderer/index.html'))) {
    throw new Error('The app is not built: run `npm run build` (npm test does it for you).');
  }
  const child = spawn(process.execPath, [entry, '--db', dbFile, ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`web bridge did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=(\w+))/.exec(output);
      if (match) {
        clearTimeout(timer);
        const url = match[1]!;
        resolve({
          url,
          origin: new URL(url).origin,
          token: match[2]!,
          process: child,
          stop: () =>
            new Promise((done, fail) => {
              if (child.exitCode !== null) return done();
              // A bridge that does not quit is a bug to report, not a test that hangs until its timeout.
              const stuck = setTimeout(() => {
                child.kill('SIGKILL');
                fail(new Error(`the web bridge did not quit within 30 s of SIGTERM:\n${output.slice(-2000)}`));
              }, 30_000);
              child.once('exit', () => {
                clearTimeout(stuck);
                done();
              });
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web bridge exited with ${code}:\n${output}`));
    });
  });
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const openRequests = new WeakMap<Page, Set<Request>>();

/**
 * Waits until the app's own requests have all been answered and nothing new started for a moment —
 * unlike Playwright's "networkidle", which never comes while a page holds an iframe or a stream.
 */
export async function settle(page: Page, timeoutMs = 20_000): Promise<void> {
  const open = openRequests.get(page);
  if (!open) throw new Error('settle() works on pages opened with openApp()');
  const deadline = Date.now() + timeoutMs;
  for (let quiet = 0; quiet < 4; ) {
    if (Date.now() > deadline) {
      const pending = [...open].map((r) => `${r.url()} ${r.postData() ?? ''}`.trim());
      throw new Error(`the app still waits for ${pending.length} answer(s) after ${timeoutMs} ms:\n${pending.join('\n')}`);
    }
    await page.waitForTimeout(100);
    quiet = open.size === 0 ? quiet + 1 : 0;
  }
}

/** A fresh page at 1280×720 (a small laptop) that records any request leaving the bridge. */
export async function openApp(browser: Browser, bridge: RunningBridge): Promise<{ page: Page; foreignRequests: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(bridge.origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  const open = new Set<Request>();
  context.on('request', (request) => void open.add(request));
  context.on('requestfinished', (request) => void open.delete(request));
  context.on('requestfailed', (request) => void open.delete(request));
  openRequests.set(page, open);
  await page.goto(bridge.url);
  return { page, foreignRequests };
}

/** Runs a CLI command against a data file (the built CLI, same as `npm run cli`). */
export function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(DIST, 'electron/cli.cjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code: code ?? 1, stdout, stderr })));
}
