/** The customer list store with the api module stubbed at the module boundary. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CustomerRow, Page } from '../../shared/domain/types';

const api = vi.hoisted(() => vi.fn());
vi.mock('../../renderer/src/lib/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../renderer/src/lib/api')>()),
  api,
}));

const { useCustomersStore, customerRowAt, PAGE_SIZE, SEARCH_DEBOUNCE_MS } = await import('../../renderer/src/stores/customers-store');

function row(id: number, name: string): CustomerRow {
  return { id, name, phone: null, email: null, visits: 1, totalSpentCents: 100, firstVisit: null, lastVisit: null };
}

interface ListInput {
  query: string;
  sort: string;
  direction: string;
  offset: number;
  limit: number;
}

/** A fake list of `total` customers named after the query, answering after `delay(input)` ms. */
function fakeList(total: number, delay: (input: ListInput) => number = () => 0) {
  api.mockImplementation((op: string, input: ListInput) => {
    expect(op).toBe('customers:list');
    const rows = Array.from({ length: Math.max(0, Math.min(input.limit, total - input.offset)) }, (_, i) =>
      row(input.offset + i + 1, `${input.query || 'all'} #${input.offset + i}`),
    );
    const page: Page<CustomerRow> = { rows, total };
    return new Promise((resolve) => setTimeout(() => resolve(page), delay(input)));
  });
}

const initial = useCustomersStore.getState();

describe('customers store', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useCustomersStore.setState(initial, true);
    api.mockReset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('loads the first page on first look and knows the total', async () => {
    fakeList(50_000);
    useCustomersStore.getState().ensureRange(0, 20);
    await vi.runAllTimersAsync();
    const state = useCustomersStore.getState();
    expect(state.total).toBe(50_000);
    expect(customerRowAt(state, 0)?.name).toBe('all #0');
    expect(api).toHaveBeenCalledTimes(1);
  });

  it('fetches only the pages scrolled to, once each', async () => {
    fakeList(50_000);
    useCustomersStore.getState().ensureRange(0, 10);
    await vi.runAllTimersAsync();
    useCustomersStore.getState().ensureRange(30_050, 30_080);
    useCustomersStore.getState().ensureRange(30_060, 30_110); // overlaps: the same page is not asked for twice
    await vi.runAllTimersAsync();
    const offsets = api.mock.calls.map(([, input]) => (input as ListInput).offset);
    expect(offsets).toEqual([0, 30_000, 30_100]);
    expect(customerRowAt(useCustomersStore.getState(), 30_099)?.name).toBe('all #30099');
    expect(Object.keys(useCustomersStore.getState().pages)).toHaveLength(3);
    expect(PAGE_SIZE).toBe(100);
  });

  it('waits for a pause in typing before searching', async () => {
    fakeList(3);
    const { setSearchText } = useCustomersStore.getState();
    setSearchText('a');
    await vi.advanceTimersByTimeAsync(50);
    setSearchText('an');
    await vi.advanceTimersByTimeAsync(50);
    setSearchText('ann ');
    expect(api).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS + 1);
    await vi.runAllTimersAsync();
    expect(api).toHaveBeenCalledTimes(1);
    expect(api.mock.calls[0]![1]).toMatchObject({ query: 'ann', offset: 0 });
    expect(useCustomersStore.getState().query).toBe('ann');
  });

  it('ignores a slow answer to an older search', async () => {
    // "an" answers after 500 ms, "anna" after 10 ms: the list must end up showing "anna".
    fakeList(5, (input) => (input.query === 'an' ? 500 : 10));
    const { setSearchText } = useCustomersStore.getState();
    setSearchText('an');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS + 1);
    setSearchText('anna');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS + 1);
    await vi.runAllTimersAsync();
    expect(api).toHaveBeenCalledTimes(2);
    const state = useCustomersStore.getState();
    expect(state.query).toBe('anna');
    expect(customerRowAt(state, 0)?.name).toBe('anna #0');
    expect(state.generation).toBe(state.pagesGeneration);
  });

  it('keeps the old rows on screen until the new search answers', async () => {
    fakeList(5, (input) => (input.query === 'bob' ? 200 : 0));
    useCustomersStore.getState().ensureRange(0, 5);
    await vi.runAllTimersAsync();
    useCustomersStore.getState().setSearchText('bob');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS + 50);
    expect(customerRowAt(useCustomersStore.getState(), 0)?.name).toBe('all #0');
    await vi.runAllTimersAsync();
    expect(customerRowAt(useCustomersStore.getState(), 0)?.name).toBe('bob #0');
  });

  it.each([
    ['name', 'name', 'desc'],
    ['visits', 'visits', 'desc'],
    ['lastVisit', 'lastVisit', 'desc'],
    ['totalSpent', 'totalSpent', 'desc'],
  ] as const)('a click on %s sorts by %s, %s', async (column, sort, direction) => {
    fakeList(5);
    useCustomersStore.getState().setSort(column);
    await vi.runAllTimersAsync();
    expect(useCustomersStore.getState()).toMatchObject({ sort, direction });
    expect(api.mock.calls[0]![1]).toMatchObject({ sort, direction, offset: 0 });
  });

  it('a second click on the same column flips the direction', async () => {
    fakeList(5);
    useCustomersStore.getState().setSort('visits');
    useCustomersStore.getState().setSort('visits');
    await vi.runAllTimersAsync();
    expect(useCustomersStore.getState()).toMatchObject({ sort: 'visits', direction: 'asc' });
  });
});
