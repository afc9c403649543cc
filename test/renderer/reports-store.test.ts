import { describe, expect, it } from 'vitest';
import { lastCompleteMonth, recentMonths } from '../../renderer/src/stores/reports-store';

describe('the Reports month picker', () => {
  it.each([
    [new Date(2026, 10, 23), '2026-10'],
    [new Date(2026, 0, 1), '2025-12'],
    [new Date(2026, 2, 31), '2026-02'],
  ])('on %s the default month is %s (the last complete one)', (today, month) => {
    expect(lastCompleteMonth(today)).toBe(month);
  });

  it('offers this month and the 35 before it, newest first, across year ends', () => {
    const months = recentMonths(36, new Date(2026, 1, 10));
    expect(months).toHaveLength(36);
    expect(months.slice(0, 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(months[35]).toBe('2023-03');
    expect(months).toContain(lastCompleteMonth(new Date(2026, 1, 10)));
  });
});
