import Database from 'better-sqlite3';
import { openDatabase } from '../../electron/db/connection';
import { createServiceContext } from '../../electron/services/context';
import { call } from '../../electron/services/dispatch';
import { loadMetricsInput } from '../../electron/db/repositories/metrics-data';
import { BIG_SHOP, bigShopFile, percentile, result, time, type Benchmark } from './harness';

const RUNS = 3;

/**
 * A full recompute of the metrics on the big shop (50,000 customers, ~1,000,000 visits): read the
 * visits from SQLite, RFM, tiers, cadence, both model fits and every prediction, plus the Insights
 * charts — what the worker does after the data changed. Target ≤ 1.5 s (median of three; each run
 * asks with a different horizon so the service's cache cannot answer, and reads every visit again).
 * The floor is measured the same way: three times, one right after each run so both see the same
 * moment of a shared, noisy machine, and the median counts.
 */
export const metrics1m: Benchmark = {
  name: 'metrics-1m',
  description: 'full metrics recompute incl. model fits, 50k customers / 1M visits (median of 3)',
  async run() {
    const file = bigShopFile();
    const { db } = openDatabase(file);
    const ctx = createServiceContext(db, file);
    // Floor: one SQL aggregation over all visits (per-customer count, sum, first and last day).
    const raw = new Database(file, { readonly: true });
    const floor = () => raw.prepare('SELECT customer_id, count(*), sum(amount_cents), min(date), max(date) FROM visits GROUP BY customer_id').raw().all();
    const times: number[] = [];
    const floors: number[] = [];
    let visits = 0;
    let model = '';
    for (let run = 0; run < RUNS; run++) {
      const { ms, value } = await time(() => call(ctx, 'metrics:compute', { asOf: BIG_SHOP.until, horizonDays: 90 + run }));
      times.push(ms);
      floors.push((await time(floor)).ms);
      visits = value.shop.visits;
      model = value.model.bgnbd ? 'model fitted' : `fallback: ${value.model.fallbackReason ?? ''}`;
    }
    raw.close();
    // Where the time goes: reading the visits into columns is a fixed share of every recompute.
    const reading = await time(() => loadMetricsInput(db));
    db.close();
    const ms = percentile(times, 50);
    const floorMs = percentile(floors, 50);
    const rounded = (values: number[]) => values.map((t) => Math.round(t)).join(', ');
    console.error(`  metrics-1m: runs ${rounded(times)} ms, floors ${rounded(floors)} ms (reading the visits alone: ${Math.round(reading.ms)} ms); ${model}`);
    // The issue sets both: under 1.5 s, and at most 4× the cost of reading the data once.
    return result({ name: 'metrics-1m', n: visits, ms, baselineMs: floorMs, target: '≤ 1500 ms, ratio ≤ 4', pass: ms <= 1500 && ms <= 4 * floorMs });
  },
};
