import type { Db } from '../connection';
import type { Customer, Feedback, Visit } from '../../../shared/domain/types';

/** A customer with their visit totals, as exported. */
export interface CustomerExport extends Customer {
  visits: number;
  totalSpentCents: number;
  firstVisit: string | null;
  lastVisit: string | null;
}

interface CustomerExportRow {
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
  visit_count: number;
  total_cents: number;
  first_visit: string | null;
  last_visit: string | null;
}

interface VisitExportRow {
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

interface FeedbackExportRow {
  id: number;
  customer_id: number | null;
  visit_id: number | null;
  date: string;
  nps: number | null;
  rating: number | null;
  comment: string;
  follow_up: Feedback['followUp'];
  follow_up_note: string;
  source: string;
  created_at: string;
}

function toCustomer(r: CustomerExportRow): CustomerExport {
  return {
    id: r.id,
    name: r.name,
    phone: r.phone,
    email: r.email,
    birthday: r.birthday,
    tags: JSON.parse(r.tags) as string[],
    notes: r.notes,
    marketingConsent: r.marketing_consent === 1,
    externalRef: r.external_ref,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    erasedAt: r.erased_at,
    visits: r.visit_count,
    totalSpentCents: r.total_cents,
    firstVisit: r.first_visit,
    lastVisit: r.last_visit,
  };
}

function toVisit(r: VisitExportRow): Visit {
  return {
    id: r.id,
    customerId: r.customer_id,
    date: r.date,
    amountCents: r.amount_cents,
    items: r.items,
    staff: r.staff,
    paymentMethod: r.payment_method,
    importId: r.import_id,
    createdAt: r.created_at,
  };
}

function toFeedback(r: FeedbackExportRow): Feedback {
  return {
    id: r.id,
    customerId: r.customer_id,
    visitId: r.visit_id,
    date: r.date,
    nps: r.nps,
    rating: r.rating,
    comment: r.comment,
    followUp: r.follow_up,
    followUpNote: r.follow_up_note,
    source: r.source,
    createdAt: r.created_at,
  };
}

function* mapRows<R, T>(rows: IterableIterator<R>, map: (row: R) => T): Generator<T> {
  for (const row of rows) yield map(row);
}

/**
 * Reads everything for export, one row at a time (a shop with a million visits is streamed, not
 * loaded). `customerId` narrows to one person, for a data-access request. The rows are read in
 * one read transaction by the caller so the files agree with each other.
 */
export function createExportRepository(db: Db) {
  const customerWhere = (id: number | undefined) => (id === undefined ? '' : 'WHERE id = @id');
  const linkedWhere = (id: number | undefined) => (id === undefined ? '' : 'WHERE customer_id = @id');
  return {
    customers(customerId?: number): Generator<CustomerExport> {
      const sql = `SELECT id, name, phone, email, birthday, tags, notes, marketing_consent, external_ref, created_at, updated_at,
          erased_at, visit_count, total_cents, first_visit, last_visit FROM customers ${customerWhere(customerId)} ORDER BY id`;
      return mapRows(db.prepare<{ id?: number }, CustomerExportRow>(sql).iterate(customerId === undefined ? {} : { id: customerId }), toCustomer);
    },
    visits(customerId?: number): Generator<Visit> {
      const sql = `SELECT id, customer_id, date, amount_cents, items, staff, payment_method, import_id, created_at
          FROM visits ${linkedWhere(customerId)} ORDER BY date, id`;
      return mapRows(db.prepare<{ id?: number }, VisitExportRow>(sql).iterate(customerId === undefined ? {} : { id: customerId }), toVisit);
    },
    feedback(customerId?: number): Generator<Feedback> {
      const sql = `SELECT id, customer_id, visit_id, date, nps, rating, comment, follow_up, follow_up_note, source, created_at
          FROM feedback ${linkedWhere(customerId)} ORDER BY date, id`;
      return mapRows(db.prepare<{ id?: number }, FeedbackExportRow>(sql).iterate(customerId === undefined ? {} : { id: customerId }), toFeedback);
    },
  };
}
