/**
 * Shared pieces of the benchmark scripts (`npm run bench`). Benchmarks are scripts, not timed tests:
 * each measures its own floor in the same run so that the ratio means something on a noisy machine.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../electron/db/connection';
import { createServiceContext } from '../../electron/services/context';
import { generateDemoShop } from '../../electron/services/demo';
import { LATEST_VERSION } from '../../electron/db/migrations';
import { ROOT } from '../support/web-app';

export interface BenchResult {
  name: string;
  /** The size of the work: rows, customers, calls… */
  n: number;
  ms: number;
  baselineMs: number | null;
  ratio: number | null;
  rssMb: number;
  /** The target in words, e.g. "≤ 1000 ms" or "ratio ≤ 2.5". */
  target: string;
  pass: boolean;
}

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<BenchResult>;
}

export { ROOT };
export const BENCH_DIR = path.join(ROOT, 'test/.tmp/bench');
export const SHARED_DATA = path.resolve(ROOT, '../shared/data');

export function rssMb(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

export async function time<T>(work: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export const BIG_SHOP = { customers: 50_000, years: 4, seed: 1, until: '2026-06-30' } as const;

/**
 * The 50,000-customer, ~1,000,000-visit demo shop, generated once and reused by later runs
 * (delete test/.tmp/bench to regenerate).
 */
export function bigShopFile(): string {
  // The schema version is in the name: a file cached by an older build is never migrated inside a measurement.
  const file = path.join(BENCH_DIR, `shop-${BIG_SHOP.customers}-${BIG_SHOP.years}y-s${BIG_SHOP.seed}-v${LATEST_VERSION}.sqlite`);
  if (existsSync(file)) return file;
  mkdirSync(BENCH_DIR, { recursive: true });
  const temp = `${file}.partial`;
  rmSync(temp, { force: true });
  const { db } = openDatabase(temp);
  const started = performance.now();
  const summary = generateDemoShop(createServiceContext(db, temp), { ...BIG_SHOP });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(temp, file);
  rmSync(`${temp}-wal`, { force: true });
  rmSync(`${temp}-shm`, { force: true });
  console.error(`(generated the big demo shop: ${summary.visits} visits in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return file;
}

export function result(fields: Omit<BenchResult, 'ratio' | 'rssMb'> & { rssMb?: number }): BenchResult {
  return {
    ...fields,
    ms: Math.round(fields.ms * 10) / 10,
    baselineMs: fields.baselineMs === null ? null : Math.round(fields.baselineMs * 10) / 10,
    ratio: fields.baselineMs ? Math.round((fields.ms / fields.baselineMs) * 100) / 100 : null,
    rssMb: fields.rssMb ?? rssMb(),
  };
}
