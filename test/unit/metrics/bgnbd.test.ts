import { describe, expect, it } from 'vitest';
import {
  bgnbdLogLikelihood,
  compressRf,
  expectedPurchases,
  expectedPurchasesNewCustomer,
  fitBgNbd,
  pAlive,
  probabilityNoPurchase,
  probabilityNoPurchaseNewCustomer,
  type BgNbdParams,
  type RfColumns,
} from '../../../shared/metrics/bgnbd';
import { numericGradient } from '../../../shared/metrics/optimize';
import { buildVisitIndex, customerTotals } from '../../../shared/metrics/visitIndex';
import { toDayNumber } from '../../../shared/domain/dates';
import { cdnowSampleVisits, numericCsv } from './referenceData';

// Published values: Fader, Hardie & Lee (2005) and the project's data README.
const PUBLISHED: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

function csvSummary(): RfColumns {
  const rows = numericCsv('cdnow_customers_summary.csv');
  return { x: rows.map((r) => r[1] as number), tx: rows.map((r) => r[2] as number), T: rows.map((r) => r[3] as number) };
}

/** The README's recipe: visits up to 1997-09-30, same-day purchases merged, weeks from the first day. */
function rawSummary(): RfColumns & { ids: number[] } {
  const v = cdnowSampleVisits();
  const asOf = toDayNumber('1997-09-30');
  const index = buildVisitIndex(v.customerIds, v, asOf);
  const t = customerTotals(index);
  const n = v.customerIds.length;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    x[k] = (t.visitDays[k] as number) - 1;
    tx[k] = ((t.lastDay[k] as number) - (t.firstDay[k] as number)) / 7;
    T[k] = (asOf - (t.firstDay[k] as number)) / 7;
  }
  return { x, tx, T, ids: v.customerIds };
}

describe('BG/NBD on CDNOW', () => {
  it('the raw-transaction route rebuilds every row of the summary CSV (2,357 customers)', () => {
    const raw = rawSummary();
    const rows = numericCsv('cdnow_customers_summary.csv');
    expect(raw.ids.length).toBe(2357);
    expect(rows.length).toBe(2357);
    rows.forEach((row, i) => {
      expect(raw.ids[i]).toBe(row[0]);
      expect(raw.x[i]).toBe(row[1]);
      expect(Math.round((raw.tx[i] as number) * 100) / 100).toBe(row[2]);
      expect(Math.round((raw.T[i] as number) * 100) / 100).toBe(row[3]);
    });
  });

  it('log-likelihood at the published parameters is −9582.4', () => {
    expect(bgnbdLogLikelihood(PUBLISHED, csvSummary())).toBeCloseTo(-9582.4, 0);
  });

  it('fits the summary CSV to the published parameters (r 0.243, α 4.414, a 0.793, b 2.426)', () => {
    const fit = fitBgNbd(csvSummary());
    expect(fit).not.toBeNull();
    const p = fit!.params;
    expect(p.r).toBeCloseTo(0.243, 3);
    expect(p.alpha).toBeCloseTo(4.414, 2);
    expect(p.a).toBeCloseTo(0.793, 3);
    expect(p.b).toBeCloseTo(2.426, 2);
    expect(fit!.logLikelihood).toBeCloseTo(-9582.4, 0);
    expect(fit!.hessianPositiveDefinite).toBe(true);
    expect(fit!.gradientMax).toBeLessThan(1e-3);
  });

  it('fits the unrounded raw transactions to r 0.24259, α 4.41360, a 0.79292, b 2.42589, LL −9582.429', () => {
    const fit = fitBgNbd(rawSummary());
    expect(fit).not.toBeNull();
    const p = fit!.params;
    expect(p.r).toBeCloseTo(0.24259, 5);
    expect(p.alpha).toBeCloseTo(4.4136, 4);
    expect(p.a).toBeCloseTo(0.79292, 5);
    expect(p.b).toBeCloseTo(2.42589, 4);
    expect(fit!.logLikelihood).toBeCloseTo(-9582.429, 3);
  });

  it('fits the 2,357-customer sample well under 100 ms (after warm-up)', () => {
    const data = compressRf(rawSummary());
    fitBgNbd(data);
    const started = performance.now();
    fitBgNbd(data);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('the fitted point is a stationary point of the likelihood by finite differences', () => {
    const data = compressRf(csvSummary());
    const f = (theta: Float64Array): number =>
      bgnbdLogLikelihood({ r: Math.exp(theta[0] as number), alpha: Math.exp(theta[1] as number), a: Math.exp(theta[2] as number), b: Math.exp(theta[3] as number) }, data);
    const away = numericGradient(f, [0.5, 2, 1.5, 0.3].map(Math.log), 1e-6);
    expect(Math.max(...Array.from(away, Math.abs))).toBeGreaterThan(1); // the check can fail
    const fit = fitBgNbd(data)!;
    const atFit = numericGradient(f, [fit.params.r, fit.params.alpha, fit.params.a, fit.params.b].map(Math.log), 1e-6);
    expect(Math.max(...Array.from(atFit, Math.abs))).toBeLessThan(1e-2);
  });
});

describe('BG/NBD predictions at the published parameters', () => {
  it('expected purchases in the next 39 weeks for x=2, t_x=30.43, T=38.86 is 1.226', () => {
    expect(expectedPurchases(PUBLISHED, 2, 30.43, 38.86, 39)).toBeCloseTo(1.226, 3);
  });

  it('P(no purchase in 39 weeks) for a new customer is (α/(α+t))^r = 0.5737864', () => {
    expect(probabilityNoPurchaseNewCustomer(PUBLISHED, 39)).toBeCloseTo(0.5737864, 7);
  });

  it('P(alive) is exactly 1 when x = 0, whatever t_x and T', () => {
    expect(pAlive(PUBLISHED, 0, 0, 38.86)).toBe(1);
    expect(pAlive(PUBLISHED, 0, 0, 0)).toBe(1);
  });

  it('P(alive) falls as the time since the last purchase grows', () => {
    expect(pAlive(PUBLISHED, 2, 38, 38.86)).toBeGreaterThan(pAlive(PUBLISHED, 2, 10, 38.86));
  });
});

describe('BG/NBD unconditional E[X(t)] (fitted parameters, as in the lifetimes tests)', () => {
  // The 0.0532 … 1.8576 values come from the parameters fitted on the summary CSV, not the rounded
  // published ones (at those E[X(78)] is 1.8605).
  const fitted = (): BgNbdParams => fitBgNbd(csvSummary())!.params;
  it.each([
    [1, 0.0532],
    [3, 0.1506],
    [32, 1.0437],
    [78, 1.8576],
  ])('E[X(%d weeks)] = %d', (t, expected) => {
    expect(Math.abs(expectedPurchasesNewCustomer(fitted(), t) - expected) / expected).toBeLessThan(5e-4);
  });

  it('E[X(t)] equals a direct numerical integral over the Beta prior of p', () => {
    // E[X(t)] = E_p[(1 − (α/(α+pt))^r)/p] with p ~ Beta(a, b): midpoint rule after p = u^(1/a).
    const { r, alpha, a, b } = PUBLISHED;
    const t = 32;
    const steps = 200_000;
    let sum = 0;
    let norm = 0;
    for (let i = 0; i < steps; i++) {
      const u = (i + 0.5) / steps;
      const p = Math.pow(u, 1 / a);
      const w = Math.pow(1 - p, b - 1);
      sum += w * ((1 - Math.pow(alpha / (alpha + p * t), r)) / p);
      norm += w;
    }
    expect(expectedPurchasesNewCustomer(PUBLISHED, t)).toBeCloseTo(sum / norm, 4);
  });
});

describe('BG/NBD edge cases', () => {
  it.each([
    [1000, 38.8, 38.86, 39],
    [1000, 30, 38.86, 39],
    [5000, 100, 100, 52],
    [0, 0, 0, 200],
  ])('x=%d, t_x=%d, T=%d, t=%d gives finite, non-negative values', (x, tx, T, t) => {
    const e = expectedPurchases(PUBLISHED, x, tx, T, t);
    const pa = pAlive(PUBLISHED, x, tx, T);
    expect(Number.isFinite(e) && e >= 0).toBe(true);
    expect(pa >= 0 && pa <= 1).toBe(true);
    const p0 = probabilityNoPurchase(PUBLISHED, x, tx, T, t);
    expect(p0 >= 0 && p0 <= 1).toBe(true);
  });

  it('a = 1 (0/0 in the closed form) is handled by its limit', () => {
    const below = expectedPurchases({ ...PUBLISHED, a: 0.999 }, 2, 30.43, 38.86, 39);
    const at = expectedPurchases({ ...PUBLISHED, a: 1 }, 2, 30.43, 38.86, 39);
    const above = expectedPurchases({ ...PUBLISHED, a: 1.001 }, 2, 30.43, 38.86, 39);
    expect(at).toBeGreaterThan(Math.min(below, above) - 1e-6);
    expect(at).toBeLessThan(Math.max(below, above) + 1e-6);
  });

  it('expected purchases grow with the horizon', () => {
    const values = [1, 4, 13, 26, 52, 104].map((t) => expectedPurchases(PUBLISHED, 3, 20, 30, t));
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1] as number);
  });

  it.each([
    ['one customer', { x: [3], tx: [10], T: [20] }],
    ['all visits on one day (nobody came back)', { x: [0, 0, 0], tx: [0, 0, 0], T: [5, 5, 5] }],
    ['no customers', { x: [], tx: [], T: [] }],
  ])('fit with too little data returns null or a finite fit, never throws: %s', (_name, data) => {
    const fit = fitBgNbd(data);
    if (fit !== null) expect(Number.isFinite(fit.logLikelihood)).toBe(true);
  });

  it('compressRf merges identical histories with weights and keeps each customer’s row', () => {
    const c = compressRf({ x: [1, 1, 0, 1], tx: [2 / 7, 2 / 7, 0, 3 / 7], T: [1, 1, 1, 1] });
    expect(c.x.length).toBe(3);
    expect(Array.from(c.weight)).toEqual([2, 1, 1]);
    expect(Array.from(c.rowOf)).toEqual([0, 0, 1, 2]);
  });

  /** compressRf as a plain text-keyed Map would do it: rows in order of first appearance. */
  function compressedByText(data: { x: number[]; tx: number[]; T: number[] }) {
    const rowOfKey = new Map<string, number>();
    const rows: { x: number; tx: number; T: number; weight: number }[] = [];
    const rowOf = data.x.map((x, i) => {
      const key = `${x},${data.tx[i]},${data.T[i]}`;
      let row = rowOfKey.get(key);
      if (row === undefined) {
        row = rows.length;
        rowOfKey.set(key, row);
        rows.push({ x, tx: data.tx[i]!, T: data.T[i]!, weight: 0 });
      }
      rows[row]!.weight++;
      return row;
    });
    return { x: rows.map((r) => r.x), tx: rows.map((r) => r.tx), T: rows.map((r) => r.T), weight: rows.map((r) => r.weight), rowOf };
  }

  it.each([
    // customers, days of history, time in whole days (hash table) or not (text keys)
    [500, 60, true],
    [5000, 900, true],
    [3000, 400, false],
  ])('compressRf on %d customers over %d days (whole days: %s) gives the rows of a plain text-keyed merge, in first-seen order', (n, days, wholeDays) => {
    let seed = 7;
    const next = (below: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    const data = { x: [] as number[], tx: [] as number[], T: [] as number[] };
    for (let i = 0; i < n; i++) {
      const T = 1 + next(days);
      const x = next(4) === 0 ? 0 : next(12);
      const tx = x === 0 ? 0 : next(T + 1);
      data.x.push(x);
      data.tx.push(wholeDays ? tx / 7 : tx / 7 + 0.001);
      data.T.push(wholeDays ? T / 7 : T / 7 + 0.001);
    }
    const merged = compressRf(data);
    const expected = compressedByText(data);
    expect(merged.x.length).toBeLessThan(n); // identical histories did merge
    expect(Array.from(merged.x)).toEqual(expected.x);
    expect(Array.from(merged.tx)).toEqual(expected.tx);
    expect(Array.from(merged.T)).toEqual(expected.T);
    expect(Array.from(merged.weight)).toEqual(expected.weight);
    expect(Array.from(merged.rowOf)).toEqual(expected.rowOf);
  });
});
