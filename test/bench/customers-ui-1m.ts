import type { Page } from 'playwright-core';
import { launchBrowser, openApp, startBridge } from '../support/web-app';
import { bigShopFile, percentile, result, time, type Benchmark } from './harness';

const ROUNDS = 7;

/**
 * Clicks a navigation link and waits until the screen has asked the back end for `op` (so rows left
 * on screen from an earlier visit do not count; `null` for a screen that asks nothing) and `ready` finds something on the new page.
 */
async function navigate(page: Page, link: string, op: string | null, ready: () => Promise<unknown>): Promise<number> {
  await page.getByRole('link', { name: 'Today', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  const { ms } = await time(async () => {
    const answered = op && page.waitForResponse((r) => r.url().includes('/api/') && (r.request().postData() ?? '').includes(`"${op}"`));
    await page.getByRole('link', { name: link, exact: true }).click();
    await answered;
    await ready();
  });
  return ms;
}

/**
 * The owner's view of speed on the big shop (50k customers / 1M visits), in Chromium through the web
 * bridge: from clicking "Customers" to the first customer rows on screen (target ≤ 500 ms, median of
 * several rounds). Floor: the same click to the Settings screen, which shows no customer data — the
 * cost of the browser and the app shell themselves.
 */
export const customersUi1m: Benchmark = {
  name: 'customers-ui-1m',
  description: 'Chromium: click Customers → first rows on screen, 50k customers / 1M visits',
  async run() {
    const bridge = await startBridge(bigShopFile());
    const browser = await launchBrowser();
    try {
      const { page } = await openApp(browser, bridge);
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor({ timeout: 30_000 });
      const firstRow = () => page.getByRole('row').nth(1).waitFor();
      const settingsShown = () => page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      // One warm-up round each: the first visit to a screen loads its code and fills the caches.
      await navigate(page, 'Customers', 'customers:list', firstRow);
      await navigate(page, 'Settings', null, settingsShown);
      const customers: number[] = [];
      const floor: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        customers.push(await navigate(page, 'Customers', 'customers:list', firstRow));
        floor.push(await navigate(page, 'Settings', null, settingsShown));
      }
      const ms = percentile(customers, 50);
      return result({ name: 'customers-ui-1m', n: ROUNDS, ms, baselineMs: percentile(floor, 50), target: '≤ 500 ms', pass: ms <= 500 });
    } finally {
      await browser.close();
      await bridge.stop();
    }
  },
};
