/**
 * How customers, visits and feedback are stored (snake_case columns) and how a stored row becomes a
 * domain object. Every repository that reads whole records uses these, so a new column is added in
 * one place.
 */
import type { Customer, Feedback, FollowUpState, Visit } from '../../shared/domain/types';

export interface CustomerRecordRow {
  id: number;
  name: string;
  phone: string | null;
  email: string | null;
  birthday: string | null;
  tags: string;
  notes: string;
  marketing_consent: number;
  external_ref: string | null;
  created_at: string;
  updated_at: string;
  erased_at: string | null;
}

export const CUSTOMER_COLUMNS = 'id, name, phone, email, birthday, tags, notes, marketing_consent, external_ref, created_at, updated_at, erased_at';

export function toCustomer(row: CustomerRecordRow): Customer {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    birthday: row.birthday,
    tags: JSON.parse(row.tags) as string[],
    notes: row.notes,
    marketingConsent: row.marketing_consent === 1,
    externalRef: row.external_ref,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    erasedAt: row.erased_at,
  };
}

export interface VisitRecordRow {
  id: number;
  customer_id: number;
  date: string;
  amount_cents: number;
  items: string;
  staff: string | null;
  payment_method: string | null;
  import_id: number | null;
  created_at: string;
}

export const VISIT_COLUMNS = 'id, customer_id, date, amount_cents, items, staff, payment_method, import_id, created_at';

export function toVisit(row: VisitRecordRow): Visit {
  return {
    id: row.id,
    customerId: row.customer_id,
    date: row.date,
    amountCents: row.amount_cents,
    items: row.items,
    staff: row.staff,
    paymentMethod: row.payment_method,
    importId: row.import_id,
    createdAt: row.created_at,
  };
}

export interface FeedbackRecordRow {
  id: number;
  customer_id: number | null;
  visit_id: number | null;
  date: string;
  nps: number | null;
  rating: number | null;
  comment: string;
  follow_up: FollowUpState;
  follow_up_note: string;
  source: string;
  created_at: string;
}

/** Feedback columns with a table alias, for queries that join feedback to customers. */
export function feedbackColumns(alias = ''): string {
  const prefix = alias ? `${alias}.` : '';
  return ['id', 'customer_id', 'visit_id', 'date', 'nps', 'rating', 'comment', 'follow_up', 'follow_up_note', 'source', 'created_at'].map((c) => prefix + c).join(', ');
}

export function toFeedback(row: FeedbackRecordRow): Feedback {
  return {
    id: row.id,
    customerId: row.customer_id,
    visitId: row.visit_id,
    date: row.date,
    nps: row.nps,
    rating: row.rating,
    comment: row.comment,
    followUp: row.follow_up,
    followUpNote: row.follow_up_note,
    source: row.source,
    createdAt: row.created_at,
  };
}
