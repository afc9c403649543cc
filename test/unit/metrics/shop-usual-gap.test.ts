import { describe, expect, it } from 'vitest';
import { computeShopMetrics } from '../../../shared/metrics/shop';
import { usualGapDays } from '../../../shared/metrics/cadence';
import { toDayNumber } from '../../../shared/domain/dates';

/**
 * The shop computes each customer's usual gap with a selection instead of a sort; it must equal the
 * plain median of the cadence module for every pattern: few and many visit days (past the 48-gap
 * mark), repeated gaps, several visits on one day, visits out of order.
 */
describe('usual gap per customer in computeShopMetrics', () => {
  it('equals usualGapDays of the distinct visit days for every customer', () => {
    const asOf = '2026-06-30';
    const last = toDayNumber(asOf);
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const customers = [];
    const ids: number[] = [];
    const days: number[] = [];
    const expected = new Map<number, number | null>();
    for (let id = 1; id <= 300; id++) {
      customers.push({ id, externalRef: null, name: `Customer ${id}` });
      const visitCount = [1, 2, 3, 4, 7, 30, 49, 50, 51, 120][id % 10] as number;
      const style = id % 3; // 0: random gaps, 1: only a few distinct gaps (ties), 2: two visits a day sometimes
      const mine: number[] = [];
      let day = last - 1500 + Math.floor(random() * 30);
      for (let v = 0; v < visitCount && day <= last; v++) {
        mine.push(day);
        if (style === 2 && random() < 0.3) mine.push(day);
        day += style === 1 ? [7, 7, 14][Math.floor(random() * 3)]! : 1 + Math.floor(random() * 25);
      }
      const shuffled = [...mine].sort(() => random() - 0.5);
      for (const d of shuffled) {
        ids.push(id);
        days.push(d);
      }
      expected.set(id, usualGapDays([...new Set(mine)].sort((a, b) => a - b)));
    }
    const metrics = computeShopMetrics(
      { customers, visits: { customerId: Int32Array.from(ids), day: Int32Array.from(days), amountCents: new Float64Array(ids.length).fill(500) }, feedback: [] },
      { asOf },
    );
    let checked = 0;
    for (const row of metrics.customers) {
      const own = expected.get(row.id) ?? null;
      // Customers without their own rhythm get the shop's typical gap; only own gaps are compared here.
      if (own === null) continue;
      expect(row.usualGapDays, `customer ${row.id}`).toBe(own);
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });
});
