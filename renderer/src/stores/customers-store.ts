/**
 * The customer list: a window onto possibly 50,000 rows. Rows come in pages of {@link PAGE_SIZE}
 * fetched as the table scrolls to them and kept until the search or sort changes. Every change of
 * search or sort starts a new "generation"; replies for an older generation are dropped, so a slow
 * answer to "an" can never overwrite the answer to "anna".
 */
import { create } from 'zustand';
import type { Customer, CustomerRow } from '../../../shared/domain/types';
import type { CustomerFieldsInput, CustomerSort } from '../../../shared/ipc/schemas';
import { api, errorMessage } from '../lib/api';
import { notifyDataChanged, onDataChanged } from './data-changed';

export const PAGE_SIZE = 100;
export const SEARCH_DEBOUNCE_MS = 120;

export type SortDirection = 'asc' | 'desc';

/** The natural first direction of each column: A→Z, but most recent / most first for numbers. */
export const DEFAULT_DIRECTION: Record<CustomerSort, SortDirection> = {
  name: 'asc',
  lastVisit: 'desc',
  visits: 'desc',
  totalSpent: 'desc',
};

interface CustomersState {
  /** What is in the search box right now. */
  searchText: string;
  /** The search the rows belong to (the box, trimmed, after the debounce). */
  query: string;
  sort: CustomerSort;
  direction: SortDirection;
  /** Rows matching the query, or null before the first answer. */
  total: number | null;
  /** The search that `total` and `pages` answer (lags `query` while a new search is on its way). */
  pagesQuery: string;
  pages: Record<number, CustomerRow[]>;
  /** Bumped on every new search/sort/refresh. */
  generation: number;
  /** The generation `pages` and `total` belong to; older rows stay on screen until new ones arrive. */
  pagesGeneration: number;
  loadingPages: Record<number, number>;
  error: string | null;
  addOpen: boolean;

  setSearchText(text: string): void;
  setSort(column: CustomerSort): void;
  /** Makes sure the rows first..last are loaded (or loading). */
  ensureRange(first: number, last: number): void;
  refresh(): void;
  openAdd(): void;
  closeAdd(): void;
  /** Creates a customer; throws an ApiError with field issues when the input is wrong. */
  addCustomer(fields: CustomerFieldsInput): Promise<Customer>;
}

let searchTimer: ReturnType<typeof setTimeout> | undefined;

export const useCustomersStore = create<CustomersState>()((set, get) => {
  function fetchPage(page: number): void {
    const { generation, query, sort, direction } = get();
    const askedQuery = query;
    set((s) => ({ loadingPages: { ...s.loadingPages, [page]: generation } }));
    api('customers:list', { query, sort, direction, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
      (reply) => {
        if (get().generation !== generation) return; // a newer search or sort has taken over
        set((s) => {
          const { [page]: _done, ...stillLoading } = s.loadingPages;
          const pages = s.pagesGeneration === generation ? { ...s.pages, [page]: reply.rows } : { [page]: reply.rows };
          return { pages, total: reply.total, pagesQuery: askedQuery, pagesGeneration: generation, loadingPages: stillLoading, error: null };
        });
      },
      (error: unknown) => {
        if (get().generation !== generation) return;
        set((s) => {
          const { [page]: _failed, ...stillLoading } = s.loadingPages;
          return { loadingPages: stillLoading, error: errorMessage(error) };
        });
      },
    );
  }

  function restart(changes: Partial<CustomersState>): void {
    set((s) => ({ ...changes, generation: s.generation + 1, loadingPages: {}, error: null }));
    fetchPage(0);
  }

  return {
    searchText: '',
    query: '',
    sort: 'name',
    direction: 'asc',
    total: null,
    pagesQuery: '',
    pages: {},
    generation: 0,
    pagesGeneration: -1,
    loadingPages: {},
    error: null,
    addOpen: false,

    setSearchText(text) {
      set({ searchText: text });
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => {
        const query = get().searchText.trim();
        if (query !== get().query || get().total === null) restart({ query });
      }, SEARCH_DEBOUNCE_MS);
    },

    setSort(column) {
      const { sort, direction } = get();
      const next: SortDirection = column === sort ? (direction === 'asc' ? 'desc' : 'asc') : DEFAULT_DIRECTION[column];
      restart({ sort: column, direction: next });
    },

    ensureRange(first, last) {
      const { generation, pagesGeneration, pages, loadingPages } = get();
      if (pagesGeneration !== generation) {
        // Until the first page of a new search arrives we do not know how many rows there are.
        if (loadingPages[0] !== generation) fetchPage(0);
        return;
      }
      const lastPage = Math.floor(Math.max(first, last) / PAGE_SIZE);
      for (let page = Math.floor(Math.max(0, first) / PAGE_SIZE); page <= lastPage; page++) {
        if (!pages[page] && loadingPages[page] !== generation) fetchPage(page);
      }
    },

    refresh() {
      restart({});
    },

    openAdd: () => set({ addOpen: true }),
    closeAdd: () => set({ addOpen: false }),

    async addCustomer(fields) {
      const customer = await api('customers:create', fields);
      set({ addOpen: false });
      notifyDataChanged();
      return customer;
    },
  };
});

/** The row at a position in the current list, if its page is loaded. */
export function customerRowAt(state: Pick<CustomersState, 'pages'>, index: number): CustomerRow | undefined {
  return state.pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

onDataChanged(() => {
  // Only a list someone has looked at needs refreshing; the next visit loads it fresh anyway.
  if (useCustomersStore.getState().total !== null) useCustomersStore.getState().refresh();
});
