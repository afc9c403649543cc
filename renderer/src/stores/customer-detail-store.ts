/** One customer's page: profile, totals and the timeline of visits and feedback. */
import { create } from 'zustand';
import type { CustomerDetail } from '../../../shared/domain/types';
import type { In } from '../../../shared/ipc/contract';
import type { CustomerFieldsInput } from '../../../shared/ipc/schemas';
import { api, ApiError, errorMessage } from '../lib/api';
import { notifyDataChanged, onDataChanged } from './data-changed';

type VisitPatch = In<'visits:update'>['patch'];
type NewVisit = Omit<In<'visits:log'>, 'customerId'>;
type NewFeedback = Omit<In<'feedback:log'>, 'customerId'>;

interface CustomerDetailState {
  id: number | null;
  detail: CustomerDetail | null;
  loading: boolean;
  /** Why the page could not load, and whether the customer simply does not exist. */
  error: { message: string; notFound: boolean } | null;
  load(id: number): Promise<void>;
  saveProfile(patch: Partial<CustomerFieldsInput>): Promise<void>;
  logVisit(visit: NewVisit): Promise<void>;
  updateVisit(id: number, patch: VisitPatch): Promise<void>;
  deleteVisit(id: number): Promise<void>;
  logFeedback(feedback: NewFeedback): Promise<void>;
  deleteFeedback(id: number): Promise<void>;
  deleteCustomer(): Promise<void>;
}

export const useCustomerDetailStore = create<CustomerDetailState>()((set, get) => {
  function requireId(): number {
    const id = get().id;
    if (id === null) throw new Error('No customer is open.');
    return id;
  }

  /** After a change: refetch this page and let other screens know. */
  async function afterChange(): Promise<void> {
    notifyDataChanged();
  }

  return {
    id: null,
    detail: null,
    loading: false,
    error: null,

    async load(id) {
      const switching = get().id !== id;
      set(switching ? { id, detail: null, loading: true, error: null } : { loading: true });
      try {
        const detail = await api('customers:get', { id });
        if (get().id === id) set({ detail, loading: false, error: null });
      } catch (error) {
        if (get().id !== id) return;
        set({ loading: false, error: { message: errorMessage(error), notFound: error instanceof ApiError && error.code === 'NOT_FOUND' } });
      }
    },

    async saveProfile(patch) {
      await api('customers:update', { id: requireId(), patch });
      await afterChange();
    },

    async logVisit(visit) {
      await api('visits:log', { ...visit, customerId: requireId() });
      await afterChange();
    },

    async updateVisit(id, patch) {
      await api('visits:update', { id, patch });
      await afterChange();
    },

    async deleteVisit(id) {
      await api('visits:delete', { id });
      await afterChange();
    },

    async logFeedback(feedback) {
      await api('feedback:log', { ...feedback, customerId: requireId() });
      await afterChange();
    },

    async deleteFeedback(id) {
      await api('feedback:delete', { id });
      await afterChange();
    },

    async deleteCustomer() {
      await api('customers:delete', { id: requireId() });
      set({ id: null, detail: null });
      notifyDataChanged();
    },
  };
});

onDataChanged(() => {
  const { id, detail } = useCustomerDetailStore.getState();
  if (id !== null && detail) void useCustomerDetailStore.getState().load(id);
});
