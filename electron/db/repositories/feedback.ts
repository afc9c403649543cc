import type { Db } from '../connection';
import type { Feedback, FeedbackRow, FollowUpState, Page } from '../../../shared/domain/types';
import type { FeedbackFilter } from '../../../shared/ipc/schemas';
import { feedbackColumns, toFeedback, type FeedbackRecordRow } from '../rows';

export interface FeedbackWrite {
  customerId: number | null;
  visitId: number | null;
  date: string;
  nps: number | null;
  rating: number | null;
  comment: string;
  followUp: FollowUpState;
  source: string;
}

const COLUMNS = feedbackColumns('f');

// Filters are fixed SQL fragments: "detractors" is the NPS definition (0–6), "low ratings" 1–2 stars.
const FILTER_SQL: Record<FeedbackFilter, string> = {
  all: '1 = 1',
  open: "f.follow_up = 'open'",
  detractors: 'f.nps <= 6',
  lowRatings: 'f.rating <= 2',
};

export function createFeedbackRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO feedback (customer_id, visit_id, date, nps, rating, comment, follow_up, source, import_id, fingerprint, created_at)
     VALUES (:customerId, :visitId, :date, :nps, :rating, :comment, :followUp, :source, :importId, :fingerprint, :now)`,
  );
  const byId = db.prepare<[number], FeedbackRecordRow>(`SELECT ${COLUMNS} FROM feedback f WHERE f.id = ?`);
  const byCustomer = db.prepare<[number], FeedbackRecordRow>(
    `SELECT ${COLUMNS} FROM feedback f WHERE f.customer_id = ? ORDER BY f.date DESC, f.id DESC`,
  );
  const setFollowUp = db.prepare('UPDATE feedback SET follow_up = ?, follow_up_note = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM feedback WHERE id = ?');

  return {
    insert(fields: FeedbackWrite, now: string, source: { importId: number; fingerprint: string } | null = null): number {
      return Number(
        insert.run({ ...fields, now, importId: source?.importId ?? null, fingerprint: source?.fingerprint ?? null }).lastInsertRowid,
      );
    },
    get(id: number): Feedback | null {
      const row = byId.get(id);
      return row ? toFeedback(row) : null;
    },
    forCustomer(customerId: number): Feedback[] {
      return byCustomer.all(customerId).map(toFeedback);
    },
    setFollowUp(id: number, state: FollowUpState, note: string): void {
      setFollowUp.run(state, note, id);
    },
    delete(id: number): boolean {
      return remove.run(id).changes > 0;
    },
    list(filter: FeedbackFilter, offset: number, limit: number): Page<FeedbackRow> {
      const where = FILTER_SQL[filter];
      const total = (db.prepare(`SELECT count(*) AS n FROM feedback f WHERE ${where}`).get() as { n: number }).n;
      const rows = db
        .prepare<[number, number], FeedbackRecordRow & { customer_name: string | null; customer_phone: string | null }>(
          `SELECT ${COLUMNS}, c.name AS customer_name, c.phone AS customer_phone
           FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id
           WHERE ${where} ORDER BY f.date DESC, f.id DESC LIMIT ? OFFSET ?`,
        )
        .all(limit, offset);
      return {
        rows: rows.map((r) => ({ ...toFeedback(r), customerName: r.customer_name, customerPhone: r.customer_phone })),
        total,
      };
    },
  };
}

export type FeedbackRepository = ReturnType<typeof createFeedbackRepository>;
