/**
 * Mapping a big table a few thousand rows at a time, so neither the preview nor the import ever holds
 * a record for every row. The one thing that needs every row at once — each date column's day/month
 * order and the amount column's decimal mark — is settled first over the whole column (exactly as
 * mapRows would), then handed to every batch as a decided answer.
 */
import type { DateColumnInference } from '../../../shared/import/dates';
import { mapRows, prepareMapping, type MapOptions, type MapResult, type PreparedMapping } from '../../../shared/import/map-rows';
import type { MoneyColumnInference } from '../../../shared/import/money';
import type { Cell, ImportField, ImportKind, SourceTable } from '../../../shared/import/types';

/** Rows mapped at a time: small enough that a batch's records die young (cheap for the GC). */
export const BATCH_ROWS = 5_000;
/** From this many rows on, memory is handed back to the system as the work goes (see memory.ts). */
export const BIG_FILE_ROWS = 100_000;

export interface SettledColumns {
  /** The mapping settled over the whole file; every batch is mapped with it. */
  prepared: PreparedMapping;
  /** What was decided per column, and how (for the preview's explanations). */
  dates: ReadonlyMap<number, DateColumnInference>;
  money: ReadonlyMap<number, MoneyColumnInference>;
  /** A missing required column or an ambiguous date column: the rows cannot be read yet. */
  blocked: boolean;
}

export function settleColumns(table: SourceTable, fields: readonly ImportField[], kind: ImportKind, options: MapOptions): SettledColumns {
  const prepared = prepareMapping(table, fields, kind, options);
  return { prepared, dates: prepared.dates, money: prepared.money, blocked: prepared.blockers.length > 0 };
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
    yield mapRows(slice, fields, kind, { previewRows: settings.previewRows(), maxProblems: settings.maxProblems() }, settled.prepared);
  }
}
