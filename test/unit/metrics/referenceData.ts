// Readers for the reference files copied into test/fixtures/reference (see SOURCES.md there).
import { readFileSync } from 'node:fs';
import { toDayNumber } from '../../../shared/domain/dates';

export function readReference(name: string): string {
  return readFileSync(new URL(`../../fixtures/reference/${name}`, import.meta.url), 'utf8');
}

/** Rows of a simple comma-separated file with a header, as numbers. */
export function numericCsv(name: string): number[][] {
  return readReference(name)
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map(Number));
}

/** CDNOW_sample.txt as visit columns: customer = sample_id, day numbers, amounts in cents. */
export function cdnowSampleVisits(): { customerId: Int32Array; day: Int32Array; amountCents: Float64Array; customerIds: number[] } {
  return parseCdnowSample(readReference('CDNOW_sample.txt'));
}

/** The text of CDNOW_sample.txt as visit columns (also used by the bgnbd-cdnow benchmark). */
export function parseCdnowSample(text: string): { customerId: Int32Array; day: Int32Array; amountCents: Float64Array; customerIds: number[] } {
  const lines = text.trim().split(/\r?\n/);
  const customerId = new Int32Array(lines.length);
  const day = new Int32Array(lines.length);
  const amountCents = new Float64Array(lines.length);
  const ids = new Set<number>();
  lines.forEach((line, i) => {
    const [, sampleId, ymd, , dollars] = line.trim().split(/\s+/) as [string, string, string, string, string];
    customerId[i] = Number(sampleId);
    day[i] = toDayNumber(`${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`);
    amountCents[i] = Math.round(Number(dollars) * 100);
    ids.add(Number(sampleId));
  });
  return { customerId, day, amountCents, customerIds: [...ids].sort((a, b) => a - b) };
}

/** rfm_data_orders.csv rows. */
export function rfmOrders(): { customer: string; date: string; revenue: number }[] {
  return readReference('rfm_data_orders.csv')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const m = /^"([^"]*)",(\d{4}-\d{2}-\d{2}),([\d.]+),/.exec(line);
      if (!m) throw new Error(`Unexpected line: ${line}`);
      return { customer: m[1] as string, date: m[2] as string, revenue: Number(m[3]) };
    });
}
