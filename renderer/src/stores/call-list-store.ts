/**
 * "Who to call" on the Today screen: the list from the back end (computed in its long lane) and the
 * one-click "done" for each entry. A done entry leaves the list at once; the back end remembers it.
 */
import { create } from 'zustand';
import type { TodayView } from '../../../shared/ipc/contract';
import type { CallEntry, CallList } from '../../../shared/metrics/call-list';
import { api, errorMessage } from '../lib/api';
import { notifyDataChanged, onDataChanged } from './data-changed';

/** The sections of the list, in the order the screen shows them. */
export const CALL_SECTIONS = ['overdueRegulars', 'highValueAtRisk', 'detractors', 'promoters', 'birthdays'] as const satisfies readonly (keyof CallList)[];
export type CallSection = (typeof CALL_SECTIONS)[number];

/** Identifies one entry (a person can be on the list for two reasons). */
export const entryKey = (entry: Pick<CallEntry, 'reason' | 'customerId'>): string => `${entry.reason}:${entry.customerId}`;

/** The list without one entry. */
export function withoutEntry(view: TodayView, entry: CallEntry): TodayView {
  return withoutDone(view, { [entryKey(entry)]: true });
}

/** The list without every entry whose key is in `done`. */
export function withoutDone(view: TodayView, done: Readonly<Record<string, true>>): TodayView {
  const next = { ...view };
  for (const section of CALL_SECTIONS) next[section] = view[section].filter((e) => !done[entryKey(e)]);
  return next;
}

/** Entries still to call, over all sections. */
export function entriesLeft(view: TodayView): number {
  return CALL_SECTIONS.reduce((sum, section) => sum + view[section].length, 0);
}

/**
 * The list's progress in a few words: "3 done this week, 41 to go". The list refills as people are
 * done (each section shows the most pressing dozen), so "to go" alone would never seem to move.
 */
export function callListProgress(view: TodayView, count: (n: number) => string): string {
  const left = entriesLeft(view);
  const done = view.doneThisWeek;
  if (left === 0) return done === 0 ? 'All done' : `All done: ${count(done)} this week`;
  return done === 0 ? `${count(left)} to go` : `${count(done)} done this week, ${count(left)} to go`;
}

interface CallListState {
  view: TodayView | null;
  loading: boolean;
  error: string | null;
  /** Entries whose "done" is on its way, by {@link entryKey}. */
  saving: Record<string, true>;
  /** Why the last "done" failed, if it did. */
  doneError: string | null;
  /** Entries marked done since the app started: kept off the list even if a reload was already on its way. */
  done: Record<string, true>;
  load(): Promise<void>;
  markDone(entry: CallEntry): Promise<void>;
}

let latest = 0;

export const useCallListStore = create<CallListState>()((set, get) => ({
  view: null,
  loading: false,
  error: null,
  saving: {},
  doneError: null,
  done: {},

  async load() {
    const request = ++latest;
    set({ loading: true });
    try {
      const view = await api('today:get', {});
      if (request === latest) set((s) => ({ view: withoutDone(view, s.done), loading: false, error: null }));
    } catch (error) {
      if (request === latest) set({ loading: false, error: errorMessage(error) });
    }
  },

  async markDone(entry) {
    const key = entryKey(entry);
    if (get().saving[key]) return;
    set((s) => ({ saving: { ...s.saving, [key]: true }, doneError: null }));
    try {
      // Only an unhappy answer has a follow-up to close; a promoter's feedback has none.
      const closesFollowUp = entry.reason === 'detractor' && entry.feedbackId !== null;
      await api('today:done', { customerId: entry.customerId, reason: entry.reason, ...(closesFollowUp ? { feedbackId: entry.feedbackId! } : {}) });
      set((s) => ({ view: s.view && { ...withoutEntry(s.view, entry), doneThisWeek: s.view.doneThisWeek + 1 }, done: { ...s.done, [key]: true } }));
      if (closesFollowUp) notifyDataChanged();
    } catch (error) {
      set({ doneError: errorMessage(error) });
    } finally {
      set((s) => {
        const { [key]: _done, ...rest } = s.saving;
        return { saving: rest };
      });
    }
  },
}));

onDataChanged(() => {
  if (useCallListStore.getState().view) void useCallListStore.getState().load();
});
