import { afterEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CustomerDataExport } from '../../../shared/domain/data-safety';
import { op } from '../../support/db';
import { tempDir } from '../../support/web-app';
import { hostedShop, type HostedShop } from './support';

const shops: HostedShop[] = [];
afterEach(() => {
  for (const s of shops.splice(0)) s.close();
});

/** A small shop whose data holds every awkward case: formulas, quotes, line breaks, refunds, accents. */
async function awkwardShop() {
  const s = hostedShop();
  shops.push(s);
  const tricky = await op(s.ctx, 'customers:create', {
    name: '=HYPERLINK("http://evil.example","Click")',
    phone: '+44 20 7946 0958',
    email: 'zoe@example.com',
    notes: 'Likes "rye", no seeds,\nasks for Zoë',
    tags: ['vip', '@home'],
  });
  const plain = await op(s.ctx, 'customers:create', { name: 'Zoë Brûlée', birthday: '1990-02-28' });
  await op(s.ctx, 'visits:log', { customerId: tricky.id, date: '2026-11-01', amountCents: 2350, items: '-5 discount applied' });
  await op(s.ctx, 'visits:log', { customerId: tricky.id, date: '2026-11-02', amountCents: -1250, items: 'Refund: stale loaf' });
  await op(s.ctx, 'visits:log', { customerId: plain.id, date: '2026-11-03', amountCents: 0, items: 'Free coffee' });
  await op(s.ctx, 'feedback:log', { customerId: tricky.id, date: '2026-11-02', nps: 3, comment: '@SUM(1+1) the bread was stale' });
  await op(s.ctx, 'feedback:log', { customerId: plain.id, date: '2026-11-03', rating: 5, comment: '+1 lovely\ttab' });
  return { s, tricky, plain };
}

function readCsv(file: string): { raw: string; rows: string[][] } {
  const raw = readFileSync(file, 'utf8');
  const parsed = Papa.parse<string[]>(raw.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { raw, rows: parsed.data };
}

describe('data:export', () => {
  it('writes customers, visits and feedback as spreadsheet-safe CSV plus one JSON file', async () => {
    const { s, tricky } = await awkwardShop();
    const folder = path.join(tempDir(), 'export');
    const result = await op(s.ctx, 'data:export', { folder });
    expect(result).toMatchObject({ folder, customers: 2, visits: 3, feedback: 2 });
    expect(result.files.map((f) => path.basename(f))).toEqual(['customers.csv', 'visits.csv', 'feedback.csv', 'regulars-export.json']);

    const customers = readCsv(path.join(folder, 'customers.csv'));
    expect(customers.raw.startsWith('\uFEFFid,name,phone,email,')).toBe(true);
    // Every record ends with CRLF; the only bare LF is inside the quoted note.
    expect(customers.raw.endsWith('\r\n')).toBe(true);
    expect(customers.raw.replace(/\r\n/g, '').split('\n')).toHaveLength(2);
    const header = customers.rows[0]!;
    const row = Object.fromEntries(header.map((h, i) => [h, customers.rows[1]![i]]));
    expect(row).toMatchObject({
      id: String(tricky.id),
      name: `'=HYPERLINK("http://evil.example","Click")`,
      phone: "'+44 20 7946 0958",
      email: 'zoe@example.com',
      notes: 'Likes "rye", no seeds,\nasks for Zoë',
      tags: 'vip; @home',
      total_spent: '11.00',
      marketing_consent: 'no',
    });
    expect(customers.rows[2]![1]).toBe('Zoë Brûlée');

    const visits = readCsv(path.join(folder, 'visits.csv'));
    expect(visits.rows[0]).toEqual(['id', 'customer_id', 'date', 'amount', 'items', 'staff', 'payment_method', 'import_id', 'created_at']);
    // Amounts stay numbers, refunds included; a text cell that starts with "-" is neutralised.
    expect(visits.rows.slice(1).map((r) => [r[3], r[4]])).toEqual([
      ['23.50', "'-5 discount applied"],
      ['-12.50', 'Refund: stale loaf'],
      ['0.00', 'Free coffee'],
    ]);
    expect(visits.raw).toContain('\r\n2,1,2026-11-02,-12.50,Refund: stale loaf,');

    const feedback = readCsv(path.join(folder, 'feedback.csv'));
    expect(feedback.rows.slice(1).map((r) => r[6])).toEqual(["'@SUM(1+1) the bread was stale", "'+1 lovely\ttab"]);
    expect(feedback.rows.slice(1).map((r) => [r[4], r[5], r[7]])).toEqual([['3', '', 'open'], ['', '5', 'none']]);

    const json = JSON.parse(readFileSync(path.join(folder, 'regulars-export.json'), 'utf8')) as {
      format: string;
      customers: { name: string; tags: string[] }[];
      visits: { amountCents: number }[];
      feedback: { comment: string }[];
      settings: { shopName: string };
    };
    expect(json.format).toBe('regulars-export');
    // JSON keeps the exact values: it is for programs, not spreadsheets.
    expect(json.customers[0]).toMatchObject({ name: '=HYPERLINK("http://evil.example","Click")', tags: ['vip', '@home'] });
    expect(json.visits.map((v) => v.amountCents)).toEqual([2350, -1250, 0]);
    expect(json.feedback[0]!.comment).toBe('@SUM(1+1) the bread was stale');
    expect(json.settings.shopName).toBe('My shop');
  });

  it('an empty shop exports headers only', async () => {
    const s = hostedShop();
    shops.push(s);
    const folder = path.join(tempDir(), 'empty');
    await op(s.ctx, 'data:export', { folder });
    expect(readFileSync(path.join(folder, 'visits.csv'), 'utf8')).toBe('\uFEFFid,customer_id,date,amount,items,staff,payment_method,import_id,created_at\r\n');
    expect(JSON.parse(readFileSync(path.join(folder, 'regulars-export.json'), 'utf8'))).toMatchObject({ customers: [], visits: [], feedback: [] });
  });

  it('defaults to an exports folder beside the data file', async () => {
    const { s } = await awkwardShop();
    const result = await op(s.ctx, 'data:export', {});
    expect(result.folder).toBe(path.join(s.dir, 'exports', 'regulars-export-2026-11-20T10-00-00Z'));
  });
});

describe('customers:export (a person asking for their data)', () => {
  it('writes their profile, visits and feedback — and nobody else’s', async () => {
    const { s, tricky } = await awkwardShop();
    const folder = path.join(tempDir(), 'person');
    const result = await op(s.ctx, 'customers:export', { id: tricky.id, folder });
    expect(result.files.map((f) => path.basename(f))).toEqual([
      `customer-${tricky.id}.json`,
      `customer-${tricky.id}-profile.csv`,
      `customer-${tricky.id}-visits.csv`,
      `customer-${tricky.id}-feedback.csv`,
    ]);
    const data = JSON.parse(readFileSync(result.files[0]!, 'utf8')) as CustomerDataExport;
    expect(data).toEqual(result.data);
    expect(data.customer).toMatchObject({ id: tricky.id, email: 'zoe@example.com', visits: 2, totalSpentCents: 1100 });
    expect(data.visits.map((v) => v.amountCents)).toEqual([2350, -1250]);
    expect(data.feedback).toHaveLength(1);
    expect(data.visits.every((v) => v.customerId === tricky.id)).toBe(true);

    const profile = readCsv(result.files[1]!).rows;
    expect(profile[0]).toEqual(['field', 'value']);
    expect(profile).toContainEqual(['email', 'zoe@example.com']);
    expect(profile).toContainEqual(['name', `'=HYPERLINK("http://evil.example","Click")`]);
    expect(readCsv(result.files[2]!).rows).toHaveLength(3);
    expect(readCsv(result.files[3]!).rows).toHaveLength(2);
  });

  it('says so when the customer does not exist', async () => {
    const { s } = await awkwardShop();
    await expect(op(s.ctx, 'customers:export', { id: 999, folder: tempDir() })).rejects.toThrow(/Customer #999 does not exist/);
  });
});
