/**
 * Special functions the prediction models need: log-gamma, digamma and the Gauss hypergeometric
 * function 2F1. Written here because `shared/` has no dependencies; accuracy is ~1e-13 relative in
 * the ranges the models use (checked against closed forms in the tests).
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const LN_SQRT_2PI = 0.9189385332046728;

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7). Returns +Infinity at x = 0 and NaN below. */
export function lnGamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Infinity : NaN;
  if (x < 0.5) {
    // Reflection keeps the Lanczos series in its accurate range: Γ(x)Γ(1−x) = π / sin(πx).
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * Γ(x) for any real x as `{ log: ln|Γ(x)|, sign: ±1 }`; at the poles (0, −1, −2, …) log is +Infinity
 * and sign 0, so `sign * exp(-log)` is the reciprocal gamma function, which is 0 there.
 */
export function signedLnGamma(x: number): { log: number; sign: number } {
  if (x > 0) return { log: lnGamma(x), sign: 1 };
  if (Number.isInteger(x)) return { log: Infinity, sign: 0 };
  const s = Math.sin(Math.PI * x);
  return { log: Math.log(Math.PI / Math.abs(s)) - lnGamma(1 - x), sign: s > 0 ? 1 : -1 };
}

/** Digamma ψ(x) = d/dx ln Γ(x) for x > 0 (recurrence up to x ≥ 10, then the asymptotic series). */
export function digamma(x: number): number {
  if (!(x > 0)) return NaN;
  let result = 0;
  while (x < 10) {
    result -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  const series = f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132)))));
  return result + Math.log(x) - 0.5 / x - series;
}

/** ln(e^u + e^v) without overflow or underflow. */
export function logAddExp(u: number, v: number): number {
  if (u === -Infinity) return v;
  if (v === -Infinity) return u;
  return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
}

const SERIES_TOLERANCE = 1e-16;
const MAX_SERIES_TERMS = 200_000;
/** Above this |z| the plain series is slow; the z → 1−z transformation converges faster. */
const SERIES_LIMIT = 0.75;
/** How close c−a−b may come to an integer before the 1−z transformation is evaluated by averaging. */
const NEAR_INTEGER = 1e-5;
/** With c−a−b (nearly) an integer the plain series is still used up to here (≤ ~400 terms). */
const SERIES_LIMIT_INTEGER = 0.9;

/** The plain hypergeometric series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ; NaN if it does not settle. */
function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  let small = 0;
  for (let n = 0; n < MAX_SERIES_TERMS; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (term === 0) return sum; // a or b is a non-positive integer: the series is a polynomial
    // Two small terms in a row, so a term that is small only because a factor passed near zero
    // does not end the sum early.
    if (Math.abs(term) <= SERIES_TOLERANCE * Math.abs(sum)) {
      if (++small >= 2) return sum;
    } else small = 0;
  }
  return NaN;
}

/**
 * ln|Γ(p1)Γ(p2) / (Γ(q1)Γ(q2))| with its sign, for the connection formula; sign 0 when a denominator
 * sits on a pole (1/Γ is 0 there). Kept in logs because the factors overflow for large arguments.
 */
function gammaRatioLog(p1: number, p2: number, q1: number, q2: number): { log: number; sign: number } {
  const g1 = signedLnGamma(p1);
  const g2 = signedLnGamma(p2);
  const h1 = signedLnGamma(q1);
  const h2 = signedLnGamma(q2);
  if (h1.sign === 0 || h2.sign === 0) return { log: -Infinity, sign: 0 };
  return { log: g1.log + g2.log - h1.log - h2.log, sign: g1.sign * g2.sign * h1.sign * h2.sign };
}

/** 2F1 for 0.75 < z < 1 through the connection formula to 1 − z (Abramowitz & Stegun 15.3.6). */
function hyp2f1Connection(a: number, b: number, c: number, z: number): number {
  const m = c - a - b;
  const w = 1 - z;
  const first = gammaRatioLog(c, m, c - a, c - b);
  const second = gammaRatioLog(c, -m, a, b);
  const f1 = first.sign === 0 ? 0 : first.sign * Math.exp(first.log) * hyp2f1Series(a, b, 1 - m, w);
  const f2 = second.sign === 0 ? 0 : second.sign * Math.exp(second.log + m * Math.log(w)) * hyp2f1Series(c - a, c - b, 1 + m, w);
  return f1 + f2;
}

/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and real z < 1 (c not 0, −1, −2, …).
 * Uses the series for |z| ≤ 0.75, Pfaff's transformation for z < 0, and the connection formula to
 * 1 − z near 1; when c − a − b is (nearly) an integer that formula is singular, so up to z = 0.9 the
 * series is kept and beyond it the formula is evaluated just either side of c and averaged (error
 * ~1e-8 relative). Returns NaN where it cannot answer.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z < 1) || !Number.isFinite(a + b + c + z)) return NaN;
  if (z === 0 || a === 0 || b === 0) return 1;
  if (z < 0) {
    // Pfaff: ₂F₁(a,b;c;z) = (1−z)^(−a) ₂F₁(a, c−b; c; z/(z−1)), argument in (0, 1).
    return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1));
  }
  // A non-positive integer a or b makes the series a polynomial: exact at any z.
  if (z <= SERIES_LIMIT || (a < 0 && Number.isInteger(a)) || (b < 0 && Number.isInteger(b))) return hyp2f1Series(a, b, c, z);
  const m = c - a - b;
  const distance = Math.abs(m - Math.round(m));
  if (distance < NEAR_INTEGER && z <= SERIES_LIMIT_INTEGER) return hyp2f1Series(a, b, c, z);
  if (distance < NEAR_INTEGER) {
    const eps = 2 * NEAR_INTEGER;
    return 0.5 * (hyp2f1Connection(a, b, c + eps, z) + hyp2f1Connection(a, b, c - eps, z));
  }
  return hyp2f1Connection(a, b, c, z);
}
