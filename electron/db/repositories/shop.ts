import type { Db } from '../connection';
import type { ShopOverview } from '../../../shared/ipc/contract';

export function createShopRepository(db: Db) {
  return {
    overview(): ShopOverview {
      const v = db
        .prepare('SELECT count(*) AS visits, coalesce(sum(amount_cents), 0) AS revenue, min(date) AS first, max(date) AS last FROM visits')
        .get() as { visits: number; revenue: number; first: string | null; last: string | null };
      const customers = (db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
      const f = db
        .prepare("SELECT count(*) AS n, coalesce(sum(follow_up = 'open'), 0) AS open FROM feedback")
        .get() as { n: number; open: number };
      return {
        customers,
        visits: v.visits,
        feedback: f.n,
        revenueCents: v.revenue,
        firstVisit: v.first,
        lastVisit: v.last,
        openFollowUps: f.open,
      };
    },
  };
}
