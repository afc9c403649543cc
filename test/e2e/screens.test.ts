/**
 * Opens every screen of a demo shop in Chromium at 1280×720 and saves a screenshot of each to
 * test/.tmp/screens/ for a person to look at. Each screen must show its heading and no error.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { accessibilityProblems } from '../support/accessibility';
import { launchBrowser, openApp, ROOT, runCli, settle, startBridge, tempDir, type RunningBridge } from '../support/web-app';

const SHOTS = path.join(ROOT, 'test/.tmp/screens');

/** Saves a screenshot of the finished screen and checks it with axe-core. */
async function shoot(page: Page, name: string): Promise<void> {
  // Let fetches settle and transitions finish so the picture shows the finished screen.
  await settle(page);
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  expect(await accessibilityProblems(page), `accessibility of ${name}`).toEqual([]);
}

async function expectCalmScreen(page: Page, heading: string | RegExp): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { level: 1, name: heading }).count()).toBe(1);
  expect(await page.getByTestId('unavailable-banner').count()).toBe(0);
  expect(await page.getByRole('alert').count()).toBe(0);
}

describe('every screen of a demo shop', () => {
  let browser: Browser;
  let bridge: RunningBridge;
  let page: Page;
  let foreignRequests: string[];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const file = path.join(tempDir(), 'demo.sqlite');
    const demo = await runCli(['demo', '--db', file, '--customers', '300', '--seed', '7', '--until', '2026-10-31']);
    expect(demo.code, demo.stderr).toBe(0);
    bridge = await startBridge(file);
    browser = await launchBrowser();
    ({ page, foreignRequests } = await openApp(browser, bridge));
  });

  afterAll(async () => {
    await browser?.close();
    await bridge?.stop();
  });

  it('Today', async () => {
    await expectCalmScreen(page, 'Today');
    await expect.poll(() => page.getByRole('region', { name: 'Shop totals' }).isVisible()).toBe(true);
    await shoot(page, 'today');
  });

  it('Customers', async () => {
    await page.getByRole('link', { name: 'Customers' }).click();
    await expectCalmScreen(page, 'Customers');
    await expect.poll(() => page.getByRole('row').nth(1).textContent()).toMatch(/\d/);
    await shoot(page, 'customers');
  });

  it('Customers, sorted by total spent', async () => {
    await page.getByRole('button', { name: 'Total spent' }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: 'Total spent' }).getAttribute('aria-sort')).toBe('descending');
    await shoot(page, 'customers-sorted');
  });

  it('a customer', async () => {
    await page.getByRole('row').nth(1).click();
    await expect.poll(() => page.getByRole('heading', { name: 'History' }).count()).toBe(1);
    await expectCalmScreen(page, /.+/);
    await shoot(page, 'customer');
  });

  it('a customer, feedback form', async () => {
    await page.getByRole('tab', { name: 'Log feedback' }).click();
    await shoot(page, 'customer-feedback-form');
  });

  it('Feedback', async () => {
    await page.getByRole('link', { name: 'Feedback' }).click();
    await expectCalmScreen(page, 'Feedback');
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(2);
    await shoot(page, 'feedback');
    await page.locator('label', { hasText: 'Open follow-ups' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Mark done/ }).count()).toBeGreaterThan(0);
    await shoot(page, 'feedback-open');
  });

  for (const [name, title] of [
    ['insights', 'Insights'],
    ['import', 'Import'],
    ['reports', 'Reports'],
    ['settings', 'Settings'],
  ] as const) {
    it(title, async () => {
      await page.getByRole('link', { name: new RegExp(`^${title}`) }).click();
      await expectCalmScreen(page, title);
      await shoot(page, name);
    });
  }

  it('Quick log', async () => {
    await page.getByRole('link', { name: 'Today' }).click();
    await expectCalmScreen(page, 'Today');
    await page.keyboard.press('Control+k');
    const name = page.getByRole('combobox', { name: 'Customer' });
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('ma');
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(1);
    await shoot(page, 'quick-log');
    await page.keyboard.press('Enter');
    await page.keyboard.type('8.40');
    await shoot(page, 'quick-log-filled');
    await page.keyboard.press('Escape');
  });

  it('made no request outside the app', () => {
    expect(foreignRequests).toEqual([]);
  });
});

describe('a brand-new shop and a broken data file', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('welcomes a new shop with what to do first', async () => {
    const bridge = await startBridge(path.join(tempDir(), 'new.sqlite'));
    try {
      const { page } = await openApp(browser, bridge);
      await expectCalmScreen(page, 'Today');
      await expect.poll(() => page.getByRole('heading', { name: 'Welcome to Regulars' }).count()).toBe(1);
      await shoot(page, 'today-new-shop');
      await page.getByRole('link', { name: 'Customers' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'No customers yet' }).count()).toBe(1);
      await shoot(page, 'customers-empty');
    } finally {
      await bridge.stop();
    }
  });

  it('explains in plain words when the data file is from a newer version', async () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 9999');
    db.close();
    const bridge = await startBridge(file);
    try {
      const { page } = await openApp(browser, bridge);
      const banner = page.getByTestId('unavailable-banner');
      await expect.poll(() => banner.count()).toBe(1);
      expect(await banner.textContent()).toMatch(/newer/i);
      await shoot(page, 'unavailable');
    } finally {
      await bridge.stop();
    }
  });
});
