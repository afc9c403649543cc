import type { Db } from '../connection';
import type { CallContact, CallDone, CallListFeedback, CallReason } from '../../../shared/metrics/call-list';

export function createCallListRepository(db: Db) {
  return {
    /** Every "done" on the list (one per person and reason: the latest), made on or after `since` (default: all). */
    doneMarks(since = '0000-01-01'): CallDone[] {
      const rows = db.prepare('SELECT customer_id, reason, done_on FROM call_list_done WHERE done_on >= ?').raw().all(since) as [number, CallReason, string][];
      return rows.map(([customerId, reason, doneOn]) => ({ customerId, reason, doneOn }));
    },
    markDone(customerId: number, reason: string, date: string): void {
      db.prepare('INSERT INTO call_list_done (customer_id, reason, done_on) VALUES (?, ?, ?) ON CONFLICT(customer_id, reason) DO UPDATE SET done_on = excluded.done_on').run(customerId, reason, date);
    },
    contacts(): Map<number, CallContact> {
      const rows = db.prepare('SELECT id, name, phone, email, birthday FROM customers WHERE erased_at IS NULL').raw().all() as [number, string, string | null, string | null, string | null][];
      return new Map(rows.map(([id, name, phone, email, birthday]) => [id, { id, name, phone, email, birthday }]));
    },
    /** Feedback that can put someone on the list: open follow-ups and recent answers. */
    feedbackSince(since: string): CallListFeedback[] {
      return (db
        .prepare("SELECT id, customer_id, date, nps, rating, comment, follow_up FROM feedback WHERE follow_up = 'open' OR date >= ?")
        .raw()
        .all(since) as [number, number | null, string, number | null, number | null, string, 'none' | 'open' | 'done'][]).map(([id, customerId, date, nps, rating, comment, followUp]) => ({ id, customerId, date, nps, rating, comment, followUp }));
    },
  };
}
