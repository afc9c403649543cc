import type { Db } from '../connection';
import type { ReportFeedback } from '../../../shared/report/types';

/** The reads the monthly summary needs beyond the metrics input. */
export function createReportRepository(db: Db) {
  return {
    /** Every feedback entry with its follow-up state (the summary filters by month itself). */
    feedback(): ReportFeedback[] {
      const rows = db.prepare('SELECT id, customer_id, date, nps, rating, comment, follow_up FROM feedback ORDER BY date, id').raw().all() as [
        number,
        number | null,
        string,
        number | null,
        number | null,
        string,
        ReportFeedback['followUp'],
      ][];
      return rows.map(([id, customerId, date, nps, rating, comment, followUp]) => ({ id, customerId, date, nps, rating, comment, followUp }));
    },
  };
}
