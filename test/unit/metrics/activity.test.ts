import { describe, expect, it } from 'vitest';
import { monthlyActivity, periodCounts } from '../../../shared/metrics/activity';
import { cohortTable } from '../../../shared/metrics/cohorts';
import { buildVisitIndex, customerTotals } from '../../../shared/metrics/visitIndex';
import { toDayNumber } from '../../../shared/domain/dates';
import { FOUR_CUSTOMERS, shop } from './handShop';

function prepared(asOf: string) {
  const input = shop(FOUR_CUSTOMERS, 4);
  const index = buildVisitIndex([1, 2, 3, 4], input.visits, toDayNumber(asOf));
  return { index, totals: customerTotals(index) };
}

// Active on day d = a visit in (d − 30, d]. By hand:
// end of Jan: C1 (5 Jan), C2 (20 Jan) → 2. End of Feb: C1 (10 Feb), C3 (25 Feb) → 2 (C2 lapsed).
// 31 Mar: C1 (20 Mar), C4 (15 Mar) → 2 (C3 lapsed, last 25 Feb is 35 days back).
describe('monthly activity (30-day window, as of 2024-03-31)', () => {
  const { index, totals } = prepared('2024-03-31');
  const months = monthlyActivity(index, totals, 30);

  it.each([
    // month, SC, NC, EC, lost, retention %, churn %
    ['2024-01', 0, 2, 2, 0, null, null],
    ['2024-02', 2, 1, 2, 1, 50, 50],
    ['2024-03', 2, 1, 2, 1, 50, 50],
  ])('%s: SC %d, NC %d, EC %d, lost %d → retention %s, churn %s', (month, sc, nc, ec, lost, retention, churn) => {
    const row = months.find((m) => m.month === month)!;
    expect([row.startActive, row.newCustomers, row.endActive, row.lost]).toEqual([sc, nc, ec, lost]);
    expect(row.retentionRatePct).toBe(retention);
    expect(row.churnRatePct).toBe(churn);
  });

  it.each([
    ['2024-01', 2, 0, 1500, 0],
    ['2024-02', 1, 1, 1400, 1000],
    ['2024-03', 1, 1, 2000, 1000],
  ])('%s: %d new / %d returning customers, revenue %d new / %d returning', (month, n, r, nRev, rRev) => {
    const row = months.find((m) => m.month === month)!;
    expect([row.newCustomers, row.returningCustomers, row.newRevenueCents, row.returningRevenueCents]).toEqual([n, r, nRev, rRev]);
  });

  it('the as-of month is partial only when the as-of date is before its end', () => {
    expect(months.at(-1)!.partial).toBe(false);
    const early = prepared('2024-03-18');
    const rows = monthlyActivity(early.index, early.totals, 30);
    expect(rows.at(-1)!.partial).toBe(true);
    // 18 Mar: C1's 20 Mar visit is in the future and 10 Feb is 37 days back; active are C3 (25 Feb,
    // 22 days back) and C4 (15 Mar).
    expect(rows.at(-1)!.endActive).toBe(2);
  });

  it('periodCounts for February matches the monthly row', () => {
    expect(periodCounts(index, totals, toDayNumber('2024-02-01'), toDayNumber('2024-02-29'), 30)).toEqual({ start: 2, new: 1, end: 2, lost: 1 });
  });

  // A shop whose customers come, lapse for longer than the window and come back, over two years.
  it.each([
    // active window in days, as-of date (the last month partial or not)
    [7, '2025-12-31'],
    [30, '2025-12-17'],
    [90, '2025-12-31'],
    [400, '2025-06-30'],
  ])('with a %d-day window as of %s, every month agrees with periodCounts for that month', (windowDays, asOf) => {
    let seed = 11;
    const next = (below: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    const start = toDayNumber('2024-01-01');
    const rows: [number, string, number][] = [];
    for (let c = 1; c <= 60; c++) {
      let day = start + next(500);
      const visits = 1 + next(25);
      for (let v = 0; v < visits && day < start + 730; v++) {
        rows.push([c, new Date(day * 86_400_000).toISOString().slice(0, 10), 100 + next(900)]);
        day += next(3) === 0 ? 40 + next(200) : 1 + next(20);
      }
    }
    const input = shop(rows, 60);
    const asOfDay = toDayNumber(asOf);
    const index = buildVisitIndex(Array.from({ length: 60 }, (_, k) => k + 1), input.visits, asOfDay);
    const totals = customerTotals(index);
    const months = monthlyActivity(index, totals, windowDays);
    expect(months.length).toBeGreaterThan(12);
    expect(months.some((m) => m.lost > 0)).toBe(true);
    for (const m of months) {
      const first = toDayNumber(`${m.month}-01`);
      const following = new Date(first * 86_400_000);
      following.setUTCMonth(following.getUTCMonth() + 1);
      const last = Math.min(Math.round(following.getTime() / 86_400_000) - 1, asOfDay);
      const expected = periodCounts(index, totals, first, last, windowDays);
      expect([m.month, m.startActive, m.newCustomers, m.endActive, m.lost]).toEqual([m.month, expected.start, expected.new, expected.end, expected.lost]);
    }
  });

  it('no visits → no months', () => {
    const empty = buildVisitIndex([1], { customerId: new Int32Array(0), day: new Int32Array(0), amountCents: new Float64Array(0) }, 100);
    expect(monthlyActivity(empty, customerTotals(empty), 90)).toEqual([]);
  });
});

describe('cohort table', () => {
  it('January cohort (C1, C2): 100%, 50%, 50%; February (C3): 100%, 0%; March (C4): 100%', () => {
    const { index, totals } = prepared('2024-03-31');
    const rows = cohortTable(index, totals);
    expect(rows.map((r) => [r.cohort, r.size, r.sharePct])).toEqual([
      ['2024-01', 2, [100, 50, 50]],
      ['2024-02', 1, [100, 0]],
      ['2024-03', 1, [100]],
    ]);
  });
});

describe('visit index', () => {
  it('sorts by day within a customer, merges same-day visits into one visit day, drops future visits', () => {
    const input = shop(
      [
        [7, '2024-01-03', 100],
        [7, '2024-01-01', 200],
        [7, '2024-01-03', 50],
        [7, '2024-02-01', 999], // after as-of
        [8, '2024-01-02', 10], // unknown customer id
      ],
      0,
    );
    const index = buildVisitIndex([7], input.visits, toDayNumber('2024-01-31'));
    const t = customerTotals(index);
    expect(Array.from(index.day)).toEqual([toDayNumber('2024-01-01'), toDayNumber('2024-01-03'), toDayNumber('2024-01-03')]);
    expect([t.visits[0], t.visitDays[0], t.revenueCents[0]]).toEqual([3, 2, 350]);
    // Repeat-day mean: the one repeat day (3 Jan) summed = 150.
    expect(t.repeatDayMeanCents[0]).toBe(150);
  });
});
