/**
 * The shop's records as every part of the app sees them. Money is integer cents; visit and feedback
 * dates are local calendar dates (`YYYY-MM-DD`); timestamps are ISO instants in UTC.
 */
import type { LocalDate } from './dates';

export type CustomerId = number;

export interface Customer {
  id: CustomerId;
  name: string;
  /** E.164 where it could be normalized, else as typed. */
  phone: string | null;
  /** Lower-case. */
  email: string | null;
  birthday: LocalDate | null;
  tags: string[];
  notes: string;
  marketingConsent: boolean;
  /** The customer's id in another system (till, booking app) — used to match re-imports. */
  externalRef: string | null;
  createdAt: string;
  updatedAt: string;
  /** Set when the owner erased this person's details; the row stays so totals do not change. */
  erasedAt: string | null;
}

/** One line of the customer list: the person plus their visit totals. */
export interface CustomerRow {
  id: CustomerId;
  name: string;
  phone: string | null;
  email: string | null;
  visits: number;
  totalSpentCents: number;
  firstVisit: LocalDate | null;
  lastVisit: LocalDate | null;
}

export interface Visit {
  id: number;
  customerId: CustomerId;
  date: LocalDate;
  /** May be 0, or negative for a refund. */
  amountCents: number;
  items: string;
  staff: string | null;
  paymentMethod: string | null;
  importId: number | null;
  createdAt: string;
}

export type FollowUpState = 'none' | 'open' | 'done';

export interface Feedback {
  id: number;
  customerId: CustomerId | null;
  visitId: number | null;
  date: LocalDate;
  /** "How likely are you to recommend us?" 0–10. */
  nps: number | null;
  /** Star rating 1–5. */
  rating: number | null;
  comment: string;
  followUp: FollowUpState;
  followUpNote: string;
  source: string;
  createdAt: string;
}

/** A feedback entry with the customer's name, for lists. */
export interface FeedbackRow extends Feedback {
  customerName: string | null;
  customerPhone: string | null;
}

export type TimelineEntry = { kind: 'visit'; visit: Visit } | { kind: 'feedback'; feedback: Feedback };

export interface CustomerDetail {
  customer: Customer;
  stats: { visits: number; totalSpentCents: number; firstVisit: LocalDate | null; lastVisit: LocalDate | null };
  /** Newest first. */
  timeline: TimelineEntry[];
}

export interface Page<T> {
  rows: T[];
  total: number;
}
