/** The Today page: shop totals and the follow-ups waiting for a call. */
import { create } from 'zustand';
import type { ShopOverview } from '../../../shared/ipc/contract';
import type { FeedbackRow } from '../../../shared/domain/types';
import { api, errorMessage } from '../lib/api';
import { onDataChanged } from './data-changed';

export const TODAY_FOLLOW_UPS = 5;

interface OverviewState {
  overview: ShopOverview | null;
  openFollowUps: FeedbackRow[];
  loading: boolean;
  error: string | null;
  load(): Promise<void>;
}

let latest = 0;

export const useOverviewStore = create<OverviewState>()((set) => ({
  overview: null,
  openFollowUps: [],
  loading: false,
  error: null,
  async load() {
    const request = ++latest;
    set({ loading: true });
    try {
      const [overview, followUps] = await Promise.all([
        api('shop:overview', {}),
        api('feedback:list', { filter: 'open', offset: 0, limit: TODAY_FOLLOW_UPS }),
      ]);
      if (request === latest) set({ overview, openFollowUps: followUps.rows, loading: false, error: null });
    } catch (error) {
      if (request === latest) set({ loading: false, error: errorMessage(error) });
    }
  },
}));

onDataChanged(() => {
  if (useOverviewStore.getState().overview) void useOverviewStore.getState().load();
});
