/** The Insights, call-list and customer-insight stores, with the api module stubbed at the module boundary. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { InsightsView, TodayView } from '../../shared/ipc/contract';
import type { CallEntry } from '../../shared/metrics/call-list';
import type { CustomerRow } from '../../shared/domain/types';

const api = vi.hoisted(() => vi.fn());
vi.mock('../../renderer/src/lib/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../renderer/src/lib/api')>()),
  api,
}));

const { useInsightsStore, MEMBERS_SHOWN } = await import('../../renderer/src/stores/insights-store');
const { useCallListStore, withoutEntry, entriesLeft, entryKey } = await import('../../renderer/src/stores/call-list-store');
const { useCustomerInsightStore } = await import('../../renderer/src/stores/customer-insight-store');
const { notifyDataChanged } = await import('../../renderer/src/stores/data-changed');

/** A promise the test resolves when it wants the "back end" to answer. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const view = (asOf: string) => ({ asOf, shop: { customersWithVisits: 3 } }) as unknown as InsightsView;
const row = (id: number): CustomerRow => ({ id, name: `C${id}`, phone: null, email: null, visits: 1, totalSpentCents: 100, firstVisit: null, lastVisit: null });
const entry = (reason: CallEntry['reason'], customerId: number, feedbackId: number | null = null): CallEntry => ({
  reason,
  customerId,
  name: `C${customerId}`,
  phone: null,
  email: null,
  why: 'because',
  revenueCents: 100,
  feedbackId,
});
const today = (): TodayView =>
  ({
    asOf: '2026-11-23',
    shop: {},
    overdueRegulars: [entry('overdue-regular', 1), entry('overdue-regular', 2)],
    highValueAtRisk: [entry('high-value-at-risk', 3)],
    detractors: [entry('detractor', 1, 77)],
    promoters: [entry('promoter', 4, 88)],
    birthdays: [],
  }) as unknown as TodayView;

describe('insights store', () => {
  beforeEach(() => {
    api.mockReset();
    useInsightsStore.setState({ view: null, loading: false, error: null, members: null });
  });

  it('keeps only the newest answer when two loads overlap', async () => {
    const slow = deferred<InsightsView>();
    const fast = deferred<InsightsView>();
    api.mockReturnValueOnce(slow.promise).mockReturnValueOnce(fast.promise);
    const first = useInsightsStore.getState().load();
    const second = useInsightsStore.getState().load();
    fast.resolve(view('2026-11-23'));
    await second;
    slow.resolve(view('2026-01-01'));
    await first;
    expect(useInsightsStore.getState().view?.asOf).toBe('2026-11-23');
    expect(useInsightsStore.getState().loading).toBe(false);
  });

  it('keeps the last figures on screen when a reload fails, with the reason', async () => {
    api.mockResolvedValueOnce(view('2026-11-23')).mockRejectedValueOnce(new Error('disk gone'));
    await useInsightsStore.getState().load();
    await useInsightsStore.getState().load();
    expect(useInsightsStore.getState().view?.asOf).toBe('2026-11-23');
    expect(useInsightsStore.getState().error).toMatch(/disk gone/);
  });

  it('opens a segment: its members, biggest spenders first, for the date the screen shows', async () => {
    api.mockResolvedValueOnce(view('2026-11-23'));
    await useInsightsStore.getState().load();
    api.mockImplementation((op: string) =>
      op === 'insights:members' ? Promise.resolve({ label: 'Champions', ids: [5, 6, 7] }) : Promise.resolve({ rows: [row(7), row(5), row(6)], total: 3 }),
    );
    await useInsightsStore.getState().openMembers({ kind: 'segment', id: 'champions' });
    expect(api.mock.calls).toEqual([
      ['insights:get', {}],
      ['insights:members', { segment: 'champions', asOf: '2026-11-23' }],
      ['customers:list', { query: '', sort: 'totalSpent', direction: 'desc', ids: [5, 6, 7], offset: 0, limit: MEMBERS_SHOWN }],
    ]);
    const members = useInsightsStore.getState().members!;
    expect([members.label, members.total, members.rows.map((r) => r.id), members.loading]).toEqual(['Champions', 3, [7, 5, 6], false]);
  });

  it('does not ask for the customer list of an empty tier', async () => {
    api.mockResolvedValueOnce({ label: 'New', ids: [] });
    await useInsightsStore.getState().openMembers({ kind: 'tier', id: 'new' });
    expect(api).toHaveBeenCalledTimes(1);
    expect(api).toHaveBeenCalledWith('insights:members', { tier: 'new' });
    expect(useInsightsStore.getState().members).toMatchObject({ total: 0, rows: [], loading: false });
  });

  it('drops a late answer for a list that was closed, or replaced by another group', async () => {
    const late = deferred<{ label: string; ids: number[] }>();
    api.mockReturnValueOnce(late.promise);
    const opening = useInsightsStore.getState().openMembers({ kind: 'segment', id: 'loyal' });
    useInsightsStore.getState().closeMembers();
    late.resolve({ label: 'Loyal', ids: [1] });
    await opening;
    expect(useInsightsStore.getState().members).toBeNull();

    const first = deferred<{ label: string; ids: number[] }>();
    api.mockReturnValueOnce(first.promise).mockResolvedValueOnce({ label: 'At risk', ids: [] });
    const a = useInsightsStore.getState().openMembers({ kind: 'segment', id: 'loyal' });
    await useInsightsStore.getState().openMembers({ kind: 'segment', id: 'at-risk' });
    first.resolve({ label: 'Loyal', ids: [] });
    await a;
    expect(useInsightsStore.getState().members?.label).toBe('At risk');
  });

  it('says why the members could not be listed', async () => {
    api.mockRejectedValueOnce(new Error('worker crashed'));
    await useInsightsStore.getState().openMembers({ kind: 'tier', id: 'high' });
    expect(useInsightsStore.getState().members).toMatchObject({ loading: false, error: expect.stringMatching(/worker crashed/) });
  });

  it('refreshes an open screen when the data changes, and leaves an unopened one alone', async () => {
    notifyDataChanged();
    expect(api).not.toHaveBeenCalledWith('insights:get', {});
    api.mockResolvedValue(view('2026-11-23'));
    await useInsightsStore.getState().load();
    api.mockClear();
    notifyDataChanged();
    expect(api).toHaveBeenCalledWith('insights:get', {});
  });
});

describe('call list', () => {
  beforeEach(() => {
    api.mockReset();
    useCallListStore.setState({ view: today(), loading: false, error: null, saving: {}, doneError: null, done: {} });
  });

  it('removes one entry, and only that reason for that person', () => {
    const v = today();
    expect(entriesLeft(v)).toBe(5);
    const after = withoutEntry(v, entry('overdue-regular', 1));
    expect(entriesLeft(after)).toBe(4);
    expect(after.detractors.map(entryKey)).toEqual(['detractor:1']);
    expect(after.overdueRegulars.map(entryKey)).toEqual(['overdue-regular:2']);
    expect(entriesLeft(v)).toBe(5); // the original is untouched
  });

  it.each([
    ['detractor', entry('detractor', 1, 77), { customerId: 1, reason: 'detractor', feedbackId: 77 }],
    ['promoter (its feedback has no follow-up to close)', entry('promoter', 4, 88), { customerId: 4, reason: 'promoter' }],
    ['overdue regular', entry('overdue-regular', 2), { customerId: 2, reason: 'overdue-regular' }],
  ] as const)('marks a %s done', async (_name, e, input) => {
    // Reloads that a closed follow-up sets off stay unanswered here, to see the list as "done" left it.
    api.mockImplementation((op: string) => (op === 'today:done' ? Promise.resolve({ done: true }) : new Promise(() => {})));
    await useCallListStore.getState().markDone(e);
    expect(api).toHaveBeenCalledWith('today:done', input);
    // Closing a follow-up changes the data other screens show (Feedback, Today's totals), so they are told.
    expect(api.mock.calls.some(([op]) => op === 'today:get')).toBe(e.reason === 'detractor');
    const v = useCallListStore.getState().view!;
    expect(entriesLeft(v)).toBe(4);
    expect(CALL_KEYS(v)).not.toContain(entryKey(e));
    expect(useCallListStore.getState().saving).toEqual({});
  });

  it('keeps a done entry off the list when a reload that started earlier answers later', async () => {
    const reload = deferred<TodayView>();
    api.mockImplementation((op: string) => (op === 'today:get' ? reload.promise : Promise.resolve({ done: true })));
    const loading = useCallListStore.getState().load();
    await useCallListStore.getState().markDone(entry('overdue-regular', 2));
    reload.resolve(today()); // computed before the back end heard of "done"
    await loading;
    const state = useCallListStore.getState();
    expect(CALL_KEYS(state.view!)).not.toContain('overdue-regular:2');
    expect(entriesLeft(state.view!)).toBe(4);
    expect(state.loading).toBe(false);
  });

  it('keeps the entry and says why when "done" fails', async () => {
    api.mockRejectedValue(new Error('Customer #2 does not exist (any more).'));
    await useCallListStore.getState().markDone(entry('overdue-regular', 2));
    expect(entriesLeft(useCallListStore.getState().view!)).toBe(5);
    expect(useCallListStore.getState().doneError).toMatch(/does not exist/);
  });

  it('ignores a second click while the first is on its way', async () => {
    const pending = deferred<{ done: true }>();
    api.mockReturnValue(pending.promise);
    const first = useCallListStore.getState().markDone(entry('overdue-regular', 2));
    void useCallListStore.getState().markDone(entry('overdue-regular', 2));
    pending.resolve({ done: true });
    await first;
    expect(api).toHaveBeenCalledTimes(1);
  });
});

function CALL_KEYS(v: TodayView): string[] {
  return [...v.overdueRegulars, ...v.highValueAtRisk, ...v.detractors, ...v.promoters, ...v.birthdays].map(entryKey);
}

describe('customer insight store', () => {
  beforeEach(() => {
    api.mockReset();
    useCustomerInsightStore.setState({ id: null, insight: null, loading: false, error: null });
  });

  it('shows the customer asked for last, even when an earlier answer arrives later', async () => {
    const forOne = deferred<unknown>();
    api.mockReturnValueOnce(forOne.promise).mockResolvedValueOnce({ model: {}, customer: { id: 2 } });
    const one = useCustomerInsightStore.getState().load(1);
    await useCustomerInsightStore.getState().load(2);
    forOne.resolve({ model: {}, customer: { id: 1 } });
    await one;
    expect(useCustomerInsightStore.getState()).toMatchObject({ id: 2, insight: { customer: { id: 2 } }, loading: false });
  });
});
