import { rmSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../electron/db/connection';
import { createServiceContext } from '../../electron/services/context';
import { generateDemoShop } from '../../electron/services/demo';
import { BENCH_DIR, BIG_SHOP, result, time, type Benchmark } from './harness';

/** `regulars demo --customers 50000 --years 4`: about a million visits, target under 60 s. */
export const demo1m: Benchmark = {
  name: 'demo-1m',
  description: 'generate the 50k-customer / 4-year demo shop',
  async run() {
    const file = path.join(BENCH_DIR, 'demo-bench.sqlite');
    rmSync(file, { force: true });
    const { db } = openDatabase(file);
    const ctx = createServiceContext(db, file);
    const { ms, value } = await time(() => generateDemoShop(ctx, { ...BIG_SHOP, seed: 2 }));
    // Floor: the same number of rows through one bare prepared INSERT in one transaction.
    const floor = openDatabase(path.join(BENCH_DIR, 'demo-floor.sqlite'));
    floor.db.exec('CREATE TABLE IF NOT EXISTS t (a INTEGER, b TEXT, c INTEGER, d TEXT); DELETE FROM t;');
    const insert = floor.db.prepare('INSERT INTO t VALUES (?, ?, ?, ?)');
    const baseline = await time(() =>
      floor.db.transaction(() => {
        for (let i = 0; i < value.visits; i++) insert.run(i % 50_000, '2024-01-01', 1234, 'Croissant');
      })(),
    );
    db.close();
    floor.db.close();
    for (const f of [file, path.join(BENCH_DIR, 'demo-floor.sqlite')]) for (const s of ['', '-wal', '-shm']) rmSync(f + s, { force: true });
    return result({ name: 'demo-1m', n: value.visits, ms, baselineMs: baseline.ms, target: '≤ 60000 ms', pass: ms <= 60_000 });
  },
};
