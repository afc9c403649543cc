import { describe, expect, it } from 'vitest';
import { digamma, hyp2f1, lnGamma, signedLnGamma } from '../../../shared/metrics/special';

describe('lnGamma / digamma', () => {
  it.each([
    [1, 0],
    [2, 0],
    [5, Math.log(24)],
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [10.5, 13.940625219403763], // ln(9.5 × 8.5 × … × 0.5 × √π)
    [171, 706.5730622457874],
  ])('lnΓ(%d)', (x, expected) => {
    expect(lnGamma(x)).toBeCloseTo(expected, 10);
  });

  it('Γ of a negative non-integer has the right sign and size: Γ(−0.5) = −2√π', () => {
    const g = signedLnGamma(-0.5);
    expect(g.sign).toBe(-1);
    expect(Math.exp(g.log)).toBeCloseTo(2 * Math.sqrt(Math.PI), 12);
    expect(signedLnGamma(-2).sign).toBe(0);
  });

  it.each([
    [1, -0.5772156649015329],
    [0.5, -1.9635100260214235],
    [10, 2.251752589066721],
  ])('ψ(%d)', (x, expected) => {
    expect(digamma(x)).toBeCloseTo(expected, 12);
  });
});

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(tolerance);
}

describe('hyp2f1', () => {
  // Closed forms (Abramowitz & Stegun 15.1): each checked on both sides of the series/connection switch.
  const zs = [0.1, 0.5, 0.74, 0.76, 0.9, 0.99];
  it.each(zs)('₂F₁(1, 1; 2; z) = −ln(1−z)/z at z = %d', (z) => {
    // c − a − b = 0: the singular case of the connection formula.
    expectRelative(hyp2f1(1, 1, 2, z), -Math.log(1 - z) / z, 1e-8);
  });
  it.each(zs)('₂F₁(a, b; b; z) = (1−z)^(−a) at z = %d', (z) => {
    expectRelative(hyp2f1(0.3, 2.7, 2.7, z), Math.pow(1 - z, -0.3), 1e-10);
  });
  it.each(zs)('₂F₁(½, ½; 3/2; z) = arcsin(√z)/√z at z = %d', (z) => {
    // c − a − b = ½: the regular case.
    expectRelative(hyp2f1(0.5, 0.5, 1.5, z), Math.asin(Math.sqrt(z)) / Math.sqrt(z), 1e-12);
  });
  it('negative z through Pfaff: ₂F₁(1, 1; 2; −1) = ln 2', () => {
    expect(hyp2f1(1, 1, 2, -1)).toBeCloseTo(Math.LN2, 12);
  });
  it('polynomial case terminates: ₂F₁(−2, 1; 1; z) = (1−z)²', () => {
    expect(hyp2f1(-2, 1, 1, 0.9)).toBeCloseTo(0.01, 12);
  });
  it('continuous across the switch to the connection formula with non-integer c−a−b', () => {
    const a = -0.45;
    const b = -0.2;
    const c = 2.2;
    expect(hyp2f1(a, b, c, 0.7500001)).toBeCloseTo(hyp2f1(a, b, c, 0.75), 6);
  });
  it('outside the domain gives NaN, never a throw', () => {
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
  });
});
