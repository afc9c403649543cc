/**
 * buildMonthlyReport: from the shop's data to the monthly summary model. Every figure comes from the
 * metrics module — `computeShopMetrics` as of the month's last day (the same run as
 * `regulars metrics --as-of <month end>`), its month-by-month activity for the month itself, and
 * cheap snapshots (snapshot.ts) for the rates a month and a year earlier. Pure: no clock, no I/O.
 */
import { addDays, addMonths, daysInMonth, monthRange, toDayNumber, type LocalDate, type YearMonth } from '../domain/dates';
import { computeShopMetricsWithIndex, type CustomerMetrics, type ShopMetricsOptions } from '../metrics/shop';
import { monthlyActivity, type MonthActivity } from '../metrics/activity';
import { averageRating, feedbackTrend, nps, type FeedbackMonth } from '../metrics/feedback';
import { buildCallList, recentlyDone, type CallEntry } from '../metrics/call-list';
import { SEGMENTS, segmentById, type SegmentId } from '../metrics/rfm';
import { changeText, reportFormat, shorten, type ChangeKind, type ReportFormat } from './format';
import { paperForLocale } from './paper';
import { shopSnapshotFromIndex } from './snapshot';
import { summarySentences } from './sentences';
import type {
  CallRow,
  CommentRow,
  FeedbackSection,
  FigureKey,
  HeadlineFigure,
  MonthlyReport,
  MovedCustomer,
  ReportData,
  ReportFeedback,
  ReportSettings,
  SegmentChange,
  TopCustomer,
  WeekRevenue,
} from './types';

/** How many rows each list may have, so a huge month still fits on one or two pages. */
export const REPORT_LIMITS = { topCustomers: 5, moved: 5, callPerReason: 3, callTotal: 8, comments: 2, openFollowUps: 2 } as const;

const RISK_SEGMENTS: ReadonlySet<SegmentId> = new Set(['at-risk', 'cant-lose']);

/** The month's own numbers, from a MonthActivity row (zero when the month had no visits). */
interface MonthNumbers {
  revenueCents: number;
  visits: number;
  newCustomers: number;
  returningCustomers: number;
  newRevenueCents: number;
  returningRevenueCents: number;
}

function monthNumbers(row: MonthActivity | undefined): MonthNumbers | null {
  if (!row) return null;
  return {
    revenueCents: row.newRevenueCents + row.returningRevenueCents,
    visits: row.visits,
    newCustomers: row.newCustomers,
    returningCustomers: row.returningCustomers,
    newRevenueCents: row.newRevenueCents,
    returningRevenueCents: row.returningRevenueCents,
  };
}

const EMPTY_MONTH: MonthNumbers = { revenueCents: 0, visits: 0, newCustomers: 0, returningCustomers: 0, newRevenueCents: 0, returningRevenueCents: 0 };

/** The last day of `month`, or `today` if the month is not over; null if the month has not started. */
export function reportCutOff(month: YearMonth, today: LocalDate): { asOf: LocalDate; partial: boolean } | null {
  const { first, last } = monthRange(month);
  if (first > today) return null;
  return last <= today ? { asOf: last, partial: false } : { asOf: today, partial: true };
}

/** The default month of the summary: the last complete month before `today`. */
export function lastCompleteMonth(today: LocalDate): YearMonth {
  return addMonths(today.slice(0, 7), -1);
}

function metricsOptions(asOf: LocalDate, settings: ReportSettings): ShopMetricsOptions {
  // The same options `metrics:compute` uses by default, so the figures match `regulars metrics`.
  return {
    asOf,
    horizonDays: 90,
    clvMonths: 12,
    discountMonthly: 0.01,
    marginPct: settings.marginPct,
    lifespanYears: null,
    activeWindowDays: settings.activeWindowDays,
    currency: settings.currency,
    locale: settings.locale,
  };
}

function figure(key: FigureKey, label: string, value: number | null, previous: number | null, lastYear: number | null, kind: ChangeKind, text: (v: number) => string, f: ReportFormat): HeadlineFigure {
  return {
    key,
    label,
    value,
    previous,
    lastYear,
    valueText: value === null ? '—' : text(value),
    vsPreviousText: changeText(value, previous, kind, f),
    vsLastYearText: changeText(value, lastYear, kind, f),
  };
}

const spendPerVisit = (m: MonthNumbers | null): number | null => (m && m.visits > 0 ? Math.round(m.revenueCents / m.visits) : null);
const round1 = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : Math.round(v * 10) / 10);
const round2 = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : Math.round(v * 100) / 100);

/** Revenue of the month in chunks of seven days from the 1st (the last chunk is what is left). */
function weeklyRevenue(data: ReportData, month: YearMonth, asOfDay: number, firstDayOf: Map<number, number>, f: ReportFormat): WeekRevenue[] {
  const { first } = monthRange(month);
  const startDay = toDayNumber(first);
  const days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  const weeks: WeekRevenue[] = [];
  for (let d = 0; d < days; d += 7) {
    const from = addDays(first, d);
    const to = addDays(first, Math.min(d + 6, days - 1));
    weeks.push({ label: `${Number(from.slice(8))}–${f.dayMonth(to)}`, from, to, newRevenueCents: 0, returningRevenueCents: 0 });
  }
  const { customerId, day, amountCents } = data.visits;
  for (let i = 0; i < day.length; i++) {
    const d = day[i] as number;
    if (d < startDay || d > asOfDay) continue;
    const firstDay = firstDayOf.get(customerId[i] as number);
    if (firstDay === undefined) continue; // a visit of an unknown customer: the metrics ignore it too
    const week = weeks[Math.floor((d - startDay) / 7)] as WeekRevenue;
    if (firstDay >= startDay) week.newRevenueCents += amountCents[i] as number;
    else week.returningRevenueCents += amountCents[i] as number;
  }
  return weeks;
}

/** Spend and visits per customer within [fromDay, toDay]. */
function monthSpend(data: ReportData, fromDay: number, toDay: number): Map<number, { visits: number; cents: number }> {
  const out = new Map<number, { visits: number; cents: number }>();
  const { customerId, day, amountCents } = data.visits;
  for (let i = 0; i < day.length; i++) {
    const d = day[i] as number;
    if (d < fromDay || d > toDay) continue;
    const id = customerId[i] as number;
    const row = out.get(id) ?? { visits: 0, cents: 0 };
    row.visits++;
    row.cents += amountCents[i] as number;
    out.set(id, row);
  }
  return out;
}

function scoreText(entry: ReportFeedback): string {
  if (entry.nps !== null) return `${entry.nps}/10`;
  if (entry.rating !== null) return `${entry.rating} star${entry.rating === 1 ? '' : 's'}`;
  return '';
}

/** 0 (unhappiest) … 1 (happiest), from the NPS answer or else the stars; null without a score. */
function happiness(entry: ReportFeedback): number | null {
  if (entry.nps !== null) return entry.nps / 10;
  if (entry.rating !== null) return (entry.rating - 1) / 4;
  return null;
}

function feedbackSection(data: ReportData, monthEntries: readonly ReportFeedback[], asOf: LocalDate, nameOf: (id: number | null) => string, f: ReportFormat): FeedbackSection {
  const score = nps(monthEntries.map((e) => e.nps));
  const ratings = monthEntries.map((e) => e.rating);
  const rating = averageRating(ratings);
  const row = (e: ReportFeedback): CommentRow => ({ name: nameOf(e.customerId), date: f.dayMonth(e.date), score: scoreText(e), comment: shorten(e.comment, 90) });
  const commented = monthEntries
    .filter((e) => e.comment.trim() !== '')
    .map((e) => ({ e, h: happiness(e) }))
    .filter((x): x is { e: ReportFeedback; h: number } => x.h !== null);
  const best = commented
    .filter((x) => x.h >= 0.75)
    .sort((a, b) => b.h - a.h || b.e.date.localeCompare(a.e.date))
    .slice(0, REPORT_LIMITS.comments)
    .map((x) => row(x.e));
  const worstEntries = commented
    .filter((x) => x.h <= 0.6)
    .sort((a, b) => a.h - b.h || b.e.date.localeCompare(a.e.date))
    .slice(0, REPORT_LIMITS.comments)
    .map((x) => x.e);
  const worst = worstEntries.map(row);
  const open = data.feedback.filter((e) => e.followUp === 'open' && e.date <= asOf).sort((a, b) => b.date.localeCompare(a.date));
  // The open follow-ups listed are ones not already quoted among the worst comments.
  const quoted = new Set(worstEntries.map((x) => x.id));
  // Those with a comment first: they say what to talk about on the phone.
  const openListed = open.filter((x) => !quoted.has(x.id)).sort((a, b) => Number(b.comment.trim() !== '') - Number(a.comment.trim() !== ''));
  return {
    responses: monthEntries.length,
    npsText: score === null ? '—' : signed(Math.round(score.score)),
    npsAnswers: score?.answers ?? 0,
    promoters: score?.promoters ?? 0,
    passives: score?.passives ?? 0,
    detractors: score?.detractors ?? 0,
    ratings: ratings.filter((r) => r !== null).length,
    averageRatingText: rating === null ? '—' : `${rating.toFixed(1)} of 5`,
    best,
    worst,
    openFollowUps: open.length,
    openList: openListed.slice(0, REPORT_LIMITS.openFollowUps).map(row),
  };
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `\u2212${Math.abs(n)}` : '0';
}

const REASON_LABELS: Record<CallEntry['reason'], string> = {
  'overdue-regular': 'Regular, overdue',
  'high-value-at-risk': 'Big spender slipping away',
  detractor: 'Unhappy answer',
  promoter: 'Happy: ask for a review',
  birthday: 'Birthday',
};

/** The summary's "who to call" (the Today list's win-back and unhappy sections), and how many were left off as done. */
function callRows(customers: readonly CustomerMetrics[], data: ReportData, asOf: LocalDate, f: ReportFormat, young: boolean): { rows: CallRow[]; doneLeftOut: number } {
  const feedback = data.feedback.filter((e) => e.date <= asOf);
  const list = buildCallList(customers, data.contacts, feedback, { today: asOf, limit: REPORT_LIMITS.callPerReason, done: recentlyDone(data.callsDone, asOf) });
  const byId = new Map(customers.map((c) => [c.id, c]));
  const feedbackById = new Map(feedback.map((entry) => [entry.id, entry]));
  const why = (e: CallEntry): string => {
    if (e.reason === 'high-value-at-risk') {
      const c = byId.get(e.customerId);
      return c ? `${c.segmentLabel ?? 'At risk'}: last visit ${c.recencyDays ?? '?'} days ago; has spent ${f.moneyWhole(c.revenueCents)} in all.` : e.why;
    }
    if (e.reason === 'detractor' && e.feedbackId !== null) {
      const entry = feedbackById.get(e.feedbackId);
      if (entry) return `Gave ${scoreText(entry)} on ${f.dayMonth(entry.date)}${entry.comment.trim() ? `: “${entry.comment.trim()}”` : ' (no comment)'}`;
    }
    return e.why;
  };
  const rows = [...list.overdueRegulars, ...(young ? [] : list.highValueAtRisk), ...list.detractors].slice(0, REPORT_LIMITS.callTotal).map((e) => ({
    name: shorten(e.name, 40),
    contact: e.phone ? f.phone(e.phone) : (e.email ?? 'no phone number'),
    reason: REASON_LABELS[e.reason],
    why: shorten(why(e), 110),
  }));
  // An unhappy answer's "done" closes its follow-up, so it is never counted here: it is simply settled.
  const doneLeftOut = new Set([...list.keptOffAsDone['overdue-regular'], ...(young ? [] : list.keptOffAsDone['high-value-at-risk'])]).size;
  return { rows, doneLeftOut };
}

/**
 * The monthly summary of `month` (YYYY-MM). Visits after the month's end (or after `data.today`
 * when the month is not over) are ignored. Throws only when the month has not started yet.
 */
export function buildMonthlyReport(data: ReportData, month: YearMonth, settings: ReportSettings): MonthlyReport {
  const cut = reportCutOff(month, data.today);
  if (!cut) throw new Error(`The month ${month} has not started yet.`);
  const { asOf, partial } = cut;
  const f = reportFormat(settings.locale, settings.currency);
  const previousMonth = addMonths(month, -1);
  const lastYearMonth = addMonths(month, -12);
  const monthStart = monthRange(month).first;
  const monthStartDay = toDayNumber(monthStart);
  const asOfDay = toDayNumber(asOf);

  // One metrics run; its visit index also gives the month-by-month activity (as the Insights screen
  // computes it; computeInsights would also build cohorts and feedback themes, which the summary does
  // not show) and the snapshots a month and a year earlier.
  const { metrics, index, totals } = computeShopMetricsWithIndex(data, metricsOptions(asOf, settings));
  const customerIds = index.customerIds;
  const months = monthlyActivity(index, totals, settings.activeWindowDays);
  const activity = new Map(months.map((m) => [m.month, m]));
  const now = monthNumbers(activity.get(month)) ?? EMPTY_MONTH;
  const previous = monthNumbers(activity.get(previousMonth));
  const lastYear = monthNumbers(activity.get(lastYearMonth));
  const hasVisits = months.length > 0;
  const firstMonth = hasVisits && (months[0] as MonthActivity).month >= month;

  // A 12-month retention needs a full year plus one active window of history: before that, SC (the
  // customers active a year earlier) is a handful while nearly everyone is "new", and
  // ((EC − NC) ÷ SC) swings to meaningless values such as −300%. Shown as "—" instead.
  const firstVisit = metrics.customers.reduce<string | null>((min, c) => (c.firstVisit !== null && (min === null || c.firstVisit < min) ? c.firstVisit : min), null);
  const afterFirstYear = (date: LocalDate) => firstVisit !== null && toDayNumber(date) - 365 - settings.activeWindowDays >= toDayNumber(firstVisit);
  // Before one active window of history, RFM recency only ranks people by a few days, so nobody can
  // be said to be "slipping away" yet.
  const young = firstVisit === null || asOfDay - toDayNumber(firstVisit) < settings.activeWindowDays;

  const before = previous ? shopSnapshotFromIndex(index, monthRange(previousMonth).last, settings.activeWindowDays) : null;
  const yearAgo = lastYear ? shopSnapshotFromIndex(index, monthRange(lastYearMonth).last, settings.activeWindowDays) : null;

  const trend = new Map<YearMonth, FeedbackMonth>(feedbackTrend(data.feedback.filter((e) => e.date <= asOf)).map((t) => [t.month, t]));
  const feedbackOf = (m: YearMonth) => trend.get(m);
  const countOrNull = (m: MonthNumbers | null, pick: (m: MonthNumbers) => number) => (m ? pick(m) : null);

  const money = (c: number) => f.moneyWhole(c);
  const headline: HeadlineFigure[] = [
    figure('revenue', 'Revenue', now.revenueCents, countOrNull(previous, (m) => m.revenueCents), countOrNull(lastYear, (m) => m.revenueCents), 'relative', money, f),
    figure('visits', 'Visits', now.visits, countOrNull(previous, (m) => m.visits), countOrNull(lastYear, (m) => m.visits), 'relative', f.count, f),
    figure(
      'customersServed',
      'Customers served',
      now.newCustomers + now.returningCustomers,
      countOrNull(previous, (m) => m.newCustomers + m.returningCustomers),
      countOrNull(lastYear, (m) => m.newCustomers + m.returningCustomers),
      'relative',
      f.count,
      f,
    ),
    figure('newCustomers', 'New customers', now.newCustomers, countOrNull(previous, (m) => m.newCustomers), countOrNull(lastYear, (m) => m.newCustomers), 'relative', f.count, f),
    figure('returningCustomers', 'Returning', now.returningCustomers, countOrNull(previous, (m) => m.returningCustomers), countOrNull(lastYear, (m) => m.returningCustomers), 'relative', f.count, f),
    figure('averageSpend', 'Spend per visit', spendPerVisit(now), spendPerVisit(previous), spendPerVisit(lastYear), 'relative', f.money, f),
    figure(
      'retentionRate',
      'Retention, 12 months',
      afterFirstYear(asOf) ? metrics.shop.retentionRatePct : null,
      before && afterFirstYear(before.asOf) ? before.retentionRatePct : null,
      yearAgo && afterFirstYear(yearAgo.asOf) ? yearAgo.retentionRatePct : null,
      'points',
      f.percent,
      f,
    ),
    figure('repeatRate', 'Repeat rate', hasVisits ? metrics.shop.repeatRatePct : null, before?.repeatRatePct ?? null, yearAgo?.repeatRatePct ?? null, 'points', f.percent, f),
    figure('nps', 'NPS', round1(feedbackOf(month)?.npsScore), round1(feedbackOf(previousMonth)?.npsScore), round1(feedbackOf(lastYearMonth)?.npsScore), 'points', (v) => signed(Math.round(v)), f),
    figure('averageRating', 'Average rating', round2(feedbackOf(month)?.averageRating), round2(feedbackOf(previousMonth)?.averageRating), round2(feedbackOf(lastYearMonth)?.averageRating), 'stars', (v) => `${v.toFixed(1)} of 5`, f),
  ];

  // Who the month's customers were.
  const customers = metrics.customers;
  const firstDayOf = new Map<number, number>();
  for (let k = 0; k < customerIds.length; k++) if ((totals.visits[k] as number) > 0) firstDayOf.set(customerIds[k] as number, totals.firstDay[k] as number);
  const spend = monthSpend(data, monthStartDay, asOfDay);
  const metricsById = new Map(customers.map((c) => [c.id, c]));
  const nameOf = (id: number | null) => (id === null ? 'No name given' : shorten(metricsById.get(id)?.name ?? 'Unknown customer', 40));
  const topCustomers: TopCustomer[] = [...spend.entries()]
    .filter(([id]) => metricsById.has(id))
    .sort((a, b) => b[1].cents - a[1].cents || b[1].visits - a[1].visits)
    .slice(0, REPORT_LIMITS.topCustomers)
    .map(([id, s]) => {
      const c = metricsById.get(id) as CustomerMetrics;
      return { name: shorten(c.name, 30), visits: s.visits, spentCents: s.cents, spentText: f.money(s.cents), segmentLabel: c.segmentLabel ?? '—' };
    });
  const newWhoCameBack = customers.filter((c) => c.firstVisit !== null && c.firstVisit >= monthStart && c.visitDays >= 2).length;

  // Segments now and a month ago; who slipped into the two "at risk" segments.
  const nowCounts = new Map<SegmentId, number>();
  for (const c of customers) if (c.segment) nowCounts.set(c.segment, (nowCounts.get(c.segment) ?? 0) + 1);
  const beforeSegments = before?.segments ?? new Map<number, SegmentId>();
  const beforeCounts = new Map<SegmentId, number>();
  for (const s of beforeSegments.values()) beforeCounts.set(s, (beforeCounts.get(s) ?? 0) + 1);
  const segments: SegmentChange[] = SEGMENTS.map((s) => ({ segment: s.id, label: s.label, now: nowCounts.get(s.id) ?? 0, monthAgo: beforeCounts.get(s.id) ?? 0 }));
  // Without an earlier month, or in a shop's first weeks, there is nothing to "slip" from.
  const movedAll = (before === null || young ? [] : customers)
    .filter((c) => c.segment !== null && RISK_SEGMENTS.has(c.segment) && !RISK_SEGMENTS.has(beforeSegments.get(c.id) ?? 'new'))
    .sort((a, b) => b.revenueCents - a.revenueCents);
  const moved: MovedCustomer[] = movedAll.slice(0, REPORT_LIMITS.moved).map((c) => {
    const was = beforeSegments.get(c.id);
    const contact = data.contacts.get(c.id);
    return {
      name: shorten(c.name, 28),
      phone: contact?.phone ? f.phone(contact.phone) : (contact?.email ?? '—'),
      segmentLabel: c.segmentLabel ?? '—',
      wasLabel: was ? segmentById(was).label : '—',
      spentToDateText: f.moneyWhole(c.revenueCents),
    };
  });

  const monthFeedback = data.feedback.filter((e) => e.date >= monthStart && e.date <= asOf);
  const feedback = feedbackSection(data, monthFeedback, asOf, nameOf, f);

  const calls = callRows(customers, data, asOf, f, young);
  const report: MonthlyReport = {
    shopName: settings.shopName,
    month,
    monthLabel: f.month(month),
    previousMonthLabel: f.shortMonth(previousMonth),
    lastYearLabel: f.shortMonth(lastYearMonth),
    asOf,
    partial,
    printedOn: data.today,
    printedOnLabel: f.date(data.today),
    asOfLabel: f.date(asOf),
    paper: settings.paper ?? paperForLocale(settings.locale),
    locale: f.locale,
    currency: settings.currency,
    hasVisits,
    firstMonth,
    activeWindowDays: settings.activeWindowDays,
    headline,
    summary: [],
    weeks: weeklyRevenue(data, month, asOfDay, firstDayOf, f),
    segments,
    topCustomers,
    moved: { total: movedAll.length, rows: moved },
    callList: calls.rows,
    callsDoneLeftOut: calls.doneLeftOut,
    feedback,
  };
  report.summary = summarySentences(report, { now, previous, lastYear, newWhoCameBack, previousMonthName: f.month(previousMonth), lastYearMonthName: f.month(lastYearMonth) }, f);
  return report;
}

export type { MonthNumbers };
