import type { Db } from '../connection';
import type { Customer, Feedback, Visit } from '../../../shared/domain/types';
import { CUSTOMER_COLUMNS, feedbackColumns, toCustomer, toFeedback, toVisit, VISIT_COLUMNS, type CustomerRecordRow, type FeedbackRecordRow, type VisitRecordRow } from '../rows';

/** A customer with their visit totals, as exported. */
export interface CustomerExport extends Customer {
  visits: number;
  totalSpentCents: number;
  firstVisit: string | null;
  lastVisit: string | null;
}

interface CustomerExportRow extends CustomerRecordRow {
  visit_count: number;
  total_cents: number;
  first_visit: string | null;
  last_visit: string | null;
}

function toCustomerExport(r: CustomerExportRow): CustomerExport {
  return { ...toCustomer(r), visits: r.visit_count, totalSpentCents: r.total_cents, firstVisit: r.first_visit, lastVisit: r.last_visit };
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
      const sql = `SELECT ${CUSTOMER_COLUMNS}, visit_count, total_cents, first_visit, last_visit FROM customers ${customerWhere(customerId)} ORDER BY id`;
      return mapRows(db.prepare<{ id?: number }, CustomerExportRow>(sql).iterate(customerId === undefined ? {} : { id: customerId }), toCustomerExport);
    },
    visits(customerId?: number): Generator<Visit> {
      const sql = `SELECT ${VISIT_COLUMNS} FROM visits ${linkedWhere(customerId)} ORDER BY date, id`;
      return mapRows(db.prepare<{ id?: number }, VisitRecordRow>(sql).iterate(customerId === undefined ? {} : { id: customerId }), toVisit);
    },
    feedback(customerId?: number): Generator<Feedback> {
      const sql = `SELECT ${feedbackColumns()} FROM feedback ${linkedWhere(customerId)} ORDER BY date, id`;
      return mapRows(db.prepare<{ id?: number }, FeedbackRecordRow>(sql).iterate(customerId === undefined ? {} : { id: customerId }), toFeedback);
    },
  };
}
