import { describe, expect, it } from 'vitest';
import { assessCadence, cadenceJudge, judgeCadence, overdueAfterDays, shopTypicalGapDays, usualGapDays } from '../../../shared/metrics/cadence';
import { DEFAULT_TIER_CUTS, valueBands, valueTier } from '../../../shared/metrics/tiers';

const range = (from: number, count: number, step: number): number[] => Array.from({ length: count }, (_, i) => from + i * step);

describe('cadence', () => {
  it.each([
    ['bakery regular, daily', range(0, 10, 1), 1],
    ['café, weekly', range(0, 6, 7), 7],
    ['salon, every 6 weeks', range(0, 5, 42), 42],
    ['one long holiday does not move it', [0, 8, 16, 24, 60], 8],
    ['uneven gaps 2, 4, 9 → median 4', [0, 2, 6, 15], 4],
  ])('%s: usual gap %d days', (_n, days, gap) => {
    expect(usualGapDays(days)).toBe(gap);
  });

  it.each([
    [[0], null],
    [[0, 5], null],
  ])('fewer than 3 visit days (%j) has no own gap', (days, expected) => {
    expect(usualGapDays(days)).toBe(expected);
  });

  it.each([
    // usual gap, overdue after (days): max(1.5 × gap, gap + 7)
    [1, 8],
    [7, 14],
    [30, 45],
    [42, 63],
  ])('gap %d → overdue after %d days', (gap, after) => {
    expect(overdueAfterDays(gap)).toBe(after);
  });

  it.each([
    ['daily regular away 8 days', range(0, 10, 1), 9 + 8, false],
    ['daily regular away 9 days', range(0, 10, 1), 9 + 9, true],
    ['salon client 63 days after last visit', range(0, 5, 42), 168 + 63, false],
    ['salon client 64 days after last visit', range(0, 5, 42), 168 + 64, true],
  ])('%s → overdue %s', (_n, days, asOf, overdue) => {
    expect(assessCadence(days, asOf, null).overdue).toBe(overdue);
  });

  it('gives the reason in words', () => {
    expect(assessCadence([0, 8, 16, 24, 32], 51, null).reason).toBe('Usually every 8 days; last seen 19 days ago — overdue.');
    expect(assessCadence([0, 1, 2], 2, null).reason).toBe('Usually every day; last seen today.');
  });

  it('few visits: uses the shop typical gap and says so; without one, overdue is unknown', () => {
    const withShop = assessCadence([0, 10], 40, 14);
    expect(withShop.basis).toBe('shop');
    expect(withShop.overdue).toBe(true); // 30 > max(21, 21)
    expect(withShop.reason).toContain("shop's typical gap of 14 days");
    const none = assessCadence([0], 40, null);
    expect(none.overdue).toBeNull();
    expect(none.reason).toContain('Only 1 visit');
  });

  describe('one judge for a whole shop shares its texts but never mixes them up', () => {
    // Asked in this order of one judge (shop gap 14 days), so later customers reuse earlier parts.
    const judge = cadenceJudge(14);
    it.each([
      // own gap (null = too few visits), visit days, days since, reason
      [7, 5, 3, 'Usually every 7 days; last seen 3 days ago.'],
      [7, 9, 20, 'Usually every 7 days; last seen 20 days ago — overdue.'],
      [30, 5, 20, 'Usually every 30 days; last seen 20 days ago.'],
      [7.04, 5, 3, 'Usually every 7 days; last seen 3 days ago.'],
      [7.06, 5, 3, 'Usually every 7.1 days; last seen 3 days ago.'],
      [1, 40, 0, 'Usually every day; last seen today.'],
      [1, 40, 1, 'Usually every day; last seen yesterday.'],
      [null, 1, 1, "Only 1 visit so far, so compared with the shop's typical gap of 14 days; last seen yesterday."],
      [null, 2, 20, "Only 2 visits so far, so compared with the shop's typical gap of 14 days; last seen 20 days ago."],
      [null, 2, 22, "Only 2 visits so far, so compared with the shop's typical gap of 14 days; last seen 22 days ago — overdue."],
      [null, 1, 20, "Only 1 visit so far, so compared with the shop's typical gap of 14 days; last seen 20 days ago."],
    ])('own gap %s, %d visit days, %d days since → %s', (ownGap, visitDays, since, reason) => {
      const judged = judge(ownGap, visitDays, since);
      expect(judged.reason).toBe(reason);
      expect(judged).toEqual(judgeCadence(ownGap, visitDays, since, 14));
    });

    it('without a shop gap, customers with few visits are not judged', () => {
      const none = cadenceJudge(null);
      expect(none(null, 2, 30)).toEqual({ usualGapDays: null, basis: 'none', daysSinceLastVisit: 30, overdue: null, reason: 'Only 2 visits so far, too few to know their rhythm; last seen 30 days ago.' });
      expect(none(10, 4, 30).reason).toBe('Usually every 10 days; last seen 30 days ago — overdue.');
      expect(none(null, 2, 30).reason).toBe('Only 2 visits so far, too few to know their rhythm; last seen 30 days ago.');
    });
  });

  it('shop typical gap is the median of customers’ usual gaps', () => {
    expect(shopTypicalGapDays([1, 7, 42])).toBe(7);
    expect(shopTypicalGapDays([])).toBeNull();
  });
});

describe('value tiers', () => {
  it('top 20% High, next 30% Medium, rest Low by revenue to date', () => {
    expect(valueBands([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual(['low', 'low', 'low', 'low', 'low', 'medium', 'medium', 'medium', 'high', 'high']);
  });

  it('equal spend shares a band', () => {
    expect(valueBands([5, 5, 5, 5, 5])).toEqual(['high', 'high', 'high', 'high', 'high']);
  });

  it('cuts are adjustable', () => {
    expect(valueBands([1, 2, 3, 4], { high: 0.5, medium: 0.25 })).toEqual(['low', 'medium', 'high', 'high']);
    expect(DEFAULT_TIER_CUTS).toEqual({ high: 0.2, medium: 0.3 });
  });

  it.each([
    ['high', true, true, 'cant-lose', 'new'],
    ['high', false, true, 'champions', 'at-risk'],
    ['medium', false, false, 'at-risk', 'at-risk'],
    ['medium', false, false, 'cant-lose', 'at-risk'],
    ['low', false, true, 'hibernating', 'low'],
    ['high', false, false, 'champions', 'high'],
    ['medium', false, null, 'loyal', 'medium'],
  ] as const)('band %s, new %s, overdue %s, segment %s → %s', (band, isNew, overdue, segment, tier) => {
    const result = valueTier({ band, isNew, overdue, segment, activeWindowDays: 90 });
    expect(result.tier).toBe(tier);
    expect(result.reason.length).toBeGreaterThan(10);
  });
});
