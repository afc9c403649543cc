/**
 * Gamma-Gamma model of spend per visit (Fader, Hardie & Lee 2005, "RFM and CLV: Using Iso-Value
 * Curves for Customer Base Analysis", JMR 42(4); Fader & Hardie 2013 note "The Gamma-Gamma Model of
 * Monetary Value"). Each visit's spend z ~ Gamma(p, ν) with the customer's ν ~ Gamma(q, γ). Fitted on
 * customers with at least one repeat visit (x > 0) from x and z̄, the mean spend of their repeat visits.
 */
import { digamma, lnGamma } from './special';
import { hessianFromGradient, isPositiveDefinite, minimizeBfgs, type Objective } from './optimize';

/** Gamma-Gamma parameters; γ is in the money unit of the z̄ values it was fitted on. */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** Repeat customers as columns: x = repeat visits (> 0), zbar = their mean spend (> 0). */
export interface SpendColumns {
  x: ArrayLike<number>;
  zbar: ArrayLike<number>;
}

/**
 * Log-likelihood of one customer's mean spend (Fader & Hardie 2013 eq. 3):
 * ln f(z̄ | x) = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄).
 * Summed over the customers with x > 0 and z̄ > 0; others are skipped.
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: SpendColumns): number {
  return evaluate(params, data, false).value;
}

/** Repeat customers prepared for fast evaluation: per-row ln z̄ and each row's distinct-x index. */
interface PreparedSpend {
  z: Float64Array;
  lnZ: Float64Array;
  xIndex: Int32Array;
  xs: Float64Array;
  lnXs: Float64Array;
}

function prepareSpend(data: SpendColumns): PreparedSpend {
  const z: number[] = [];
  const xIndex: number[] = [];
  const xs: number[] = [];
  const seen = new Map<number, number>();
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i] as number;
    const zi = data.zbar[i] as number;
    if (!(x > 0) || !(zi > 0) || !Number.isFinite(zi)) continue;
    let k = seen.get(x);
    if (k === undefined) {
      k = xs.length;
      seen.set(x, k);
      xs.push(x);
    }
    z.push(zi);
    xIndex.push(k);
  }
  const zArr = Float64Array.from(z);
  return { z: zArr, lnZ: zArr.map(Math.log), xIndex: Int32Array.from(xIndex), xs: Float64Array.from(xs), lnXs: Float64Array.from(xs, Math.log) };
}

function evaluate(params: GammaGammaParams, data: SpendColumns | PreparedSpend, withGradient: boolean): { value: number; grad: [number, number, number] } {
  const d = 'lnZ' in data ? data : prepareSpend(data);
  const { p, q, gamma } = params;
  const lnGq = lnGamma(q);
  const lnGammaParam = Math.log(gamma);
  const psiQ = withGradient ? digamma(q) : 0;
  // Γ terms depend on x only: once per distinct x.
  const nx = d.xs.length;
  const constX = new Float64Array(nx);
  const psiPxq = new Float64Array(nx);
  const psiPx = new Float64Array(nx);
  for (let k = 0; k < nx; k++) {
    const px = p * (d.xs[k] as number);
    constX[k] = lnGamma(px + q) - lnGamma(px) + px * (d.lnXs[k] as number) - lnGq + q * lnGammaParam;
    if (withGradient) {
      psiPxq[k] = digamma(px + q);
      psiPx[k] = digamma(px);
    }
  }
  let value = 0;
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  for (let i = 0; i < d.z.length; i++) {
    const k = d.xIndex[i] as number;
    const x = d.xs[k] as number;
    const z = d.z[i] as number;
    const lnZ = d.lnZ[i] as number;
    const den = gamma + x * z;
    const lnDen = Math.log(den);
    value += (constX[k] as number) + (p * x - 1) * lnZ - (p * x + q) * lnDen;
    if (withGradient) {
      const pq = psiPxq[k] as number;
      g0 += x * (pq - (psiPx[k] as number) + lnZ + (d.lnXs[k] as number) - lnDen);
      g1 += pq - psiQ + lnGammaParam - lnDen;
      g2 += q / gamma - (p * x + q) / den;
    }
  }
  return { value, grad: [g0, g1, g2] };
}

/** Repeat customers above which one proper optimum is trusted without a confirming second start. */
const LARGE_SHOP = 5000;

/** A finished Gamma-Gamma fit and how sure the optimiser is about it. */
export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  /** Largest |∂LL/∂ln θ| at the end. */
  gradientMax: number;
  hessianPositiveDefinite: boolean;
  converged: boolean;
  /** Repeat customers used. */
  customers: number;
}

/**
 * Maximum-likelihood Gamma-Gamma fit (BFGS on log-parameters, several starts, best proper optimum).
 * Spend is rescaled to mean 1 while fitting so the same starts suit cents or euros, then γ is scaled
 * back. The likelihood has a flat ridge toward q, γ → ∞ (every customer spends alike, LL ≈ −4076.8
 * on CDNOW) where a poorly started search stalls; the Hessian check rejects such points and the
 * other starts find the real optimum. Null when no start gives a proper optimum with q > 1 (a finite
 * mean spend).
 */
export function fitGammaGamma(data: SpendColumns): GammaGammaFit | null {
  const xs: number[] = [];
  const zs: number[] = [];
  let sum = 0;
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i] as number;
    const z = data.zbar[i] as number;
    if (x > 0 && z > 0 && Number.isFinite(z)) {
      xs.push(x);
      zs.push(z);
      sum += z;
    }
  }
  const n = xs.length;
  if (n < 2) return null;
  const scale = sum / n;
  const scaled = prepareSpend({ x: xs, zbar: zs.map((z) => z / scale) });
  const objective: Objective = (theta) => {
    // Far out on the q, γ → ∞ ridge the fit means nothing; refuse it so a start stalls there quickly.
    for (const t of theta) if (Math.abs(t) > 12) return { value: Infinity, gradient: new Float64Array(3) };
    const params = { p: Math.exp(theta[0] as number), q: Math.exp(theta[1] as number), gamma: Math.exp(theta[2] as number) };
    const { value, grad } = evaluate(params, scaled, true);
    const g = new Float64Array(3);
    g[0] = (-grad[0] * params.p) / n;
    g[1] = (-grad[1] * params.q) / n;
    g[2] = (-grad[2] * params.gamma) / n;
    return { value: Number.isFinite(value) ? -value / n : Infinity, gradient: g };
  };
  // (p, q) starts; γ follows from a model mean spend pγ/(q−1) of 1 (the rescaled data's mean).
  const starts: [number, number][] = [
    [2, 3],
    [6, 4],
    [1, 10],
    [0.5, 1.5],
  ];
  let best: GammaGammaFit | null = null;
  for (const [p0, q0] of starts) {
    const result = minimizeBfgs(objective, [Math.log(p0), Math.log(q0), Math.log((q0 - 1) / p0)], { gradientTolerance: 1e-9, maxIterations: 300 });
    if (!Number.isFinite(result.value)) continue;
    const hessianOk = isPositiveDefinite(hessianFromGradient(objective, result.x), 3);
    let gradientMax = 0;
    for (const g of result.gradient) gradientMax = Math.max(gradientMax, Math.abs(g) * n);
    const params = { p: Math.exp(result.x[0] as number), q: Math.exp(result.x[1] as number), gamma: Math.exp(result.x[2] as number) * scale };
    // The scaled likelihood differs from the original by the Jacobian of z → z/scale.
    const fit: GammaGammaFit = {
      params,
      logLikelihood: -result.value * n - n * Math.log(scale),
      gradientMax,
      hessianPositiveDefinite: hessianOk,
      converged: result.converged || gradientMax < 1e-3,
      customers: n,
    };
    if (!(fit.converged && hessianOk && params.q > 1)) continue;
    // Two starts reaching the same optimum settle it; otherwise keep the best and try the next start.
    const agrees = best !== null && Math.abs(fit.logLikelihood - best.logLikelihood) < 1e-6 * n;
    if (best === null || fit.logLikelihood > best.logLikelihood) best = fit;
    if (agrees) break;
    // With thousands of repeat customers the surface is well determined: a start that reached a
    // proper optimum (converged, positive-definite Hessian, q > 1) is the optimum, and a second start
    // to confirm it would double the cost (as fitBgNbd does for big shops).
    if (n > LARGE_SHOP) break;
  }
  return best;
}

/**
 * Expected mean spend per future visit of a customer with x repeat visits and mean repeat spend z̄
 * (FHL 2005 eq. 5): E[Z | x, z̄] = (q−1)/(px+q−1) · pγ/(q−1) + px/(px+q−1) · z̄, a weighted mix of
 * the population mean pγ/(q−1) and the customer's own mean. For x = 0 it is the population mean.
 * Same money unit as z̄. Needs q > 1.
 */
export function expectedAverageSpend(params: GammaGammaParams, x: number, zbar: number): number {
  const { p, q, gamma } = params;
  const populationMean = (p * gamma) / (q - 1);
  if (!(x > 0)) return populationMean;
  const weight = (p * x) / (p * x + q - 1);
  return (1 - weight) * populationMean + weight * zbar;
}
