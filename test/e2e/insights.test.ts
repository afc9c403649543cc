/**
 * Insights, Today's "who to call" and the customer insight card on a demo bakery, in Chromium through
 * the web bridge: figures render, a segment opens its customers, a call-list entry can be marked done,
 * and a customer page explains its numbers. Screenshots go to test/.tmp/screens/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ShopMetrics } from '../../shared/metrics/shop';
import { segmentById } from '../../shared/metrics/rfm';
import { launchBrowser, ROOT, runCli, settle, startBridge, tempDir, openApp, type RunningBridge } from '../support/web-app';
import { useAppInBrowser } from '../support/app-in-browser';

const SHOTS = path.join(ROOT, 'test/.tmp/screens');

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  await settle(page);
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

describe('insights on a demo shop', () => {
  const app = useAppInBrowser({ demo: ['--customers', '400', '--seed', '11'], fileName: 'demo.sqlite' });
  let page: Page;
  let metrics: ShopMetrics;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    page = app.page;
    // The same analysis through the CLI, to know which customer belongs to which segment.
    const cli = await runCli(['metrics', '--db', app.file, '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    metrics = JSON.parse(cli.stdout) as ShopMetrics;
  });

  it('shows the figures, the groups, the charts and the model status', async () => {
    await page.getByRole('link', { name: 'Insights' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Insights' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('region', { name: 'Key figures' }).isVisible(), { timeout: 15_000 }).toBe(true);
    for (const heading of ['Customer groups', 'Value tiers', 'Takings: new vs returning customers', 'Retention month by month', 'Do new customers come back?', 'What customers talk about']) {
      expect(await page.getByRole('heading', { name: heading }).count(), heading).toBe(1);
    }
    // Charts are real SVG drawn by recharts, with bars.
    await expect.poll(() => page.locator('#revenue-split-title').locator('xpath=ancestor::section').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(3);
    expect(await page.getByTestId('model-status').textContent()).toMatch(metrics.model.bgnbd ? /fitted/ : /simple estimates/);
    const champions = metrics.customers.filter((c) => c.segment === 'champions').length;
    expect(await page.getByRole('button', { name: new RegExp(`^Champions: show the ${champions} customers?\\.`) }).count()).toBe(1);
    await shoot(page, 'insights');
    await shoot(page, 'insights-full', true);
  });

  it('a page chosen in the sidebar opens at its top, not where the last page was scrolled to', async () => {
    await page.getByRole('heading', { name: 'What customers talk about' }).scrollIntoViewIfNeeded();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    await page.getByRole('link', { name: 'Today', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Today' }).count()).toBe(1);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await page.getByRole('link', { name: 'Insights' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Key figures' }).isVisible(), { timeout: 15_000 }).toBe(true);
  });

  it('explains a figure on keyboard focus', async () => {
    // Tab from the figure before it, as a keyboard user would.
    await page.getByRole('button', { name: 'Next 12 months', exact: true }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Retention');
    await expect.poll(() => page.getByRole('tooltip').textContent()).toMatch(/still active today/);
    await page.screenshot({ path: path.join(SHOTS, 'insights-tooltip.png') });
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { level: 1, name: 'Insights' }).focus();
  });

  it('clicks a segment through to its customers', async () => {
    const segment = (['champions', 'loyal', 'at-risk', 'hibernating'] as const).find((s) => metrics.customers.some((c) => c.segment === s))!;
    const members = metrics.customers.filter((c) => c.segment === segment).sort((a, b) => b.revenueCents - a.revenueCents);
    const label = segmentById(segment).label;
    await page.getByRole('button', { name: new RegExp(`^${label}: show the`) }).click();
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.getByRole('heading').first().textContent()).toContain(`${label} · ${members.length} customer`);
    const table = drawer.getByRole('table');
    await expect.poll(() => table.getByRole('row').count()).toBe(Math.min(members.length, 200) + 1);
    await shoot(page, 'insights-members');
    // The biggest spender of the segment is listed first; following the link opens their page.
    const top = members[0]!;
    expect(await table.getByRole('row').nth(1).getByRole('link').textContent()).toBe(top.name);
    await table.getByRole('row').nth(1).getByRole('link').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(top.name);
    await expect.poll(() => page.getByRole('region', { name: 'What the numbers say' }).textContent()).toContain(label);
  });

  it('shows a customer insight card with the reasons', async () => {
    const card = page.getByRole('region', { name: 'What the numbers say' });
    const text = (await card.textContent()) ?? '';
    for (const label of ['Group', 'Value tier', 'Usual rhythm', 'Still a customer?', 'Worth in the next 12 months']) expect(text).toContain(label);
    expect(text).toMatch(/Recency \d\/5/); // the segment's reason
    await shoot(page, 'customer-insight');
  });

  it('marks a who-to-call entry done on Today', async () => {
    await page.getByRole('link', { name: 'Today' }).click();
    const list = page.getByRole('region', { name: 'Who to call this week' });
    await expect.poll(() => list.getByTestId('call-entry').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await shoot(page, 'today-call-list');
    await shoot(page, 'today-call-list-full', true);
    const first = list.getByTestId('call-entry').first();
    const key = (await first.getAttribute('data-entry'))!;
    const name = (await first.getByRole('link').textContent())!;
    const progress = list.getByText(/ to go$|^All done/);
    await expect.poll(() => progress.textContent()).toMatch(/^[\d,]+ to go$/);
    await first.getByRole('button', { name: `Done: ${name}` }).click();
    await expect.poll(() => list.locator(`[data-entry="${key}"]`).count()).toBe(0);
    await expect.poll(() => progress.textContent()).toMatch(/^1 done this week, [\d,]+ to go$/);
    // Remembered by the back end: a fresh page does not list that entry again (someone else moves up),
    // and still counts it as done this week.
    await page.reload();
    await expect.poll(() => list.getByTestId('call-entry').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => progress.textContent()).toMatch(/^1 done this week, [\d,]+ to go$/);
    const showMore = list.getByRole('button', { name: /^Show \d+ more$/ });
    while ((await showMore.count()) > 0) await showMore.first().click();
    expect(await list.locator(`[data-entry="${key}"]`).count()).toBe(0);
  });
});

describe('insights on a small shop and an empty one', () => {
  let browser: Browser;
  const bridges: RunningBridge[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    for (const b of bridges) await b.stop();
  });

  async function open(file: string): Promise<Page> {
    const bridge = await startBridge(file);
    bridges.push(bridge);
    const { page } = await openApp(browser, bridge);
    await page.getByRole('link', { name: 'Insights' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Insights' }).count()).toBe(1);
    return page;
  }

  it('explains in words why a small shop gets simple estimates, and still shows everything', async () => {
    const file = path.join(tempDir(), 'small.sqlite');
    expect((await runCli(['demo', '--db', file, '--customers', '20', '--seed', '3'])).code).toBe(0);
    const page = await open(file);
    await expect.poll(() => page.getByTestId('model-status').textContent(), { timeout: 15_000 }).toMatch(/simple estimates/);
    expect(await page.getByRole('region', { name: 'How predictions are made' }).textContent()).toMatch(/too few to fit the prediction model/);
    expect(await page.getByRole('heading', { name: 'Customer groups' }).count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    await shoot(page, 'insights-small-shop', true);
  });

  it('tells a shop with no visits what to do instead of showing empty charts', async () => {
    const page = await open(path.join(tempDir(), 'empty.sqlite'));
    await expect.poll(() => page.getByRole('heading', { name: 'Insights appear once you log visits' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('region', { name: 'Key figures' }).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await shoot(page, 'insights-empty');
  });
});
