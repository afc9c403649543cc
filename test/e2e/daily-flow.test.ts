/**
 * The owner's everyday flow in the real app (web bridge + SQLite file + Chromium): add a customer,
 * log a visit by keyboard only, log feedback, find the customer again — and after a restart of the
 * back end on the same file, everything is still there.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, startBridge, tempDir, type RunningBridge } from '../support/web-app';

async function isFocused(page: Page, locator: ReturnType<Page['getByRole']>): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

describe('a day at the counter', () => {
  let browser: Browser;
  let bridge: RunningBridge;
  let page: Page;
  let foreignRequests: string[];
  const file = path.join(tempDir(), 'shop.sqlite');

  beforeAll(async () => {
    bridge = await startBridge(file);
    browser = await launchBrowser();
    ({ page, foreignRequests } = await openApp(browser, bridge));
  });

  afterAll(async () => {
    await browser?.close();
    await bridge?.stop();
  });

  it('starts on Today with the access key gone from the address bar', async () => {
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Today' }).count()).toBe(1);
    expect(page.url()).not.toContain('token');
    await expect.poll(() => page.getByRole('heading', { name: 'Welcome to Regulars' }).count()).toBe(1);
  });

  it('adds a customer through the form', async () => {
    await page.getByRole('button', { name: 'Add a customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a customer' });
    await dialog.getByLabel('Name').fill('Anna Smith');
    await dialog.getByLabel('Phone').fill('+44 7700 900123');
    await dialog.getByLabel('Email').fill('not-an-email');
    await dialog.getByRole('button', { name: 'Add customer' }).click();
    // The back end's field message lands next to the email box.
    await expect.poll(() => dialog.getByText('That email address does not look right', { exact: false }).count()).toBe(1);
    await dialog.getByLabel('Email').fill('Anna@Example.com');
    await dialog.getByRole('button', { name: 'Add customer' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Anna Smith' }).count()).toBe(1);
    await expect.poll(() => page.getByLabel('Email').inputValue()).toBe('anna@example.com');
  });

  it('logs a visit with Quick log using only the keyboard', async () => {
    await page.keyboard.press('Control+k');
    const name = page.getByRole('combobox', { name: 'Customer' });
    await expect.poll(() => isFocused(page, name)).toBe(true);
    // A practised owner does not wait for the list: Enter picks the best match as soon as it is known.
    await page.keyboard.type('ann');
    await page.keyboard.press('Enter');
    const amount = page.getByRole('dialog', { name: 'Log a visit' }).getByRole('textbox', { name: 'Amount' });
    await expect.poll(() => isFocused(page, amount)).toBe(true);
    expect(await name.inputValue()).toBe('Anna Smith');
    await page.keyboard.type('12,50');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Visit logged for Anna Smith — €12.50').count()).toBe(1);
    await expect.poll(() => page.getByRole('dialog', { name: 'Log a visit' }).count()).toBe(0);
    // The open customer page picks up the new visit by itself.
    await expect.poll(() => page.getByRole('region', { name: 'History' }).getByText('€12.50').count()).toBe(1);
  });

  it('logs feedback on the customer page', async () => {
    await page.getByRole('tab', { name: 'Log feedback' }).click();
    await page.getByRole('radio', { name: '9', exact: true }).click();
    await page.getByLabel('What they said').fill('Lovely croissants');
    await page.getByRole('button', { name: 'Save feedback' }).click();
    const history = page.getByRole('region', { name: 'History' });
    await expect.poll(() => history.getByText('Lovely croissants', { exact: false }).count()).toBe(1);
    expect(await history.getByText('9/10').count()).toBe(1);
  });

  it('finds the customer again by searching', async () => {
    await page.getByRole('link', { name: 'Customers', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Customers' }).count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('smi');
    const row = page.getByRole('row', { name: /Anna Smith/ });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('€12.50');
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('zzz-nobody');
    await expect.poll(() => page.getByText('Nobody matches', { exact: false }).count()).toBe(1);
  });

  it('keeps working after a reload (the access key is remembered for this tab)', async () => {
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Customers' }).count()).toBe(1);
    await expect.poll(() => page.getByText('1 customer', { exact: true }).count()).toBe(1);
    expect(await page.getByTestId('unavailable-banner').count()).toBe(0);
  });

  it('changes the shop’s name and currency in Settings, with plain messages for mistakes', async () => {
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Settings' }).count()).toBe(1);
    const shopName = page.getByRole('textbox', { name: 'Shop name' });
    await shopName.fill('   ');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByText('Please give the shop a name.').count()).toBe(1);
    await shopName.fill('Crumbs Bakery');
    await page.getByRole('combobox', { name: 'Currency' }).click();
    await page.getByRole('option', { name: /^GBP/ }).click();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByRole('banner').getByText('Crumbs Bakery').count()).toBe(1);
    await expect.poll(() => page.getByText('Preview: £1,234.56', { exact: false }).count()).toBe(1);
  });

  it('made no request outside the app', () => {
    expect(foreignRequests).toEqual([]);
  });

  it('still has everything after the back end restarts on the same file', async () => {
    await bridge.stop();
    bridge = await startBridge(file);
    const fresh = await openApp(browser, bridge);
    const again = fresh.page;
    await again.getByRole('link', { name: 'Customers', exact: true }).click();
    await again.getByRole('searchbox', { name: 'Search customers' }).fill('anna');
    const row = again.getByRole('row', { name: /Anna Smith/ });
    await expect.poll(() => row.count()).toBe(1);
    await row.focus();
    await again.keyboard.press('Enter');
    await expect.poll(() => again.getByRole('heading', { level: 1, name: 'Anna Smith' }).count()).toBe(1);
    const history = again.getByRole('region', { name: 'History' });
    // Amounts now show in the currency chosen in Settings before the restart.
    await expect.poll(() => history.getByText('£12.50').count()).toBe(1);
    expect(await history.getByText('Lovely croissants', { exact: false }).count()).toBe(1);
    expect(await again.getByRole('banner').getByText('Crumbs Bakery').count()).toBe(1);
    expect(await again.getByLabel('Phone').inputValue()).toMatch(/7700\s?900123/);
    expect(fresh.foreignRequests).toEqual([]);
  });
});
