/**
 * A small quasi-Newton minimiser (BFGS with a backtracking Armijo line search) plus the checks a fit
 * needs before anyone trusts it: the gradient is ~0 and the Hessian is positive definite, so the point
 * is a real minimum and not a saddle or a flat ridge. The models fit on log-parameters, so the search
 * is unconstrained.
 */

/** Objective value and gradient at a point. Non-finite values mean "outside the feasible region". */
export interface ValueAndGradient {
  value: number;
  gradient: Float64Array;
}

export type Objective = (x: Float64Array) => ValueAndGradient;

export interface MinimizeOptions {
  /** Stop when every gradient component is below this (absolute; objectives are scaled per customer). */
  gradientTolerance?: number;
  maxIterations?: number;
}

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  gradient: Float64Array;
  iterations: number;
  /** True when the gradient tolerance was met (not just the iteration limit). */
  converged: boolean;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i] as number));
  return m;
}

function dot(u: Float64Array, v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += (u[i] as number) * (v[i] as number);
  return s;
}

/** Shortest step the line search tries, in parameter space (log-parameters in the model fits). */
const MIN_STEP_LENGTH = 1e-10;

/**
 * Minimises `objective` from `start` with BFGS (inverse-Hessian update, Nocedal & Wright alg. 6.1)
 * and a backtracking line search. Steps are capped at length 5 in parameter space, which on
 * log-parameters means at most a factor e⁵ per step, so a bad start cannot jump to overflow.
 */
export function minimizeBfgs(objective: Objective, start: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const tol = options.gradientTolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 200;
  const n = start.length;
  let x = Float64Array.from(start);
  let current = objective(x);
  if (!Number.isFinite(current.value)) return { x, value: current.value, gradient: current.gradient, iterations: 0, converged: false };
  // H approximates the inverse Hessian; identity at first.
  let H = new Float64Array(n * n);
  let hIsIdentity = true;
  const resetH = (): void => {
    H = new Float64Array(n * n);
    for (let i = 0; i < n; i++) H[i * n + i] = 1;
    hIsIdentity = true;
  };
  resetH();
  const direction = new Float64Array(n);
  let iterations = 0;
  let stalled = 0;
  for (; iterations < maxIterations; iterations++) {
    const g = current.gradient;
    if (maxAbs(g) < tol) return { x, value: current.value, gradient: g, iterations, converged: true };
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= (H[i * n + j] as number) * (g[j] as number);
      direction[i] = s;
    }
    let slope = dot(direction, g);
    if (!(slope < 0)) {
      // Not a descent direction (the approximation went bad): restart from steepest descent.
      resetH();
      for (let i = 0; i < n; i++) direction[i] = -(g[i] as number);
      slope = dot(direction, g);
    }
    const length = Math.sqrt(dot(direction, direction));
    let step = length > 5 ? 5 / length : 1;
    let next: ValueAndGradient | null = null;
    const xNext = new Float64Array(n);
    for (let tries = 0; tries < 40; tries++) {
      // A move this small changes no parameter in its 10th digit: further halving only costs
      // evaluations (on a big shop, dozens of full passes over the customers at the precision floor).
      if (step * length < MIN_STEP_LENGTH) break;
      for (let i = 0; i < n; i++) xNext[i] = (x[i] as number) + step * (direction[i] as number);
      const candidate = objective(xNext);
      if (Number.isFinite(candidate.value) && candidate.value <= current.value + 1e-4 * step * slope) {
        next = candidate;
        break;
      }
      step *= 0.5;
    }
    if (next === null) {
      // No decrease along the direction: at the precision limit, or H is poor. Try once more from identity.
      if (hIsIdentity) break;
      resetH();
      continue;
    }
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = (xNext[i] as number) - (x[i] as number);
      y[i] = (next.gradient[i] as number) - (g[i] as number);
    }
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (iterations === 0) {
        // Scale the first inverse-Hessian guess to the problem (Nocedal & Wright eq. 6.20).
        const scale = sy / dot(y, y);
        for (let i = 0; i < n; i++) H[i * n + i] = scale;
      }
      hIsIdentity = false;
      const rho = 1 / sy;
      const Hy = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let t = 0;
        for (let j = 0; j < n; j++) t += (H[i * n + j] as number) * (y[j] as number);
        Hy[i] = t;
      }
      const yHy = dot(y, Hy);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const si = s[i] as number;
          const sj = s[j] as number;
          H[i * n + j] =
            (H[i * n + j] as number) - rho * ((Hy[i] as number) * sj + si * (Hy[j] as number)) + (rho * rho * yHy + rho) * si * sj;
        }
      }
    }
    // At the floating-point floor the gradient may never reach `tol`; stop once the value no longer
    // moves, and let the caller judge the gradient (it is reported).
    stalled = current.value - next.value <= 1e-15 * Math.max(1, Math.abs(current.value)) ? stalled + 1 : 0;
    x = xNext;
    current = next;
    if (stalled >= 3) break;
  }
  return { x, value: current.value, gradient: current.gradient, iterations, converged: maxAbs(current.gradient) < tol };
}

/** Central-difference gradient of a scalar function (for checking analytic gradients). */
export function numericGradient(f: (x: Float64Array) => number, x: ArrayLike<number>, h = 1e-5): Float64Array {
  const n = x.length;
  const g = new Float64Array(n);
  const p = Float64Array.from(x);
  for (let i = 0; i < n; i++) {
    const xi = p[i] as number;
    p[i] = xi + h;
    const up = f(p);
    p[i] = xi - h;
    const down = f(p);
    p[i] = xi;
    g[i] = (up - down) / (2 * h);
  }
  return g;
}

/** Hessian by central differences of the analytic gradient, symmetrised. Row-major n×n. */
export function hessianFromGradient(objective: Objective, x: ArrayLike<number>, h = 1e-4): Float64Array {
  const n = x.length;
  const Hm = new Float64Array(n * n);
  const p = Float64Array.from(x);
  for (let i = 0; i < n; i++) {
    const xi = p[i] as number;
    p[i] = xi + h;
    const up = objective(p).gradient;
    p[i] = xi - h;
    const down = objective(p).gradient;
    p[i] = xi;
    for (let j = 0; j < n; j++) Hm[i * n + j] = ((up[j] as number) - (down[j] as number)) / (2 * h);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const avg = 0.5 * ((Hm[i * n + j] as number) + (Hm[j * n + i] as number));
      Hm[i * n + j] = avg;
      Hm[j * n + i] = avg;
    }
  }
  return Hm;
}

/**
 * True when a symmetric n×n matrix is positive definite, with its smallest pivot above
 * `relativeFloor` × the largest diagonal entry (Cholesky). A flat ridge shows up as a tiny pivot.
 */
export function isPositiveDefinite(matrix: Float64Array, n: number, relativeFloor = 1e-10): boolean {
  const L = Float64Array.from(matrix);
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, Math.abs(L[i * n + i] as number));
  if (!(maxDiag > 0) || !Number.isFinite(maxDiag)) return false;
  for (let j = 0; j < n; j++) {
    let d = L[j * n + j] as number;
    for (let k = 0; k < j; k++) d -= (L[j * n + k] as number) ** 2;
    if (!(d > relativeFloor * maxDiag)) return false;
    const root = Math.sqrt(d);
    L[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let v = L[i * n + j] as number;
      for (let k = 0; k < j; k++) v -= (L[i * n + k] as number) * (L[j * n + k] as number);
      L[i * n + j] = v / root;
    }
  }
  return true;
}
