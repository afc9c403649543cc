/**
 * Fitting the prediction models to a shop, with a plain-words fallback, and the predictions built
 * on them: P(alive), expected visits, expected spend, and discounted predicted CLV.
 * Time unit of the fits: weeks. Counting unit: distinct visit days.
 */
import { compressRf, expectedPurchasesIfAlive, fitBgNbd, pAlive, type BgNbdFit, type BgNbdParams, type CompressedRf, type RfColumns } from './bgnbd';
import { expectedAverageSpend, fitGammaGamma, type GammaGammaFit, type GammaGammaParams, type SpendColumns } from './gammaGamma';

/** Fewer repeat customers than this and the BG/NBD fit is not attempted. */
export const MIN_REPEAT_CUSTOMERS = 30;

/** Average days per month (365.25 / 12) — the CLV horizon is in calendar-average months. */
export const DAYS_PER_MONTH = 30.4375;

/** The fitted models, or null with the reason the simple formula is used instead. */
export interface FittedModels {
  bgnbd: BgNbdFit | null;
  gammaGamma: GammaGammaFit | null;
  /** Plain words for the owner when a model is missing; null when both fitted. */
  fallbackReason: string | null;
}

/**
 * Fits BG/NBD on every customer's (x, t_x, T) and Gamma-Gamma on the repeat customers' (x, z̄).
 * Never throws: with too few repeat customers, a failed fit or an implausible result the model is
 * null and `fallbackReason` says why in words a shop owner understands.
 */
export function fitModels(rf: RfColumns | CompressedRf, spend: SpendColumns): FittedModels {
  try {
    let repeat = 0;
    for (let i = 0; i < rf.x.length; i++) if ((rf.x[i] as number) > 0) repeat += rf.weight ? (rf.weight[i] as number) : 1;
    if (repeat < MIN_REPEAT_CUSTOMERS) {
      const who = repeat === 0 ? 'No customer has' : repeat === 1 ? 'Only 1 customer has' : `Only ${repeat} customers have`;
      return {
        bgnbd: null,
        gammaGamma: null,
        fallbackReason: `${who} come back for a second visit yet — too few to fit the prediction model (it needs ${MIN_REPEAT_CUSTOMERS}); values use the simple formula instead.`,
      };
    }
    const bg = fitBgNbd('rowOf' in rf ? rf : compressRf(rf));
    if (bg === null || !plausibleBgNbd(bg.params)) {
      return {
        bgnbd: null,
        gammaGamma: null,
        fallbackReason: "The prediction model could not be fitted to this shop's visit pattern; values use the simple formula instead.",
      };
    }
    const gg = fitGammaGamma(spend);
    if (gg === null) {
      return {
        bgnbd: bg,
        gammaGamma: null,
        fallbackReason: "The spend model could not be fitted (spend per visit varies too little or too oddly); predicted value uses each customer's own average spend.",
      };
    }
    return { bgnbd: bg, gammaGamma: gg, fallbackReason: null };
  } catch {
    // A numerical surprise must not break the owner's screen; the simple formula still works.
    return { bgnbd: null, gammaGamma: null, fallbackReason: 'The prediction model ran into a calculation problem; values use the simple formula instead.' };
  }
}

function plausibleBgNbd(p: BgNbdParams): boolean {
  return [p.r, p.alpha, p.a, p.b].every((v) => Number.isFinite(v) && v > 1e-8 && v < 1e8);
}

/** Predictions for one customer; visits over the horizon and per month, money in the z̄ unit. */
export interface CustomerPrediction {
  pAlive: number;
  expectedVisits: number;
  /** Expected visits in each of the next `months` months (not discounted). */
  visitsByMonth: Float64Array;
}

/**
 * E[visits | alive] for (x, T) at the end of each of the next `months` months, then over the
 * horizon (index `months`), at `values[at … at + months]` for the `at` that `offsetOf(x, T)` returns.
 * It does not depend on t_x, so customers who differ only in their last visit share it: the
 * hypergeometric series is the costly part of a prediction. All pairs share one buffer with room for
 * `capacity` of them (not a small array each: a big shop has tens of thousands of pairs).
 */
function expectationsIfAlive(params: BgNbdParams, months: number, horizonDays: number, capacity: number): { values: Float64Array; offsetOf: (x: number, T: number) => number } {
  const byX = new Map<number, Map<number, number>>();
  const values = new Float64Array(capacity * (months + 1));
  let used = 0;
  const offsetOf = (x: number, T: number): number => {
    let byT = byX.get(x);
    if (byT === undefined) {
      byT = new Map();
      byX.set(x, byT);
    }
    let at = byT.get(T);
    if (at === undefined) {
      at = used;
      used += months + 1;
      for (let m = 1; m <= months; m++) values[at + m - 1] = expectedPurchasesIfAlive(params, x, T, (m * DAYS_PER_MONTH) / 7);
      values[at + months] = expectedPurchasesIfAlive(params, x, T, horizonDays / 7);
      byT.set(T, at);
    }
    return at;
  };
  return { values, offsetOf };
}

/**
 * BG/NBD predictions per distinct history (row of a {@link CompressedRf}) as columns: row i's
 * P(alive) is `pAlive[i]`, its expected visits over the horizon `expectedVisits[i]`, and its visits
 * in month m (0-based) `visitsByMonth[i × months + m]`. Customer c's row is `rowOf[c]`.
 */
export interface VisitPredictions {
  pAlive: Float64Array;
  expectedVisits: Float64Array;
  visitsByMonth: Float64Array;
  months: number;
  rowOf: Int32Array;
}

/**
 * BG/NBD predictions for each distinct (x, t_x, T) in weeks: P(alive), expected visits in the next
 * `horizonDays`, and expected visits in each of the next `months` average-length months
 * (differences of the cumulative expectation). Columns, not an object per row: a big shop has tens
 * of thousands of distinct histories, and objects with a view each were a good part of the garbage
 * a recompute makes.
 */
export function predictVisitRows(params: BgNbdParams, compressed: CompressedRf, horizonDays: number, months: number): VisitPredictions {
  const rows = compressed.x.length;
  const out: VisitPredictions = {
    pAlive: new Float64Array(rows),
    expectedVisits: new Float64Array(rows),
    visitsByMonth: new Float64Array(rows * months),
    months,
    rowOf: compressed.rowOf,
  };
  const { values: expected, offsetOf } = expectationsIfAlive(params, months, horizonDays, rows);
  for (let i = 0; i < rows; i++) {
    const x = compressed.x[i] as number;
    const tx = compressed.tx[i] as number;
    const T = compressed.T[i] as number;
    const alive = pAlive(params, x, tx, T);
    const from = offsetOf(x, T);
    const at = i * months;
    let previous = 0;
    for (let m = 1; m <= months; m++) {
      const cumulative = alive * (expected[from + m - 1] as number);
      out.visitsByMonth[at + m - 1] = Math.max(0, cumulative - previous);
      previous = cumulative;
    }
    out.pAlive[i] = alive;
    out.expectedVisits[i] = alive * (expected[from + months] as number);
  }
  return out;
}

/**
 * BG/NBD predictions for customers given as (x, t_x, T) in weeks, one object per customer (see
 * {@link predictVisitRows}); customers with the same history share one computation and one object.
 */
export function predictVisits(params: BgNbdParams, rf: RfColumns | CompressedRf, horizonDays: number, months: number): CustomerPrediction[] {
  const compressed = 'rowOf' in rf ? rf : compressRf(rf);
  const rows = predictVisitRows(params, compressed, horizonDays, months);
  const perRow = Array.from(
    { length: compressed.x.length },
    (_, i): CustomerPrediction => ({
      pAlive: rows.pAlive[i] as number,
      expectedVisits: rows.expectedVisits[i] as number,
      visitsByMonth: rows.visitsByMonth.subarray(i * months, (i + 1) * months),
    }),
  );
  return Array.from(compressed.rowOf, (row) => perRow[row] as CustomerPrediction);
}

/**
 * Predicted CLV = Σ over months m = 1…N of (expected visits in month m × expected spend per visit)
 * ÷ (1 + monthly discount rate)^m — money of the spend's unit, discounted to today (end-of-month
 * convention).
 */
export function discountedClv(visitsByMonth: ArrayLike<number>, spendPerVisit: number, discountMonthly: number): number {
  return discountedClvOf(visitsByMonth, 0, visitsByMonth.length, spendPerVisit, discountMonthly);
}

/**
 * {@link discountedClv} of `months` months stored from `from` on in a longer column (such as
 * {@link VisitPredictions.visitsByMonth}), without a view per customer.
 */
export function discountedClvOf(visitsByMonth: ArrayLike<number>, from: number, months: number, spendPerVisit: number, discountMonthly: number): number {
  let total = 0;
  let factor = 1;
  for (let m = 0; m < months; m++) {
    factor /= 1 + discountMonthly;
    total += (visitsByMonth[from + m] as number) * spendPerVisit * factor;
  }
  return total;
}

/** Expected spend per visit: Gamma-Gamma when fitted, else the customer's own average visit-day spend. */
export function expectedSpend(params: GammaGammaParams | null, x: number, zbar: number, ownAverage: number): number {
  if (params === null) return ownAverage;
  // A customer whose repeat visits net to zero or less (refunds) has no usable own mean: use the shop's.
  return x > 0 && zbar > 0 ? expectedAverageSpend(params, x, zbar) : expectedAverageSpend(params, 0, 0);
}
