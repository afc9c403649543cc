/**
 * What the import operations answer (see the import rows in shared/ipc/contract.ts): the staged file,
 * the preview the review screen shows, the outcome of an import, and the history with undo.
 * Everything here is plain JSON (no Date objects), so it crosses IPC and the web bridge unchanged.
 */
import type { DateDecision } from './dates';
import type { MatchSource } from './headers';
import type { DecimalDecision } from './money';
import type { DateOrder, DecimalSeparator, ImportField, ImportKind, ImportRecord, RowProblem } from './types';

export interface StagedFile {
  /** Names this file in import:preview, import:commit and import:cancel. */
  stageId: string;
  fileName: string;
  sizeBytes: number;
}

export interface PreviewColumn {
  /** 0-based column index in the file. */
  index: number;
  /** The header exactly as written in the file. */
  header: string;
  /** The field the column feeds now (suggested, remembered or chosen); 'ignore' = not imported. */
  field: ImportField;
  /** How the suggestion was made ('remembered', 'layout', 'exact', …); 'chosen' when the owner set it. */
  source: MatchSource | 'chosen';
  /** 0–1. */
  confidence: number;
  /** Up to 3 non-empty values from the column, as text. */
  samples: string[];
  /** Non-empty cells in the column. */
  filled: number;
  /** How the column's values are read, when the owner should know (phone numbers: as which country's). */
  note?: string;
}

/** How a date column's day/month order was settled, and what to ask when it was not. */
export interface PreviewDateColumn {
  column: number;
  header: string;
  field: 'date' | 'birthday';
  /** The order numeric dates are read in; null while undecided (or when none needs one). */
  format: DateOrder | null;
  decidedBy: DateDecision;
  /** True: the owner must choose dmy or mdy before anything is imported. */
  needsChoice: boolean;
  /** Rows that read as two different days depending on the order. */
  ambiguousCount: number;
  /** Rows that only fit another order than the chosen one (reported as bad dates). */
  conflictCount: number;
  /** The first ambiguous value with both readings, e.g. { value: '03/04/2024', dmy: '2024-04-03', mdy: '2024-03-04' }. */
  example: { value: string; dmy: string; mdy: string } | null;
  /** One sentence for the owner, e.g. "Read as day/month/year: 14 values only fit that order." */
  explanation: string;
}

export interface PreviewMoneyColumn {
  column: number;
  header: string;
  decimal: DecimalSeparator;
  decidedBy: DecimalDecision;
  /** Currency symbols or codes seen ("€", "EUR"). */
  currencies: string[];
  /** Values that are no amount at all. */
  unreadableCount: number;
  explanation: string;
}

export interface PreviewBlocker {
  type: 'missing-field' | 'date-format';
  /** The column concerned (date-format blockers). */
  column?: number;
  /** A whole sentence, e.g. "Column Date: 212 rows could be read as day/month or month/day. …" */
  message: string;
}

export interface PreviewRowView {
  /** The spreadsheet row number the owner sees (header = 1). */
  row: number;
  /** The cells as read from the file, as text. */
  cells: string[];
  /** The record AS IT WILL BE STORED (ISO dates, cents, E.164 phones, lower-case emails); null when left out or blocked. */
  record: ImportRecord | null;
  problems: RowProblem[];
}

/** Someone in the file who looks like an existing customer without being certainly the same. */
export interface DuplicateCandidate {
  /** Send back in import:commit's `merge` list to merge this person into `existing`. */
  key: string;
  /** First file row naming this person. */
  row: number;
  inFile: { name: string | null; email: string | null; phone: string | null };
  existing: { id: number; name: string; email: string | null; phone: string | null };
  /** Why they look alike, e.g. "Same surname and initial, and the phone numbers end alike (…4567)." */
  reason: string;
}

export interface ImportPreview {
  stageId: string;
  fileName: string;
  /** Every sheet of a workbook (one entry, the file name, for CSV/TXT); the picker shows these. */
  sheets: string[];
  /** The sheet shown, or null for CSV/TXT. */
  sheet: string | null;
  /** The kind used for this preview (the owner's choice, else the detected one). */
  kind: ImportKind;
  detectedKind: ImportKind;
  /** 0–1; below 0.5 the screen should ask. */
  kindConfidence: number;
  /** Plain sentences: why the file looks like this kind. */
  kindReasons: string[];
  /** The known export the headers match ("Square transactions"), if any. */
  layout: string | null;
  /** True when the mapping was remembered from an earlier file with the same headers. */
  rememberedMapping: boolean;
  /**
   * The last import of a file with this name that is not undone, if any: its rows already stored are
   * skipped, but rows read differently this time (another date order) would be added again.
   */
  importedBefore: { importId: number; date: string } | null;
  columns: PreviewColumn[];
  dateColumns: PreviewDateColumn[];
  moneyColumns: PreviewMoneyColumn[];
  /** Must be resolved before importing (missing column, ambiguous date order). */
  blockers: PreviewBlocker[];
  /** The first rows, as they will be stored. */
  rows: PreviewRowView[];
  /** Problems that leave a row out: the first 200; `errorCount` counts them all. */
  rowErrors: RowProblem[];
  errorCount: number;
  /** Problems that drop one value but keep the row: the first 200; `warningCount` counts them all. */
  warnings: RowProblem[];
  warningCount: number;
  /** Probable duplicates of existing customers, for the owner to merge or keep apart (first 200). */
  duplicates: DuplicateCandidate[];
  counts: {
    /** Data rows that were not blank. */
    rowsRead: number;
    /** Rows that will be imported (no error). */
    rowsValid: number;
    /** Rows left out because of an error. */
    rowsWithErrors: number;
    /** Different people the file names. */
    people: number;
  };
}

/** Exactly the CLI's `--json` output (issue 3). */
export interface ImportOutcome {
  /** Null for a dry run. */
  importId: number | null;
  kind: ImportKind;
  rowsRead: number;
  customersCreated: number;
  customersUpdated: number;
  visitsCreated: number;
  /** Sum of the visits this import created, in cents. */
  visitsRevenueCents: number;
  /** Dates of the visits it created. */
  firstDate: string | null;
  lastDate: string | null;
  feedbackCreated: number;
  /** Rows already imported before (same fingerprint): not added again. */
  duplicatesSkipped: number;
  rowErrors: { row: number; column: string | null; message: string }[];
}

/** import:commit's answer: the outcome plus what the summary screen shows beside it. */
export interface ImportCommitResult extends ImportOutcome {
  customersMerged: number;
  /** All rows left out with an error (rowErrors lists the first 1,000). */
  errorCount: number;
  dryRun: boolean;
}

export interface ImportHistoryEntry {
  id: number;
  fileName: string;
  kind: ImportKind;
  /** When it was imported (ISO timestamp). */
  date: string;
  rowsRead: number;
  customersCreated: number;
  customersUpdated: number;
  customersMerged: number;
  visitsCreated: number;
  feedbackCreated: number;
  duplicatesSkipped: number;
  /** Rows left out with a problem (the owner imported only the good rows). */
  rowsLeftOut: number;
  visitsRevenueCents: number;
  undone: boolean;
  undoneAt: string | null;
  /** False once undone (a conflict is only found when undo is tried). */
  undoable: boolean;
}

export interface ImportUndoResult {
  importId: number;
  customersRemoved: number;
  customersRestored: number;
  visitsRemoved: number;
  feedbackRemoved: number;
  /** One sentence: "Removed 120 visits and 14 customers; 3 customers were put back as they were." */
  message: string;
}

/** Re-exported for the screen's pickers. */
export type { DateOrder, DecimalSeparator, ImportField, ImportKind };
