/** `regulars metrics --json` prints exactly the documented shape, honours its options and refuses bad ones plainly. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../support/web-app';

const SHOP_KEYS = [
  'customers',
  'visits',
  'revenueCents',
  'averagePurchaseValueCents',
  'purchaseFrequencyPerYear',
  'customerLifespanYears',
  'cltvCents',
  'profitCltvCents',
  'retentionRatePct',
  'repeatRatePct',
  'npsScore',
  'csatPct',
];
const CUSTOMER_KEYS = [
  'id',
  'externalRef',
  'name',
  'visits',
  'visitDays',
  'firstVisit',
  'lastVisit',
  'revenueCents',
  'recencyDays',
  'recencyScore',
  'frequencyScore',
  'monetaryScore',
  'segment',
  'valueTier',
  'overdue',
  'pAlive',
  'expectedVisits',
  'expectedSpendCents',
  'predictedClvCents',
];

interface Report {
  asOf: string;
  shop: Record<string, number | null>;
  model: { bgnbd: Record<string, unknown> | null; gammaGamma: Record<string, unknown> | null; fallbackReason: string | null };
  customers: Record<string, unknown>[];
}

async function metrics(file: string, ...args: string[]): Promise<Report> {
  const run = await runCli(['metrics', '--db', file, '--json', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

describe('regulars metrics', () => {
  let file: string;
  beforeAll(async () => {
    file = path.join(tempDir(), 'shop.sqlite');
    const demo = await runCli(['demo', '--db', file, '--customers', '150', '--seed', '5', '--until', '2026-06-30']);
    expect(demo.code, demo.stderr).toBe(0);
  });

  it('prints exactly the documented fields', async () => {
    const report = await metrics(file, '--as-of', '2026-06-30');
    expect(Object.keys(report)).toEqual(['asOf', 'shop', 'model', 'customers']);
    expect(report.asOf).toBe('2026-06-30');
    expect(Object.keys(report.shop)).toEqual(SHOP_KEYS);
    expect(Object.keys(report.model)).toEqual(['bgnbd', 'gammaGamma', 'fallbackReason']);
    if (report.model.bgnbd) expect(Object.keys(report.model.bgnbd)).toEqual(['r', 'alpha', 'a', 'b', 'logLikelihood', 'timeUnit']);
    if (report.model.gammaGamma) expect(Object.keys(report.model.gammaGamma)).toEqual(['p', 'q', 'gamma']);
    expect(report.model.bgnbd?.timeUnit ?? 'weeks').toBe('weeks');
    expect(report.customers).toHaveLength(150);
    for (const c of report.customers) expect(Object.keys(c)).toEqual(CUSTOMER_KEYS);
    expect(report.shop.customers).toBe(150);
  });

  it('counts only visits on or before --as-of', async () => {
    const full = await metrics(file, '--as-of', '2026-06-30');
    const earlier = await metrics(file, '--as-of', '2026-01-31');
    expect(earlier.shop.visits!).toBeLessThan(full.shop.visits!);
    for (const c of earlier.customers) if (typeof c.lastVisit === 'string') expect(c.lastVisit <= '2026-01-31').toBe(true);
  });

  it('expectedVisits follows --horizon-days; margin changes only profit CLTV', async () => {
    const d90 = await metrics(file, '--as-of', '2026-06-30');
    const d180 = await metrics(file, '--as-of', '2026-06-30', '--horizon-days', '180', '--margin-pct', '50');
    const someone = d90.customers.findIndex((c) => (c.expectedVisits as number | null) !== null && (c.expectedVisits as number) > 0.5);
    expect(d180.customers[someone]!.expectedVisits as number).toBeGreaterThan(d90.customers[someone]!.expectedVisits as number);
    expect(d180.shop.cltvCents).toBe(d90.shop.cltvCents);
    expect(d180.shop.profitCltvCents!).toBeGreaterThan(d90.shop.profitCltvCents!);
  });

  it.each([
    [['--as-of', '30/06/2026'], /^--as-of must be a date written YYYY-MM-DD, for example 2026-06-30, not "30\/06\/2026"\.$/],
    [['--as-of', '2026-02-30'], /^--as-of must be a date written YYYY-MM-DD/],
    [['--horizon-days', 'soon'], /^--horizon-days must be a number/],
    [['--horizon-days', '2.5'], /^--horizon-days must be a whole number of days from 1 to 3650, not "2\.5"\.$/],
    [['--discount-monthly', '3'], /^--discount-monthly must be a fraction from 0 to 0\.5 \(0\.01 means 1% a month\), not "3"\.$/],
  ])('refuses %j with a plain message', async (args, message) => {
    const run = await runCli(['metrics', '--db', file, '--json', ...args]);
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stderr).not.toMatch(/\bat .*\.(ts|js|cjs):\d+/); // no stack trace in front of the owner
  });
});
