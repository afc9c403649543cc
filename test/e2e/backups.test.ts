/**
 * Settings › Backups in Chromium, end to end on a real data file: back up now, restore with the
 * side-by-side comparison (and undo it), erase a customer from their page, and a damaged data file
 * that gets a clear message and a way back instead of a blank window. Screenshots of each state go to
 * test/.tmp/screens/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { corruptPages } from '../integration/safety/support';
import { launchBrowser, openApp, ROOT, runCli, startBridge, tempDir, type RunningBridge } from '../support/web-app';

const SHOTS = path.join(ROOT, 'test/.tmp/screens');

let browser: Browser | null = null;
let bridge: RunningBridge | null = null;

beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
afterEach(async () => {
  await browser?.close();
  await bridge?.stop();
  browser = null;
  bridge = null;
});

async function demoFile(customers: number): Promise<string> {
  const file = path.join(tempDir('regulars-e2e-backups-'), 'shop.sqlite');
  const made = await runCli(['demo', '--db', file, '--customers', String(customers), '--seed', '4', '--until', '2026-10-31']);
  expect(made.code, made.stderr).toBe(0);
  return file;
}

async function open(file: string): Promise<Page> {
  bridge = await startBridge(file);
  browser = await launchBrowser();
  const { page, foreignRequests } = await openApp(browser, bridge);
  page.on('close', () => expect(foreignRequests).toEqual([]));
  return page;
}

/** Calls the bridge directly, as another window of the app would. */
async function call(op: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${bridge!.origin}/api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-regulars-token': bridge!.token },
    body: JSON.stringify({ op, input }),
  });
  return response.json();
}

/** Restores and backups take a moment on a loaded machine: poll for up to 15 s. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
const backupRows = (page: Page) => page.getByRole('table', { name: 'Backups' }).getByRole('row');

describe('Settings › Backups', () => {
  it('backs up now, restores with a comparison, and the restore can be undone', async () => {
    const page = await open(await demoFile(150));
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('tab', { name: 'Backups and privacy' }).click();
    await poll(() => page.evaluate(() => window.location.hash)).toBe('#/settings/backups');
    // The start-up backup is listed with its counts.
    await poll(() => backupRows(page).count()).toBe(2);
    await poll(() => backupRows(page).nth(1).innerText()).toMatch(/Daily.*150/s);

    await page.getByRole('button', { name: 'Back up now' }).click();
    await poll(() => backupRows(page).count()).toBe(3);
    await poll(() => backupRows(page).nth(1).innerText()).toMatch(/Backed up by you/);
    await shot(page, 'settings-backups');
    await page.screenshot({ path: path.join(SHOTS, 'settings-backups-full.png'), fullPage: true });

    // A change after the backup, then restore the backup.
    expect(await call('customers:create', { name: 'After The Backup' })).toMatchObject({ ok: true });
    await backupRows(page).nth(1).getByRole('button', { name: /^Restore the backup from/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    await dialog.waitFor();
    const comparison = dialog.getByRole('table', { name: 'Backup compared with your current data' });
    await poll(() => comparison.getByRole('row', { name: /^Customers/ }).innerText()).toMatch(/Customers\s+150\s+151/);
    await page.waitForTimeout(400); // the dialog's opening transition
    await shot(page, 'restore-dialog');
    await dialog.getByRole('button', { name: 'Restore this backup' }).click();
    await poll(() => page.getByText(/Restored the backup from/).count()).toBeGreaterThan(0);
    await poll(() => dialog.count()).toBe(0);
    expect(await call('customers:list', {})).toMatchObject({ ok: true, value: { total: 150 } });

    // The copy made just before the restore is listed, and restoring it brings the change back.
    const undoRow = backupRows(page).filter({ hasText: /before a restore/i });
    await poll(() => undoRow.count()).toBe(1);
    await undoRow.getByRole('button', { name: /^Restore the backup from/ }).click();
    await dialog.getByRole('button', { name: 'Restore this backup' }).click();
    await poll(async () => call('customers:list', {})).toMatchObject({ ok: true, value: { total: 151 } });
    await page.close();
  }, 120_000);

  it('erases a customer from their page, saying that older backups still hold the details', async () => {
    const page = await open(await demoFile(40));
    await page.evaluate(() => (window.location.hash = '#/customers/3'));
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    const name = await heading.innerText();
    await page.getByRole('button', { name: 'Erase this customer…' }).click();
    const dialog = page.getByRole('dialog', { name: `Erase ${name}?` });
    await poll(() => dialog.innerText()).toMatch(/The backups you already have still hold the details/);
    await shot(page, 'erase-customer');
    await dialog.getByRole('button', { name: 'Erase details' }).click();
    await poll(() => heading.innerText()).toBe('Erased customer #3');
    await poll(() => page.getByRole('button', { name: 'Erase this customer…' }).count()).toBe(0);
    await page.close();
  }, 120_000);

  it('forgets customers who stopped coming only after the owner confirms, naming how many', async () => {
    const page = await open(await demoFile(80));
    await page.goto(`${bridge!.url.split('?')[0]}#/settings/backups`);
    await page.getByRole('tab', { name: 'Backups and privacy' }).click();
    await page.getByRole('textbox', { name: 'Not seen for more than (years)' }).fill('1');
    await page.getByRole('button', { name: 'Find them' }).click();
    const erase = page.getByRole('button', { name: /^Erase \d+ customers?$/ });
    await poll(() => erase.count()).toBe(1);
    const label = await erase.innerText();

    // Cancel: nothing is erased, the same people are still found.
    await erase.click();
    const dialog = page.getByRole('dialog', { name: `${label}?` });
    await poll(() => dialog.innerText()).toMatch(/erased for good: this cannot be undone/);
    await shot(page, 'erase-inactive-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await poll(() => dialog.count()).toBe(0);
    await page.getByRole('button', { name: 'Find them' }).click();
    await poll(() => page.getByRole('button', { name: label }).count()).toBe(1);

    // Confirmed: they are erased, and none are left to find.
    await page.getByRole('button', { name: label }).click();
    await page.getByRole('dialog', { name: `${label}?` }).getByRole('button', { name: label }).click();
    await poll(() => page.getByText(/^Erased \d+ customers?/).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Find them' }).click();
    await poll(() => page.getByRole('button', { name: /^Erase \d+ customers?$/ }).count()).toBe(0);
    await page.close();
  }, 120_000);

  it('a damaged data file: a clear message and the way back (restore the latest backup), never a blank window', async () => {
    const file = await demoFile(60);
    expect((await runCli(['backup', '--db', file])).code).toBe(0);
    corruptPages(file, 1, 2);
    const page = await open(file);

    const banner = page.getByTestId('unavailable-banner');
    await poll(() => banner.count()).toBe(1);
    expect(await banner.innerText()).toMatch(/damaged/);
    await shot(page, 'damaged-data-file');
    await banner.getByRole('button', { name: 'See backups and restore one' }).click();
    await page.getByRole('button', { name: /^Restore the latest backup/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    await poll(() => dialog.innerText()).toMatch(/Cannot be opened/);
    await dialog.getByRole('button', { name: 'Restore this backup' }).click();
    await poll(() => banner.count()).toBe(0);
    await page.getByRole('link', { name: 'Customers', exact: true }).click();
    await poll(() => page.getByText('60 customers').count()).toBeGreaterThan(0);
    await page.close();
  }, 120_000);
});
