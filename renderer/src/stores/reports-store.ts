/**
 * The Reports screen: which month and paper, the summary document itself, and saving it as PDF.
 * The document is built by the back end (shared/report), so the screen, the printout and the PDF
 * are always the same page.
 */
import { create } from 'zustand';
import type { ReportDocument, ReportSaved, ScheduledReport } from '../../../shared/ipc/report-schemas';
import { api, errorMessage } from '../lib/api';
import { navigate } from '../lib/router';
import { onDataChanged } from './data-changed';
import { useSettingsStore } from './settings-store';

export type PaperChoice = 'auto' | 'a4' | 'letter';

/** "2026-11-23" → "2026-10": the month before today's, the default summary. */
export function lastCompleteMonth(today: Date = new Date()): string {
  const index = today.getFullYear() * 12 + today.getMonth() - 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months the picker offers, newest first: this month (so far) and the `count − 1` before it. */
export function recentMonths(count = 36, today: Date = new Date()): string[] {
  const now = today.getFullYear() * 12 + today.getMonth();
  return Array.from({ length: count }, (_, i) => {
    const index = now - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** Inside the desktop app a native save dialog picks the file; in a browser the owner types a path. */
export const hasNativeSaveDialog = (): boolean => typeof window !== 'undefined' && window.regulars !== undefined;

interface ReportsState {
  month: string;
  paper: PaperChoice;
  document: ReportDocument | null;
  loading: boolean;
  error: string | null;
  saving: boolean;
  /** Set by the menu's "Print monthly summary…": the screen prints as soon as the page is shown. */
  printRequested: boolean;
  load(): Promise<void>;
  setMonth(month: string): Promise<void>;
  setPaper(paper: PaperChoice): Promise<void>;
  /** Saves the PDF; resolves with where it went (null file = the owner cancelled the dialog). */
  savePdf(file?: string): Promise<ReportSaved>;
  requestPrint(): void;
  printDone(): void;
  /** What the automatic monthly PDF did at this start (null until it has run). */
  scheduled: ScheduledReport | null;
  /** Runs the automatic monthly PDF if it is due (once per start of the app). */
  runSchedule(): Promise<void>;
  /** Sets (or, with null, stops) the folder that receives each month's PDF automatically. */
  setScheduleFolder(folder: string | null): Promise<void>;
}

let latest = 0;

export const useReportsStore = create<ReportsState>()((set, get) => {
  const request = () => {
    const { month, paper } = get();
    return paper === 'auto' ? { month } : { month, paper };
  };
  return {
    month: lastCompleteMonth(),
    paper: 'auto',
    document: null,
    loading: false,
    error: null,
    saving: false,
    printRequested: false,
    async load() {
      const mine = ++latest;
      set({ loading: true, error: null });
      try {
        const document = await api('report:get', request());
        if (mine === latest) set({ document, loading: false });
      } catch (error) {
        if (mine === latest) set({ loading: false, error: errorMessage(error) });
      }
    },
    async setMonth(month) {
      set({ month });
      await get().load();
    },
    async setPaper(paper) {
      set({ paper });
      await get().load();
    },
    async savePdf(file) {
      set({ saving: true });
      try {
        return await api('report:savePdf', file ? { ...request(), file } : request());
      } finally {
        set({ saving: false });
      }
    },
    requestPrint() {
      set({ printRequested: true });
      navigate({ page: 'reports' });
    },
    printDone() {
      set({ printRequested: false });
    },
    scheduled: null,
    async runSchedule() {
      try {
        set({ scheduled: await api('report:scheduled', {}) });
      } catch {
        // Not fatal: the file is simply tried again at the next start (the reason is in the log).
      }
    },
    async setScheduleFolder(folder) {
      const trimmed = folder?.trim() ?? '';
      await useSettingsStore.getState().save({ monthlyReportFolder: trimmed === '' ? null : trimmed });
      if (trimmed !== '') await get().runSchedule();
    },
  };
});

onDataChanged(() => {
  if (useReportsStore.getState().document) void useReportsStore.getState().load();
});

// File › Print monthly summary… (Electron menu): open Reports and print the summary.
if (typeof window !== 'undefined') window.regulars?.on('menu:print', () => useReportsStore.getState().requestPrint());

// At the first start of each month, save last month's summary into the chosen folder (if any).
// Run once per start of the app, from here because every start loads this store with the shell.
if (typeof window !== 'undefined') void useReportsStore.getState().runSchedule();
