/**
 * The app never talks to anything but its own local back end: every screen of a demo shop is opened
 * in Chromium (and the main actions on the way — a search, a customer page, Settings › Backups with
 * a backup and the restore dialog), and every request the browser makes, from any page or worker of
 * the context, must go to the web bridge's own origin (or stay inside the page: data:, blob:).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, runCli, startBridge, tempDir, type RunningBridge } from '../support/web-app';

const SCREENS = ['#/', '#/customers', '#/feedback', '#/insights', '#/import', '#/reports', '#/settings', '#/settings/backups', '#/nowhere'];

describe('no network access', () => {
  let browser: Browser;
  let bridge: RunningBridge;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  let inFlight = 0;

  /** Until no request has been open for a moment (the app's own answers have all arrived). */
  async function settle(): Promise<void> {
    for (let quiet = 0; quiet < 4; ) {
      await page.waitForTimeout(100);
      quiet = inFlight === 0 ? quiet + 1 : 0;
    }
  }

  beforeAll(async () => {
    const file = path.join(tempDir(), 'demo.sqlite');
    const demo = await runCli(['demo', '--db', file, '--customers', '200', '--seed', '9', '--until', '2026-10-31']);
    expect(demo.code, demo.stderr).toBe(0);
    bridge = await startBridge(file);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    // Context-wide: also catches requests from workers, popups and service workers.
    context.on('request', (request) => {
      requests.push(request.url());
      inFlight++;
    });
    context.on('requestfinished', () => void inFlight--);
    context.on('requestfailed', () => void inFlight--);
    page = await context.newPage();
    await page.goto(bridge.url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await bridge?.stop();
  });

  it('goes through every screen and the main actions, asking only the local bridge', async () => {
    for (const hash of SCREENS) {
      await page.evaluate((h) => (window.location.hash = h), hash);
      await settle();
    }
    // A search, a customer's page, a backup and the restore dialog.
    await page.evaluate(() => (window.location.hash = '#/customers'));
    await page.getByRole('searchbox').first().fill('a');
    await settle();
    await page.evaluate(() => (window.location.hash = '#/customers/1'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.evaluate(() => (window.location.hash = '#/settings/backups'));
    await page.getByRole('button', { name: 'Back up now' }).click();
    const restore = page.getByRole('button', { name: /^Restore the backup from/ }).first();
    await restore.waitFor();
    await restore.click();
    await page.getByRole('dialog', { name: 'Restore this backup?' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await settle();

    expect(requests.length).toBeGreaterThan(20);
    const foreign = requests.filter((url) => !url.startsWith(`${bridge.origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(foreign).toEqual([]);
    // And the calls really went to the local bridge's API.
    expect(requests.filter((url) => url === `${bridge.origin}/api/call`).length).toBeGreaterThan(10);
  }, 120_000);
});
