import type { Db } from '../connection';
import type { ShopMetricsInput } from '../../../shared/metrics/shop';
import type { FeedbackInput } from '../../../shared/metrics/feedback';
import { toDayNumber } from '../../../shared/domain/dates';

/**
 * Reads everything the metrics need in three scans, visits straight into typed columns (a million
 * visits as plain objects would cost hundreds of megabytes and most of the time).
 */
export function loadMetricsInput(db: Db): ShopMetricsInput {
  const customers = (db.prepare('SELECT id, external_ref, name, birthday FROM customers ORDER BY id').raw().all() as [number, string | null, string, string | null][]).map(
    ([id, externalRef, name, birthday]) => ({ id, externalRef, name, birthday }),
  );
  const n = (db.prepare('SELECT count(*) FROM visits').pluck().get() as number) ?? 0;
  const customerId = new Int32Array(n);
  const day = new Int32Array(n);
  const amountCents = new Float64Array(n);
  // Dates repeat a lot (one per shop day), so converting each distinct date once is enough.
  const dayOf = new Map<string, number>();
  let i = 0;
  for (const row of db.prepare('SELECT customer_id, date, amount_cents FROM visits').raw().iterate() as IterableIterator<[number, string, number]>) {
    if (i >= n) break; // rows added since the count: they belong to the next recompute
    customerId[i] = row[0];
    let d = dayOf.get(row[1]);
    if (d === undefined) {
      d = toDayNumber(row[1]);
      dayOf.set(row[1], d);
    }
    day[i] = d;
    amountCents[i] = row[2];
    i++;
  }
  const feedback = (db.prepare('SELECT customer_id, date, nps, rating, comment FROM feedback').raw().all() as [number | null, string, number | null, number | null, string][]).map(
    ([cid, date, nps, rating, comment]): FeedbackInput => ({ customerId: cid, date, nps, rating, comment }),
  );
  return {
    customers,
    visits: { customerId: customerId.subarray(0, i), day: day.subarray(0, i), amountCents: amountCents.subarray(0, i) },
    feedback,
  };
}

/** A cheap fingerprint of the data: changes whenever visits, customers or feedback change. */
export function dataVersion(db: Db): string {
  const row = db
    .prepare(
      `SELECT (SELECT count(*) FROM customers) || ':' || (SELECT coalesce(max(updated_at), '') FROM customers) || ':' ||
              (SELECT count(*) FROM visits) || ':' || (SELECT coalesce(max(id), 0) FROM visits) || ':' || (SELECT coalesce(sum(amount_cents), 0) FROM visits) || ':' ||
              (SELECT count(*) FROM feedback) || ':' || (SELECT coalesce(max(id), 0) FROM feedback) AS v`,
    )
    .pluck()
    .get() as string;
  return row;
}
