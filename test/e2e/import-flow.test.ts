/**
 * Importing a spreadsheet in the real app (web bridge + SQLite file + Chromium): drop a sales file
 * with day/month-ambiguous dates onto the window, answer the date question, import, find the
 * customers, undo the import from the history and see them gone; a file with bad rows lists its
 * problems and imports only the good rows; a big file shows its progress and Cancel leaves nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT } from '../support/web-app';
import { accessibilityProblems } from '../support/accessibility';
import { queryFile, useAppInBrowser } from '../support/app-in-browser';
import { dropFile } from '../support/drop-file';

const FIXTURES = path.join(ROOT, 'test/fixtures/import/e2e');

const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

describe('importing a spreadsheet', () => {
  const app = useAppInBrowser({ fileName: 'import.sqlite' });
  const count = (sql: string): number => queryFile<{ n: number }>(app.file, sql).n;
  let page: Page;
  let foreignRequests: string[];
  beforeAll(() => {
    ({ page, foreignRequests } = app);
  });

  it('opens the import when a file is dropped anywhere on the window', async () => {
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Today' }).count()).toBe(1);
    await dropFile(page, 'ambiguous-dates-sales.csv', fixture('ambiguous-dates-sales.csv'), async () => {
      await expect.poll(() => page.getByText('Drop to import').isVisible()).toBe(true);
    });
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Import' }).count()).toBe(1);
    expect(await page.getByText('Drop to import').count()).toBe(0);
    // The kind is detected and explained; each column is mapped.
    await expect.poll(() => page.getByRole('radio', { name: 'Visits or sales' }).isChecked()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Import column “Customer” as' }).inputValue()).toBe('Name');
    expect(await page.getByRole('combobox', { name: 'Import column “Date” as' }).inputValue()).toBe('Date');
  });

  it('asks which way round the dates are instead of guessing, and will not import before the answer', async () => {
    const question = page.getByText('6 rows in “Date” could be read either way, e.g. 03/04/2024 = 3 April or 4 March — which is right?');
    await expect.poll(() => question.count()).toBe(1);
    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    expect(await page.getByText('Tell Regulars how to read the dates in “Date” first.').count()).toBe(1);
    expect(await accessibilityProblems(page), 'accessibility of the review').toEqual([]);

    const dayFirst = page.getByRole('radio', { name: 'Day first: 03/04/2024 is 3 April' });
    await dayFirst.click();
    // The question stays on screen, answered, so the owner can still change their mind.
    await expect.poll(() => dayFirst.isChecked()).toBe(true);
    // The preview shows the rows as they will be stored, in the shop's formats.
    const preview = page.getByRole('table', { name: 'Preview of the rows' });
    await expect.poll(() => preview.getByRole('row').nth(1).innerText()).toMatch(/3 Apr 2024\s+Olive Hartley[\s\S]*€12\.50\s+Sourdough loaf/);
    await expect.poll(() => importButton.isDisabled()).toBe(false);
    expect(await page.getByText('Ready to import 6 rows from ambiguous-dates-sales.csv.').count()).toBe(1);
  });

  it('imports and sums up what it did', async () => {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const result = page.getByRole('region', { name: 'ambiguous-dates-sales.csv is imported' });
    await expect.poll(() => result.count(), { timeout: 30_000 }).toBe(1);
    const lines = await result.getByRole('list', { name: 'What was imported' }).innerText();
    expect(lines).toContain('3 new customers added');
    expect(lines).toContain('6 visits added');
    expect(await result.getByText('The new visits add up to €56.10, from 3 Apr 2024 to 2 May 2024.').count()).toBe(1);
    expect(await accessibilityProblems(page), 'accessibility of the result').toEqual([]);
    expect(count("SELECT COUNT(*) AS n FROM visits WHERE date = '2024-04-03'")).toBe(1);
    expect(count('SELECT COUNT(*) AS n FROM customers')).toBe(3);
  });

  it('shows the imported customers in Customers', async () => {
    await page.getByRole('link', { name: 'See your customers' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Customers' }).count()).toBe(1);
    await expect.poll(() => page.getByText('3 customers').count()).toBe(1);
    for (const name of ['Olive Hartley', 'Rupert Vance', 'Mabel Quist']) expect(await page.getByText(name).count()).toBeGreaterThan(0);
  });

  it('undoes the import from the history, after confirming', async () => {
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('tab', { name: 'Past imports' }).click();
    const history = page.getByRole('table', { name: 'Past imports' });
    await expect.poll(() => history.getByText('ambiguous-dates-sales.csv').count()).toBe(1);
    expect(await history.getByText('3 new customers, 6 visits').count()).toBe(1);
    expect(await accessibilityProblems(page), 'accessibility of the history').toEqual([]);
    await history.getByRole('button', { name: 'Undo import of ambiguous-dates-sales.csv' }).click();
    const dialog = page.getByRole('dialog', { name: 'Undo this import?' });
    await dialog.getByRole('button', { name: 'Undo import' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Import undone' }).count()).toBe(1);
    await expect.poll(() => history.getByText('Undone').count()).toBe(1);
    expect(count('SELECT COUNT(*) AS n FROM customers')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM visits')).toBe(0);

    await page.getByRole('link', { name: 'Customers' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Customers' }).count()).toBe(1);
    await expect.poll(() => page.getByText('Olive Hartley').count()).toBe(0);
  });

  it('lists the problems of a file with bad rows and imports only the good rows', async () => {
    await page.getByRole('link', { name: 'Import' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Import a file' }).getAttribute('aria-selected')).toBe('true');
    expect(await accessibilityProblems(page), 'accessibility of the file step').toEqual([]);
    // This time through the Import screen's own file button.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a file…' }).click();
    await (await chooser).setFiles(path.join(FIXTURES, 'sales-with-bad-rows.csv'));

    const problems = page.getByRole('table', { name: 'Problems in the file' });
    await expect.poll(() => problems.getByRole('row').count()).toBe(3); // header + two bad rows
    const listed = await problems.innerText();
    expect(listed).toMatch(/^3\s+Visit date\s+.*31\.02\.2024/m);
    expect(listed).toMatch(/^4\s+Total\s+.*lots/m);
    // Row and column are in their own columns; the message does not say them again.
    expect(listed).not.toMatch(/Row \d+, column/);
    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    expect(await accessibilityProblems(page), 'accessibility of the problems').toEqual([]);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the problems as CSV' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Row,Column,Problem,Kept?');
    expect(csv).toContain('31.02.2024');

    await page.getByRole('radio', { name: /Import only the good rows \(3\)/ }).click();
    await expect.poll(() => importButton.isDisabled()).toBe(false);
    await importButton.click();
    const result = page.getByRole('region', { name: 'sales-with-bad-rows.csv is imported' });
    await expect.poll(() => result.count(), { timeout: 30_000 }).toBe(1);
    const lines = await result.getByRole('list', { name: 'What was imported' }).innerText();
    expect(lines).toContain('2 new customers added');
    expect(lines).toContain('3 visits added');
    expect(lines).toContain('2 rows with problems left out');
    expect(count('SELECT COUNT(*) AS n FROM visits')).toBe(3);
    expect(count("SELECT COUNT(*) AS n FROM customers WHERE name IN ('Tobias Wren', 'Ursula Pike')")).toBe(0);
    expect(count("SELECT amount_cents AS n FROM visits WHERE date = '2024-05-14'")).toBe(2250);
  });

  it('shows progress for a big file, and Cancel leaves nothing', async () => {
    // Big enough that saving still runs when Cancel is pressed, even on a fast, quiet machine.
    const rows = 300_000;
    const lines = ['Receipt,Customer,Date,Amount'];
    for (let i = 0; i < rows; i++) lines.push(`R${i},Guest ${i % 9000},${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/2023,${(i % 50) + 1}.25`);
    const before = count('SELECT COUNT(*) AS n FROM visits');
    await page.getByRole('button', { name: 'Import another file' }).click();
    await dropFile(page, 'big-sales.csv', lines.join('\n'));
    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    await expect.poll(() => importButton.isEnabled(), { timeout: 60_000 }).toBe(true);
    await importButton.click();
    const bar = page.getByRole('progressbar', { name: 'Import progress' });
    await expect.poll(() => bar.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByRole('region', { name: 'Importing big-sales.csv' }).getByRole('status').innerText()).toMatch(/ of 300,000 rows/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByText('Import cancelled — nothing was saved.').count(), { timeout: 30_000 }).toBe(1);
    expect(count('SELECT COUNT(*) AS n FROM visits')).toBe(before);
  });

  it('refuses to undo an import whose customers changed since, and says who', async () => {
    // A visit logged for a customer the bad-rows import created.
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Log a visit' });
    const name = dialog.getByRole('combobox', { name: 'Customer' });
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Selma');
    await page.keyboard.press('Enter');
    const amount = dialog.getByRole('textbox', { name: 'Amount' });
    await expect.poll(() => amount.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await name.inputValue()).toBe('Selma Drury');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    const visits = count('SELECT COUNT(*) AS n FROM visits');

    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('tab', { name: 'Past imports' }).click();
    const history = page.getByRole('table', { name: 'Past imports' });
    await history.getByRole('button', { name: 'Undo import of sales-with-bad-rows.csv' }).click();
    await page.getByRole('dialog', { name: 'Undo this import?' }).getByRole('button', { name: 'Undo import' }).click();
    const refusal = page.getByRole('status').filter({ hasText: 'This import cannot be undone yet' });
    await expect.poll(() => refusal.count()).toBe(1);
    expect(await refusal.innerText()).toMatch(/Selma Drury .*has visits or feedback added after the import/);
    expect(count('SELECT COUNT(*) AS n FROM visits')).toBe(visits);
    expect(await history.getByRole('button', { name: 'Undo import of sales-with-bad-rows.csv' }).count()).toBe(1);
    expect(foreignRequests).toEqual([]);
  });

  it('reads yy/mm/dd dates year first when the column says so, and the owner can turn them round', async () => {
    await page.getByRole('link', { name: 'Today' }).click();
    const yearFirst = readFileSync(path.join(ROOT, 'test/fixtures/import/year-first-dates.csv'), 'utf8');
    await dropFile(page, 'year-first-dates.csv', yearFirst);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Import' }).count()).toBe(1);
    const order = page.getByRole('radiogroup', { name: 'Which way round the dates in “Date” are written' });
    await expect.poll(() => order.getByRole('radio', { name: 'Year first' }).isChecked()).toBe(true);
    expect(await page.getByText(/^Read as year\/month\/day \(24\/03\/05 is 5 March 2024\)/).count()).toBe(1);
    const preview = page.getByRole('table', { name: 'Preview of the rows' });
    await expect.poll(() => preview.getByRole('row').nth(1).innerText()).toMatch(/2 Nov 2023\s+Yuki Sato/);
    expect(await accessibilityProblems(page), 'accessibility of the date order control').toEqual([]);

    await order.getByText('Day first').click();
    await expect.poll(() => order.getByRole('radio', { name: 'Day first' }).isChecked()).toBe(true);
    await expect.poll(() => preview.getByRole('row').nth(1).innerText()).toMatch(/23 Nov 2002\s+Yuki Sato/);
    expect(await page.getByText('Read as day/month/year, as you chose.').count()).toBe(1);
  });
});
