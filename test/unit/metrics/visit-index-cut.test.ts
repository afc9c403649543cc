/**
 * visitIndexUpTo (cutting an index back to an earlier day) must give exactly the index built for
 * that day, and buildVisitIndex must place visits the same with dense and with sparse customer ids.
 */
import { describe, expect, it } from 'vitest';
import { buildVisitIndex, visitIndexUpTo, type VisitColumns } from '../../../shared/metrics/visitIndex';

function columns(rows: [customer: number, day: number, cents: number][]): VisitColumns {
  return {
    customerId: Int32Array.from(rows, (r) => r[0]),
    day: Int32Array.from(rows, (r) => r[1]),
    amountCents: Float64Array.from(rows, (r) => r[2]),
  };
}

/** A pseudo-random shop: unsorted visits, same-day visits, long histories (> 64 rows), unknown ids. */
function shuffledVisits(ids: number[], count: number): VisitColumns {
  const rows: [number, number, number][] = [];
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  for (let i = 0; i < count; i++) {
    const id = i % 11 === 0 ? 999_999 : (ids[next() % ids.length] as number);
    rows.push([id, 100 + (next() % 400), (next() % 5000) - 500]);
  }
  return columns(rows);
}

describe('visitIndexUpTo', () => {
  const ids = [3, 1, 8, 20, 5];
  const visits = shuffledVisits(ids, 2000);
  const full = buildVisitIndex(ids, visits, 500);
  for (const day of [500, 450, 300, 120, 100, 99, 0]) {
    it(`equals the index built for day ${day}`, () => {
      const cut = visitIndexUpTo(full, day);
      const direct = buildVisitIndex(ids, visits, day);
      expect(Array.from(cut.start)).toEqual(Array.from(direct.start));
      expect(Array.from(cut.day)).toEqual(Array.from(direct.day));
      expect(Array.from(cut.amountCents)).toEqual(Array.from(direct.amountCents));
      expect(Array.from(cut.customerIds)).toEqual(ids);
      expect(cut.asOfDay).toBe(day);
    });
  }

  it('refuses to look forward in time', () => {
    expect(() => visitIndexUpTo(full, 501)).toThrow(/back in time/);
  });
});

describe('buildVisitIndex with dense and sparse customer ids', () => {
  const rows: [number, number, number][] = [
    [2, 10, 100],
    [2_000_000_000, 11, 200],
    [2, 9, 50],
    [77, 12, 300],
    [-4, 12, 400],
  ];
  for (const ids of [
    [2, 77],
    [2, 77, 2_000_000_000],
    [-4, 2, 77],
  ]) {
    it(`finds each known customer's visits for ids ${ids.join(', ')}`, () => {
      const index = buildVisitIndex(ids, columns(rows), 100);
      ids.forEach((id, k) => {
        const expected = rows.filter((r) => r[0] === id).sort((a, b) => a[1] - b[1]);
        const from = index.start[k] as number;
        const to = index.start[k + 1] as number;
        expect(Array.from(index.day.subarray(from, to))).toEqual(expected.map((r) => r[1]));
        expect(Array.from(index.amountCents.subarray(from, to))).toEqual(expected.map((r) => r[2]));
      });
      expect(index.day.length).toBe(rows.filter((r) => ids.includes(r[0])).length);
    });
  }
});
