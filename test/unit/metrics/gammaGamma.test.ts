import { describe, expect, it } from 'vitest';
import { expectedAverageSpend, fitGammaGamma, gammaGammaLogLikelihood } from '../../../shared/metrics/gammaGamma';
import { numericGradient } from '../../../shared/metrics/optimize';
import { numericCsv } from './referenceData';

// Fader, Hardie & Lee (2005) "RFM and CLV" / the data README: p 6.25, q 3.74, γ 15.44, LL −4055.92.
function spendData(): { x: number[]; zbar: number[] } {
  const rows = numericCsv('cdnow_customers_summary_with_transactions.csv');
  return { x: rows.map((r) => r[1] as number), zbar: rows.map((r) => r[4] as number) };
}

describe('Gamma-Gamma on CDNOW', () => {
  it('fits the repeat customers to p 6.25, q 3.74, γ 15.44 with LL −4055.92', () => {
    const fit = fitGammaGamma(spendData());
    expect(fit).not.toBeNull();
    expect(fit!.customers).toBe(946);
    expect(fit!.params.p).toBeCloseTo(6.25, 2);
    expect(fit!.params.q).toBeCloseTo(3.74, 2);
    expect(fit!.params.gamma).toBeCloseTo(15.44, 1);
    expect(fit!.logLikelihood).toBeCloseTo(-4055.92, 2);
    expect(fit!.hessianPositiveDefinite).toBe(true);
  });

  it('is not caught by the degenerate ridge (LL ≈ −4076.8) and ends at a zero gradient', () => {
    const data = spendData();
    const fit = fitGammaGamma(data)!;
    expect(fit.logLikelihood).toBeGreaterThan(-4060);
    const f = (t: Float64Array): number => gammaGammaLogLikelihood({ p: Math.exp(t[0] as number), q: Math.exp(t[1] as number), gamma: Math.exp(t[2] as number) }, data);
    const g = numericGradient(f, [fit.params.p, fit.params.q, fit.params.gamma].map(Math.log), 1e-6);
    expect(Math.max(...Array.from(g, Math.abs))).toBeLessThan(1e-2);
  });

  it('reproduces the expected average spend of the first ten customers', () => {
    const published = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    const data = spendData();
    const fit = fitGammaGamma(data)!;
    published.forEach((expected, i) => {
      expect(Math.abs(expectedAverageSpend(fit.params, data.x[i] as number, data.zbar[i] as number) - expected)).toBeLessThan(0.01);
    });
  });

  it('is unit-free: spend in cents gives the same p, q and 100× γ', () => {
    const data = spendData();
    const euros = fitGammaGamma(data)!;
    const cents = fitGammaGamma({ x: data.x, zbar: data.zbar.map((z) => z * 100) })!;
    expect(cents.params.p).toBeCloseTo(euros.params.p, 4);
    expect(cents.params.q).toBeCloseTo(euros.params.q, 4);
    expect(cents.params.gamma / 100).toBeCloseTo(euros.params.gamma, 3);
  });
});

describe('Gamma-Gamma edge cases', () => {
  it.each([
    ['no repeat customers', { x: [0, 0], zbar: [0, 0] }],
    ['one repeat customer', { x: [2], zbar: [10] }],
    ['everyone spends exactly the same', { x: [1, 2, 3, 1, 2, 3], zbar: [10, 10, 10, 10, 10, 10] }],
    ['refunds only', { x: [1, 2], zbar: [-5, 0] }],
  ])('%s: null or a finite fit, never a throw', (_name, data) => {
    const fit = fitGammaGamma(data);
    if (fit !== null) expect(Number.isFinite(fit.logLikelihood) && fit.params.q > 1).toBe(true);
  });

  it('expected spend mixes the population mean and the customer mean by p·x / (p·x + q − 1)', () => {
    const params = { p: 2, q: 3, gamma: 10 }; // population mean pγ/(q−1) = 10
    expect(expectedAverageSpend(params, 0, 0)).toBe(10);
    // x = 1: weight 2/(2+2) = ½ → (10 + 30)/2
    expect(expectedAverageSpend(params, 1, 30)).toBeCloseTo(20, 12);
  });
});
