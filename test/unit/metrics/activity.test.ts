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
