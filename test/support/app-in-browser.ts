/**
 * The real app for one `describe` block of end-to-end tests: a fresh SQLite file (optionally filled
 * by `regulars demo`), the web bridge on it, and a Chromium page at 1280×720 — started before the
 * block's tests and stopped after them.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, runCli, startBridge, tempDir, type RunningBridge } from './web-app';

export interface AppInBrowser {
  file: string;
  bridge: RunningBridge;
  browser: Browser;
  page: Page;
  /** Requests that left the bridge (there must be none). */
  foreignRequests: string[];
}

export function useAppInBrowser(options: { demo?: string[]; fileName?: string } = {}): AppInBrowser {
  const app = { file: path.join(tempDir(), options.fileName ?? 'shop.sqlite') } as AppInBrowser;
  beforeAll(async () => {
    if (options.demo) {
      const demo = await runCli(['demo', '--db', app.file, ...options.demo]);
      expect(demo.code, demo.stderr).toBe(0);
    }
    app.bridge = await startBridge(app.file);
    app.browser = await launchBrowser();
    Object.assign(app, await openApp(app.browser, app.bridge));
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.bridge?.stop();
  });
  return app;
}

/** One row from the data file, read from outside the app through a second, read-only connection. */
export function queryFile<T>(file: string, sql: string, ...params: unknown[]): T {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}
