import { describe, expect, it } from 'vitest';
import {
  averagePurchaseValue,
  averageVisitsPerCustomer,
  cac,
  churnRate,
  cltv,
  cltvToCac,
  lifespanFromChurn,
  profitCltv,
  purchaseFrequency,
  repeatPurchaseRate,
  retentionRate,
} from '../../../shared/metrics/seed';

// Worked examples from the design's seed formulas (§6).
describe('seed formulas', () => {
  it.each([
    [100_000, 5_000, 20],
    [0, 10, 0],
    [500, 0, null],
  ])('average purchase value %d / %d = %s', (revenue, transactions, expected) => {
    expect(averagePurchaseValue(revenue, transactions)).toBe(expected);
  });

  it.each([
    [5_000, 1_000, 5],
    [3, 0, null],
  ])('purchase frequency %d / %d = %s', (t, c, expected) => {
    expect(purchaseFrequency(t, c)).toBe(expected);
  });

  it.each([
    [50, 2, 36, 3_600],
    [50, 4, 3, 600],
  ])('CLTV %d × %d × %d = %d', (apv, f, life, expected) => {
    expect(cltv(apv, f, life)).toBeCloseTo(expected, 9);
  });

  it.each([
    [20, 5, 3, 0.2, 60],
    [50, 12, 2, 0.3, 360],
  ])('profit CLTV %d × %d × %d × %d = %d', (apv, f, life, margin, expected) => {
    expect(profitCltv(apv, f, life, margin)).toBeCloseTo(expected, 9);
  });

  it.each([
    [1_000, 50, 20],
    [1_000, 0, null],
  ])('CAC %d / %d = %s', (spend, n, expected) => {
    expect(cac(spend, n)).toBe(expected);
  });

  it.each([
    [600, 20, 30],
    [600, null, null],
    [600, 0, null],
  ])('CLTV:CAC %d / %s = %s', (v, c, expected) => {
    expect(cltvToCac(v, c)).toBe(expected);
  });

  it.each([
    [100, 20, 110, 90],
    [0, 5, 5, null],
    [10, 0, 10, 100],
    [10, 2, 4, 20],
  ])('retention ((EC − NC) / SC): SC %d, NC %d, EC %d → %s%%', (sc, nc, ec, expected) => {
    expect(retentionRate(sc, nc, ec)).toBe(expected);
  });

  it.each([
    [100, 25, 25],
    [0, 0, null],
  ])('churn %d lost of %d → %s%%', (sc, lost, expected) => {
    expect(churnRate(sc, lost)).toBe(expected);
  });

  it.each([
    [0.25, 4],
    [0, null],
    [1, 1],
  ])('lifespan from churn %d → %s', (churn, expected) => {
    expect(lifespanFromChurn(churn)).toBe(expected);
  });

  it('repeat rate and visits per customer', () => {
    expect(repeatPurchaseRate(3, 12)).toBe(25);
    expect(repeatPurchaseRate(0, 0)).toBeNull();
    expect(averageVisitsPerCustomer(30, 12)).toBe(2.5);
    expect(averageVisitsPerCustomer(0, 0)).toBeNull();
  });
});
