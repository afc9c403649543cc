import { openDatabase } from '../../electron/db/connection';
import { createServiceContext } from '../../electron/services/context';
import { call } from '../../electron/services/dispatch';
import { bigShopFile, percentile, result, type Benchmark } from './harness';

/** Customer search as the owner types 1–3 characters of a name, phone or email: p95 ≤ 30 ms. */
export const search1m: Benchmark = {
  name: 'search-1m',
  description: 'customer search, 1–3 typed characters (p95)',
  async run() {
    const file = bigShopFile();
    const { db } = openDatabase(file);
    const ctx = createServiceContext(db, file);
    const typed = ['a', 'an', 'ann', 'm', 'ma', 'mar', 'z', 'zo', 'j', 'jo', 'joh', '7', '77', '770', '0', '07', '123', 'gm', 'b@', 'e', 'el', 'ell', 's', 'sm', 'smi'];
    const times: number[] = [];
    const floor: number[] = [];
    const lookup = db.prepare('SELECT id, name FROM customers WHERE id = ?');
    for (let round = 0; round < 4; round++) {
      for (const query of typed) {
        let start = performance.now();
        await call(ctx, 'customers:search', { query, limit: 20 });
        times.push(performance.now() - start);
        start = performance.now();
        lookup.get(1 + ((round * 997) % 50_000));
        floor.push(performance.now() - start);
      }
    }
    db.close();
    const p95 = percentile(times, 95);
    return result({ name: 'search-1m', n: times.length, ms: p95, baselineMs: percentile(floor, 95), target: 'p95 ≤ 30 ms', pass: p95 <= 30 });
  },
};
