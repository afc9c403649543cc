import { describe, expect, it } from 'vitest';
import { DAYS_PER_MONTH, discountedClv, discountedClvOf, expectedSpend, predictVisitRows, predictVisits } from '../../../shared/metrics/models';
import { compressRf, expectedPurchases, pAlive } from '../../../shared/metrics/bgnbd';

const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('discounted CLV', () => {
  it.each([
    // visits per month, spend, monthly rate, expected (end-of-month discounting)
    [[1, 1], 100, 0, 200],
    [[1], 110, 0.1, 100],
    [[2, 1], 121, 0.1, 2 * 110 + 100],
    [[], 50, 0.01, 0],
  ])('%j visits × %d, rate %d → %d', (visits, spend, rate, expected) => {
    expect(discountedClv(visits, spend, rate)).toBeCloseTo(expected, 9);
  });
});

describe('discounted CLV of months stored inside a longer column', () => {
  const column = [9, 9, 1, 2, 3, 9];
  it.each([
    // from, months, spend, monthly rate — the same as discountedClv of that slice
    [2, 3, 100, 0.01],
    [0, 6, 50, 0],
    [5, 1, 20, 0.1],
    [3, 0, 20, 0.1],
  ])('from %d, %d months, spend %d, rate %d', (from, months, spend, rate) => {
    expect(discountedClvOf(column, from, months, spend, rate)).toBe(discountedClv(column.slice(from, from + months), spend, rate));
  });
});

describe('predictVisitRows', () => {
  it('has one row of columns per distinct history, the numbers predictVisits gives each customer', () => {
    const rf = { x: [2, 0, 2, 5, 0], tx: [30.43, 0, 30.43, 20, 0], T: [38.86, 10, 38.86, 38.86, 12] };
    const compressed = compressRf(rf);
    const rows = predictVisitRows(PUBLISHED, compressed, 90, 12);
    const perCustomer = predictVisits(PUBLISHED, rf, 90, 12);
    expect(rows.pAlive.length).toBe(4); // customers 0 and 2 share a history
    expect(rows.visitsByMonth.length).toBe(4 * 12);
    perCustomer.forEach((p, c) => {
      const row = rows.rowOf[c]!;
      expect(rows.pAlive[row]).toBe(p.pAlive);
      expect(rows.expectedVisits[row]).toBe(p.expectedVisits);
      expect(Array.from(rows.visitsByMonth.subarray(row * 12, row * 12 + 12))).toEqual(Array.from(p.visitsByMonth));
      expect(rows.pAlive[row]).toBe(pAlive(PUBLISHED, rf.x[c]!, rf.tx[c]!, rf.T[c]!));
      expect(rows.expectedVisits[row]).toBeCloseTo(expectedPurchases(PUBLISHED, rf.x[c]!, rf.tx[c]!, rf.T[c]!, 90 / 7), 12);
    });
  });
});

describe('predictVisits', () => {
  it('months add up to the cumulative expectation and share work for identical customers', () => {
    const rf = { x: [2, 2, 0], tx: [30.43, 30.43, 0], T: [38.86, 38.86, 10] };
    const preds = predictVisits(PUBLISHED, rf, 39 * 7, 12);
    expect(preds[0]).toBe(preds[1]);
    const twelveMonths = (12 * DAYS_PER_MONTH) / 7;
    const sum = Array.from(preds[0]!.visitsByMonth).reduce((s, v) => s + v, 0);
    expect(sum).toBeCloseTo(expectedPurchases(PUBLISHED, 2, 30.43, 38.86, twelveMonths), 10);
    expect(preds[0]!.expectedVisits).toBeCloseTo(1.226, 3);
    expect(preds[0]!.pAlive).toBe(pAlive(PUBLISHED, 2, 30.43, 38.86));
    expect(preds[2]!.pAlive).toBe(1);
  });
});

describe('expected spend', () => {
  it.each([
    ['no spend model: own average', null, 3, 20, 17, 17],
    ['Gamma-Gamma with own mean', { p: 2, q: 3, gamma: 10 }, 1, 30, 99, 20],
    ['refunds (z̄ ≤ 0) use the population mean', { p: 2, q: 3, gamma: 10 }, 2, -5, 99, 10],
  ])('%s', (_n, params, x, zbar, own, expected) => {
    expect(expectedSpend(params, x, zbar, own)).toBeCloseTo(expected, 10);
  });
});
