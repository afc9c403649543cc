/**
 * import:preview — everything the review screen shows, from one read of the file and one run of the
 * mapping pipeline. Writes nothing.
 */
import { currencyMarks } from '../../../shared/domain/money';
import { cellText, countryFromLocale, phoneCountryName } from '../../../shared/import/contact';
import { isEmptyCell } from '../../../shared/import/dates';
import { mapRows, type ColumnReport, type MapReport, type PreviewRow } from '../../../shared/import/map-rows';
import type { DuplicateCandidate, ImportPreview, PreviewColumn, PreviewDateColumn, PreviewMoneyColumn } from '../../../shared/import/preview-types';
import type { Cell, DateOrder, ImportRecord, RowProblem } from '../../../shared/import/types';
import { AppError } from '../../../shared/ipc/result';
import type { Out } from '../../../shared/ipc/contract';
import { createImportsRepository } from '../../db/repositories/imports';
import type { ServiceContext } from '../context';
import { findProbableDuplicates } from './duplicates';
import { BIG_FILE_ROWS, mapInBatches, settleColumns, type SettledColumns } from './map-in-batches';
import { collectGarbage } from './memory';
import { planImport, type ImportPlan, type PrepareChoices } from './prepare';
import { createProgressReporter } from './progress';

/** Problems listed in a preview; all are counted. */
const LISTED_PROBLEMS = 200;
const SAMPLES = 3;
const PREVIEW_ROWS = 20;

const ORDER_WORDS: Readonly<Record<DateOrder, string>> = { dmy: 'day/month/year', mdy: 'month/day/year', ymd: 'year/month/day' };

/** A cell as the preview table shows it. */
export function cellForDisplay(cell: Cell): string {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return cellText(cell);
}

function samplesOf(prepared: ImportPlan, column: number): string[] {
  const samples: string[] = [];
  for (const row of prepared.read.table.rows) {
    const cell = row[column];
    if (isEmptyCell(cell)) continue;
    samples.push(cellForDisplay(cell).trim());
    if (samples.length >= SAMPLES) break;
  }
  return samples;
}

function dateExplanation(report: NonNullable<ColumnReport['date']>): string {
  const order = report.format ? ORDER_WORDS[report.format] : null;
  switch (report.decidedBy) {
    case 'override':
      return `Read as ${order}, as you chose.`;
    case 'remembered':
      return `Read as ${order}, as you chose last time for a file with these columns.`;
    case 'not-needed':
      return 'The dates are written in full (like 2024-03-05 or 5 March 2024), so there is nothing to choose.';
    case 'undecided':
      return `${report.ambiguousCount.toLocaleString('en-US')} dates could be read as day/month or month/day. Choose which it is.`;
    case 'year-first':
      return 'Read as year/month/day (24/03/05 is 5 March 2024): the first number takes only a few different values, like years, and the last one many, like days.';
    case 'values':
      return `Read as ${order}: some dates in this column only fit that order.`;
    case 'symmetric':
      return 'Every date reads the same whichever way round it is written.';
  }
}

function moneyExplanation(report: NonNullable<ColumnReport['money']>, shop: { currency: string; locale: string }): string {
  return [decimalExplanation(report), foreignCurrencyNote(report.currencies, shop)].filter((s) => s !== null).join(' ');
}

function decimalExplanation(report: NonNullable<ColumnReport['money']>): string {
  const mark = report.decimal === ',' ? 'a decimal comma (12,50 is twelve fifty)' : 'a decimal point (12.50 is twelve fifty)';
  switch (report.decidedBy) {
    case 'override':
      return `Read with ${mark}, as you chose.`;
    case 'values':
      return `Read with ${mark}, as the amounts in this column show.`;
    case 'numbers':
      return 'The amounts are numbers in the workbook, so there is no decimal mark to choose.';
    case 'default':
      return 'The amounts have no decimals that tell which mark is used, so they are read with a decimal point.';
  }
}

/**
 * Numbers written without a country code can only be read as the shop's country's: say so, so a file
 * from abroad (German numbers in a shop set to the United Kingdom) is caught before it is saved.
 */
function phoneNote(report: ColumnReport, locale: string): { note?: string } {
  const country = countryFromLocale(locale);
  const national = report.phones?.national ?? 0;
  if (!country || national === 0) return {};
  const numbers = national === 1 ? 'One number is' : `${national.toLocaleString('en-US')} numbers are`;
  return {
    note: `${numbers} written without a country code, so read as ${phoneCountryName(country)}, the region in Settings. If they are from another country, change the region in Settings first.`,
  };
}

/** Amounts written in another currency than the shop's are stored as they are: say so, never convert silently. */
function foreignCurrencyNote(currencies: readonly string[], shop: { currency: string; locale: string }): string | null {
  const own = currencyMarks(shop.currency, shop.locale);
  const foreign = currencies.filter((c) => !own.includes(c.toUpperCase()));
  if (foreign.length === 0) return null;
  return `The file's amounts are in ${foreign.join(', ')}. Regulars keeps the numbers as they are and shows them in your shop's currency (${shop.currency}); it does not convert between currencies.`;
}

/** What the mapping of every row gave, gathered batch by batch (or from one whole-table run). */
interface MappingSummary {
  report: MapReport;
  rowsValid: number;
  people: number;
  duplicates: DuplicateCandidate[];
}

function personKey(record: ImportRecord): string | null {
  const c = record.customer;
  return c ? (c.externalRef ?? c.email ?? c.phone ?? c.name ?? '') : null;
}

/** Adds a batch's filled cells and phone counts to the totals so far. */
function addColumnCounts(totals: ColumnReport[], batch: readonly ColumnReport[]): void {
  batch.forEach((column, i) => {
    const total = totals[i]!;
    total.filled += column.filled;
    if (total.phones && column.phones) {
      total.phones.normalized += column.phones.normalized;
      total.phones.keptAsWritten += column.phones.keptAsWritten;
      total.phones.national += column.phones.national;
    }
  });
}

/** Maps every row a batch at a time, keeping only what the screen shows. The table stays as it is. */
function summarizeInBatches(ctx: ServiceContext, plan: ImportPlan, settled: SettledColumns): MappingSummary {
  const repo = createImportsRepository(ctx.db);
  const people = new Set<string>();
  const duplicates = new Map<string, DuplicateCandidate>();
  const preview: PreviewRow[] = [];
  const rowErrors: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  let columns: ColumnReport[] | null = null;
  let rowsRead = 0;
  let rowsSkipped = 0;
  let errorCount = 0;
  let warningCount = 0;
  let rowsValid = 0;
  const batches = mapInBatches(plan.read.table, plan.fields, plan.kind, settled, {
    release: false,
    previewRows: () => Math.max(0, PREVIEW_ROWS - preview.length),
    maxProblems: () => LISTED_PROBLEMS,
  });
  const big = plan.read.table.rows.length >= BIG_FILE_ROWS;
  let done = 0;
  for (const mapped of batches) {
    if (ctx.signal?.cancelled) throw new AppError('CANCELLED', 'Import cancelled; nothing was saved.');
    // Each batch's records are garbage once counted; on a big file, hand the memory back as we go.
    if (big && ++done % 20 === 0) collectGarbage();
    rowsRead += mapped.rowsRead;
    rowsSkipped += mapped.rowsSkipped;
    errorCount += mapped.errorCount;
    warningCount += mapped.warningCount;
    rowsValid += mapped.rows.length;
    preview.push(...mapped.preview);
    rowErrors.push(...mapped.rowErrors.slice(0, LISTED_PROBLEMS - rowErrors.length));
    warnings.push(...mapped.warnings.slice(0, LISTED_PROBLEMS - warnings.length));
    for (const record of mapped.rows) {
      const key = personKey(record);
      if (key !== null) people.add(key);
    }
    if (duplicates.size < LISTED_PROBLEMS) for (const d of findProbableDuplicates(repo, mapped)) if (!duplicates.has(d.key)) duplicates.set(d.key, d);
    if (columns === null) columns = mapped.columns.map((c) => ({ ...c, ...(c.phones ? { phones: { ...c.phones } } : {}) }));
    else addColumnCounts(columns, mapped.columns);
  }
  // The decisions were made over the whole file before the batches: report those, not the batches' echo.
  const finalColumns = (columns ?? []).map((c) => {
    const date = settled.dates.get(c.index);
    const money = settled.money.get(c.index);
    return { ...c, ...(c.date && date ? { date } : {}), ...(c.money && money ? { money } : {}) };
  });
  return {
    report: { rowsRead, rowsSkipped, rowErrors, errorCount, warnings, warningCount, columns: finalColumns, blockers: [], preview },
    rowsValid,
    people: people.size,
    duplicates: [...duplicates.values()].slice(0, LISTED_PROBLEMS),
  };
}

export function buildPreview(ctx: ServiceContext, prepared: ImportPlan, summary: MappingSummary): ImportPreview {
  const { read, suggestion } = prepared;
  const mapped = summary.report;
  const { currency, locale } = ctx.repos.settings.get();
  const shop = { currency, locale };
  const columns: PreviewColumn[] = mapped.columns.map((report) => {
    const suggested = suggestion.columns[report.index];
    return {
      index: report.index,
      header: report.header,
      field: report.field,
      source: prepared.chosen[report.index] ? 'chosen' : (suggested?.source ?? 'none'),
      confidence: prepared.chosen[report.index] ? 1 : (suggested?.confidence ?? 0),
      samples: samplesOf(prepared, report.index),
      filled: report.filled,
      ...phoneNote(report, locale),
    };
  });

  const dateColumns: PreviewDateColumn[] = [];
  const moneyColumns: PreviewMoneyColumn[] = [];
  for (const report of mapped.columns) {
    if (report.date) {
      dateColumns.push({
        column: report.index,
        header: report.header,
        field: report.field === 'birthday' ? 'birthday' : 'date',
        format: report.date.format,
        decidedBy: report.date.decidedBy,
        needsChoice: report.date.needsChoice,
        ambiguousCount: report.date.ambiguousCount,
        conflictCount: report.date.conflictCount,
        example: report.date.example,
        explanation: dateExplanation(report.date),
      });
    }
    if (report.money) {
      moneyColumns.push({
        column: report.index,
        header: report.header,
        decimal: report.money.decimal,
        decidedBy: report.money.decidedBy,
        currencies: report.money.currencies,
        unreadableCount: report.money.unreadableCount,
        explanation: moneyExplanation(report.money, shop),
      });
    }
  }

  return {
    stageId: prepared.stageId,
    fileName: prepared.fileName,
    sheets: read.sheets.length > 0 ? read.sheets : [prepared.fileName],
    sheet: read.sheet,
    kind: prepared.kind,
    detectedKind: prepared.guess.kind,
    kindConfidence: prepared.guess.confidence,
    kindReasons: prepared.guess.reasons,
    layout: suggestion.layout?.name ?? null,
    rememberedMapping: prepared.remembered,
    importedBefore: createImportsRepository(ctx.db).lastImportOf(prepared.fileName),
    columns,
    dateColumns,
    moneyColumns,
    blockers: mapped.blockers.map((b) => (b.type === 'date-format' ? { type: b.type, column: b.column, message: b.message } : { type: b.type, message: b.message })),
    rows: mapped.preview.map((p) => ({ row: p.row, cells: p.cells.map(cellForDisplay), record: p.record, problems: p.problems })),
    rowErrors: mapped.rowErrors.slice(0, LISTED_PROBLEMS),
    errorCount: mapped.errorCount,
    warnings: mapped.warnings.slice(0, LISTED_PROBLEMS),
    warningCount: mapped.warningCount,
    duplicates: summary.duplicates,
    counts: {
      rowsRead: mapped.rowsRead,
      rowsValid: summary.rowsValid,
      rowsWithErrors: mapped.rowsSkipped,
      people: summary.people,
    },
  };
}

export function previewImport(ctx: ServiceContext, input: PrepareChoices): Out<'import:preview'> {
  const plan = planImport(ctx, input);
  const { table } = plan.read;
  const checking = createProgressReporter(ctx, 'checking', table.rows.length);
  checking.report(0, true);
  const settled = settleColumns(table, plan.fields, plan.kind, plan.mapOptions);
  let summary: MappingSummary;
  if (settled.blocked) {
    // Nothing can be read until the owner answers: one pass names the blockers and shows the raw rows.
    const mapped = mapRows(table, plan.fields, plan.kind, { ...plan.mapOptions, previewRows: PREVIEW_ROWS, maxProblems: LISTED_PROBLEMS });
    summary = { report: mapped, rowsValid: 0, people: 0, duplicates: [] };
  } else {
    summary = summarizeInBatches(ctx, plan, settled);
  }
  checking.report(table.rows.length, true);
  return buildPreview(ctx, plan, summary);
}
