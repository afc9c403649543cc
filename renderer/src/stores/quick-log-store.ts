/**
 * Quick log: the counter-side shortcut. Type a few letters of a name (or digits of a phone), pick
 * with arrows + Enter — or take "New customer: <name>" — type the amount, Enter. Everything the
 * modal does lives here so the keyboard flow can be tested without a browser.
 */
import { create } from 'zustand';
import type { CustomerRow } from '../../../shared/domain/types';
import type { QuickLogResult } from '../../../shared/ipc/contract';
import { localDateOf } from '../../../shared/domain/dates';
import { parseAmountInput } from '../../../shared/domain/money';
import { phoneDigits } from '../../../shared/domain/text';
import { api, errorMessage, fieldErrors } from '../lib/api';
import { notifyDataChanged } from './data-changed';

export const QUICK_SEARCH_DEBOUNCE_MS = 80;
export const QUICK_SEARCH_LIMIT = 8;

export type QuickLogChoice = { kind: 'existing'; customer: CustomerRow } | { kind: 'new'; name: string };

/**
 * What the dialog is for: a visit (an amount, with a score or comment if they gave one), or feedback
 * alone (a comment card, a word at the till, a review read out): the same dialog without the amount.
 */
export type QuickLogMode = 'visit' | 'feedback';

/**
 * The options under the name box: matching customers first, then "New customer: <name>" unless the
 * text is a phone number (nobody is called "0612").
 */
export function quickLogOptions(text: string, results: CustomerRow[]): QuickLogChoice[] {
  const name = text.replace(/\s+/g, ' ').trim();
  const options: QuickLogChoice[] = results.map((customer) => ({ kind: 'existing', customer }));
  const looksLikePhone = phoneDigits(name).length >= 3 && /^[+()\d\s./-]+$/.test(name);
  if (name !== '' && !looksLikePhone) options.push({ kind: 'new', name });
  return options;
}

interface QuickLogState {
  opened: boolean;
  mode: QuickLogMode;
  /** The text in the name box. */
  text: string;
  results: CustomerRow[];
  /** The text the results belong to; differs from `text` while a search is on its way. */
  resultsFor: string | null;
  highlighted: number;
  choice: QuickLogChoice | null;
  amountText: string;
  nps: number | null;
  rating: number | null;
  comment: string;
  date: string;
  submitting: boolean;
  /** Field problems keyed by field: customer, amount, nps, rating, comment, date, name. */
  errors: Record<string, string>;
  formError: string | null;

  open(preset?: QuickLogChoice, mode?: QuickLogMode): void;
  close(): void;
  setText(text: string): void;
  /** Moves the highlight through the options, wrapping around. */
  move(delta: number): void;
  highlight(index: number): void;
  /** Picks the highlighted option, waiting for a search still on its way. Returns whether a customer is now chosen. */
  pickHighlighted(): Promise<boolean>;
  pick(choice: QuickLogChoice): void;
  clearChoice(): void;
  setAmountText(text: string): void;
  setNps(nps: number | null): void;
  setRating(rating: number | null): void;
  setComment(comment: string): void;
  setDate(date: string): void;
  /** Logs the visit (or the feedback); returns what was saved, or null when something needs fixing first. */
  submit(): Promise<QuickLogResult | null>;
}

let searchTimer: ReturnType<typeof setTimeout> | undefined;
let searchSeq = 0;

function blankForm(): Pick<
  QuickLogState,
  'text' | 'results' | 'resultsFor' | 'highlighted' | 'choice' | 'amountText' | 'nps' | 'rating' | 'comment' | 'date' | 'submitting' | 'errors' | 'formError'
> {
  return {
    text: '',
    results: [],
    resultsFor: '',
    highlighted: 0,
    choice: null,
    amountText: '',
    nps: null,
    rating: null,
    comment: '',
    date: localDateOf(new Date()),
    submitting: false,
    errors: {},
    formError: null,
  };
}

export const useQuickLogStore = create<QuickLogState>()((set, get) => {
  function search(text: string): Promise<void> {
    const seq = ++searchSeq;
    const query = text.trim();
    const request = api('customers:search', { query, limit: QUICK_SEARCH_LIMIT }).then(
      (results) => {
        if (seq !== searchSeq) return; // typed on since: a newer search owns the list
        set({ results, resultsFor: text, highlighted: 0 });
      },
      () => {
        if (seq !== searchSeq) return;
        set({ results: [], resultsFor: text, highlighted: 0 });
      },
    );
    return request;
  }

  return {
    opened: false,
    mode: 'visit',
    ...blankForm(),

    open(preset, mode = 'visit') {
      clearTimeout(searchTimer);
      searchSeq++;
      set({ ...blankForm(), opened: true, mode, choice: preset ?? null, text: preset?.kind === 'existing' ? preset.customer.name : '' });
    },

    close() {
      clearTimeout(searchTimer);
      searchSeq++;
      set({ opened: false });
    },

    setText(text) {
      set({ text, choice: null, errors: {}, formError: null });
      clearTimeout(searchTimer);
      if (text.trim() === '') {
        searchSeq++;
        set({ results: [], resultsFor: text, highlighted: 0 });
        return;
      }
      searchTimer = setTimeout(() => void search(text), QUICK_SEARCH_DEBOUNCE_MS);
    },

    move(delta) {
      const { text, results, highlighted } = get();
      const count = quickLogOptions(text, results).length;
      if (count === 0) return;
      set({ highlighted: (((highlighted + delta) % count) + count) % count });
    },

    highlight(index) {
      set({ highlighted: index });
    },

    async pickHighlighted() {
      const { text, resultsFor } = get();
      if (text.trim() === '') {
        set({ errors: { customer: 'Type a name or phone number first.' } });
        return false;
      }
      if (resultsFor !== text) {
        // Enter came before the search answer: ask now and pick from the fresh list.
        clearTimeout(searchTimer);
        await search(text);
      }
      const state = get();
      if (state.text !== text) return false;
      const option = quickLogOptions(state.text, state.results)[state.highlighted];
      if (!option) {
        set({ errors: { customer: 'No customer has that phone number. Type their name to add them.' } });
        return false;
      }
      get().pick(option);
      return true;
    },

    pick(choice) {
      set({ choice, text: choice.kind === 'existing' ? choice.customer.name : choice.name, errors: {}, formError: null });
    },

    clearChoice() {
      set({ choice: null });
    },

    setAmountText: (amountText) => set((s) => ({ amountText, errors: { ...s.errors, amount: '' } })),
    setNps: (nps) => set({ nps }),
    setRating: (rating) => set({ rating }),
    setComment: (comment) => set({ comment }),
    setDate: (date) => set((s) => ({ date, errors: { ...s.errors, date: '' } })),

    async submit() {
      const state = get();
      if (state.submitting) return null;
      const errors: Record<string, string> = {};
      if (!state.choice) errors.customer = 'Pick a customer, or type a new name and press Enter.';
      const hasFeedback = state.nps !== null || state.rating !== null || state.comment.trim() !== '';
      // Feedback alone has no amount box: whatever was typed in it before does not count.
      const amountText = state.mode === 'feedback' ? '' : state.amountText.trim();
      const amountCents = amountText === '' ? null : parseAmountInput(amountText);
      if (amountText !== '' && amountCents === null) errors.amount = 'Type the amount like 12.50 or 12,50.';
      if (state.mode === 'feedback' && !hasFeedback) errors.comment = 'Give a score, some stars or a comment.';
      if (state.mode === 'visit' && amountText === '' && !hasFeedback) errors.amount = 'Type the amount (or give a score or a comment).';
      if (Object.keys(errors).length > 0 || !state.choice) {
        set({ errors });
        return null;
      }
      set({ submitting: true, errors: {}, formError: null });
      try {
        const choice = state.choice;
        const result = await api('visits:quickLog', {
          ...(choice.kind === 'existing' ? { customerId: choice.customer.id } : { newCustomer: { name: choice.name } }),
          date: state.date,
          amountCents,
          nps: state.nps,
          rating: state.rating,
          comment: state.comment,
        });
        set({ ...blankForm(), opened: false });
        notifyDataChanged();
        return result;
      } catch (error) {
        const issues = fieldErrors(error);
        set({
          submitting: false,
          errors: issues,
          formError: errorMessage(error),
        });
        return null;
      }
    },
  };
});
