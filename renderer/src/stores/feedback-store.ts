/** The feedback list with its filter and paging, and closing follow-ups. */
import { create } from 'zustand';
import type { FeedbackRow } from '../../../shared/domain/types';
import type { FeedbackFilter } from '../../../shared/ipc/schemas';
import { api, errorMessage } from '../lib/api';
import { notifyDataChanged, onDataChanged } from './data-changed';

export const FEEDBACK_PAGE_SIZE = 50;

interface FeedbackState {
  filter: FeedbackFilter;
  /** 1-based page number. */
  page: number;
  rows: FeedbackRow[];
  total: number;
  loaded: boolean;
  loading: boolean;
  error: string | null;
  load(): Promise<void>;
  setFilter(filter: FeedbackFilter): void;
  setPage(page: number): void;
  setFollowUp(id: number, done: boolean, note?: string): Promise<void>;
}

let latest = 0;

export const useFeedbackStore = create<FeedbackState>()((set, get) => ({
  filter: 'all',
  page: 1,
  rows: [],
  total: 0,
  loaded: false,
  loading: false,
  error: null,

  async load() {
    const request = ++latest;
    const { filter, page } = get();
    set({ loading: true });
    try {
      const reply = await api('feedback:list', { filter, offset: (page - 1) * FEEDBACK_PAGE_SIZE, limit: FEEDBACK_PAGE_SIZE });
      if (request === latest) set({ rows: reply.rows, total: reply.total, loaded: true, loading: false, error: null });
    } catch (error) {
      if (request === latest) set({ loading: false, error: errorMessage(error) });
    }
  },

  setFilter(filter) {
    set({ filter, page: 1 });
    void get().load();
  },

  setPage(page) {
    set({ page });
    void get().load();
  },

  async setFollowUp(id, done, note = '') {
    await api('feedback:setFollowUp', { id, done, note });
    notifyDataChanged();
  },
}));

onDataChanged(() => {
  if (useFeedbackStore.getState().loaded) void useFeedbackStore.getState().load();
});
