import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { openDatabase } from '../../../electron/db/connection';
import { dump } from '../../support/db';
import { runCli, tempDir } from '../../support/web-app';

describe('regulars CLI', () => {
  it('demo: the same seed and end date give the same shop', async () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.sqlite');
    const b = path.join(dir, 'b.sqlite');
    const args = ['--customers', '120', '--seed', '9', '--until', '2026-06-30', '--json'];
    const ra = await runCli(['demo', '--db', a, ...args]);
    const rb = await runCli(['demo', '--db', b, ...args]);
    expect(ra.code).toBe(0);
    expect(rb.code).toBe(0);
    const summary = JSON.parse(ra.stdout) as { customers: number; visits: number; feedback: number };
    expect(summary.customers).toBe(120);
    expect(summary.visits).toBeGreaterThan(120);
    expect(summary.feedback).toBeGreaterThan(5);
    const strip = (rows: Record<string, unknown[]>) =>
      Object.fromEntries(Object.entries(rows).map(([t, r]) => [t, r.map((x) => ({ ...(x as object), created_at: null, updated_at: null }))]));
    const dbA = openDatabase(a).db;
    const dbB = openDatabase(b).db;
    expect(strip(dump(dbA))).toEqual(strip(dump(dbB)));
    // a believable shop: some customers come often, most rarely, and the history reaches the end date
    const counts = dbA.prepare('SELECT visit_count AS n FROM customers ORDER BY n DESC').all() as { n: number }[];
    expect(counts[0]!.n).toBeGreaterThan(50);
    expect(counts[Math.floor(counts.length / 2)]!.n).toBeLessThan(30);
    expect(dbA.prepare('SELECT max(date) AS d FROM visits').get()).toEqual({ d: expect.stringMatching(/^2026-0[56]/) });
    // an unnamed shop becomes the demo bakery, priced in pounds like its UK phone numbers
    const settings = Object.fromEntries(
      (dbA.prepare("SELECT key, value FROM settings WHERE key IN ('shopName', 'currency')").all() as { key: string; value: string }[]).map((r) => [r.key, JSON.parse(r.value) as unknown]),
    );
    expect(settings).toEqual({ shopName: 'The Corner Bakery', currency: 'GBP' });
    dbA.close();
    dbB.close();
  });

  it('demo refuses to fill a data file that already has customers, and changes nothing', async () => {
    const file = path.join(tempDir(), 'c.sqlite');
    expect((await runCli(['demo', '--db', file, '--customers', '20'])).code).toBe(0);
    const before = dump(openDatabase(file).db);
    const again = await runCli(['demo', '--db', file, '--customers', '20']);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/already holds 20 customers/);
    expect(dump(openDatabase(file).db)).toEqual(before);
  });

  it('customers --search --json prints one JSON document', async () => {
    const file = path.join(tempDir(), 'd.sqlite');
    await runCli(['demo', '--db', file, '--customers', '50', '--seed', '3']);
    const all = JSON.parse((await runCli(['customers', '--db', file, '--json', '--limit', '1000'])).stdout) as { total: number; rows: { name: string }[] };
    expect(all.total).toBe(50);
    const first = all.rows[0]!.name.split(' ')[0]!;
    const found = await runCli(['customers', '--db', file, '--json', '--search', first]);
    expect(found.code).toBe(0);
    const page = JSON.parse(found.stdout) as { rows: { name: string }[] };
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.name.toLowerCase().includes(first.toLowerCase()))).toBe(true);
  });

  it.each([
    [['frobnicate'], 2, /Unknown command "frobnicate"/],
    [['demo', '--customers', 'lots'], 2, /--customers must be a whole number/],
    [['demo', '--bogus'], 2, /Unknown option/],
  ])('%j exits %i with a one-line reason', async (args, code, message) => {
    const file = path.join(tempDir(), 'e.sqlite');
    const result = await runCli([...args, '--db', file]);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
  });
});
