/**
 * From the back end's answers (shared/import/preview-types) to what the Import screen shows. Kept
 * apart from the store so the shaping is pure and tested on its own.
 */
import type { ImportCommitResult, ImportHistoryEntry, ImportPreview, ImportUndoResult } from '../../../shared/import/preview-types';
import type { ImportKind, RowProblem } from '../../../shared/import/types';
import { plural, type DateQuestion, type ImportCounts, type ImportReview } from './import-logic';

export function toReview(preview: ImportPreview): ImportReview {
  const dateQuestions: DateQuestion[] = preview.dateColumns
    .filter((c) => c.needsChoice)
    .map((c) => ({ column: c.column, header: c.header, ambiguousCount: c.ambiguousCount, example: c.example }));
  return {
    fileName: preview.fileName,
    sheets: preview.sheet === null ? [] : preview.sheets,
    sheet: preview.sheet,
    kind: preview.kind,
    kindReasons: preview.kindReasons,
    layout: preview.layout,
    rememberedMapping: preview.rememberedMapping,
    importedBefore: preview.importedBefore?.date ?? null,
    columns: preview.columns.map((c) => {
      const date = preview.dateColumns.find((d) => d.column === c.index);
      const money = preview.moneyColumns.find((m) => m.column === c.index);
      return {
        index: c.index,
        header: c.header,
        field: c.field,
        samples: c.samples,
        note: (date?.needsChoice ? null : date?.explanation) || money?.explanation || c.note || null,
        // Spreadsheet numbers have no decimal mark: nothing for the owner to switch.
        decimal: money && money.decidedBy !== 'numbers' ? money.decimal : null,
        dateOrder: date && !date.needsChoice && date.decidedBy !== 'not-needed' ? date.format : null,
      };
    }),
    rows: preview.rows,
    rowsRead: preview.counts.rowsRead,
    facts: {
      missingColumns: preview.blockers.filter((b) => b.type === 'missing-field').map((b) => b.message),
      dateQuestions,
      errorCount: preview.errorCount,
      goodRows: preview.counts.rowsValid,
    },
    rowErrors: preview.rowErrors,
    warnings: preview.warnings,
    warningCount: preview.warningCount,
    duplicates: preview.duplicates,
  };
}

/** What the result card shows. */
export interface ImportOutcomeView {
  importId: number | null;
  counts: ImportCounts;
  visitsRevenueCents: number | null;
  firstDate: string | null;
  lastDate: string | null;
  rowErrors: RowProblem[];
}

export function toOutcome(result: ImportCommitResult): ImportOutcomeView {
  return {
    importId: result.importId,
    counts: {
      customersCreated: result.customersCreated,
      customersUpdated: result.customersUpdated,
      customersMerged: result.customersMerged,
      visitsCreated: result.visitsCreated,
      feedbackCreated: result.feedbackCreated,
      duplicatesSkipped: result.duplicatesSkipped,
      rowsWithErrors: result.errorCount,
    },
    visitsRevenueCents: result.visitsCreated > 0 ? result.visitsRevenueCents : null,
    firstDate: result.firstDate,
    lastDate: result.lastDate,
    rowErrors: result.rowErrors.map((p) => ({ ...p, severity: 'error' as const })),
  };
}

/** One line of the history. */
export interface ImportHistoryItem {
  id: number;
  fileName: string;
  kind: ImportKind;
  importedAt: string;
  rowsRead: number;
  /** "12 new customers, 340 visits" — what it added, in words. */
  summary: string;
  /** It added and changed nothing (every row was there already): there is nothing to undo. */
  addedNothing: boolean;
  /** Rows of the file left out with a problem. */
  rowsLeftOut: number;
  undoneAt: string | null;
  undoable: boolean;
}

export function historySummary(entry: ImportHistoryEntry, locale = 'en-GB'): string {
  const parts: string[] = [];
  const add = (count: number, one: string, many: string) => {
    if (count > 0) parts.push(plural(count, one, many, locale));
  };
  add(entry.customersCreated, 'new customer', 'new customers');
  add(entry.customersUpdated, 'customer updated', 'customers updated');
  add(entry.customersMerged, 'customer merged', 'customers merged');
  add(entry.visitsCreated, 'visit', 'visits');
  add(entry.feedbackCreated, 'feedback answer', 'feedback answers');
  if (parts.length === 0) return entry.duplicatesSkipped > 0 ? 'nothing new (already imported before)' : 'nothing';
  return parts.join(', ');
}

export function toHistoryItem(entry: ImportHistoryEntry): ImportHistoryItem {
  return {
    id: entry.id,
    fileName: entry.fileName,
    kind: entry.kind,
    importedAt: entry.date,
    rowsRead: entry.rowsRead,
    summary: historySummary(entry),
    rowsLeftOut: entry.rowsLeftOut,
    addedNothing: entry.customersCreated + entry.customersUpdated + entry.customersMerged + entry.visitsCreated + entry.feedbackCreated === 0,
    undoneAt: entry.undone ? (entry.undoneAt ?? entry.date) : null,
    undoable: entry.undoable,
  };
}

export function undoSentence(result: ImportUndoResult): string {
  return result.message;
}
