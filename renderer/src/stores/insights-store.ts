/**
 * The Insights screen: the shop's analysis (computed in the back end's long lane, cached there until
 * the data changes) and the customers behind one segment or value tier when the owner clicks it.
 */
import { create } from 'zustand';
import type { InsightsView } from '../../../shared/ipc/contract';
import type { CustomerRow } from '../../../shared/domain/types';
import type { SegmentId } from '../../../shared/metrics/rfm';
import type { TierId } from '../../../shared/metrics/tiers';
import { api, errorMessage } from '../lib/api';
import { onDataChanged } from './data-changed';

/** How many members the list shows (the biggest spenders first); the count always says how many there are in all. */
export const MEMBERS_SHOWN = 200;

/** A group of customers the owner can open: a segment or a value tier. */
export type MemberGroup = { kind: 'segment'; id: SegmentId } | { kind: 'tier'; id: TierId };

export interface MembersState {
  group: MemberGroup;
  label: string | null;
  /** How many customers are in the group (null while loading). */
  total: number | null;
  rows: CustomerRow[];
  loading: boolean;
  error: string | null;
}

interface InsightsState {
  view: InsightsView | null;
  loading: boolean;
  error: string | null;
  members: MembersState | null;
  load(): Promise<void>;
  openMembers(group: MemberGroup): Promise<void>;
  closeMembers(): void;
}

let latestLoad = 0;
let latestMembers = 0;

export const sameGroup = (a: MemberGroup, b: MemberGroup): boolean => a.kind === b.kind && a.id === b.id;

export const useInsightsStore = create<InsightsState>()((set, get) => ({
  view: null,
  loading: false,
  error: null,
  members: null,

  async load() {
    const request = ++latestLoad;
    set({ loading: true });
    try {
      const view = await api('insights:get', {});
      if (request === latestLoad) set({ view, loading: false, error: null });
    } catch (error) {
      if (request === latestLoad) set({ loading: false, error: errorMessage(error) });
    }
  },

  async openMembers(group) {
    const request = ++latestMembers;
    set({ members: { group, label: null, total: null, rows: [], loading: true, error: null } });
    const stillAsked = () => request === latestMembers && get().members !== null;
    try {
      const asOf = get().view?.asOf;
      const input = group.kind === 'segment' ? { segment: group.id } : { tier: group.id };
      const { label, ids } = await api('insights:members', asOf ? { ...input, asOf } : input);
      if (!stillAsked()) return;
      set({ members: { group, label, total: ids.length, rows: [], loading: ids.length > 0, error: null } });
      if (ids.length === 0) return;
      const page = await api('customers:list', { query: '', sort: 'totalSpent', direction: 'desc', ids, offset: 0, limit: MEMBERS_SHOWN });
      if (stillAsked()) set({ members: { group, label, total: ids.length, rows: page.rows, loading: false, error: null } });
    } catch (error) {
      if (stillAsked()) set((s) => ({ members: s.members && { ...s.members, loading: false, error: errorMessage(error) } }));
    }
  },

  closeMembers() {
    latestMembers++;
    set({ members: null });
  },
}));

onDataChanged(() => {
  // Only a screen someone has opened needs refreshing; the back end recomputes on the next ask.
  const { view, members } = useInsightsStore.getState();
  if (view) void useInsightsStore.getState().load();
  if (members) void useInsightsStore.getState().openMembers(members.group);
});
