/**
 * BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way: An Alternative to the
 * Pareto/NBD Model", Marketing Science 24(2)). While alive a customer buys as a Poisson process with
 * rate λ ~ Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b).
 * Per customer: x = repeat purchases, t_x = time of the last purchase, T = time observed, all measured
 * from the first purchase. This app counts distinct visit days and measures time in weeks.
 */
import { digamma, hyp2f1, lnGamma } from './special';
import { hessianFromGradient, isPositiveDefinite, minimizeBfgs, type Objective } from './optimize';

/** BG/NBD parameters; α is in the time unit of the data (weeks here). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Customers' (x, t_x, T) as columns; `weight` counts identical customers (default 1 each). */
export interface RfColumns {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
  weight?: ArrayLike<number>;
}

/** Identical (x, t_x, T) rows merged into one row with a weight; `rowOf[i]` is customer i's row. */
export interface CompressedRf {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  rowOf: Int32Array;
}

/**
 * Merges customers with identical (x, t_x, T). Shops measure time in whole days, so many customers
 * share a triple, and the likelihood then costs one term per distinct triple, not per customer.
 */
export function compressRf(data: RfColumns): CompressedRf {
  const n = data.x.length;
  // Shops measure time in days, so t_x·7 and T·7 are whole numbers and the triple is three small
  // integers, found in a hash table of numbers (no string or boxed number per customer); other data
  // fall back to text keys.
  let dayKeys = true;
  for (let i = 0; i < n && dayKeys; i++) {
    const xi = data.x[i] as number;
    const a = (data.tx[i] as number) * 7;
    const b = (data.T[i] as number) * 7;
    dayKeys =
      Number.isInteger(xi) && xi >= 0 && xi < 2 ** 20 && Math.abs(a - Math.round(a)) < 1e-7 && Math.abs(b - Math.round(b)) < 1e-7 && a >= 0 && b >= 0 && b < 2 ** 16;
  }
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const weight = new Float64Array(n);
  const rowOf = new Int32Array(n);
  const rowFor = dayKeys ? dayKeyRows(data) : textKeyRows(data);
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const xi = data.x[i] as number;
    const txi = data.tx[i] as number;
    const Ti = data.T[i] as number;
    // Rows are numbered in order of first appearance, so the likelihood sums them in that order.
    const row = rowFor(i, rows);
    if (row === rows) {
      x[row] = xi;
      tx[row] = txi;
      T[row] = Ti;
      rows++;
    }
    weight[row] = (weight[row] as number) + (data.weight ? (data.weight[i] as number) : 1);
    rowOf[i] = row;
  }
  return { x: x.slice(0, rows), tx: tx.slice(0, rows), T: T.slice(0, rows), weight: weight.slice(0, rows), rowOf };
}

/**
 * Row lookup for {@link compressRf} when (x, 7·t_x, 7·T) are whole numbers: an open-addressing hash
 * table on the packed key. `rowFor(i, next)` returns customer i's row, or `next` after making it the
 * row of their triple when the triple is new.
 */
function dayKeyRows(data: RfColumns): (i: number, next: number) => number {
  const n = data.x.length;
  let bits = 4;
  while (1 << bits < n * 2) bits++;
  const mask = (1 << bits) - 1;
  const slots = new Int32Array(1 << bits).fill(-1);
  const keyOfRow = new Float64Array(n);
  return (i, next) => {
    const xi = data.x[i] as number;
    const a = Math.round((data.tx[i] as number) * 7);
    const b = Math.round((data.T[i] as number) * 7);
    const key = (xi * 65536 + a) * 65536 + b; // below 2^52: exact
    // Hashed from the key itself, so exactly the keys that are equal share a row; the slot is the top
    // bits of a multiplicative hash of both 32-bit halves (the low bits of a product mix poorly).
    let slot = Math.imul((key >>> 0) ^ Math.imul(Math.floor(key / 4294967296), 0x85ebca6b), 0x9e3779b1) >>> (32 - bits);
    for (;;) {
      const row = slots[slot] as number;
      if (row === -1) {
        slots[slot] = next;
        keyOfRow[next] = key;
        return next;
      }
      if (keyOfRow[row] === key) return row;
      slot = (slot + 1) & mask;
    }
  };
}

/** Row lookup for {@link compressRf} on any numbers, keyed by their text. */
function textKeyRows(data: RfColumns): (i: number, next: number) => number {
  const index = new Map<string, number>();
  return (i, next) => {
    const key = `${data.x[i] as number},${data.tx[i] as number},${data.T[i] as number}`;
    const row = index.get(key);
    if (row !== undefined) return row;
    index.set(key, next);
    return next;
  };
}

/** Distinct values of a column and each row's index into them, so logs are taken once per value. */
function distinct(values: Float64Array): { values: Float64Array; index: Int32Array } {
  const map = new Map<number, number>();
  const out: number[] = [];
  const index = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    let k = map.get(v);
    if (k === undefined) {
      k = out.length;
      map.set(v, k);
      out.push(v);
    }
    index[i] = k;
  }
  return { values: Float64Array.from(out), index };
}

/** Precomputed structure for fast likelihood evaluation. */
interface Prepared {
  rows: number;
  totalWeight: number;
  x: Float64Array;
  weight: Float64Array;
  xs: ReturnType<typeof distinct>;
  /** Total weight per distinct x. */
  weightOfX: Float64Array;
  Ts: ReturnType<typeof distinct>;
  txs: ReturnType<typeof distinct>;
}

function prepare(data: CompressedRf): Prepared {
  const xs = distinct(data.x);
  const weightOfX = new Float64Array(xs.values.length);
  let totalWeight = 0;
  for (let i = 0; i < data.x.length; i++) {
    weightOfX[xs.index[i] as number] = (weightOfX[xs.index[i] as number] as number) + (data.weight[i] as number);
    totalWeight += data.weight[i] as number;
  }
  return { rows: data.x.length, totalWeight, x: data.x, weight: data.weight, xs, weightOfX, Ts: distinct(data.T), txs: distinct(data.tx) };
}

/**
 * Log-likelihood and its gradient with respect to (r, α, a, b), per FHL 2005 eq. (6):
 * ln L = A1 + A2 + ln(e^A3 + δ(x>0) e^A4) with A1 = lnΓ(r+x) − lnΓ(r) + r ln α,
 * A2 = lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) − lnΓ(a+b+x), A3 = −(r+x) ln(α+T),
 * A4 = ln a − ln(b+x−1) − (r+x) ln(α+t_x). The last term is a log-sum-exp, stable for any x.
 */
function logLikelihoodAndGradient(p: Prepared, params: BgNbdParams, withGradient: boolean): { value: number; grad: [number, number, number, number] } {
  const { r, alpha, a, b } = params;
  const nx = p.xs.values.length;
  // Per distinct x: the A1 + A2 constants and the parts of the gradient that depend on x alone.
  const base = new Float64Array(nx);
  const lnBx1 = new Float64Array(nx);
  const dBase = withGradient ? new Float64Array(nx * 4) : null;
  const lnGr = lnGamma(r);
  const lnGb = lnGamma(b);
  const lnGab = lnGamma(a + b);
  const lnAlpha = Math.log(alpha);
  const psiR = withGradient ? digamma(r) : 0;
  const psiB = withGradient ? digamma(b) : 0;
  const psiAb = withGradient ? digamma(a + b) : 0;
  let value = 0;
  const grad: [number, number, number, number] = [0, 0, 0, 0];
  for (let k = 0; k < nx; k++) {
    const x = p.xs.values[k] as number;
    base[k] = lnGamma(r + x) - lnGr + r * lnAlpha + lnGab + lnGamma(b + x) - lnGb - lnGamma(a + b + x);
    lnBx1[k] = x > 0 ? Math.log(b + x - 1) : 0;
    value += (p.weightOfX[k] as number) * (base[k] as number);
    if (dBase) {
      const w = p.weightOfX[k] as number;
      const psiAbx = digamma(a + b + x);
      grad[0] += w * (digamma(r + x) - psiR + lnAlpha);
      grad[1] += w * (r / alpha);
      grad[2] += w * (psiAb - psiAbx);
      grad[3] += w * (psiAb + digamma(b + x) - psiB - psiAbx);
    }
  }
  const lnAT = new Float64Array(p.Ts.values.length);
  for (let k = 0; k < lnAT.length; k++) lnAT[k] = Math.log(alpha + (p.Ts.values[k] as number));
  const lnAtx = new Float64Array(p.txs.values.length);
  for (let k = 0; k < lnAtx.length; k++) lnAtx[k] = Math.log(alpha + (p.txs.values[k] as number));
  const lnA = Math.log(a);
  const invAT = new Float64Array(lnAT.length);
  for (let k = 0; k < invAT.length; k++) invAT[k] = 1 / (alpha + (p.Ts.values[k] as number));
  const invAtx = new Float64Array(lnAtx.length);
  for (let k = 0; k < invAtx.length; k++) invAtx[k] = 1 / (alpha + (p.txs.values[k] as number));
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  let g3 = 0;
  // The columns in locals: this loop runs over every customer row for every step of the fit.
  const weights = p.weight;
  const xsOfRow = p.x;
  const tIndex = p.Ts.index;
  const xIndex = p.xs.index;
  const txIndex = p.txs.index;
  const rows = p.rows;
  for (let i = 0; i < rows; i++) {
    const w = weights[i] as number;
    const x = xsOfRow[i] as number;
    const iT = tIndex[i] as number;
    const lT = lnAT[iT] as number;
    const A3 = -(r + x) * lT;
    if (x === 0) {
      value += w * A3;
      g0 -= w * lT;
      g1 -= w * r * (invAT[iT] as number);
      continue;
    }
    const kx = xIndex[i] as number;
    const iTx = txIndex[i] as number;
    const lTx = lnAtx[iTx] as number;
    const A4 = lnA - (lnBx1[kx] as number) - (r + x) * lTx;
    // ln(e^A3 + e^A4) and u = e^A4 / (e^A3 + e^A4), with one exp and one log1p.
    let L: number;
    let u: number;
    if (A4 >= A3) {
      const e = Math.exp(A3 - A4);
      L = A4 + Math.log1p(e);
      u = 1 / (1 + e);
    } else {
      const e = Math.exp(A4 - A3);
      L = A3 + Math.log1p(e);
      u = e / (1 + e);
    }
    value += w * L;
    // u = share of the "dropped out after t_x" branch.
    g0 -= w * ((1 - u) * lT + u * lTx);
    g1 -= w * (r + x) * ((1 - u) * (invAT[iT] as number) + u * (invAtx[iTx] as number));
    const wu = w * u;
    g2 += wu / a;
    g3 -= wu / (b + x - 1);
  }
  if (withGradient) {
    grad[0] += g0;
    grad[1] += g1;
    grad[2] += g2;
    grad[3] += g3;
  }
  return { value, grad };
}

/** Total BG/NBD log-likelihood of the data at `params` (natural log, summed over customers). */
export function bgnbdLogLikelihood(params: BgNbdParams, data: RfColumns | CompressedRf): number {
  const compressed = 'rowOf' in data ? data : compressRf(data);
  return logLikelihoodAndGradient(prepare(compressed), params, false).value;
}

/** Largest |ln θ| a fit may reach (θ between 6e-6 and 1.6e5). */
const MAX_LOG_PARAM = 12;

/** A finished fit: the parameters, the log-likelihood and how sure the optimiser is about them. */
export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  /** Largest |∂LL/∂ln θ| at the end (0 at an exact optimum). */
  gradientMax: number;
  /** Hessian of −LL positive definite: a proper minimum, not a ridge or saddle. */
  hessianPositiveDefinite: boolean;
  converged: boolean;
  iterations: number;
}

function toParams(theta: ArrayLike<number>): BgNbdParams {
  return { r: Math.exp(theta[0] as number), alpha: Math.exp(theta[1] as number), a: Math.exp(theta[2] as number), b: Math.exp(theta[3] as number) };
}

/**
 * Maximum-likelihood BG/NBD fit with BFGS on log-parameters, from several starts; returns the best
 * start that converged to a point with a positive-definite Hessian, or null when none did (too little
 * or degenerate data). The starts are scaled to the data's purchase rate so the same code works for
 * a bakery measured in weeks and a salon.
 */
export function fitBgNbd(data: RfColumns | CompressedRf): BgNbdFit | null {
  const compressed = 'rowOf' in data ? data : compressRf(data);
  const p = prepare(compressed);
  if (p.totalWeight <= 0) return null;
  let sumX = 0;
  let sumT = 0;
  for (let i = 0; i < p.rows; i++) {
    sumX += (p.weight[i] as number) * (p.x[i] as number);
    sumT += (p.weight[i] as number) * (compressed.T[i] as number);
  }
  if (!(sumX > 0) || !(sumT > 0)) return null;
  const rate = sumX / sumT;
  const n = p.totalWeight;
  // Scaled per customer so the gradient tolerance means the same for 100 or 100,000 customers.
  const objective: Objective = (theta) => {
    // Beyond e^±12 a parameter means a degenerate distribution (e.g. everyone drops out alike);
    // refuse it so the search stops there and the fit is reported as failed instead of drifting.
    for (const t of theta) if (Math.abs(t) > MAX_LOG_PARAM) return { value: Infinity, gradient: new Float64Array(4) };
    const params = toParams(theta);
    const { value, grad } = logLikelihoodAndGradient(p, params, true);
    const g = new Float64Array(4);
    g[0] = (-grad[0] * params.r) / n;
    g[1] = (-grad[1] * params.alpha) / n;
    g[2] = (-grad[2] * params.a) / n;
    g[3] = (-grad[3] * params.b) / n;
    return { value: Number.isFinite(value) ? -value / n : Infinity, gradient: g };
  };
  const starts: [number, number, number, number][] = [
    [1, 1 / rate, 1, 2],
    [0.5, 0.5 / rate, 0.5, 1],
    [2, 2 / rate, 2, 8],
  ];
  let best: BgNbdFit | null = null;
  let attempts = 0;
  for (const start of starts) {
    // A large shop whose first two starts both fail will not be rescued by a third; stop paying for it.
    if (p.rows > 5000 && attempts >= 2) break;
    attempts++;
    const result = minimizeBfgs(objective, start.map(Math.log), { gradientTolerance: 1e-9, maxIterations: 300 });
    if (!Number.isFinite(result.value)) continue;
    const hessianOk = isPositiveDefinite(hessianFromGradient(objective, result.x), 4);
    let gradientMax = 0;
    for (const g of result.gradient) gradientMax = Math.max(gradientMax, Math.abs(g) * n);
    const fit: BgNbdFit = {
      params: toParams(result.x),
      logLikelihood: -result.value * n,
      gradientMax,
      hessianPositiveDefinite: hessianOk,
      // The summed gradient of a big shop cannot get below rounding noise: with 50,000 customers
      // BFGS stops at |∂LL| ≈ 0.002 at the optimum (two starts agree to 8 digits). So the bar is
      // 1e-3 in total or 1e-7 per customer, whichever is looser.
      converged: result.converged || gradientMax < Math.max(1e-3, 1e-7 * n),
      iterations: result.iterations,
    };
    const usable = fit.converged && hessianOk;
    if (usable && (best === null || fit.logLikelihood > best.logLikelihood + 1e-9)) {
      const agrees = best !== null && Math.abs(fit.logLikelihood - best.logLikelihood) < 1e-6 * n;
      best = fit;
      if (agrees) break;
    } else if (usable && best !== null) {
      break; // a second start reached the same optimum: no need for more
    }
    // With thousands of distinct histories the surface is well determined and each start costs
    // milliseconds; one proper optimum is enough there.
    if (best !== null && p.rows > 5000) break;
  }
  return best;
}

/**
 * P(alive | x, t_x, T): probability the customer has not dropped out by T (FHL 2005 eq. 11),
 * 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)). Exactly 1 when x = 0 (in this model a
 * customer can only drop out right after a repeat purchase). Computed through log-odds, so x in the
 * thousands cannot overflow.
 */
export function pAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (x <= 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/**
 * E[purchases in (T, T+t] | alive at T, x, T] (purchases, time in the fit's unit) = E[(1 − e^(−λpt))/p] over λ ~ Gamma(r+x, α+T),
 * p ~ Beta(a, b+x), which FHL 2005 eq. (10) writes as (C/(a−1))·[1 − ((α+T)/(α+T+t))^(r+x) ·
 * ₂F₁(r+x, b+x; C; z)] with C = a+b+x−1, z = t/(α+T+t). Euler's transformation rewrites the
 * product as (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; C; z), whose small upper parameters keep it finite for huge x.
 */
export function expectedPurchasesIfAlive(params: BgNbdParams, x: number, T: number, t: number): number {
  const { r, alpha } = params;
  const z = t / (alpha + T + t);
  const core = (a: number, b: number): number => {
    const C = a + b + x - 1;
    const B = a - 1;
    return (C / B) * (1 - Math.pow(1 - z, B) * hyp2f1(a + b - 1 - r, B, C, z));
  };
  const { a, b } = params;
  // The closed form is 0/0 at a = 1 and has poles where C is 0, −1, …; the value is smooth there, so
  // evaluate just either side and average (error ~1e-8).
  const eps = 1e-4;
  if (Math.abs(a - 1) < eps) return 0.5 * (core(1 - eps, b) + core(1 + eps, b));
  const C = a + b + x - 1;
  if (C < 0.5 && Math.abs(C - Math.round(C)) < eps) return 0.5 * (core(a, b + eps) + core(a, b - eps));
  return core(a, b);
}

/**
 * Conditional expected number of purchases in the next `t` time units for a customer with history
 * (x, t_x, T): P(alive) × E[purchases | alive] (FHL 2005 eq. 10). Same unit as the fit (weeks).
 */
export function expectedPurchases(params: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  if (!(t > 0)) return 0;
  return pAlive(params, x, tx, T) * expectedPurchasesIfAlive(params, x, T, t);
}

/**
 * Unconditional E[X(t)]: expected purchases in (0, t] of a customer who has just made the first
 * purchase (FHL 2005 eq. 9): ((a+b−1)/(a−1))·[1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))].
 */
export function expectedPurchasesNewCustomer(params: BgNbdParams, t: number): number {
  if (!(t > 0)) return 0;
  return expectedPurchasesIfAlive(params, 0, 0, t);
}

/**
 * Unconditional P(X(t) = 0): probability a new customer makes no purchase in a period of length t,
 * FHL 2005 eq. (8) at x = 0, which reduces to (α/(α+t))^r (no purchase means no chance to drop out).
 */
export function probabilityNoPurchaseNewCustomer(params: BgNbdParams, t: number): number {
  return Math.pow(params.alpha / (params.alpha + t), params.r);
}

/**
 * P(no purchase in (T, T+t] | x, t_x, T) = (1 − P(alive)) + P(alive)·((α+T)/(α+T+t))^(r+x):
 * a dead customer never buys; an alive one buys nothing with probability E[e^(−λt)] under the
 * posterior λ ~ Gamma(r+x, α+T).
 */
export function probabilityNoPurchase(params: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  const pa = pAlive(params, x, tx, T);
  const { r, alpha } = params;
  return 1 - pa + pa * Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + T + t)));
}
