/**
 * The monthly summary as data: everything the printed page shows, already in words and formatted
 * numbers, so the HTML renderer only lays it out and tests can read the figures directly.
 */
import type { LocalDate, YearMonth } from '../domain/dates';
import type { CallContact, CallDone, CallListFeedback } from '../metrics/call-list';
import type { MetricsCustomer } from '../metrics/shop';
import type { VisitColumns } from '../metrics/visitIndex';
import type { SegmentId } from '../metrics/rfm';

export type Paper = 'a4' | 'letter';

/**
 * A feedback entry with what the summary needs beyond the scores: who, and whether a follow-up is
 * open — the same entry the Today list works from (the summary's "who to call" is that list).
 */
export type ReportFeedback = CallListFeedback;

/** Everything the summary is computed from (read once from the data file). */
export interface ReportData {
  customers: readonly MetricsCustomer[];
  visits: VisitColumns;
  feedback: readonly ReportFeedback[];
  /** Phone and email per customer id (erased customers are absent). */
  contacts: ReadonlyMap<number, CallContact>;
  /** The "done" marks of the Today screen's who-to-call list. */
  callsDone: readonly CallDone[];
  /** Today's date: the printed-on date, and the cut-off when the month is not over yet. */
  today: LocalDate;
}

/** The settings the summary uses (a subset of the shop's Settings). */
export interface ReportSettings {
  shopName: string;
  currency: string;
  locale: string;
  activeWindowDays: number;
  marginPct: number;
  /** Overrides the paper size that the locale suggests. */
  paper?: Paper | undefined;
}

export type FigureKey =
  | 'revenue'
  | 'visits'
  | 'customersServed'
  | 'newCustomers'
  | 'returningCustomers'
  | 'averageSpend'
  | 'retentionRate'
  | 'repeatRate'
  | 'nps'
  | 'averageRating';

/** One headline figure with its two comparisons. Raw values: cents, counts, percent, NPS −100…100, stars. */
export interface HeadlineFigure {
  key: FigureKey;
  label: string;
  value: number | null;
  previous: number | null;
  lastYear: number | null;
  /** "€12,340", "1,024", "87.5%", "+45", "4.3 of 5", or "—" when there is nothing to show. */
  valueText: string;
  /** "+8%", "−3.0 pts", "no change" or "—". */
  vsPreviousText: string;
  vsLastYearText: string;
}

export interface WeekRevenue {
  /** "1–7 Oct". */
  label: string;
  from: LocalDate;
  to: LocalDate;
  newRevenueCents: number;
  returningRevenueCents: number;
}

export interface SegmentChange {
  segment: SegmentId;
  label: string;
  now: number;
  monthAgo: number;
}

export interface TopCustomer {
  name: string;
  visits: number;
  spentCents: number;
  spentText: string;
  segmentLabel: string;
}

export interface MovedCustomer {
  name: string;
  phone: string;
  segmentLabel: string;
  /** The segment a month ago, or "—". */
  wasLabel: string;
  spentToDateText: string;
}

export interface CallRow {
  name: string;
  /** Phone, else email, else "no phone number". */
  contact: string;
  reason: string;
  why: string;
}

export interface CommentRow {
  name: string;
  date: string;
  /** "9/10" or "2 stars". */
  score: string;
  comment: string;
}

export interface FeedbackSection {
  responses: number;
  npsText: string;
  npsAnswers: number;
  promoters: number;
  passives: number;
  detractors: number;
  ratings: number;
  averageRatingText: string;
  best: CommentRow[];
  worst: CommentRow[];
  openFollowUps: number;
  openList: CommentRow[];
}

export interface MonthlyReport {
  shopName: string;
  month: YearMonth;
  monthLabel: string;
  previousMonthLabel: string;
  lastYearLabel: string;
  /** The last day counted: the month's end, or today when the month is not over. */
  asOf: LocalDate;
  /** True when the month is not over yet. */
  partial: boolean;
  printedOn: LocalDate;
  printedOnLabel: string;
  asOfLabel: string;
  paper: Paper;
  locale: string;
  currency: string;
  /** Any visit recorded on or before the month's end. */
  hasVisits: boolean;
  /** No visit before this month: nothing earlier to compare with. */
  firstMonth: boolean;
  activeWindowDays: number;
  headline: HeadlineFigure[];
  summary: string[];
  weeks: WeekRevenue[];
  segments: SegmentChange[];
  topCustomers: TopCustomer[];
  moved: { total: number; rows: MovedCustomer[] };
  callList: CallRow[];
  /**
   * People left off "Who to call" because they were marked done on the Today screen in the 30 days
   * up to the report's date (the Today screen leaves them off too).
   */
  callsDoneLeftOut: number;
  feedback: FeedbackSection;
}
