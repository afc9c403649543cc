/**
 * Reads an import file into a {@link SourceTable}: CSV/TSV/TXT in any common delimiter and encoding,
 * and XLSX, XLS and ODS workbooks (the first sheet with data, or the one asked for). What a file is
 * comes from its bytes, not its name. A file that cannot be read gets ONE plain sentence saying what
 * is wrong and what to do, as an AppError('BAD_INPUT'); nothing is ever half-read.
 */
import Papa from 'papaparse';
import * as XLSX from '@e965/xlsx';
import { matchHeader } from '../../../shared/import/headers';
import { perTextCache } from '../../../shared/import/per-text-cache';
import { isEmptyCell } from '../../../shared/import/dates';
import type { Cell, SourceTable } from '../../../shared/import/types';
import { AppError } from '../../../shared/ipc/result';
import { decodeText, type TextEncoding } from './decode-text';
import { checkZip, fileKindOf } from './file-kind';
import { collectGarbage } from './memory';

/** Beyond these a file is not a shop's export; refusing is kinder than running out of memory. */
export const MAX_ROWS = 2_000_000;
export const MAX_COLUMNS = 1_000;
/** Title lines ("Sales report March 2024") looked past when finding the header row. */
const MAX_TITLE_ROWS = 20;
/** A text file this big has its bytes handed back to the system as soon as they are decoded. */
const BIG_FILE_BYTES = 16 * 1024 * 1024;

export type TableFormat = 'csv' | 'xlsx' | 'xls' | 'ods';

export interface ReadTableOptions {
  /** Workbook sheet to read; default the first sheet with data. */
  sheet?: string;
  /** Checked while reading big files; set → the read stops with CANCELLED. */
  signal?: { cancelled: boolean };
}

export interface ReadTableResult {
  table: SourceTable;
  format: TableFormat;
  /** Sheet names of a workbook (every sheet, in order); [] for text files. */
  sheets: string[];
  /** The sheet read; null for text files. */
  sheet: string | null;
  /** Text files only: the encoding and delimiter found. */
  encoding: TextEncoding | null;
  delimiter: string | null;
}

const bad = (message: string) => new AppError('BAD_INPUT', message);

function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * A file's bytes, handed to readTable to use up: a text file's bytes are let go (set to null) as soon
 * as they are decoded, so a 50 MB export is not held twice — as bytes and as text — through the parse.
 * The caller must keep no other reference to them.
 */
export interface FileBytes {
  bytes: Uint8Array | null;
}

/** The bytes still to be used; never kept in a variable of readTable's own, which would hold them through the parse. */
function bytesOf(file: FileBytes): Uint8Array {
  if (file.bytes === null) throw new Error('readTable: the bytes were used up already');
  return file.bytes;
}

export function readTable(file: FileBytes, fileName: string, options: ReadTableOptions = {}): ReadTableResult {
  const kind = fileKindOf(bytesOf(file).subarray(0, 8192));
  switch (kind) {
    case 'empty':
      throw bad(`${fileName} is empty. Export the data again and choose the new file.`);
    case 'image':
      throw bad(`${fileName} is a picture, not a spreadsheet. Choose the CSV or Excel file your till or booking system exported.`);
    case 'pdf':
      throw bad(`${fileName} is a PDF, not a spreadsheet. Export the data as CSV or Excel instead and choose that file.`);
    case 'binary':
      throw bad(`${fileName} is not a spreadsheet or text file Regulars can read. Choose a CSV, TXT, XLSX, XLS or ODS file.`);
    case 'zip':
      checkZip(bytesOf(file), fileName);
      return readWorkbook(bytesOf(file), fileName, options);
    case 'cfb':
      return readWorkbook(bytesOf(file), fileName, options);
    case 'text':
      return readText(file, fileName, options);
  }
}

/**
 * One string object per distinct cell text. Exports repeat themselves (the same dates, names, amounts
 * and item names on thousands of rows); sharing the strings took a million-row file's table from
 * about 400 MB to under 100 MB. Bounded, so a file of unique values costs only the map.
 */
function createInterner(): (text: string) => string {
  return perTextCache((text) => text, 300_000);
}

// ---------------------------------------------------------------- text files

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Counts of each candidate delimiter per line, outside quotes, over the first lines. */
export function sniffDelimiter(text: string): string {
  const lines: string[] = [];
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < text.length && lines.length < 30; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === '\n' && !inQuotes) {
      const line = text.slice(start, i).replace(/\r$/, '');
      if (line.trim() !== '') lines.push(line);
      start = i + 1;
    }
  }
  if (lines.length < 30 && start < text.length) {
    const last = text.slice(start).replace(/\r$/, '');
    if (last.trim() !== '') lines.push(last);
  }
  let best: string = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, d));
    const frequency = new Map<number, number>();
    for (const c of counts) if (c > 0) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    // The most common non-zero count, weighted by how many lines agree on it.
    let score = 0;
    for (const [count, lineCount] of frequency) score = Math.max(score, lineCount * 10 + Math.min(count, 9));
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) n++;
  }
  return n;
}

function readText(file: FileBytes, fileName: string, options: ReadTableOptions): ReadTableResult {
  const size = bytesOf(file).length;
  const decoded = decodeText(bytesOf(file));
  file.bytes = null;
  if (size >= BIG_FILE_BYTES) collectGarbage(true);
  const { encoding } = decoded;
  let { text } = decoded;
  if (text.trim() === '') throw bad(`${fileName} is empty. Export the data again and choose the new file.`);
  if (/^\s*<(?:!doctype|html|\?xml|table)/i.test(text)) {
    throw bad(`${fileName} is a web page or XML file, not a spreadsheet. Open it in Excel, save it as CSV or XLSX, and import that.`);
  }
  // Files edited on different systems mix CRLF, LF and CR; the parser expects one kind throughout.
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  const delimiter = sniffDelimiter(text.slice(0, 64 * 1024));
  const grid: Cell[][] = [];
  let unclosedQuoteRow: number | null = null;
  const intern = createInterner();
  let tooWide = false;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      if (grid.length % 10_000 === 0 && options.signal?.cancelled) {
        parser.abort();
        return;
      }
      const row = result.data;
      if (unclosedQuoteRow === null && result.errors.some((e) => e.code === 'MissingQuotes')) unclosedQuoteRow = grid.length + 1;
      if (row.length > MAX_COLUMNS) {
        tooWide = true;
        parser.abort();
        return;
      }
      for (let c = 0; c < row.length; c++) row[c] = intern(row[c]!);
      // A copy is exactly as long as the row; the parser's own array has room for 20 cells (3x the memory).
      grid.push(row.slice());
      // The parser leaves garbage per row; on a big file, hand it back as we go (see memory.ts).
      if (grid.length % 250_000 === 0) collectGarbage();
      if (grid.length > MAX_ROWS + MAX_TITLE_ROWS + 1) parser.abort();
    },
  });
  if (options.signal?.cancelled) throw new AppError('CANCELLED', 'Import cancelled; nothing was saved.');
  if (tooWide) throw bad(`${fileName} has more than ${formatCount(MAX_COLUMNS)} columns, which no export has. Check that it is the right file.`);
  if (unclosedQuoteRow !== null) {
    throw bad(`${fileName} has a quote mark (") that is never closed, in row ${formatCount(unclosedQuoteRow)}: everything after it would run into one cell. Remove or close that quote and import again.`);
  }
  return { table: tableFromGrid(grid, fileName), format: 'csv', sheets: [], sheet: null, encoding, delimiter };
}

// ---------------------------------------------------------------- workbooks

function workbookError(error: unknown, fileName: string): AppError {
  const message = error instanceof Error ? error.message : String(error);
  if (/password|encrypt/i.test(message)) {
    return bad(`${fileName} is protected with a password. Open it in Excel, remove the password (or save a copy as CSV), and import that.`);
  }
  return bad(`${fileName} could not be read as a spreadsheet: it looks damaged or incomplete. Open it in Excel or LibreOffice and save it again, or export it again.`);
}

function readWorkbook(bytes: Uint8Array, fileName: string, options: ReadTableOptions): ReadTableResult {
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, { type: 'array', dense: true, cellDates: false, cellNF: true, cellHTML: false, cellFormula: false, sheetRows: MAX_ROWS + MAX_TITLE_ROWS + 1 });
  } catch (error) {
    throw workbookError(error, fileName);
  }
  const format: TableFormat = book.bookType === 'ods' ? 'ods' : book.bookType === 'xls' || book.bookType === 'biff8' ? 'xls' : 'xlsx';
  const sheets = book.SheetNames;
  if (sheets.length === 0) throw bad(`${fileName} has no sheets. Choose the workbook with your data.`);
  let name: string;
  if (options.sheet !== undefined) {
    if (!sheets.includes(options.sheet)) {
      throw bad(`${fileName} has no sheet called "${options.sheet}". Its sheets are: ${sheets.join(', ')}.`);
    }
    name = options.sheet;
  } else {
    name = sheets.find((s) => sheetHasData(book.Sheets[s])) ?? sheets[0]!;
  }
  const grid = gridOfSheet(book.Sheets[name], fileName);
  return { table: tableFromGrid(grid, fileName, sheets.length > 1 ? name : null), format, sheets, sheet: name, encoding: null, delimiter: null };
}

type DenseSheet = XLSX.WorkSheet & { '!data'?: (XLSX.CellObject | undefined)[][] };

function sheetHasData(sheet: XLSX.WorkSheet | undefined): boolean {
  const data = (sheet as DenseSheet | undefined)?.['!data'];
  return !!data && data.some((row) => row?.some((cell) => cell && !isEmptyCell(cellValue(cell))));
}

/** A date-formatted number to ISO text ("2024-03-05" or "2024-03-05T14:30:00"), as SourceTable expects. */
function serialToIso(serial: number): string | null {
  const parts = XLSX.SSF.parse_date_code(serial);
  if (!parts || parts.y < 1900 || parts.y > 9999) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${parts.y}-${pad(parts.m)}-${pad(parts.d)}`;
  return parts.H || parts.M || parts.S ? `${date}T${pad(parts.H)}:${pad(parts.M)}:${pad(Math.floor(parts.S))}` : date;
}

function cellValue(cell: XLSX.CellObject): Cell {
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number;
      if (typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z)) return serialToIso(v) ?? v;
      return v;
    }
    case 's':
      return String(cell.v ?? '');
    case 'b':
      return Boolean(cell.v);
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v ?? '');
    case 'e':
      // #N/A, #VALUE!: what the owner sees in Excel, so a row error can quote it.
      return cell.w ?? '#ERROR';
    default:
      return null;
  }
}

function gridOfSheet(sheet: XLSX.WorkSheet | undefined, fileName: string): Cell[][] {
  const data = (sheet as DenseSheet | undefined)?.['!data'] ?? [];
  const grid: Cell[][] = [];
  const intern = createInterner();
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    const row: Cell[] = [];
    if (source) {
      if (source.length > MAX_COLUMNS && source.slice(MAX_COLUMNS).some((c) => c && !isEmptyCell(cellValue(c)))) {
        throw bad(`${fileName} has more than ${formatCount(MAX_COLUMNS)} columns, which no export has. Check that it is the right file.`);
      }
      for (let c = 0; c < Math.min(source.length, MAX_COLUMNS); c++) {
        const cell = source[c];
        const value = cell ? cellValue(cell) : null;
        row.push(typeof value === 'string' ? intern(value) : value);
      }
    }
    grid.push(row);
  }
  return grid;
}

// ---------------------------------------------------------------- from grid to table

function nonEmptyCount(row: readonly Cell[]): number {
  let n = 0;
  for (const cell of row) if (!isEmptyCell(cell)) n++;
  return n;
}

const DATA_LIKE = /^(?:[-+(]?[\d\s.,'€$£%)]+|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}.*|[^\s@]+@[^\s@]+\.[a-z]{2,})$/i;

/** A header row names columns; a first row of numbers, dates and emails is data without one. */
function looksLikeData(header: readonly Cell[]): boolean {
  const filled = header.filter((c) => !isEmptyCell(c));
  if (filled.length === 0) return true;
  const known = filled.filter((c) => typeof c === 'string' && matchHeader(c).source !== 'none').length;
  if (known > 0) return false;
  const dataLike = filled.filter((c) => typeof c !== 'string' || DATA_LIKE.test(c.trim())).length;
  return dataLike * 2 >= filled.length;
}

/**
 * Finds the header row (the first row with two or more filled cells, looking past title lines),
 * names its columns, and keeps the rows under it with the row numbers the owner sees.
 */
export function tableFromGrid(grid: readonly (readonly Cell[])[], fileName: string, sheet: string | null = null): SourceTable {
  const where = sheet ? `The sheet "${sheet}" of ${fileName}` : fileName;
  let headerIndex = -1;
  let firstFilled = -1;
  for (let r = 0, seen = 0; r < grid.length && seen <= MAX_TITLE_ROWS; r++) {
    const filled = nonEmptyCount(grid[r]!);
    if (filled === 0) continue;
    seen++;
    if (firstFilled < 0) firstFilled = r;
    if (filled >= 2) {
      headerIndex = r;
      break;
    }
  }
  if (firstFilled < 0) {
    // A workbook's other sheets may well hold the data: picking an empty one is no reason to start over.
    throw bad(sheet ? `${where} is empty. Pick another sheet.` : `${where} has no data. Export the data again and choose the new file.`);
  }
  // A one-column file (a plain list of names) has a one-cell header.
  if (headerIndex < 0) headerIndex = firstFilled;
  const headerRow = grid[headerIndex]!;
  if (looksLikeData(headerRow)) {
    throw bad(`${where} has no header row: the first row should name the columns (for example Name, Date, Amount). Add one in Excel and import again.`);
  }

  let width = headerRow.length;
  while (width > 0 && isEmptyCell(headerRow[width - 1])) width--;
  const seenNames = new Map<string, number>();
  const header = Array.from({ length: width }, (_, c) => {
    const raw = headerRow[c];
    const base = isEmptyCell(raw) ? `Column ${c + 1}` : String(raw).replace(/\s+/g, ' ').trim();
    const n = (seenNames.get(base.toLowerCase()) ?? 0) + 1;
    seenNames.set(base.toLowerCase(), n);
    return n === 1 ? base : `${base} (${n})`;
  });

  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  for (let r = headerIndex + 1; r < grid.length; r++) {
    const source = grid[r]!;
    if (nonEmptyCount(source) === 0) continue;
    // A value beyond the last named column stays in the row (mapRows reports it: the row's values
    // may be shifted); empty cells beyond it are only trailing separators and are trimmed.
    const keep = source.length === width || (source.length > width && nonEmptyCount(source.slice(width)) > 0);
    rows.push(keep ? (source as Cell[]) : Array.from({ length: width }, (_, c) => source[c] ?? null));
    rowNumbers.push(r + 1);
  }
  if (rows.length === 0) throw bad(`${where} has a header row but no data under it. Export the data again and choose the new file.`);
  if (rows.length > MAX_ROWS) {
    throw bad(`${where} has more than ${formatCount(MAX_ROWS)} rows. Split it into smaller files (for example one per year) and import them one after the other.`);
  }
  return { header, rows, rowNumbers };
}
