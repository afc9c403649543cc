/**
 * The monthly summary on a real demo shop built by the CLI: its figures equal `regulars metrics`
 * for the same month, and `regulars report` writes HTML and a PDF of at most two pages.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/connection';
import { createServiceContext, type ServiceContext } from '../../../electron/services/context';
import { buildReport } from '../../../electron/services/report';
import { call } from '../../../electron/services/dispatch';
import { nps } from '../../../shared/metrics/feedback';
import type { ShopMetrics } from '../../../shared/metrics/shop';
import type { MonthlyReport } from '../../../shared/report';
import { runCli, tempDir } from '../../support/web-app';

const dir = tempDir('regulars-report-');
const file = path.join(dir, 'demo.sqlite');
let ctx: ServiceContext;
let report: MonthlyReport;
let endOfMonth: ShopMetrics;
let endOfPrevious: ShopMetrics;

async function metricsAsOf(asOf: string): Promise<ShopMetrics> {
  const run = await runCli(['metrics', '--as-of', asOf, '--json', '--db', file]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as ShopMetrics;
}

beforeAll(async () => {
  const demo = await runCli(['demo', '--customers', '300', '--until', '2026-11-20', '--db', file]);
  expect(demo.code, demo.stderr).toBe(0);
  const { db } = openDatabase(file);
  ctx = createServiceContext(db, file, () => new Date('2026-11-20T12:00:00Z'));
  report = buildReport(ctx, { month: '2026-10' });
  [endOfMonth, endOfPrevious] = await Promise.all([metricsAsOf('2026-10-31'), metricsAsOf('2026-09-30')]);
}, 120_000);

afterAll(() => ctx?.db.close());

const figure = (key: string) => report.headline.find((h) => h.key === key)!;

describe('figures equal `regulars metrics` for October 2026', () => {
  it('revenue and visits of the month = the difference between month ends', () => {
    expect(figure('revenue').value).toBe(endOfMonth.shop.revenueCents - endOfPrevious.shop.revenueCents);
    expect(figure('visits').value).toBe(endOfMonth.shop.visits - endOfPrevious.shop.visits);
    expect(figure('visits').value).toBeGreaterThan(0);
  });

  it('customers served, new and returning = customers by first and last visit as of the month end', () => {
    const served = endOfMonth.customers.filter((c) => c.lastVisit !== null && c.lastVisit >= '2026-10-01');
    const fresh = served.filter((c) => c.firstVisit! >= '2026-10-01');
    expect(figure('customersServed').value).toBe(served.length);
    expect(figure('newCustomers').value).toBe(fresh.length);
    expect(figure('returningCustomers').value).toBe(served.length - fresh.length);
  });

  it('retention and repeat rate = the month-end figures, and the month before = that month end', () => {
    expect(figure('retentionRate').value).toBe(endOfMonth.shop.retentionRatePct);
    expect(figure('repeatRate').value).toBe(endOfMonth.shop.repeatRatePct);
    expect(figure('retentionRate').previous).toBe(endOfPrevious.shop.retentionRatePct);
    expect(figure('repeatRate').previous).toBe(endOfPrevious.shop.repeatRatePct);
  });

  it('segment sizes now and a month ago = the segments of each month end', () => {
    for (const row of report.segments) {
      expect(row.now).toBe(endOfMonth.customers.filter((c) => c.segment === row.segment).length);
      expect(row.monthAgo).toBe(endOfPrevious.customers.filter((c) => c.segment === row.segment).length);
    }
  });

  it('NPS = the NPS of the month’s answers', () => {
    const answers = ctx.db.prepare("SELECT nps FROM feedback WHERE date BETWEEN '2026-10-01' AND '2026-10-31'").pluck().all() as (number | null)[];
    const expected = nps(answers);
    expect(figure('nps').value).toBe(expected === null ? null : Math.round(expected.score * 10) / 10);
  });
});

describe('regulars report', () => {
  it('writes a self-contained HTML file with the headline figures', async () => {
    const out = path.join(dir, 'October.html');
    const run = await runCli(['report', '--month', '2026-10', '--out', out, '--db', file]);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    for (const h of report.headline) expect(html).toContain(h.valueText.replace(/'/g, '&#39;'));
    expect(html).not.toMatch(/<script|https?:\/\//i);
  });

  it('writes a PDF of at most two pages whose text has the headline figures and page numbers', async () => {
    const out = path.join(dir, 'reports', 'October.pdf');
    const run = await runCli(['report', '--month', '2026-10', '--out', out, '--paper', 'letter', '--db', file]);
    expect(run.code, run.stderr).toBe(0);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792/); // US Letter
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    for (const key of ['revenue', 'visits', 'customersServed', 'averageSpend']) expect(text).toContain(figure(key).valueText);
    expect(text).toContain('Page 1 of');
  }, 60_000);

  it('says clearly when no browser is found for a PDF, and leaves no file', async () => {
    const out = path.join(dir, 'none.pdf');
    const child = await new Promise<{ code: number; stderr: string }>((resolve) => {
      const p = spawn(process.execPath, [path.resolve(__dirname, '../../../build/dist/electron/cli.cjs'), 'report', '--out', out, '--db', file], {
        env: { ...process.env, REGULARS_CHROMIUM: '/nonexistent/chromium' },
      });
      let stderr = '';
      p.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      p.once('exit', (code) => resolve({ code: code ?? 1, stderr }));
    });
    expect(child.code).toBe(1);
    expect(child.stderr).toContain('REGULARS_CHROMIUM points to /nonexistent/chromium');
    expect(() => readFileSync(out)).toThrow();
  });

  it('refuses a month that has not started and a wrong file type', async () => {
    const later = await runCli(['report', '--month', '2099-01', '--out', path.join(dir, 'x.html'), '--db', file]);
    expect(later.code).toBe(1);
    expect(later.stderr).toContain('has not started yet');
    const wrong = await runCli(['report', '--out', path.join(dir, 'x.docx'), '--db', file]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('must end in .pdf or .html');
  });
});

describe('the automatic monthly PDF', () => {
  it('does nothing until a folder is chosen', async () => {
    expect(await call(ctx, 'report:scheduled', {})).toEqual({ due: false, month: null, file: null, saved: false, pages: null });
  });

  it('saves last month’s PDF once into the chosen folder, and not again while it is there', async () => {
    const folder = path.join(dir, 'for the accountant');
    await call(ctx, 'settings:update', { monthlyReportFolder: folder });
    const expected = path.join(folder, 'Monthly summary 2026-10.pdf');
    const plan = await call(ctx, 'report:scheduled', { dryRun: true });
    expect(plan).toEqual({ due: true, month: '2026-10', file: expected, saved: false, pages: null });
    expect(existsSync(expected)).toBe(false);

    const done = await call(ctx, 'report:scheduled', {});
    expect(done.saved).toBe(true);
    expect(existsSync(expected)).toBe(true);
    expect(done.pages).toBeGreaterThanOrEqual(1);
    expect(done.pages).toBeLessThanOrEqual(2);

    const again = await call(ctx, 'report:scheduled', {});
    expect(again.due).toBe(false);
    await call(ctx, 'settings:update', { monthlyReportFolder: null });
  }, 60_000);
});

describe('"Who to call" and the Today screen', () => {
  it('leaves off the printed list anyone marked done on the Today screen, and says how many', async () => {
    const before = buildReport(ctx, { month: '2026-11' });
    expect(before.callsDoneLeftOut).toBe(0);
    const today = await call(ctx, 'today:get', {});
    // An overdue regular the printed list shows too (the Today list is the same list, longer).
    const entry = today.overdueRegulars.find((e) => before.callList.some((r) => r.name === e.name))!;
    expect(entry).toBeDefined();
    await call(ctx, 'today:done', { customerId: entry.customerId, reason: entry.reason });

    const after = buildReport(ctx, { month: '2026-11' });
    expect(after.callList.map((r) => r.name)).not.toContain(entry.name);
    expect(after.callsDoneLeftOut).toBe(1);
    expect((await call(ctx, 'today:get', {})).doneThisWeek).toBe(1);
    // October's summary is as of 31 October: a call made in November does not change it.
    expect(buildReport(ctx, { month: '2026-10' }).callList).toEqual(report.callList);
  });
});
