import { describe, expect, it } from 'vitest';
import { buildCallList, daysToBirthday, doneKey, doneThisWeek, recentlyDone, slippingWhy, type CallContact, type CallDone, type CallListFeedback } from '../../../shared/metrics/call-list';
import type { CustomerMetrics } from '../../../shared/metrics/shop';

function customer(id: number, over: Partial<CustomerMetrics>): CustomerMetrics {
  return {
    id, externalRef: null, name: `C${id}`, visits: 5, visitDays: 5, firstVisit: '2026-01-01', lastVisit: '2026-10-01', revenueCents: 1000,
    recencyDays: 30, recencyScore: 3, frequencyScore: 3, monetaryScore: 3, segment: 'need-attention', valueTier: 'medium', overdue: false,
    pAlive: 0.8, expectedVisits: 1, expectedSpendCents: 500, predictedClvCents: 2000, segmentLabel: 'Need attention', segmentAdvice: '',
    segmentReason: 'middling recency and frequency', valueBand: 'medium', tierReason: '', usualGapDays: 7, cadenceReason: 'usually every 7 days; last seen 30 days ago',
    pAliveReason: '', predictionReason: '', ...over,
  };
}
const contacts = (list: CustomerMetrics[], extra: Record<number, Partial<CallContact>> = {}) =>
  new Map(list.map((c) => [c.id, { id: c.id, name: c.name, phone: `+44 ${c.id}`, email: null, birthday: null, ...extra[c.id] }]));
const fb = (id: number, customerId: number, over: Partial<CallListFeedback>): CallListFeedback => ({ id, customerId, date: '2026-11-10', nps: null, rating: null, comment: '', followUp: 'none', ...over });

describe('who to call', () => {
  it('lists overdue regulars (3+ visit days) by value, with the reason and phone', () => {
    const cs = [
      customer(1, { overdue: true, revenueCents: 500 }),
      customer(2, { overdue: true, revenueCents: 9000 }),
      customer(3, { overdue: true, visitDays: 2 }),
      customer(4, { overdue: false }),
    ];
    const list = buildCallList(cs, contacts(cs), [], { today: '2026-11-20' });
    expect(list.overdueRegulars.map((e) => e.customerId)).toEqual([2, 1]);
    expect(list.overdueRegulars[0]).toMatchObject({ phone: '+44 2', why: 'usually every 7 days; last seen 30 days ago' });
  });

  it('lists high and medium value customers who are slipping, once', () => {
    const cs = [
      customer(1, { segment: 'at-risk', valueBand: 'high', segmentLabel: 'At risk' }),
      customer(2, { segment: 'cant-lose', valueBand: 'low' }),
      customer(3, { segment: 'cant-lose', valueBand: 'medium', overdue: true }),
      customer(4, { segment: 'champions', valueBand: 'high' }),
    ];
    const list = buildCallList(cs, contacts(cs), [], { today: '2026-11-20' });
    expect(list.highValueAtRisk.map((e) => e.customerId)).toEqual([1]);
    expect(list.highValueAtRisk[0]!.why).toBe('At risk: visited on 5 different days but last came 30 days ago.');
    expect(list.overdueRegulars.map((e) => e.customerId)).toEqual([3]);
  });

  it('lists open unhappy feedback and recent promoters (one entry per person)', () => {
    const cs = [customer(1, {}), customer(2, {}), customer(3, {})];
    const feedback = [
      fb(10, 1, { nps: 3, followUp: 'open', comment: 'Cold coffee' }),
      fb(11, 2, { rating: 2, followUp: 'done' }),
      fb(12, 2, { nps: 10, date: '2026-11-15' }),
      fb(13, 2, { nps: 9, date: '2026-11-01' }),
      fb(14, 3, { rating: 5, date: '2026-09-01' }),
    ];
    const list = buildCallList(cs, contacts(cs), feedback, { today: '2026-11-20' });
    expect(list.detractors).toMatchObject([{ customerId: 1, feedbackId: 10, why: 'Gave 3/10 on 2026-11-10: “Cold coffee”' }]);
    expect(list.promoters.map((e) => [e.customerId, e.feedbackId])).toEqual([[2, 12]]);
  });

  it('lists birthdays in the next seven days, soonest first', () => {
    const cs = [customer(1, {}), customer(2, {}), customer(3, {})];
    const list = buildCallList(cs, contacts(cs, { 1: { birthday: '1980-11-26' }, 2: { birthday: '1990-11-20' }, 3: { birthday: '1970-12-01' } }), [], { today: '2026-11-20' });
    expect(list.birthdays.map((e) => [e.customerId, e.why])).toEqual([
      [2, 'Birthday today.'],
      [1, 'Birthday in 6 days (2026-11-26).'],
    ]);
  });

  it('leaves off what was marked done', () => {
    const cs = [customer(1, { overdue: true }), customer(2, { overdue: true })];
    const list = buildCallList(cs, contacts(cs), [], { today: '2026-11-20', done: new Set([doneKey('overdue-regular', 1)]) });
    expect(list.overdueRegulars.map((e) => e.customerId)).toEqual([2]);
    expect(list.keptOffAsDone).toEqual({ 'overdue-regular': [1], 'high-value-at-risk': [], detractor: [], promoter: [], birthday: [] });
  });

  it('does not bring back a called overdue regular as a big spender slipping away', () => {
    const cs = [
      customer(1, { overdue: true, segment: 'at-risk', valueBand: 'high' }),
      customer(2, { overdue: true, segment: 'at-risk', valueBand: 'high' }),
      customer(3, { segment: 'cant-lose', valueBand: 'high' }),
    ];
    const limitOne = { today: '2026-11-20', limit: 1 };
    // Without a done, the second overdue regular (beyond the limit) shows as slipping away instead.
    expect(buildCallList(cs, contacts(cs), [], limitOne).highValueAtRisk.map((e) => e.customerId)).toEqual([2]);
    const list = buildCallList(cs, contacts(cs), [], { ...limitOne, done: new Set([doneKey('overdue-regular', 2), doneKey('overdue-regular', 1)]) });
    expect(list.overdueRegulars).toEqual([]);
    expect(list.highValueAtRisk.map((e) => e.customerId)).toEqual([3]);
    expect(list.keptOffAsDone).toMatchObject({ 'overdue-regular': [1, 2], 'high-value-at-risk': [1, 2] });
  });

  it.each<[string, CallDone['doneOn'], boolean, boolean]>([
    ['today', '2026-11-20', true, true],
    ['six days ago', '2026-11-14', true, true],
    ['seven days ago', '2026-11-13', true, false],
    ['30 days ago', '2026-10-21', true, false],
    ['31 days ago', '2026-10-20', false, false],
    ['tomorrow (a clock set wrong, or a report of an earlier month)', '2026-11-21', false, false],
  ])('a done mark made %s keeps the person off: %s; counts as done this week: %s', (_when, doneOn, keptOff, thisWeek) => {
    const marks: CallDone[] = [{ customerId: 4, reason: 'birthday', doneOn }];
    expect(recentlyDone(marks, '2026-11-20').has(doneKey('birthday', 4))).toBe(keptOff);
    expect(doneThisWeek(marks, '2026-11-20')).toBe(thisWeek ? 1 : 0);
  });

  it.each([
    ['1980-11-20', '2026-11-20', 0],
    ['1980-11-21', '2026-11-20', 1],
    ['1980-11-19', '2026-11-20', 364],
    ['1980-01-02', '2026-12-30', 3],
    ['2000-02-29', '2027-02-27', 1],
  ])('birthday %s, seen on %s, is %i days away', (birthday, today, days) => {
    expect(daysToBirthday(birthday, today)).toBe(days);
  });

  it.each([
    [{ segmentLabel: "Can't lose them", visitDays: 36, recencyDays: 212 }, "Can't lose them: visited on 36 different days but last came 212 days ago."],
    [{ segmentLabel: 'At risk', visitDays: 1, recencyDays: 1 }, 'At risk: visited on 1 day but last came 1 day ago.'],
    [{ segmentLabel: null, visitDays: 8, recencyDays: null }, 'At risk: visited on 8 different days but has not been back for a while.'],
  ])('says in one sentence why %o is slipping', (c, why) => {
    expect(slippingWhy(c)).toBe(why);
  });
});
