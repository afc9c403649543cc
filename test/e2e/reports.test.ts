/**
 * Reports in the real app (web bridge + SQLite + Chromium): open Reports, pick a month, see the
 * summary in its frame, save it as a PDF — whose text holds the headline figures shown on screen and
 * which has at most two pages.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, runCli, startBridge, tempDir, type RunningBridge } from '../support/web-app';

describe('the monthly summary', () => {
  let browser: Browser;
  let bridge: RunningBridge;
  let page: Page;
  let foreignRequests: string[];
  const dir = tempDir('regulars-reports-');
  const file = path.join(dir, 'shop.sqlite');
  const now = new Date();
  const twoMonthsAgo = new Date(now.getFullYear(), now.getMonth() - 2, 1);
  const monthLabel = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric' }).format(twoMonthsAgo);

  beforeAll(async () => {
    const demo = await runCli(['demo', '--customers', '300', '--db', file]);
    expect(demo.code, demo.stderr).toBe(0);
    bridge = await startBridge(file);
    browser = await launchBrowser();
    ({ page, foreignRequests } = await openApp(browser, bridge));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await bridge?.stop();
  });

  it('opens Reports from the navigation, without a "soon" badge', async () => {
    const link = page.getByRole('link', { name: 'Reports' });
    expect(await link.textContent()).not.toContain('soon');
    await link.click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Reports' }).count()).toBe(1);
  });

  it('shows the summary of the month picked', async () => {
    await page.getByRole('combobox', { name: 'Month' }).click();
    await page.getByRole('option', { name: monthLabel, exact: true }).click();
    await expect.poll(() => page.locator('iframe').getAttribute('title'), { timeout: 30_000 }).toBe(`Monthly summary, ${monthLabel}`);
    const frame = page.frameLocator('iframe');
    await expect.poll(() => frame.locator('[data-figure="revenue"] .value').count(), { timeout: 30_000 }).toBe(1);
    await page.screenshot({ path: path.join(dir, 'reports.png') });
  });

  it('shows the summary in a frame that runs no script but that the page can print', async () => {
    const sandbox = await page.locator('iframe').getAttribute('sandbox');
    expect(sandbox?.split(' ').sort()).toEqual(['allow-modals', 'allow-same-origin']);
    // Print… calls the frame's own print(); reaching it must not be a cross-origin error.
    expect(await page.evaluate(() => typeof document.querySelector('iframe')!.contentWindow!.print)).toBe('function');
    expect(await page.evaluate(() => document.querySelector('iframe')!.contentDocument!.querySelectorAll('script').length)).toBe(0);
  });

  it('Print… prints the summary frame, not the whole app', async () => {
    // Headless Chromium has no print dialog: record the call instead.
    await page.evaluate(() => {
      const frameWindow = document.querySelector('iframe')!.contentWindow! as Window & { printed?: number };
      frameWindow.printed = 0;
      frameWindow.print = () => void (frameWindow.printed = (frameWindow.printed ?? 0) + 1);
    });
    await page.getByRole('button', { name: 'Print…' }).click();
    expect(await page.evaluate(() => (document.querySelector('iframe')!.contentWindow as Window & { printed?: number }).printed)).toBe(1);
  });

  it('saves a PDF whose text has the headline figures, on at most two pages', async () => {
    const frame = page.frameLocator('iframe');
    const figures: string[] = [];
    for (const key of ['revenue', 'visits', 'customersServed', 'averageSpend']) figures.push((await frame.locator(`[data-figure="${key}"] .value`).textContent())!.trim());
    expect(figures[0]).toMatch(/\d/);

    await page.getByRole('button', { name: 'Save as PDF…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save the summary as PDF' });
    const where = dialog.getByLabel('Save to');
    expect(await where.inputValue()).toContain(path.join(dir, 'Reports'));
    const out = path.join(dir, 'chosen', 'summary.pdf');
    await where.fill(out);
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(dir, 'save-pdf.png') });
    await dialog.getByRole('button', { name: 'Save PDF' }).click();
    await expect.poll(() => page.getByText('Summary saved as PDF').count(), { timeout: 60_000 }).toBe(1);

    expect(existsSync(out)).toBe(true);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))![1]);
    expect(pages).toBeLessThanOrEqual(2);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    for (const f of figures) expect(text).toContain(f);
    expect(text).toContain(monthLabel);
  }, 90_000);

  it('explains a bad file name instead of saving', async () => {
    await page.getByRole('button', { name: 'Save as PDF…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save the summary as PDF' });
    await dialog.getByLabel('Save to').fill(path.join(dir, 'summary.docx'));
    await dialog.getByRole('button', { name: 'Save PDF' }).click();
    await expect.poll(() => dialog.getByText('must end in .pdf', { exact: false }).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('saves each month’s summary automatically into a chosen folder', async () => {
    await page.getByRole('button', { name: 'Save every month…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save each month’s summary automatically' });
    const folder = path.join(dir, 'accountant');
    await dialog.getByLabel('Folder').fill(folder);
    await page.waitForTimeout(400); // let the dialog finish fading in before the screenshot
    await page.screenshot({ path: path.join(dir, 'schedule.png') });
    await dialog.getByRole('button', { name: 'Save every month here' }).click();
    await expect.poll(() => page.getByText('Last month’s summary was saved automatically').count(), { timeout: 60_000 }).toBe(1);
    const lastMonth = new Date(now.getFullYear(), now.getMonth() - 1, 1);
    const expected = path.join(folder, `Monthly summary ${lastMonth.getFullYear()}-${String(lastMonth.getMonth() + 1).padStart(2, '0')}.pdf`);
    expect(existsSync(expected)).toBe(true);
  }, 90_000);

  it('made no request outside the bridge', () => {
    expect(foreignRequests).toEqual([]);
  });
});
