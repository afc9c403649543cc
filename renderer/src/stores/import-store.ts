/**
 * The import flow: a file is handed over (dropped anywhere, picked on the Import screen, or via
 * File › Import…), the back end reads it and answers with a preview; every choice the owner makes
 * (sheet, kind, a column's field, a date order) asks for a fresh preview; Import commits with
 * progress and can be cancelled; the history lists past imports with Undo.
 */
import { create } from 'zustand';
import type { DateOrder, DecimalSeparator, ImportField, ImportKind } from '../../../shared/import/types';
import { withColumnField } from '../../../shared/import/headers';
import { api, apiWithProgress, errorMessage, type OperationProgress } from '../lib/api';
import { fileSource } from '../lib/files';
import { navigate } from '../lib/router';
import { notifyDataChanged } from './data-changed';
import { toReview, toOutcome, toHistoryItem, undoSentence, type ImportHistoryItem, type ImportOutcomeView } from './import-adapter';
import { nextProgress, PROGRESS_DELAY_MS, rememberQuestions, type DateQuestion, type ErrorChoice, type ImportReview, type ProgressView } from './import-logic';

export type ImportStage = 'choose' | 'reading' | 'review' | 'importing' | 'done';

/** What the owner decided on the review screen; sent with every preview and with the import. */
export interface ImportChoices {
  sheet?: string;
  kind?: ImportKind;
  fields?: ImportField[];
  dateOrders: Record<number, DateOrder>;
  decimals: Record<number, DecimalSeparator>;
}

export type DuplicateDecision = 'merge' | 'separate';

const NO_CHOICES: ImportChoices = { dateOrders: {}, decimals: {} };

interface ImportState {
  stage: ImportStage;
  fileName: string | null;
  stageId: string | null;
  review: ImportReview | null;
  choices: ImportChoices;
  /** A new preview is on its way after a choice changed. */
  refreshing: boolean;
  /** A file that could not be read, or a failed step, in one sentence. */
  error: string | null;
  errorChoice: ErrorChoice | null;
  /** Every date question asked for this file, answered or not, so an answer can be changed. */
  askedDates: DateQuestion[];
  duplicateDecisions: Record<string, DuplicateDecision>;
  progress: ProgressView | null;
  /** The bar appears only once the import has run longer than half a second. */
  progressShown: boolean;
  cancelling: boolean;
  /** "Import cancelled — nothing was saved." after a cancel. */
  notice: string | null;
  outcome: ImportOutcomeView | null;
  /** Set by File › Import…: the Import screen opens its file picker once it is on screen. */
  pickerRequested: boolean;

  history: ImportHistoryItem[] | null;
  historyError: string | null;
  undoingId: number | null;
  undoMessage: { importId: number; ok: boolean; text: string } | null;

  openFile(file: File): Promise<void>;
  requestPicker(): void;
  /** The file chooser took the request. */
  pickerShown(): void;
  setSheet(sheet: string): Promise<void>;
  setKind(kind: ImportKind): Promise<void>;
  setField(index: number, field: ImportField): Promise<void>;
  answerDate(column: number, order: DateOrder): Promise<void>;
  setDecimal(column: number, decimal: DecimalSeparator): Promise<void>;
  setErrorChoice(choice: ErrorChoice): void;
  decideDuplicate(key: string, decision: DuplicateDecision): void;
  startImport(): Promise<void>;
  cancelImport(): Promise<void>;
  /** Back to "choose a file", dropping the staged file. */
  startOver(): Promise<void>;
  loadHistory(): Promise<void>;
  undoImport(importId: number): Promise<void>;
  /** Leaving Past imports puts the last undo's message away. */
  dismissUndoMessage(): void;
}

const initialFlow = {
  stage: 'choose' as ImportStage,
  fileName: null,
  stageId: null,
  review: null,
  choices: NO_CHOICES,
  refreshing: false,
  error: null,
  errorChoice: null,
  askedDates: [],
  duplicateDecisions: {},
  progress: null,
  progressShown: false,
  cancelling: false,
  notice: null,
  outcome: null,
};

/** The preview/commit input for the current choices. */
function choiceInput(stageId: string, choices: ImportChoices) {
  return {
    stageId,
    ...(choices.sheet !== undefined ? { sheet: choices.sheet } : {}),
    ...(choices.kind !== undefined ? { kind: choices.kind } : {}),
    ...(choices.fields !== undefined ? { mapping: choices.fields } : {}),
    ...(Object.keys(choices.dateOrders).length > 0 ? { dateOrders: numericKeys(choices.dateOrders) } : {}),
    ...(Object.keys(choices.decimals).length > 0 ? { decimals: numericKeys(choices.decimals) } : {}),
  };
}

/** JSON object keys are strings; the contract keys columns by their index as text. */
function numericKeys<T>(record: Record<number, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record));
}

export const useImportStore = create<ImportState>()((set, get) => {
  /** Each file and each choice gets a number; an answer for an older one is dropped. */
  let generation = 0;

  async function refreshPreview(choices: ImportChoices): Promise<void> {
    const stageId = get().stageId;
    if (!stageId) return;
    const mine = ++generation;
    set({ choices, refreshing: true, error: null });
    try {
      const preview = await api('import:preview', choiceInput(stageId, choices));
      if (mine !== generation) return;
      const review = toReview(preview);
      set((s) => ({ review, refreshing: false, stage: 'review', askedDates: rememberQuestions(s.askedDates, review.facts.dateQuestions) }));
    } catch (error) {
      if (mine !== generation) return;
      set({ refreshing: false, error: errorMessage(error) });
    }
  }

  return {
    ...initialFlow,
    pickerRequested: false,
    history: null,
    historyError: null,
    undoingId: null,
    undoMessage: null,

    async openFile(file) {
      const previous = get().stageId;
      if (previous) void api('import:cancel', { stageId: previous }).catch(() => undefined);
      const mine = ++generation;
      set({ ...initialFlow, stage: 'reading', fileName: file.name });
      try {
        const source = await fileSource(file);
        const staged = await api('import:stage', source);
        if (mine !== generation) return;
        set({ stageId: staged.stageId });
        const preview = await api('import:preview', { stageId: staged.stageId });
        if (mine !== generation) return;
        const review = toReview(preview);
        set({
          review,
          stage: 'review',
          askedDates: review.facts.dateQuestions,
          choices: { ...NO_CHOICES, fields: review.columns.map((c) => c.field) },
        });
      } catch (error) {
        if (mine !== generation) return;
        set({ stage: 'choose', error: errorMessage(error) });
      }
    },

    requestPicker() {
      set({ pickerRequested: true });
    },

    pickerShown() {
      set({ pickerRequested: false });
    },

    setSheet(sheet) {
      // Another sheet has other columns: its mapping and answers start afresh.
      set({ askedDates: [] });
      return refreshPreview({ ...NO_CHOICES, sheet, kind: get().choices.kind });
    },

    setKind(kind) {
      return refreshPreview({ ...get().choices, kind });
    },

    setField(index, field) {
      const current = get().choices.fields ?? get().review?.columns.map((c) => c.field) ?? [];
      const fields = withColumnField(current, index, field);
      // A column that no longer holds dates has no date question any more.
      set((s) => ({ askedDates: s.askedDates.filter((q) => fields[q.column] === 'date' || fields[q.column] === 'birthday') }));
      return refreshPreview({ ...get().choices, fields });
    },

    answerDate(column, order) {
      const choices = get().choices;
      return refreshPreview({ ...choices, dateOrders: { ...choices.dateOrders, [column]: order } });
    },

    setDecimal(column, decimal) {
      const choices = get().choices;
      return refreshPreview({ ...choices, decimals: { ...choices.decimals, [column]: decimal } });
    },

    setErrorChoice(choice) {
      set({ errorChoice: choice });
    },

    decideDuplicate(key, decision) {
      set((s) => ({ duplicateDecisions: { ...s.duplicateDecisions, [key]: decision } }));
    },

    async startImport() {
      const { stageId, choices, errorChoice, duplicateDecisions } = get();
      if (!stageId) return;
      const mine = ++generation;
      set({ stage: 'importing', progress: null, progressShown: false, cancelling: false, notice: null, error: null });
      const timer = setTimeout(() => {
        if (get().stage === 'importing' && mine === generation) set({ progressShown: true });
      }, PROGRESS_DELAY_MS);
      const onProgress = (p: OperationProgress) => {
        if (mine === generation) set((s) => ({ progress: nextProgress(s.progress, p) }));
      };
      try {
        const merges = Object.entries(duplicateDecisions)
          .filter(([, d]) => d === 'merge')
          .map(([key]) => key);
        const outcome = await apiWithProgress(
          'import:commit',
          { ...choiceInput(stageId, choices), skipInvalid: errorChoice === 'skip-bad-rows', merge: merges },
          onProgress,
        );
        if (mine !== generation) return;
        set({ stage: 'done', outcome: toOutcome(outcome), stageId: null });
        notifyDataChanged();
        void get().loadHistory();
      } catch (error) {
        if (mine !== generation) return;
        const cancelled = get().cancelling;
        set({
          stage: 'review',
          cancelling: false,
          notice: cancelled ? 'Import cancelled — nothing was saved.' : null,
          error: cancelled ? null : errorMessage(error),
        });
      } finally {
        clearTimeout(timer);
      }
    },

    async cancelImport() {
      const stageId = get().stageId;
      if (!stageId || get().stage !== 'importing') return;
      set({ cancelling: true });
      try {
        await api('import:cancel', { stageId, keepFile: true });
      } catch {
        // The import may have just finished; its own answer says what happened.
      }
    },

    async startOver() {
      const stageId = get().stageId;
      generation++;
      set({ ...initialFlow });
      if (stageId) await api('import:cancel', { stageId }).catch(() => undefined);
    },

    async loadHistory() {
      try {
        const list = await api('imports:list', {});
        set({ history: list.map(toHistoryItem), historyError: null });
      } catch (error) {
        set({ historyError: errorMessage(error) });
      }
    },

    dismissUndoMessage() {
      set({ undoMessage: null });
    },

    async undoImport(importId) {
      set({ undoingId: importId, undoMessage: null });
      try {
        const result = await api('imports:undo', { importId });
        set({ undoMessage: { importId, ok: true, text: undoSentence(result) } });
        // The result card of that import would now describe data that is gone.
        if (get().outcome?.importId === importId) set({ ...initialFlow });
        notifyDataChanged();
      } catch (error) {
        set({ undoMessage: { importId, ok: false, text: errorMessage(error) } });
      } finally {
        set({ undoingId: null });
        await get().loadHistory();
      }
    },
  };
});

/**
 * File › Import… (a menu event from the desktop app's main process): go to the Import screen and open
 * the file picker there. Returns the unsubscribe function; nothing happens in a browser.
 */
export function subscribeToImportMenu(): () => void {
  const bridge = window.regulars;
  if (!bridge) return () => undefined;
  return bridge.on('menu:import', () => {
    navigate({ page: 'import' });
    const store = useImportStore.getState();
    // A file being checked or imported stays on screen; otherwise start a new import.
    if (store.stage === 'done') void store.startOver();
    if (store.stage === 'choose' || store.stage === 'done') store.requestPicker();
  });
}
