/**
 * The pure side of the Import screen: what the owner still has to decide before a file can be
 * imported, the sentences that ask it, the problem list as CSV, and how progress and results read.
 * No API calls and no React here, so every rule is tested without a browser.
 */
import { plural } from '../../../shared/domain/text';
import type { LocalDate } from '../../../shared/domain/dates';
import { toCsv } from '../../../shared/domain/csv';
import type { DateOrder, DecimalSeparator, ImportField, ImportKind, RowProblem } from '../../../shared/import/types';
import type { DuplicateCandidate, PreviewRowView } from '../../../shared/import/preview-types';

/** One ambiguous date column: the question the owner must answer before anything is imported. */
export interface DateQuestion {
  column: number;
  header: string;
  ambiguousCount: number;
  example: { value: string; dmy: LocalDate; mdy: LocalDate } | null;
}

/**
 * The date questions to keep on screen: those asked before (answered or not) plus new ones, in column
 * order. An answered question stays so the owner can change the answer.
 */
export function rememberQuestions(asked: readonly DateQuestion[], current: readonly DateQuestion[]): DateQuestion[] {
  const byColumn = new Map(asked.map((q) => [q.column, q]));
  for (const q of current) byColumn.set(q.column, q);
  return [...byColumn.values()].sort((a, b) => a.column - b.column);
}

/** What the owner decides about rows with errors. */
export type ErrorChoice = 'skip-bad-rows' | 'fix-file';

/** Where the review stands: the first thing still in the way of importing, or null when ready. */
export type ImportBlock =
  | { type: 'missing-columns'; messages: string[] }
  | { type: 'date-question'; question: DateQuestion }
  | { type: 'errors-undecided'; errorCount: number }
  | { type: 'fix-file'; errorCount: number }
  | { type: 'nothing-to-import' };

export interface ReviewFacts {
  missingColumns: string[];
  dateQuestions: DateQuestion[];
  /** Rows that will be left out because of an error. */
  errorCount: number;
  /** Rows that will be imported. */
  goodRows: number;
}

/**
 * The first thing that stops the import, in the order the owner meets them on screen: the columns,
 * then the date question, then the decision about bad rows.
 */
export function firstBlock(facts: ReviewFacts, errorChoice: ErrorChoice | null): ImportBlock | null {
  if (facts.missingColumns.length > 0) return { type: 'missing-columns', messages: facts.missingColumns };
  const question = facts.dateQuestions[0];
  if (question) return { type: 'date-question', question };
  if (facts.errorCount > 0 && errorChoice === null) return { type: 'errors-undecided', errorCount: facts.errorCount };
  if (facts.errorCount > 0 && errorChoice === 'fix-file') return { type: 'fix-file', errorCount: facts.errorCount };
  if (facts.goodRows === 0) return { type: 'nothing-to-import' };
  return null;
}

/** Why the Import button is disabled, in one sentence. */
export function blockSentence(block: ImportBlock): string {
  switch (block.type) {
    case 'missing-columns':
      return block.messages[0] ?? 'Choose which columns to import.';
    case 'date-question':
      return `Tell Regulars how to read the dates in “${block.question.header}” first.`;
    case 'errors-undecided':
      return `${plural(block.errorCount, 'row has', 'rows have')} problems: choose whether to import only the good rows or fix the file.`;
    case 'fix-file':
      return 'Fix the file in your spreadsheet, save it and drop it here again.';
    case 'nothing-to-import':
      return 'There are no rows left to import in this file.';
  }
}

/** "1 row", "1,204 rows". */
/**
 * A problem's message without its "Row 3, column Date: " opening, for lists that show the row and the
 * column beside it already ("'31/02/2024' is not a date."). Any other message is shown whole.
 */
export function problemText(problem: { message: string; column: string | null }): string {
  const { message, column } = problem;
  let rest: string | null = null;
  if (column !== null) {
    const marker = `, column ${column}: `;
    const at = message.indexOf(marker);
    if (message.startsWith('Row ') && at > 0) rest = message.slice(at + marker.length);
  } else {
    const opening = /^Row [\d,.\u00a0\u202f ]+: /.exec(message);
    if (opening) rest = message.slice(opening[0].length);
  }
  if (!rest) return message;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** Counts with their noun; the one helper lives in shared/domain/text. */
export { plural };

/** When an import ran, as the owner reads it: "23 Nov 2026, 17:40". */
export function whenImported(iso: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  } catch {
    return iso;
  }
}


/**
 * The date question in the owner's words:
 * "142 rows could be read either way, e.g. 03/04/2024 = 3 April or 4 March — which is right?"
 */
export function dateQuestionSentence(question: DateQuestion, formatDay: (date: LocalDate) => string): string {
  const rows = plural(question.ambiguousCount, 'row', 'rows');
  if (!question.example) return `${rows} in “${question.header}” could be read either way — which order are the dates in?`;
  const { value, dmy, mdy } = question.example;
  return `${rows} in “${question.header}” could be read either way, e.g. ${value} = ${formatDay(dmy)} or ${formatDay(mdy)} — which is right?`;
}

/** The answers offered for an ambiguous column, each shown with what the example would become. */
export function dateAnswers(question: DateQuestion, formatDay: (date: LocalDate) => string): { order: DateOrder; label: string }[] {
  const example = question.example;
  return [
    { order: 'dmy', label: example ? `Day first: ${example.value} is ${formatDay(example.dmy)}` : 'Day first (31/12/2024)' },
    { order: 'mdy', label: example ? `Month first: ${example.value} is ${formatDay(example.mdy)}` : 'Month first (12/31/2024)' },
  ];
}

/** "3 April" in the shop's language, without the year: enough to tell the two readings apart. */
export function dayAndMonth(date: LocalDate, locale: string): string {
  const instant = new Date(`${date}T12:00:00Z`);
  try {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(instant);
  } catch {
    return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(instant);
  }
}

/** The problems as a spreadsheet the owner can open next to their file while fixing it. */
export function problemsCsv(problems: readonly RowProblem[]): string {
  return toCsv(
    ['Row', 'Column', 'Problem', 'Kept?'],
    problems.map((p) => [p.row, p.column ?? '', problemText(p), p.severity === 'error' ? 'no, row left out' : 'yes, without this value']),
  );
}

/** "problems-shop-export.csv" from "shop export.xlsx". */
export function problemsFileName(fileName: string): string {
  const base = fileName.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '');
  return `problems-${base || 'import'}.csv`;
}

/** Long work shows its progress bar only when it takes longer than this. */
export const PROGRESS_DELAY_MS = 500;

/** The phases the back end reports, in words. Unknown phases are shown as they come. */
const PHASE_WORDS: Record<string, string> = {
  reading: 'Reading the file',
  read: 'Reading the file',
  parsing: 'Reading the file',
  checking: 'Checking the rows',
  check: 'Checking the rows',
  mapping: 'Checking the rows',
  saving: 'Saving',
  save: 'Saving',
  writing: 'Saving',
  undoing: 'Undoing',
};

export function phaseLabel(phase: string): string {
  return PHASE_WORDS[phase.toLowerCase()] ?? phase.charAt(0).toUpperCase() + phase.slice(1);
}

/** "about 12 seconds left", "about 3 minutes left"; nothing when unknown or nearly done. */
export function timeLeftLabel(secondsLeft: number | null): string | null {
  if (secondsLeft === null || !Number.isFinite(secondsLeft) || secondsLeft < 1) return null;
  if (secondsLeft < 60) return `about ${Math.ceil(secondsLeft)} second${Math.ceil(secondsLeft) === 1 ? '' : 's'} left`;
  const minutes = Math.round(secondsLeft / 60);
  return `about ${minutes} minute${minutes === 1 ? '' : 's'} left`;
}

/** 0–100 for the bar, or null when the total is unknown (the bar then runs without a figure). */
export function progressPercent(done: number, total: number | null): number | null {
  if (total === null || total <= 0) return null;
  return Math.max(0, Math.min(100, Math.round((done / total) * 100)));
}

export interface ProgressView {
  phase: string;
  done: number;
  total: number | null;
  secondsLeft: number | null;
}

/**
 * Progress never goes backwards on screen within one phase: a late report that says less than the
 * last one is ignored. A new phase starts its own count.
 */
export function nextProgress(previous: ProgressView | null, incoming: ProgressView): ProgressView {
  if (!previous || previous.phase !== incoming.phase) return incoming;
  if (incoming.done < previous.done) return previous;
  return incoming;
}

/** What an import did, as the result screen lists it. Zero lines are left out, except errors. */
export interface ImportCounts {
  customersCreated: number;
  customersUpdated: number;
  customersMerged?: number;
  visitsCreated: number;
  feedbackCreated: number;
  duplicatesSkipped: number;
  rowsWithErrors: number;
}

export function resultLines(counts: ImportCounts, locale = 'en-GB'): string[] {
  const n = (count: number, one: string, many: string) => plural(count, one, many, locale);
  const lines: string[] = [];
  if (counts.customersCreated > 0) lines.push(`${n(counts.customersCreated, 'new customer', 'new customers')} added`);
  if (counts.customersUpdated > 0) lines.push(`${n(counts.customersUpdated, 'customer', 'customers')} already known, details filled in`);
  if ((counts.customersMerged ?? 0) > 0) lines.push(`${n(counts.customersMerged ?? 0, 'duplicate customer', 'duplicate customers')} merged`);
  if (counts.visitsCreated > 0) lines.push(`${n(counts.visitsCreated, 'visit', 'visits')} added`);
  if (counts.feedbackCreated > 0) lines.push(`${n(counts.feedbackCreated, 'feedback answer', 'feedback answers')} added`);
  if (counts.duplicatesSkipped > 0) lines.push(`${n(counts.duplicatesSkipped, 'row was', 'rows were')} already imported before and skipped`);
  if (counts.rowsWithErrors > 0) lines.push(`${n(counts.rowsWithErrors, 'row', 'rows')} with problems left out`);
  if (lines.length === 0) lines.push('Nothing new: everything in this file was already in Regulars.');
  return lines;
}

/** The words for a kind, as the "what is this file" step offers them. */
export const KIND_CHOICES: readonly { kind: ImportKind; label: string; description: string }[] = [
  { kind: 'customers', label: 'Customers', description: 'One row per person: names, phones, emails…' },
  { kind: 'visits', label: 'Visits or sales', description: 'One row per sale or appointment, naming the customer.' },
  { kind: 'feedback', label: 'Feedback', description: 'One row per answer: a score, a rating or a comment.' },
];

export function kindLabel(kind: ImportKind): string {
  return KIND_CHOICES.find((c) => c.kind === kind)?.label ?? kind;
}

/** One column as the mapping step shows it. */
export interface ReviewColumn {
  index: number;
  /** The header exactly as written in the file. */
  header: string;
  field: ImportField;
  /** A few filled values from the column, as written. */
  samples: string[];
  /** How Regulars reads a date or amount column, in one sentence; null for other columns. */
  note: string | null;
  /** The decimal mark an amount column is read with; null for other columns. */
  decimal: DecimalSeparator | null;
  /**
   * The order a date column's numeric dates (05/03/24) are read in, once settled, so the owner can
   * change it; null for other columns, for dates written in full, and while the question is open.
   */
  dateOrder: DateOrder | null;
}

/** Everything the review screen shows about a file, independent of how the back end shapes it. */
export interface ImportReview {
  fileName: string;
  sheets: string[];
  sheet: string | null;
  kind: ImportKind;
  kindReasons: string[];
  /** The known export the headers match ("Square transactions"), if any. */
  layout: string | null;
  rememberedMapping: boolean;
  /** When a file of this name was last imported (and not undone), if it was. */
  importedBefore: string | null;
  columns: ReviewColumn[];
  rows: PreviewRowView[];
  rowsRead: number;
  facts: ReviewFacts;
  rowErrors: RowProblem[];
  warnings: RowProblem[];
  warningCount: number;
  duplicates: DuplicateCandidate[];
}
