/**
 * Turns a read table plus the owner's column mapping into typed records — customers, visits or
 * feedback — ready for the import service, with every problem named by row and column in plain words.
 *
 * Dates and amounts are inferred per column from all values before any row is read (see dates.ts and
 * money.ts). A date column that stays ambiguous, or a missing required column, is a blocker: no rows
 * are produced until the owner decides, because a silent guess would store wrong data.
 * Rows with an error are left out; rows with a warning are kept with that one value dropped.
 */
import { searchKey } from '../domain/text';
import {
  cellText,
  createPhoneNormalizer,
  joinName,
  normalizeEmail,
  normalizeName,
  parseTags,
  parseYesNo,
  type CountryCode,
} from './contact';
import { inferDateColumn, isEmptyCell, readingsOf, type DateColumn, type DateColumnInference } from './dates';
import { fingerprintOf } from './fingerprint';
import { perTextCache } from './per-text-cache';
import { inferMoneyColumn, type MoneyColumn, type MoneyColumnInference } from './money';
import {
  FIELD_LABELS,
  type Cell,
  type CustomerFacts,
  type CustomerRecord,
  type DataField,
  type DateOrder,
  type DecimalSeparator,
  type FeedbackRecord,
  type ImportField,
  type ImportKind,
  type ImportRecord,
  type MappedRecords,
  type RowProblem,
  type SourceTable,
  type VisitRecord,
} from './types';

export interface MapOptions {
  /** Day/month order for every date column that needs one (the owner's answer, or the shop setting). */
  dateFormat?: DateOrder | null;
  /** Per-column answers (0-based column index), winning over `dateFormat`. */
  columnDateFormats?: Readonly<Record<number, DateOrder>>;
  /**
   * Orders the owner chose before for files laid out like this one, per column: used only for a
   * column that would otherwise have to ask (its values settle it otherwise).
   */
  rememberedDateFormats?: Readonly<Record<number, DateOrder>>;
  /** The decimal mark of amount columns; when absent it is inferred from the values. */
  decimal?: DecimalSeparator | null;
  /** Country for phone numbers written without +country code; see countryFromLocale. */
  defaultCountry?: CountryCode;
  /** Rows shown in the preview. Default 20. */
  previewRows?: number;
  /** Problems kept in the lists (all are counted). Default 10,000. */
  maxProblems?: number;
}

export interface ColumnReport {
  index: number;
  /** The header as written in the file. */
  header: string;
  field: ImportField;
  /** Non-empty cells in the column (mapped columns only; 0 for ignored ones). */
  filled: number;
  date?: DateColumnInference;
  money?: MoneyColumnInference;
  /** Phone numbers understood, kept as written, and understood as the shop's country's (no country code). */
  phones?: { normalized: number; keptAsWritten: number; national: number };
}

export type Blocker =
  | { type: 'missing-field'; kind: ImportKind; fields: DataField[]; message: string }
  | {
      type: 'date-format';
      column: number;
      header: string;
      ambiguousCount: number;
      example: DateColumnInference['example'];
      message: string;
    };

export interface PreviewRow {
  row: number;
  /** The cells as read from the file. */
  cells: readonly Cell[];
  /** The record as it will be stored, or null when the row is left out (or the mapping is blocked). */
  record: ImportRecord | null;
  problems: RowProblem[];
}

export interface MapReport {
  /** Data rows that were not blank. */
  rowsRead: number;
  /** Rows left out because of an error. */
  rowsSkipped: number;
  /** Problems that leave a row out (at most `maxProblems`; `errorCount` has them all). */
  rowErrors: RowProblem[];
  errorCount: number;
  /** Problems that drop one value but keep the row. */
  warnings: RowProblem[];
  warningCount: number;
  columns: ColumnReport[];
  /** Must be resolved before anything is imported; when present, `rows` is empty. */
  blockers: Blocker[];
  preview: PreviewRow[];
}

export type MapResult = MappedRecords & MapReport;

const IDENTITY_FIELDS: readonly DataField[] = ['name', 'firstName', 'lastName', 'email', 'phone', 'externalRef'];
const NAME_FIELDS: readonly DataField[] = ['name', 'firstName', 'lastName'];
const SCORE_FIELDS: readonly DataField[] = ['nps', 'rating', 'comment'];

/** The columns a kind cannot do without; each inner list needs one of its fields. */
const REQUIRED: Readonly<Record<ImportKind, readonly (readonly DataField[])[]>> = {
  customers: [NAME_FIELDS],
  visits: [['date'], IDENTITY_FIELDS],
  feedback: [['date'], SCORE_FIELDS],
};

/** Fields of a kind that are read at all; other mapped columns are left alone for that kind. */
const USED_FIELDS: Readonly<Record<ImportKind, ReadonlySet<DataField>>> = {
  customers: new Set(['externalRef', 'name', 'firstName', 'lastName', 'email', 'phone', 'birthday', 'notes', 'tags', 'marketingConsent']),
  visits: new Set(['externalRef', 'name', 'firstName', 'lastName', 'email', 'phone', 'birthday', 'notes', 'tags', 'marketingConsent', 'date', 'amount', 'items', 'staff', 'paymentMethod']),
  feedback: new Set(['externalRef', 'name', 'firstName', 'lastName', 'email', 'phone', 'date', 'nps', 'rating', 'comment']),
};

/** Missing required columns for a kind, one message each ("Choose the column with the date."). */
export function checkMapping(fields: readonly ImportField[], kind: ImportKind): Blocker[] {
  const blockers: Blocker[] = [];
  for (const group of REQUIRED[kind]) {
    if (group.some((f) => fields.includes(f))) continue;
    const names = group.map((f) => FIELD_LABELS[f].toLowerCase());
    const message =
      group.length === 1
        ? `Choose the column that holds the ${names[0]}.`
        : `Choose a column that holds the ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}.`;
    blockers.push({ type: 'missing-field', kind, fields: [...group], message });
  }
  return blockers;
}

/** 1204 → "1,204", as row numbers read in messages. */
function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A value as quoted in a message: short, on one line. */
function quote(cell: Cell): string {
  const text = cellText(cell).replace(/\s+/g, ' ').trim();
  return `'${text.length > 60 ? `${text.slice(0, 57)}...` : text}'`;
}

/** One column's cells as an array: walking an array is several times cheaper than a generator's yields. */
function columnValues(rows: readonly (readonly Cell[])[], index: number): Cell[] {
  const values = new Array<Cell>(rows.length);
  for (let r = 0; r < rows.length; r++) values[r] = rows[r]![index];
  return values;
}

function textOf(cell: Cell): string {
  return typeof cell === 'string' ? cell.trim() : cellText(cell).trim();
}

const STARS = /^[★☆✩✪✫✬✭✮✯⭐\s]+$/u;
const FILLED_STAR = /[★✪✫✬✭✮✯⭐]/gu;
const SCORE_TEXT = /^(\d{1,2})(?:[.,]0+)?(?:\s*(?:\/|of|von|sur|de|su|van)\s*(?:5|10))?(?:\s*(?:stars?|sterne?|etoiles?|étoiles?|estrellas?|stelle|sterren|points?|pts?))?$/i;

/** A whole score within [min, max]: 9, "9", "9/10", "4 stars", "★★★★☆". Null when it is none. */
export function parseScore(cell: Cell, min: number, max: number): number | null {
  let value: number | null = null;
  if (typeof cell === 'number') value = Number.isInteger(cell) ? cell : null;
  else {
    const text = textOf(cell);
    if (STARS.test(text)) value = (text.match(FILLED_STAR) ?? []).length;
    else {
      const m = SCORE_TEXT.exec(text);
      if (m) value = Number(m[1]);
    }
  }
  return value !== null && value >= min && value <= max ? value : null;
}

/**
 * A row's tags when the file has none: shared by every such row instead of a new empty array each
 * (a million-row file would make a million of them). Frozen, so no caller can add to it by mistake.
 */
const NO_TAGS = Object.freeze([]) as unknown as string[];

/**
 * Everything a mapping needs, built once so the row loop does no set-up per cell: the columns, each
 * date and amount column's settled reading (inferred over all the rows it was built with), and caches
 * of the work done per distinct text (names, emails and phones repeat row after row: regulars!).
 * Built over a whole file, one mapper maps all its batches.
 */
class RowMapper {
  readonly col: Partial<Record<DataField, number>> = {};
  readonly dateColumn: DateColumn | null = null;
  readonly birthdayColumn: DateColumn | null = null;
  readonly amountColumn: MoneyColumn | null = null;
  readonly normalizePhone: ReturnType<typeof createPhoneNormalizer>;
  readonly phoneCounts = { normalized: 0, keptAsWritten: 0, national: 0 };
  /** The current row's problems (emptied for each row). */
  readonly problems: RowProblem[] = [];
  private readonly nameKeyOf = perTextCache(searchKey, 100_000);
  private readonly nameOf = perTextCache(normalizeName);
  private readonly emailOf = perTextCache(normalizeEmail);

  constructor(
    private readonly header: readonly string[],
    fields: readonly ImportField[],
    private readonly kind: ImportKind,
    rows: readonly (readonly Cell[])[],
    options: MapOptions,
  ) {
    fields.forEach((field, index) => {
      if (field !== 'ignore' && USED_FIELDS[kind].has(field) && this.col[field] === undefined) this.col[field] = index;
    });
    const orderFor = (index: number) => options.columnDateFormats?.[index] ?? options.dateFormat ?? null;
    const inferDates = (index: number): DateColumn => {
      const column = inferDateColumn(columnValues(rows, index), orderFor(index));
      const remembered = options.rememberedDateFormats?.[index];
      if (!column.needsChoice || !remembered) return column;
      return { ...inferDateColumn(columnValues(rows, index), remembered), decidedBy: 'remembered' };
    };
    if (this.col.date !== undefined) this.dateColumn = inferDates(this.col.date);
    if (this.col.birthday !== undefined) {
      this.birthdayColumn = inferDates(this.col.birthday);
    }
    if (this.col.amount !== undefined && kind === 'visits') {
      this.amountColumn = inferMoneyColumn(columnValues(rows, this.col.amount), options.decimal ?? null);
    }
    this.normalizePhone = createPhoneNormalizer(options.defaultCountry);
  }

  private nameKey(name: string | null): string | null {
    return name === null ? null : this.nameKeyOf(name);
  }

  /** A name cell, tidied (see normalizeName); null when empty or when the column is not mapped. */
  private name(cells: readonly Cell[], index: number | undefined): string | null {
    if (index === undefined) return null;
    const cell = cells[index];
    return typeof cell === 'string' ? this.nameOf(cell) : normalizeName(cellText(cell));
  }

  private problem(row: number, field: DataField | null, severity: RowProblem['severity'], what: string): void {
    const column = field === null ? null : this.header[this.col[field]!] ?? FIELD_LABELS[field];
    const where = column === null ? `Row ${formatCount(row)}` : `Row ${formatCount(row)}, column ${column}`;
    this.problems.push({ row, column, severity, message: `${where}: ${what}` });
  }

  private cell(cells: readonly Cell[], field: DataField): Cell {
    const index = this.col[field];
    return index === undefined ? null : cells[index];
  }

  private text(cells: readonly Cell[], field: DataField): string | null {
    const index = this.col[field];
    if (index === undefined) return null;
    const text = textOf(cells[index]);
    return text === '' ? null : text;
  }

  /** The person a row names; empty details are null. */
  customerFacts(cells: readonly Cell[], row: number): CustomerFacts {
    const name = this.name(cells, this.col.name) ?? joinName(this.name(cells, this.col.firstName), this.name(cells, this.col.lastName));

    let email: string | null = null;
    const emailCell = this.cell(cells, 'email');
    if (!isEmptyCell(emailCell)) {
      email = typeof emailCell === 'string' ? this.emailOf(emailCell) : normalizeEmail(cellText(emailCell));
      if (email === null) this.problem(row, 'email', 'warning', `${quote(emailCell)} is not an email address; it is left out.`);
    }

    let phone: string | null = null;
    const phoneText = this.text(cells, 'phone');
    if (phoneText !== null) {
      const normalized = this.normalizePhone(phoneText);
      if (normalized) {
        phone = normalized.phone;
        if (normalized.normalized) this.phoneCounts.normalized++;
        else this.phoneCounts.keptAsWritten++;
        if (normalized.national) this.phoneCounts.national++;
      }
    }

    let birthday: string | null = null;
    const birthdayCell = this.cell(cells, 'birthday');
    if (this.birthdayColumn && !isEmptyCell(birthdayCell)) {
      birthday = this.birthdayColumn.parse(birthdayCell);
      if (birthday === null) this.problem(row, 'birthday', 'warning', `${quote(birthdayCell)} is not a date; the birthday is left out.`);
    }

    let marketingConsent: boolean | null = null;
    const consentCell = this.cell(cells, 'marketingConsent');
    if (!isEmptyCell(consentCell)) {
      marketingConsent = parseYesNo(consentCell);
      if (marketingConsent === null) this.problem(row, 'marketingConsent', 'warning', `${quote(consentCell)} is not a yes or no; consent is left out.`);
    }

    const tagsText = this.text(cells, 'tags');
    return {
      externalRef: this.text(cells, 'externalRef'),
      name,
      email,
      phone,
      birthday,
      notes: this.text(cells, 'notes'),
      tags: tagsText === null ? NO_TAGS : parseTags(tagsText),
      marketingConsent,
    };
  }

  /** The row's date, or null after reporting why it has none. */
  requiredDate(cells: readonly Cell[], row: number): string | null {
    const cell = this.cell(cells, 'date');
    if (isEmptyCell(cell)) {
      this.problem(row, 'date', 'error', 'there is no date.');
      return null;
    }
    const date = this.dateColumn!.parse(cell);
    if (date === null) this.problem(row, 'date', 'error', this.whyNotADate(cell));
    return date;
  }

  private whyNotADate(cell: Cell): string {
    const order = this.dateColumn!.format;
    if (order !== null) {
      const readings = readingsOf(cell);
      const other = (['dmy', 'mdy', 'ymd'] as const).find((o) => o !== order && readings[o] !== null);
      if (other) return `${quote(cell)} is not a date in ${ORDER_WORDS[order]} order like the rest of the column.`;
    }
    return `${quote(cell)} is not a date.`;
  }

  customer(cells: readonly Cell[], row: number): CustomerRecord | null {
    const customer = this.customerFacts(cells, row);
    if (customer.name === null && customer.email === null && customer.phone === null && customer.externalRef === null) {
      this.problem(row, null, 'error', 'there is no name, so this customer cannot be added.');
      return null;
    }
    const fingerprint = fingerprintOf('customers', [
      customer.externalRef,
      this.nameKey(customer.name),
      customer.email,
      customer.phone,
      customer.birthday,
      customer.notes,
      customer.tags,
      customer.marketingConsent,
    ]);
    return { row, fingerprint, customer };
  }

  visit(cells: readonly Cell[], row: number): VisitRecord | null {
    const customer = this.customerFacts(cells, row);
    let ok = true;
    if (customer.name === null && customer.email === null && customer.phone === null && customer.externalRef === null) {
      this.problem(row, null, 'error', 'there is no customer name, email, phone or id to attach this visit to.');
      ok = false;
    }
    const date = this.requiredDate(cells, row);
    let amountCents = 0;
    const amountCell = this.cell(cells, 'amount');
    if (this.amountColumn && !isEmptyCell(amountCell)) {
      const cents = this.amountColumn.parse(amountCell);
      if (cents === null) {
        this.problem(row, 'amount', 'error', `${quote(amountCell)} is not an amount.`);
        ok = false;
      } else amountCents = cents;
    }
    if (!ok || date === null) return null;
    const items = this.text(cells, 'items') ?? '';
    const staff = this.name(cells, this.col.staff);
    const paymentMethod = this.name(cells, this.col.paymentMethod);
    const fingerprint = fingerprintOf('visits', [
      customer.externalRef,
      this.nameKey(customer.name),
      customer.email,
      customer.phone,
      date,
      amountCents,
      items,
      staff,
      paymentMethod,
    ]);
    return { row, fingerprint, customer, date, amountCents, items, staff, paymentMethod };
  }

  feedback(cells: readonly Cell[], row: number): FeedbackRecord | null {
    const facts = this.customerFacts(cells, row);
    const anonymous = facts.name === null && facts.email === null && facts.phone === null && facts.externalRef === null;
    const customer = anonymous ? null : facts;
    const date = this.requiredDate(cells, row);
    const nps = this.score(cells, row, 'nps', 0, 10);
    const rating = this.score(cells, row, 'rating', 1, 5);
    const comment = this.text(cells, 'comment') ?? '';
    if (nps === null && rating === null && comment === '') {
      this.problem(row, null, 'error', 'there is no score, rating or comment.');
      return null;
    }
    if (date === null) return null;
    const fingerprint = fingerprintOf('feedback', [
      facts.externalRef,
      this.nameKey(facts.name),
      facts.email,
      facts.phone,
      date,
      nps,
      rating,
      comment,
    ]);
    return { row, fingerprint, customer, date, nps, rating, comment };
  }

  private score(cells: readonly Cell[], row: number, field: 'nps' | 'rating', min: number, max: number): number | null {
    const cell = this.cell(cells, field);
    if (isEmptyCell(cell)) return null;
    const score = parseScore(cell, min, max);
    if (score === null) this.problem(row, field, 'warning', `${quote(cell)} is not a whole number from ${min} to ${max}; it is left out.`);
    return score;
  }

  /** Starts a mapping run (one batch): counts are per run, so callers can add batches up. */
  startRun(): void {
    this.phoneCounts.normalized = 0;
    this.phoneCounts.keptAsWritten = 0;
    this.phoneCounts.national = 0;
  }

  columnReports(fields: readonly ImportField[], filled: readonly number[]): ColumnReport[] {
    return this.header.map((header, index) => {
      const field = fields[index] ?? 'ignore';
      const report: ColumnReport = { index, header, field, filled: filled[index] ?? 0 };
      if (index === this.col.date && this.dateColumn) report.date = withoutParse(this.dateColumn);
      if (index === this.col.birthday && this.birthdayColumn) report.date = withoutParse(this.birthdayColumn);
      if (index === this.col.amount && this.amountColumn) report.money = withoutParse(this.amountColumn);
      if (index === this.col.phone) report.phones = { ...this.phoneCounts };
      return report;
    });
  }

  dateBlockers(): Blocker[] {
    const blockers: Blocker[] = [];
    for (const [field, column] of [
      ['date', this.dateColumn],
      ['birthday', this.birthdayColumn],
    ] as const) {
      if (!column?.needsChoice) continue;
      const index = this.col[field]!;
      const header = this.header[index] ?? FIELD_LABELS[field];
      const example = column.example;
      const sample = example ? ` For example, '${example.value}' could be ${example.dmy} or ${example.mdy}.` : '';
      blockers.push({
        type: 'date-format',
        column: index,
        header,
        ambiguousCount: column.ambiguousCount,
        example,
        message: `Column ${header}: ${formatCount(column.ambiguousCount)} ${column.ambiguousCount === 1 ? 'row' : 'rows'} could be read as day/month or month/day.${sample} Please choose the date format.`,
      });
    }
    return blockers;
  }
}

const ORDER_WORDS: Readonly<Record<DateOrder, string>> = { dmy: 'day/month/year', mdy: 'month/day/year', ymd: 'year/month/day' };

function withoutParse<T extends { parse: unknown }>(column: T): Omit<T, 'parse'> {
  const { parse: _parse, ...rest } = column;
  return rest;
}

function isBlankRow(cells: readonly Cell[]): boolean {
  for (const cell of cells) if (!isEmptyCell(cell)) return false;
  return true;
}

/** The first filled cell beyond the header's columns (see SourceTable.rows), or -1. */
function valueBeyondHeader(cells: readonly Cell[], width: number): number {
  for (let c = width; c < cells.length; c++) if (!isEmptyCell(cells[c])) return c;
  return -1;
}

function beyondHeaderProblem(row: number, cells: readonly Cell[], column: number): RowProblem {
  return {
    row,
    column: null,
    severity: 'error',
    message:
      `Row ${formatCount(row)}: there is a value in column ${column + 1}, which has no header (${quote(cells[column])}), so the row's values may be shifted — ` +
      'a comma or semicolon inside a value without quotes around it? The row is left out; fix it in the file, or give that column a header.',
  };
}

/** A mapping set up over a whole file (its date and amount columns settled), for mapping it batch by batch. */
export interface PreparedMapping {
  readonly kind: ImportKind;
  readonly fields: readonly ImportField[];
  /** Each date column's reading, by column index (the date and birthday columns in use). */
  readonly dates: ReadonlyMap<number, DateColumnInference>;
  /** The amount column's reading, by column index. */
  readonly money: ReadonlyMap<number, MoneyColumnInference>;
  /** Missing columns and ambiguous date columns: while there are any, no rows can be read. */
  readonly blockers: readonly Blocker[];
  /** @internal the mapper itself, reused by every mapRows call given this mapping. */
  readonly mapper: RowMapper;
}

/** Settles every column of `table` once (see mapRows); pass the result to mapRows for each batch. */
export function prepareMapping(table: SourceTable, fields: readonly ImportField[], kind: ImportKind, options: MapOptions = {}): PreparedMapping {
  const mapper = new RowMapper(table.header, fields, kind, table.rows, options);
  const dates = new Map<number, DateColumnInference>();
  if (mapper.dateColumn) dates.set(mapper.col.date!, withoutParse(mapper.dateColumn));
  if (mapper.birthdayColumn) dates.set(mapper.col.birthday!, withoutParse(mapper.birthdayColumn));
  const money = new Map<number, MoneyColumnInference>();
  if (mapper.amountColumn) money.set(mapper.col.amount!, withoutParse(mapper.amountColumn));
  return { kind, fields, dates, money, blockers: [...checkMapping(fields, kind), ...mapper.dateBlockers()], mapper };
}

/**
 * Maps every row of `table` with `fields` (one per column, as from suggestMapping) into records of
 * `kind`. Pure and synchronous; about half a second per million rows. With `prepared` (from
 * prepareMapping over the whole file), `table` may be one batch of that file: the columns are read as
 * settled for the whole file, and the options' date and decimal choices are those it was prepared with.
 */
export function mapRows(table: SourceTable, fields: readonly ImportField[], kind: ImportKind, options: MapOptions = {}, prepared?: PreparedMapping): MapResult {
  if (prepared && (prepared.kind !== kind || prepared.fields.length !== fields.length || prepared.fields.some((f, i) => f !== fields[i]))) {
    throw new Error('mapRows: the prepared mapping is for other columns or another kind');
  }
  const previewLimit = options.previewRows ?? 20;
  const maxProblems = options.maxProblems ?? 10_000;
  const mapper = prepared?.mapper ?? new RowMapper(table.header, fields, kind, table.rows, options);
  mapper.startRun();
  const blockers = [...checkMapping(fields, kind), ...mapper.dateBlockers()];
  const blocked = blockers.length > 0;

  const records: ImportRecord[] = [];
  const rowErrors: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const preview: PreviewRow[] = [];
  const mappedColumns = fields.map((f) => f !== 'ignore');
  const filled = new Array<number>(table.header.length).fill(0);
  let errorCount = 0;
  let warningCount = 0;
  let rowsRead = 0;
  let rowsSkipped = 0;

  for (let r = 0; r < table.rows.length; r++) {
    const cells = table.rows[r]!;
    if (isBlankRow(cells)) continue;
    rowsRead++;
    const row = table.rowNumbers?.[r] ?? r + 2;
    for (let c = 0; c < mappedColumns.length; c++) if (mappedColumns[c] && !isEmptyCell(cells[c])) filled[c]!++;
    if (blocked) {
      if (preview.length < previewLimit) preview.push({ row, cells, record: null, problems: [] });
      continue;
    }

    const problems = mapper.problems;
    problems.length = 0;
    const beyond = cells.length > table.header.length ? valueBeyondHeader(cells, table.header.length) : -1;
    let record: ImportRecord | null = null;
    if (beyond >= 0) problems.push(beyondHeaderProblem(row, cells, beyond));
    else record = kind === 'customers' ? mapper.customer(cells, row) : kind === 'visits' ? mapper.visit(cells, row) : mapper.feedback(cells, row);
    if (record) records.push(record);
    else rowsSkipped++;
    for (const problem of problems) {
      if (problem.severity === 'error') {
        if (errorCount++ < maxProblems) rowErrors.push(problem);
      } else if (warningCount++ < maxProblems) warnings.push(problem);
    }
    if (preview.length < previewLimit) preview.push({ row, cells, record, problems: [...problems] });
  }

  const report: MapReport = {
    rowsRead,
    rowsSkipped,
    rowErrors,
    errorCount,
    warnings,
    warningCount,
    columns: mapper.columnReports(fields, filled),
    blockers,
    preview,
  };
  // The union is narrowed per kind so callers get CustomerRecord[] etc. without casts.
  if (kind === 'customers') return { kind, rows: records as CustomerRecord[], ...report };
  if (kind === 'visits') return { kind, rows: records as VisitRecord[], ...report };
  return { kind, rows: records as FeedbackRecord[], ...report };
}
