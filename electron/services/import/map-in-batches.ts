/**
 * Mapping a big table a few thousand rows at a time, so neither the preview nor the import ever holds
 * a record for every row. The one thing that needs every row at once — each date column's day/month
 * order and the amount column's decimal mark — is settled first over the whole column (exactly as
 * mapRows would), then handed to every batch as a decided answer.
 */
import { inferDateColumn, type DateColumnInference } from '../../../shared/import/dates';
import { checkMapping, mapRows, type MapOptions, type MapResult } from '../../../shared/import/map-rows';
import { inferMoneyColumn, type MoneyColumnInference } from '../../../shared/import/money';
import type { Cell, DateOrder, ImportField, ImportKind, SourceTable } from '../../../shared/import/types';

/** Rows mapped at a time: small enough that a batch's records die young (cheap for the GC). */
export const BATCH_ROWS = 5_000;
/** From this many rows on, memory is handed back to the system as the work goes (see memory.ts). */
export const BIG_FILE_ROWS = 100_000;

export interface SettledColumns {
  /** The options with every decided date order and the decimal mark filled in. */
  options: MapOptions;
  /** What was decided per column, and how (for the preview's explanations). */
  dates: Map<number, DateColumnInference>;
  money: Map<number, MoneyColumnInference>;
  /** A missing required column or an ambiguous date column: the rows cannot be read yet. */
  blocked: boolean;
}

function* columnValues(table: SourceTable, index: number): Generator<Cell> {
  for (const row of table.rows) yield row[index];
}

function withoutParse<T extends { parse: unknown }>(column: T): Omit<T, 'parse'> {
  const { parse: _parse, ...rest } = column;
  return rest;
}

/** The fields of a kind whose columns hold dates (mapRows reads the first column of each). */
const DATE_FIELDS: Readonly<Record<ImportKind, readonly ImportField[]>> = {
  customers: ['birthday'],
  visits: ['date', 'birthday'],
  feedback: ['date'],
};

export function settleColumns(table: SourceTable, fields: readonly ImportField[], kind: ImportKind, options: MapOptions): SettledColumns {
  const columnDateFormats: Record<number, DateOrder> = { ...options.columnDateFormats };
  const dates = new Map<number, DateColumnInference>();
  const money = new Map<number, MoneyColumnInference>();
  let blocked = checkMapping(fields, kind).length > 0;
  for (const field of DATE_FIELDS[kind]) {
    const index = fields.indexOf(field);
    if (index < 0) continue;
    const column = inferDateColumn(columnValues(table, index), columnDateFormats[index] ?? options.dateFormat ?? null);
    dates.set(index, withoutParse(column));
    if (column.needsChoice) blocked = true;
    if (column.format !== null) columnDateFormats[index] = column.format;
  }
  let decimal = options.decimal ?? null;
  const amount = fields.indexOf('amount');
  if (kind === 'visits' && amount >= 0) {
    const column = inferMoneyColumn(columnValues(table, amount), decimal);
    money.set(amount, withoutParse(column));
    decimal = column.decimal;
  }
  return { options: { ...options, columnDateFormats, decimal }, dates, money, blocked };
}

export interface BatchSettings {
  /** Let go of each batch's source rows once mapped (the import consumes the table; the preview keeps it). */
  release: boolean;
  /** Preview rows and listed problems still wanted, asked before each batch. */
  previewRows: () => number;
  maxProblems: () => number;
}

/** Each batch of rows, mapped with the settled options. */
export function* mapInBatches(table: SourceTable, fields: readonly ImportField[], kind: ImportKind, settled: SettledColumns, settings: BatchSettings): Generator<MapResult> {
  const rows = table.rows as Cell[][];
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const end = Math.min(rows.length, start + BATCH_ROWS);
    const slice: SourceTable = {
      header: table.header,
      rows: rows.slice(start, end),
      rowNumbers: table.rowNumbers ? table.rowNumbers.slice(start, end) : Array.from({ length: end - start }, (_, i) => start + i + 2),
    };
    if (settings.release) rows.fill([], start, end);
    yield mapRows(slice, fields, kind, { ...settled.options, previewRows: settings.previewRows(), maxProblems: settings.maxProblems() });
  }
}
