/**
 * Looking after customers in a demo shop, in Chromium through the web bridge: close an unhappy
 * customer's follow-up with a note, keep unsaved changes from being lost by leaving the page, and
 * delete a customer only after confirming.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { queryFile, useAppInBrowser } from '../support/app-in-browser';

describe('looking after customers', () => {
  const app = useAppInBrowser({ demo: ['--customers', '150', '--seed', '11'] });
  const count = (sql: string, ...params: unknown[]): number => queryFile<{ n: number }>(app.file, sql, ...params).n;
  let page: Page;
  beforeAll(() => {
    page = app.page;
  });

  it('marks an open follow-up done with a note', async () => {
    const openBefore = count("SELECT count(*) AS n FROM feedback WHERE follow_up = 'open'");
    expect(openBefore).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Feedback', exact: true }).click();
    await page.locator('label', { hasText: 'Open follow-ups' }).click();
    const markDone = page.getByRole('button', { name: /^Mark done/ });
    await expect.poll(() => markDone.count()).toBeGreaterThan(0);
    await markDone.first().click();
    const dialog = page.getByRole('dialog', { name: 'Mark follow-up done' });
    await dialog.getByLabel('Note (optional)').fill('Called, offered a free coffee');
    await dialog.getByRole('button', { name: 'Mark done' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => count("SELECT count(*) AS n FROM feedback WHERE follow_up = 'open'")).toBe(openBefore - 1);
    expect(count("SELECT count(*) AS n FROM feedback WHERE follow_up = 'done' AND follow_up_note = ?", 'Called, offered a free coffee')).toBe(1);
  });

  it('logs feedback from the Feedback screen: an unhappy answer opens a follow-up', async () => {
    const someone = queryFile<{ id: number; name: string }>(app.file, 'SELECT id, name FROM customers ORDER BY id LIMIT 1');
    const before = count('SELECT count(*) AS n FROM feedback WHERE customer_id = ?', someone.id);
    await page.getByRole('link', { name: 'Feedback', exact: true }).click();
    await page.locator('label', { hasText: 'All' }).click();
    await page.getByRole('button', { name: 'Log feedback' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log feedback' });
    expect(await dialog.getByRole('textbox', { name: /amount/i }).count()).toBe(0);
    const name = dialog.getByRole('combobox', { name: /customer/i });
    await name.fill(someone.name);
    await expect.poll(() => dialog.getByRole('option', { name: new RegExp(someone.name) }).count()).toBeGreaterThan(0);
    await name.press('Enter');
    // Picking the customer moves on to what they said.
    await expect.poll(() => dialog.getByRole('textbox', { name: /What they said/ }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('The queue was far too long');
    await dialog.getByRole('radiogroup', { name: 'Would recommend us' }).getByRole('radio', { name: '4', exact: true }).click();
    await dialog.getByRole('button', { name: 'Save feedback' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => count('SELECT count(*) AS n FROM feedback WHERE customer_id = ?', someone.id)).toBe(before + 1);
    const saved = queryFile<{ nps: number; comment: string; follow_up: string; visit_id: number | null }>(
      app.file,
      'SELECT nps, comment, follow_up, visit_id FROM feedback WHERE customer_id = ? ORDER BY id DESC LIMIT 1',
      someone.id,
    );
    expect(saved).toEqual({ nps: 4, comment: 'The queue was far too long', follow_up: 'open', visit_id: null });
    // The list shows it without a reload.
    await expect.poll(() => page.getByRole('row', { name: /The queue was far too long/ }).count()).toBe(1);
  });

  it('asks before leaving a customer\'s page with unsaved changes', async () => {
    await page.getByRole('link', { name: 'Customers', exact: true }).click();
    const firstRow = page.getByRole('row').nth(1);
    await expect.poll(() => firstRow.textContent()).toMatch(/\d/);
    await firstRow.click();
    await expect.poll(() => page.getByRole('heading', { name: 'History' }).count()).toBe(1);
    const here = await page.evaluate(() => window.location.hash);
    await page.getByRole('textbox', { name: 'Notes' }).fill('Allergic to nuts.');
    await expect.poll(() => page.getByText('You have unsaved changes.').count()).toBe(1);

    // "Stay": still on the page, the typing kept.
    const questions: string[] = [];
    page.once('dialog', (d) => void (questions.push(d.message()), d.dismiss()));
    await page.getByRole('link', { name: 'Today', exact: true }).click();
    await expect.poll(() => questions.length).toBe(1);
    expect(questions[0]).toMatch(/without saving\. Leave and lose the changes\?$/);
    expect(await page.evaluate(() => window.location.hash)).toBe(here);
    expect(await page.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe('Allergic to nuts.');

    // "Leave": the owner said so.
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('link', { name: 'Today', exact: true }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/');
    // Saved changes ask nothing.
    await page.evaluate((hash) => (window.location.hash = hash), here);
    await expect.poll(() => page.getByText('All changes saved.').count()).toBe(1);
    await page.getByRole('link', { name: 'Customers', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Customers' }).count()).toBe(1);
  });

  it('deletes a customer only after confirming, with their visits', async () => {
    const customersBefore = count('SELECT count(*) AS n FROM customers');
    await page.getByRole('link', { name: 'Customers', exact: true }).click();
    const firstRow = page.getByRole('row').nth(1);
    await expect.poll(() => firstRow.textContent()).toMatch(/\d/);
    await firstRow.click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => page.getByRole('heading', { name: 'History' }).count()).toBe(1);
    const name = (await heading.textContent())!.trim();
    const id = count('SELECT id AS n FROM customers WHERE name = ?', name);

    // Changing one's mind keeps everything.
    await page.getByRole('button', { name: 'Delete customer' }).click();
    await page.getByRole('button', { name: 'Keep customer' }).click();
    expect(count('SELECT count(*) AS n FROM customers')).toBe(customersBefore);

    await page.getByRole('button', { name: 'Delete customer' }).click();
    await page.getByRole('button', { name: 'Delete for good' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Customers' }).count()).toBe(1);
    expect(count('SELECT count(*) AS n FROM customers')).toBe(customersBefore - 1);
    expect(count('SELECT count(*) AS n FROM visits WHERE customer_id = ?', id)).toBe(0);
    await page.getByRole('searchbox', { name: 'Search customers' }).fill(name);
    await expect.poll(() => page.getByText(/found for/).textContent()).toMatch(/^0 found/);
  });
});
