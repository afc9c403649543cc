/**
 * Sales files for the import benchmarks, generated at bench time into test/.tmp/bench (never
 * committed): synthetic shop sales, and the CDNOW purchase log turned into the CSV a till would export.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH_DIR, SHARED_DATA } from './harness';

/** A deterministic pseudo-random sequence, so every run imports the same file. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * `rows` sales over two years by rows/20 customers, in the shape of a till export: day-first dates,
 * names, emails on most rows, amounts with a decimal point. Written once and reused.
 */
export async function salesCsv(rows: number): Promise<string> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, `sales-${rows}.csv`);
  if (existsSync(file)) return file;
  const temp = `${file}.partial`;
  const out = createWriteStream(temp);
  const random = lcg(rows);
  const people = Math.max(10, Math.floor(rows / 20));
  const start = Date.UTC(2023, 0, 1);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('Date,Customer,Email,Amount,Items\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const person = Math.floor(random() * people);
    const day = new Date(start + Math.floor(random() * 730) * 86_400_000);
    const date = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
    const cents = 150 + Math.floor(random() * 6000);
    const email = person % 4 === 0 ? '' : `person${person}@example.com`;
    chunk += `${date},Person ${person},${email},${(cents / 100).toFixed(2)},Bread\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve) => out.end(resolve));
  renameSync(temp, file);
  return file;
}

/**
 * CDNOW_master.txt (69,659 purchases: id, yyyymmdd, CDs, dollars) as a till CSV: one row per purchase,
 * "Customer id" and "Date" in ISO, amounts with a decimal point. Returns the file and its total.
 */
export function cdnowCsv(): { file: string; rows: number; revenueCents: number; customers: number } {
  mkdirSync(BENCH_DIR, { recursive: true });
  const source = path.join(SHARED_DATA, 'CDNOW_master.txt');
  const lines = readFileSync(source, 'utf8').split(/\r?\n/).filter((l) => /^\s*\d/.test(l));
  let revenueCents = 0;
  const ids = new Set<string>();
  const out = ['Customer id,Name,Date,Quantity,Amount'];
  for (const line of lines) {
    const [id, ymd, quantity, dollars] = line.trim().split(/\s+/) as [string, string, string, string];
    ids.add(id);
    revenueCents += Math.round(Number(dollars) * 100);
    out.push(`${id},Customer ${Number(id)},${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)},${quantity},${dollars}`);
  }
  const file = path.join(BENCH_DIR, 'cdnow-70k.csv');
  writeFileSync(file, `${out.join('\n')}\n`);
  return { file, rows: lines.length, revenueCents, customers: ids.size };
}
