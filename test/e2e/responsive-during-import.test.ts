/**
 * The window never blocks while long work runs: with a big import saving in the background (the
 * worker pool's long lane), the owner can still go to Customers, type into search and get answers
 * (the quick lane). The import's single transaction is still open when the answer arrives — checked
 * by reading the data file from outside — and it completes afterwards.
 */
import { describe, expect, it } from 'vitest';
import { queryFile, useAppInBrowser } from '../support/app-in-browser';
import { dropFile } from '../support/drop-file';

/** Big enough that saving takes several seconds even on a fast machine. */
const ROWS = 300_000;

describe('typing into search while a big import runs', () => {
  const app = useAppInBrowser({ demo: ['--customers', '300', '--seed', '5'] });
  const query = <T>(sql: string): T => queryFile<T>(app.file, sql);

  it('answers a search while the import is still saving, then finishes the import', async () => {
    const { page } = app;
    const visitsBefore = query<{ n: number }>('SELECT count(*) AS n FROM visits').n;
    // A demo customer to look for, by the first letters of their surname.
    const { name } = query<{ name: string }>('SELECT name FROM customers ORDER BY id LIMIT 1');
    const typed = name.split(' ').at(-1)!.slice(0, 3);

    const lines = ['Receipt,Customer,Date,Amount'];
    for (let i = 0; i < ROWS; i++) lines.push(`R${i},Walk-in ${i % 20000},${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/2023,${(i % 50) + 1}.25`);
    await dropFile(page, 'busy-day.csv', lines.join('\n'));
    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    await expect.poll(() => importButton.isEnabled(), { timeout: 90_000 }).toBe(true);
    await importButton.click();
    await expect.poll(() => page.getByRole('progressbar', { name: 'Import progress' }).count(), { timeout: 30_000 }).toBe(1);

    await page.getByRole('link', { name: 'Customers', exact: true }).click();
    const search = page.getByRole('searchbox', { name: 'Search customers' });
    await search.fill(typed);
    expect(await search.inputValue()).toBe(typed);
    const found = page.getByRole('row', { name: new RegExp(name) });
    await expect.poll(() => found.count(), { timeout: 10_000 }).toBe(1);
    // The answer came while the import had not yet committed a single row.
    expect(query<{ n: number }>('SELECT count(*) AS n FROM visits').n).toBe(visitsBefore);

    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await expect.poll(() => query<{ n: number }>('SELECT count(*) AS n FROM visits').n, { timeout: 180_000, interval: 500 }).toBe(visitsBefore + ROWS);
  }, 240_000);
});
