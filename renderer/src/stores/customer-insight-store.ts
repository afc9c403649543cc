/**
 * The insight card of a customer page: segment, value tier, cadence and predictions for one
 * customer, from the shop's analysis (cached in the back end, so switching customers is quick).
 */
import { create } from 'zustand';
import type { Out } from '../../../shared/ipc/contract';
import { api, errorMessage } from '../lib/api';
import { onDataChanged } from './data-changed';

type CustomerInsight = Out<'customers:insight'>;

interface CustomerInsightState {
  id: number | null;
  insight: CustomerInsight | null;
  loading: boolean;
  error: string | null;
  load(id: number): Promise<void>;
}

export const useCustomerInsightStore = create<CustomerInsightState>()((set, get) => ({
  id: null,
  insight: null,
  loading: false,
  error: null,

  async load(id) {
    const switching = get().id !== id;
    set(switching ? { id, insight: null, loading: true, error: null } : { loading: true });
    try {
      const insight = await api('customers:insight', { id });
      if (get().id === id) set({ insight, loading: false, error: null });
    } catch (error) {
      if (get().id === id) set({ loading: false, error: errorMessage(error) });
    }
  },
}));

onDataChanged(() => {
  const { id, insight } = useCustomerInsightStore.getState();
  if (id !== null && insight) void useCustomerInsightStore.getState().load(id);
});
