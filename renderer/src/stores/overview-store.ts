/** The Today page's shop totals (who to call is in the call-list store). */
import { create } from 'zustand';
import type { ShopOverview } from '../../../shared/ipc/contract';
import { api, errorMessage } from '../lib/api';
import { onDataChanged } from './data-changed';

interface OverviewState {
  overview: ShopOverview | null;
  loading: boolean;
  error: string | null;
  load(): Promise<void>;
}

let latest = 0;

export const useOverviewStore = create<OverviewState>()((set) => ({
  overview: null,
  loading: false,
  error: null,
  async load() {
    const request = ++latest;
    set({ loading: true });
    try {
      const overview = await api('shop:overview', {});
      if (request === latest) set({ overview, loading: false, error: null });
    } catch (error) {
      if (request === latest) set({ loading: false, error: errorMessage(error) });
    }
  },
}));

onDataChanged(() => {
  if (useOverviewStore.getState().overview) void useOverviewStore.getState().load();
});
