/**
 * "Who to call this week": the Today screen's list, shaped from the metrics by a pure function so it
 * can be tested with tiny hand-built shops. Each entry says why, in words, and how to reach the person.
 */
import { addDays, toDayNumber, type LocalDate } from '../domain/dates';
import type { CustomerMetrics } from './shop';

export type CallReason = 'overdue-regular' | 'high-value-at-risk' | 'detractor' | 'promoter' | 'birthday';

export interface CallContact {
  id: number;
  name: string;
  phone: string | null;
  email: string | null;
  birthday: LocalDate | null;
}

export interface CallEntry {
  reason: CallReason;
  customerId: number;
  name: string;
  phone: string | null;
  email: string | null;
  /** One plain sentence: why this person is on the list. */
  why: string;
  /** Revenue to date, cents (to rank and to show). */
  revenueCents: number;
  /** For detractor/promoter entries: the feedback it is about. */
  feedbackId: number | null;
}

export interface CallListFeedback {
  id: number;
  customerId: number | null;
  date: LocalDate;
  nps: number | null;
  rating: number | null;
  comment: string;
  followUp: 'none' | 'open' | 'done';
}

export interface CallList {
  overdueRegulars: CallEntry[];
  highValueAtRisk: CallEntry[];
  detractors: CallEntry[];
  promoters: CallEntry[];
  birthdays: CallEntry[];
  /** Per reason, the customer ids who would be on the list for it but were marked done recently. */
  keptOffAsDone: Record<CallReason, number[]>;
}

/** A "done" on the who-to-call list: this person, for this reason, on this day. */
export interface CallDone {
  customerId: number;
  reason: CallReason;
  doneOn: LocalDate;
}

/** Someone marked done stays off the list, for that reason, this many days. */
export const DONE_KEEPS_OFF_DAYS = 30;

/** The done marks that keep people off the list on `today`: those of the last 30 days, today included. */
export function recentlyDone(marks: readonly CallDone[], today: LocalDate): Set<string> {
  const since = addDays(today, -DONE_KEEPS_OFF_DAYS);
  return new Set(marks.filter((m) => m.doneOn >= since && m.doneOn <= today).map((m) => doneKey(m.reason, m.customerId)));
}

/** How many were marked done in the seven days up to and including `today` (the Today screen's progress). */
export function doneThisWeek(marks: readonly CallDone[], today: LocalDate): number {
  const since = addDays(today, -6);
  return marks.filter((m) => m.doneOn >= since && m.doneOn <= today).length;
}

export interface CallListOptions {
  today: LocalDate;
  /** Entries per section (default 12). */
  limit?: number;
  /** (reason, customer) pairs marked done recently: left off the list. */
  done?: ReadonlySet<string>;
  /** Promoters from the last this-many days are suggested for a review (default 30). */
  promoterDays?: number;
}

export const doneKey = (reason: CallReason, customerId: number): string => `${reason}:${customerId}`;

/** Days from `today` to the next birthday (0 = today), ignoring the year; 29 Feb counts as 28 Feb in other years. */
export function daysToBirthday(birthday: LocalDate, today: LocalDate): number {
  const year = Number(today.slice(0, 4));
  const md = birthday.slice(5) === '02-29' ? '02-28' : birthday.slice(5);
  let next = toDayNumber(`${year}-${md}`);
  if (next < toDayNumber(today)) next = toDayNumber(`${year + 1}-${md}`);
  return next - toDayNumber(today);
}

/** Why a valuable customer counts as slipping away, in one short sentence with their own numbers. */
export function slippingWhy(c: Pick<CustomerMetrics, 'segmentLabel' | 'visitDays' | 'recencyDays'>): string {
  const came = `visited on ${c.visitDays} ${c.visitDays === 1 ? 'day' : 'different days'}`;
  const last = c.recencyDays === null ? 'has not been back for a while' : `last came ${c.recencyDays} ${c.recencyDays === 1 ? 'day' : 'days'} ago`;
  return `${c.segmentLabel ?? 'At risk'}: ${came} but ${last}.`;
}

/**
 * Builds the list. Regulars (3+ visit days) who are overdue, ranked by what they have spent; high or
 * medium value customers whose segment says they are slipping (At risk, Can't lose them); unhappy
 * answers with an open follow-up; recent promoters (9–10 or 5 stars) to ask for a review; birthdays
 * in the next seven days.
 */
export function buildCallList(customers: readonly CustomerMetrics[], contacts: ReadonlyMap<number, CallContact>, feedback: readonly CallListFeedback[], options: CallListOptions): CallList {
  const limit = options.limit ?? 12;
  const done = options.done ?? new Set<string>();
  const byId = new Map(customers.map((c) => [c.id, c]));
  const entry = (reason: CallReason, c: { id: number; name: string; revenueCents: number }, why: string, feedbackId: number | null = null): CallEntry => {
    const contact = contacts.get(c.id);
    return { reason, customerId: c.id, name: c.name, phone: contact?.phone ?? null, email: contact?.email ?? null, why, revenueCents: c.revenueCents, feedbackId };
  };
  const keptOffAsDone: Record<CallReason, number[]> = { 'overdue-regular': [], 'high-value-at-risk': [], detractor: [], promoter: [], birthday: [] };
  // Asked last in each filter, once a person qualifies: so a "no" counts someone kept off as done.
  // An overdue regular who was called is not brought back as a big spender slipping away either:
  // both mean "call them to win them back", and they have just been called.
  const open = (reason: CallReason, id: number) => {
    if (!done.has(doneKey(reason, id)) && !(reason === 'high-value-at-risk' && done.has(doneKey('overdue-regular', id)))) return true;
    keptOffAsDone[reason].push(id);
    return false;
  };
  const byValue = (a: CallEntry, b: CallEntry) => b.revenueCents - a.revenueCents || a.name.localeCompare(b.name);

  const overdueRegulars = customers
    .filter((c) => c.overdue === true && c.visitDays >= 3 && open('overdue-regular', c.id))
    .map((c) => entry('overdue-regular', c, c.cadenceReason ?? 'Overdue for a visit.'))
    .sort(byValue)
    .slice(0, limit);
  const listed = new Set(overdueRegulars.map((e) => e.customerId));

  const highValueAtRisk = customers
    .filter((c) => (c.segment === 'at-risk' || c.segment === 'cant-lose') && (c.valueBand === 'high' || c.valueBand === 'medium') && !listed.has(c.id) && open('high-value-at-risk', c.id))
    .map((c) => entry('high-value-at-risk', c, slippingWhy(c)))
    .sort(byValue)
    .slice(0, limit);

  const unhappy = (f: CallListFeedback) => (f.nps !== null && f.nps <= 6) || (f.rating !== null && f.rating <= 2);
  const detractors = feedback
    .filter((f) => f.followUp === 'open' && unhappy(f) && f.customerId !== null && byId.has(f.customerId))
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, limit)
    .map((f) => {
      const c = byId.get(f.customerId!)!;
      const score = f.nps !== null ? `Gave ${f.nps}/10` : `Gave ${f.rating} star${f.rating === 1 ? '' : 's'}`;
      return entry('detractor', c, `${score} on ${f.date}${f.comment ? `: “${f.comment}”` : ''}`, f.id);
    });

  const since = addDays(options.today, -(options.promoterDays ?? 30));
  const seenPromoter = new Set<number>();
  const promoters = feedback
    .filter((f) => f.date >= since && ((f.nps !== null && f.nps >= 9) || f.rating === 5) && f.customerId !== null && byId.has(f.customerId))
    .sort((a, b) => b.date.localeCompare(a.date))
    .filter((f) => !seenPromoter.has(f.customerId!) && seenPromoter.add(f.customerId!) && open('promoter', f.customerId!))
    .slice(0, limit)
    .map((f) => entry('promoter', byId.get(f.customerId!)!, `Loves the shop (${f.nps !== null ? `${f.nps}/10` : '5 stars'} on ${f.date}) — ask for a review.`, f.id));

  const birthdays = [...contacts.values()]
    .filter((c) => c.birthday && daysToBirthday(c.birthday, options.today) <= 6 && byId.has(c.id) && open('birthday', c.id))
    .map((c) => ({ c, days: daysToBirthday(c.birthday!, options.today) }))
    .sort((a, b) => a.days - b.days)
    .slice(0, limit)
    .map(({ c, days }) => entry('birthday', byId.get(c.id)!, days === 0 ? 'Birthday today.' : days === 1 ? 'Birthday tomorrow.' : `Birthday in ${days} days (${addDays(options.today, days)}).`));

  return { overdueRegulars, highValueAtRisk, detractors, promoters, birthdays, keptOffAsDone };
}
