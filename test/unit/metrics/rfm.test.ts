import { describe, expect, it } from 'vitest';
import { quintileCutPoints, quintileScore, rfmScores, segmentOf, SEGMENTS } from '../../../shared/metrics/rfm';
import { quantileSorted } from '../../../shared/metrics/stats';
import { toDayNumber } from '../../../shared/domain/dates';
import { rfmOrders } from './referenceData';

describe('quantiles and scores', () => {
  it.each([
    [[1, 2, 3, 4, 5], 0.2, 1.8],
    [[1, 2, 3, 4, 5], 0.5, 3],
    [[10], 0.8, 10],
    [[1, 3], 0.25, 1.5],
  ])('type-7 quantile of %j at %d = %d', (values, p, expected) => {
    expect(quantileSorted(Float64Array.from(values), p)).toBeCloseTo(expected, 12);
  });

  it.each([
    [1, 1],
    [1.8, 1],
    [1.81, 2],
    [5, 5],
  ])('score of %d against cut points of 1…5 (1.8, 2.6, 3.4, 4.2) is %d', (value, expected) => {
    expect(quintileScore(value, quintileCutPoints([1, 2, 3, 4, 5]))).toBe(expected);
  });

  it('ties always share a score', () => {
    const s = rfmScores([1, 1, 1, 1, 50], [3, 3, 3, 3, 3], [5, 5, 5, 9, 9]);
    expect(new Set(s.frequency).size).toBe(1);
    expect(s.monetary[0]).toBe(s.monetary[2]);
    expect(s.monetary[3]).toBe(s.monetary[4]);
  });
});

describe('segments', () => {
  it('the ten named segments cover all 25 R×F cells exactly once', () => {
    const cells = new Map<string, number>();
    for (const s of SEGMENTS) for (const r of s.recency) for (const f of s.frequency) cells.set(`${r}${f}`, (cells.get(`${r}${f}`) ?? 0) + 1);
    expect(cells.size).toBe(25);
    expect([...cells.values()].every((n) => n === 1)).toBe(true);
    expect(SEGMENTS.length).toBe(10);
  });

  it.each([
    [5, 5, 'champions'],
    [5, 4, 'champions'],
    [3, 4, 'loyal'],
    [4, 5, 'loyal'],
    [5, 2, 'potential-loyalists'],
    [4, 3, 'potential-loyalists'],
    [5, 1, 'new'],
    [4, 1, 'promising'],
    [3, 3, 'need-attention'],
    [3, 1, 'about-to-sleep'],
    [3, 2, 'about-to-sleep'],
    [2, 3, 'at-risk'],
    [1, 4, 'at-risk'],
    [1, 5, 'cant-lose'],
    [2, 5, 'cant-lose'],
    [1, 1, 'hibernating'],
    [2, 2, 'hibernating'],
  ])('R%d F%d → %s (design §6 grid)', (r, f, id) => {
    expect(segmentOf(r, f).id).toBe(id);
  });

  it('every segment has a label and advice in plain words', () => {
    for (const s of SEGMENTS) {
      expect(s.label.length).toBeGreaterThan(2);
      expect(s.advice.length).toBeGreaterThan(20);
    }
  });
});

describe('RFM on rfm_data_orders.csv (analysis date 2006-12-31)', () => {
  const orders = rfmOrders();
  const analysis = toDayNumber('2006-12-31');
  const byCustomer = new Map<string, { last: number; orders: number; revenue: number }>();
  for (const o of orders) {
    const c = byCustomer.get(o.customer) ?? { last: -Infinity, orders: 0, revenue: 0 };
    c.last = Math.max(c.last, toDayNumber(o.date));
    c.orders++;
    c.revenue += o.revenue;
    byCustomer.set(o.customer, c);
  }
  const names = [...byCustomer.keys()];
  const stats = names.map((n) => byCustomer.get(n)!);
  const scores = rfmScores(
    stats.map((s) => analysis - s.last),
    stats.map((s) => s.orders),
    stats.map((s) => s.revenue),
  );

  it('has 995 customers and 4,906 orders', () => {
    expect(orders.length).toBe(4906);
    expect(names.length).toBe(995);
  });

  it.each([
    ["Abbey O'Reilly", 205, 6, 472, 3, 4, 3],
    ['Add Senger', 140, 3, 340, 4, 1, 2],
    ['Aden Lesch', 194, 4, 405, 3, 2, 3],
    ['Aden Murphy', 98, 7, 596, 5, 4, 4],
    ['Admiral Senger', 132, 5, 448, 4, 3, 3],
  ])('%s: %d days / %d orders / %d → R%d F%d M%d', (name, days, count, revenue, r, f, m) => {
    const i = names.indexOf(name);
    const s = stats[i]!;
    expect(analysis - s.last).toBe(days);
    expect(s.orders).toBe(count);
    expect(s.revenue).toBe(revenue);
    expect([scores.recency[i], scores.frequency[i], scores.monetary[i]]).toEqual([r, f, m]);
  });
});
