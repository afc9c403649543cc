import { describe, expect, it } from 'vitest';
import type { TodayView } from '../../shared/ipc/contract';
import type { CallEntry } from '../../shared/metrics/call-list';
import { callListProgress } from '../../renderer/src/stores/call-list-store';

const entry = (customerId: number): CallEntry => ({ reason: 'birthday', customerId, name: `C${customerId}`, phone: null, email: null, why: '', revenueCents: 0, feedbackId: null });

function view(left: number, doneThisWeek: number): TodayView {
  const none = { 'overdue-regular': [], 'high-value-at-risk': [], detractor: [], promoter: [], birthday: [] };
  return {
    asOf: '2026-11-23',
    shop: {} as TodayView['shop'],
    overdueRegulars: Array.from({ length: left }, (_, i) => entry(i + 1)),
    highValueAtRisk: [],
    detractors: [],
    promoters: [],
    birthdays: [],
    keptOffAsDone: none,
    doneThisWeek,
  };
}

describe("the who-to-call list's progress", () => {
  it.each([
    [44, 0, '44 to go'],
    [44, 3, '3 done this week, 44 to go'],
    [1200, 1, '1 done this week, 1,200 to go'],
    [0, 0, 'All done'],
    [0, 5, 'All done: 5 this week'],
  ])('%i left and %i done this week reads "%s"', (left, done, text) => {
    expect(callListProgress(view(left, done), (n) => n.toLocaleString('en-GB'))).toBe(text);
  });
});
