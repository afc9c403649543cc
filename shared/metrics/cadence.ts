/**
 * Visit cadence: each customer's own usual gap between visits and whether they are overdue. A bakery
 * regular comes every day or two, a salon client every six weeks; judging each against their own
 * rhythm lets one rule serve both.
 */
import { median } from './stats';

/** Fewer distinct visit days than this and a customer's own gaps say too little (one gap is one event). */
export const MIN_VISIT_DAYS_FOR_OWN_CADENCE = 3;

/** When someone counts as overdue: days since last visit > max(factor × usual gap, usual gap + minExtraDays). */
export interface OverdueRule {
  factor: number;
  minExtraDays: number;
}

/**
 * Default rule: 1.5 × the usual gap, but at least a week beyond it. A daily bakery regular is overdue
 * after 8 days away (a week's holiday is normal), a weekly café visitor after 14, a 6-weekly salon
 * client after 63 (three weeks late).
 */
export const DEFAULT_OVERDUE_RULE: OverdueRule = { factor: 1.5, minExtraDays: 7 };

/**
 * Usual gap in days = median of the gaps between consecutive distinct visit days (the median, so one
 * holiday or one double visit does not move it). Null with fewer than 3 distinct visit days.
 * `days` must be ascending distinct day numbers.
 */
export function usualGapDays(days: ArrayLike<number>): number | null {
  if (days.length < MIN_VISIT_DAYS_FOR_OWN_CADENCE) return null;
  const gaps = new Float64Array(days.length - 1);
  for (let i = 1; i < days.length; i++) gaps[i - 1] = (days[i] as number) - (days[i - 1] as number);
  return median(gaps);
}

/** The shop's typical gap in days = median of its customers' usual gaps; null when nobody has one. */
export function shopTypicalGapDays(usualGaps: ArrayLike<number>): number | null {
  return usualGaps.length > 0 ? median(usualGaps) : null;
}

/** Days after the last visit beyond which a customer with this usual gap is overdue. */
export function overdueAfterDays(usualGap: number, rule: OverdueRule = DEFAULT_OVERDUE_RULE): number {
  return Math.max(rule.factor * usualGap, usualGap + rule.minExtraDays);
}

/** A customer's cadence and overdue state, with the reason in words. */
export interface CadenceAssessment {
  /** The gap used, in days (own or the shop's typical one); null when neither is known. */
  usualGapDays: number | null;
  /** Whose gap it is: the customer's own, the shop's typical gap, or none. */
  basis: 'own' | 'shop' | 'none';
  daysSinceLastVisit: number;
  /** Null when there is no gap to judge against. */
  overdue: boolean | null;
  reason: string;
}

function days(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return rounded === 1 ? '1 day' : `${rounded} days`;
}

function every(n: number): string {
  return Math.round(n * 10) / 10 === 1 ? 'every day' : `every ${days(n)}`;
}

/** "today", "yesterday", "12 days ago". */
export function ago(n: number): string {
  return n === 0 ? 'today' : n === 1 ? 'yesterday' : `${n} days ago`;
}

/**
 * Judges one customer from their own usual gap (null with fewer than 3 visit days), the number of
 * distinct visit days, the days since the last visit and the shop's typical gap.
 */
export function judgeCadence(
  ownGap: number | null,
  visitDays: number,
  since: number,
  shopGap: number | null,
  rule: OverdueRule = DEFAULT_OVERDUE_RULE,
): CadenceAssessment {
  return cadenceJudge(shopGap, rule)(ownGap, visitDays, since);
}

/**
 * {@link judgeCadence} for many customers of one shop. The same answers, but each reason is one join
 * of two parts made once per judge and shared — how often they come (by the gap in tenths of a day,
 * as the text shows it) or how few visits they have, and when they were last seen — instead of a
 * fresh chain of pieces per customer: a full recompute judges 50,000 customers, and their texts were
 * a good part of the garbage it made.
 */
export function cadenceJudge(shopGap: number | null, rule: OverdueRule = DEFAULT_OVERDUE_RULE): (ownGap: number | null, visitDays: number, since: number) => CadenceAssessment {
  const usually = new Map<number, string>();
  const fewVisits = new Map<number, string>();
  const lastSeen = new Map<number, string>();
  const lastSeenOverdue = new Map<number, string>();
  const lastSeenText = (since: number, overdue: boolean): string => {
    const made = overdue ? lastSeenOverdue : lastSeen;
    let text = made.get(since);
    if (text === undefined) {
      text = `${ago(since)}${overdue ? ' — overdue' : ''}.`;
      made.set(since, text);
    }
    return text;
  };
  return (ownGap, visitDays, since) => {
    if (ownGap !== null) {
      const overdue = since > overdueAfterDays(ownGap, rule);
      const tenths = Math.round(ownGap * 10); // every(ownGap) depends on nothing else
      let head = usually.get(tenths);
      if (head === undefined) {
        head = `Usually ${every(ownGap)}; last seen `;
        usually.set(tenths, head);
      }
      return { usualGapDays: ownGap, basis: 'own', daysSinceLastVisit: since, overdue, reason: head + lastSeenText(since, overdue) };
    }
    let head = fewVisits.get(visitDays);
    if (head === undefined) {
      const visits = visitDays === 1 ? 'Only 1 visit so far' : `Only ${visitDays} visits so far`;
      head = shopGap === null ? `${visits}, too few to know their rhythm; last seen ` : `${visits}, so compared with the shop's typical gap of ${days(shopGap)}; last seen `;
      fewVisits.set(visitDays, head);
    }
    if (shopGap === null) return { usualGapDays: null, basis: 'none', daysSinceLastVisit: since, overdue: null, reason: head + lastSeenText(since, false) };
    const overdue = since > overdueAfterDays(shopGap, rule);
    return { usualGapDays: shopGap, basis: 'shop', daysSinceLastVisit: since, overdue, reason: head + lastSeenText(since, overdue) };
  };
}

/**
 * Judges one customer from their visit days. `distinctVisitDays` ascending (at least one);
 * `asOfDay` the day the report is for; `shopGap` the shop's typical gap, used when the customer has
 * fewer than 3 visit days.
 */
export function assessCadence(
  distinctVisitDays: ArrayLike<number>,
  asOfDay: number,
  shopGap: number | null,
  rule: OverdueRule = DEFAULT_OVERDUE_RULE,
): CadenceAssessment {
  const last = distinctVisitDays[distinctVisitDays.length - 1] as number;
  return judgeCadence(usualGapDays(distinctVisitDays), distinctVisitDays.length, asOfDay - last, shopGap, rule);
}
