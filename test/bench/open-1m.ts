import Database from 'better-sqlite3';
import { openDatabase } from '../../electron/db/connection';
import { createServiceContext } from '../../electron/services/context';
import { call } from '../../electron/services/dispatch';
import { bigShopFile, result, time, type Benchmark } from './harness';

/** Open the big shop, migrate, and answer the Today screen's queries (target ≤ 1 s). */
export const open1m: Benchmark = {
  name: 'open-1m',
  description: 'open + migrate + Today screen queries on 50k customers / 1M visits',
  async run() {
    const file = bigShopFile();
    const { ms } = await time(async () => {
      const { db } = openDatabase(file);
      const ctx = createServiceContext(db, file);
      await call(ctx, 'settings:get', {});
      await call(ctx, 'shop:overview', {});
      await call(ctx, 'feedback:list', { filter: 'open', limit: 20 });
      await call(ctx, 'customers:list', { sort: 'lastVisit', direction: 'desc', limit: 100 });
      db.close();
    });
    // Floor: open the file and read one row.
    const baseline = await time(() => {
      const db = new Database(file);
      db.prepare('SELECT 1 FROM visits LIMIT 1').get();
      db.close();
    });
    return result({ name: 'open-1m', n: 1, ms, baselineMs: baseline.ms, target: '≤ 1000 ms', pass: ms <= 1000 });
  },
};
