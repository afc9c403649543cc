/**
 * Value tiers: High / Medium / Low by what a customer has spent so far (historic CLV), plus two
 * states that matter more to the owner than the band: New, and At risk.
 */
import type { SegmentId } from './rfm';

/** Share of customers in the top bands: High = top `high` (0.2 = 20%), Medium = the next `medium`. */
export interface TierCuts {
  high: number;
  medium: number;
}

export const DEFAULT_TIER_CUTS: TierCuts = { high: 0.2, medium: 0.3 };

export type ValueBand = 'high' | 'medium' | 'low';
export type TierId = 'new' | 'at-risk' | ValueBand;

export const TIER_LABELS: Record<TierId, string> = { high: 'High value', medium: 'Medium value', low: 'Low value', new: 'New', 'at-risk': 'At risk' };

/**
 * Band per customer by revenue to date (cents): a customer is High when fewer than `high` × n
 * customers spent strictly more, Medium when fewer than (high + medium) × n did, else Low. Equal
 * spend always gives the same band.
 */
export function valueBands(revenue: ArrayLike<number>, cuts: TierCuts = DEFAULT_TIER_CUTS): ValueBand[] {
  const n = revenue.length;
  const sorted = Float64Array.from(revenue).sort();
  const out: ValueBand[] = new Array<ValueBand>(n);
  for (let i = 0; i < n; i++) {
    const v = revenue[i] as number;
    // Customers spending strictly more = n − (index of the first value > v).
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as number) > v) hi = mid;
      else lo = mid + 1;
    }
    const above = (n - lo) / n;
    out[i] = above < cuts.high ? 'high' : above < cuts.high + cuts.medium ? 'medium' : 'low';
  }
  return out;
}

/** Segments that mean "a good customer slipping away". */
const SLIPPING: ReadonlySet<SegmentId> = new Set<SegmentId>(['at-risk', 'cant-lose']);

/** The facts a tier is decided on. */
export interface TierFacts {
  band: ValueBand;
  /** First visit within the active window. */
  isNew: boolean;
  overdue: boolean | null;
  segment: SegmentId | null;
  activeWindowDays: number;
}

// The reasons are built once, not per customer: a full recompute asks for 50,000 of them.
const AT_RISK_REASONS = {
  high: { overdue: 'High-value customer who is overdue for their usual visit.', slipping: 'High-value customer who is not seen for a while compared with others.' },
  medium: { overdue: 'Medium-value customer who is overdue for their usual visit.', slipping: 'Medium-value customer who is not seen for a while compared with others.' },
} as const;
const newReasons = new Map<number, string>();
function newReason(activeWindowDays: number): string {
  let reason = newReasons.get(activeWindowDays);
  if (reason === undefined) {
    reason = `First visit within the last ${activeWindowDays} days.`;
    if (newReasons.size < 100) newReasons.set(activeWindowDays, reason); // settings change rarely; bound it anyway
  }
  return reason;
}

/**
 * Tier: New when the first visit is within the active window (too early to judge their value);
 * At risk when a High or Medium value customer is overdue for their usual visit or sits in the
 * "At risk" / "Can't lose them" RFM segments; otherwise the value band. Returns the reason in words.
 */
export function valueTier(f: TierFacts): { tier: TierId; reason: string } {
  if (f.isNew) return { tier: 'new', reason: newReason(f.activeWindowDays) };
  if (f.band !== 'low') {
    const slipping = f.segment !== null && SLIPPING.has(f.segment);
    if (f.overdue === true || slipping) return { tier: 'at-risk', reason: AT_RISK_REASONS[f.band][f.overdue === true ? 'overdue' : 'slipping'] };
  }
  const reason =
    f.band === 'high' ? 'Among the biggest spenders so far.' : f.band === 'medium' ? 'Spends more than most customers so far.' : 'Has spent less than most customers so far.';
  return { tier: f.band, reason };
}

