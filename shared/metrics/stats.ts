/** Small descriptive statistics on numbers, used by RFM scores, tiers and cadence. */

/**
 * Quantile with linear interpolation between order statistics (Hyndman & Fan type 7 — R's default
 * and numpy's `linear`): h = (n − 1)·p, result = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋).
 * `sorted` must be ascending; p in [0, 1]. NaN for an empty list.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const low = sorted[lo] as number;
  if (lo + 1 >= n) return low;
  return low + (h - lo) * ((sorted[lo + 1] as number) - low);
}

/** Median (type 7 quantile at 0.5) of any list of numbers; NaN when empty. Does not modify `values`. */
export function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  return quantileSorted(sorted, 0.5);
}

/** Arithmetic mean; NaN when empty. */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return values.length === 0 ? NaN : sum / values.length;
}

/** Rounds to a number of decimals (half away from zero), for percentages shown to people. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.sign(value) * Math.round(Math.abs(value) * f) / f;
}
