/**
 * Dates in imported files. The day/month order of a column is decided from ALL its values, never from
 * the first few: one "23/04/2024" anywhere settles day-first for the whole column. When every numeric
 * date in a column reads validly both ways (all parts ≤ 12), the column stays undecided and the owner
 * must choose — a silent guess would move every visit to the wrong month.
 *
 * Understood: ISO (2024-03-05, with or without time), numeric d/m/y, m/d/y and y/m/d with `/ . -`,
 * two- or four-digit years, yyyymmdd, Excel serial numbers, and month names or abbreviations in
 * English, German, French, Spanish, Italian and Dutch ("5. März 2024", "mardi 5 mars 2024",
 * "5 de marzo de 2024", "Mar 5, 2024 3:45 PM"). A time of day is read past and dropped: visits are
 * stored as the calendar date written in the file.
 */
import { perTextCache } from './per-text-cache';
import { daysInMonth, fromDayNumber, makeLocalDate, type LocalDate } from '../domain/dates';
import { searchKey } from '../domain/text';
import type { Cell, DateOrder } from './types';

export const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy', 'ymd'];

/** How a column's day/month order was settled. */
export type DateDecision =
  | 'override' // the owner (or the shop setting) chose it
  | 'remembered' // the owner chose it before, for a file laid out like this one
  | 'values' // some value only fits one order
  | 'symmetric' // every numeric value reads the same either way (01/01/2024), so any order is right
  | 'not-needed' // no numeric dates: ISO, month names or serials only
  | 'year-first' // two-digit years written first (24/03/05): the first number takes few values, the last many
  | 'undecided'; // every numeric date fits both orders: the owner must choose

export interface DateColumnInference {
  /** The order numeric dates are read in; null while undecided or when no value needs one. */
  format: DateOrder | null;
  decidedBy: DateDecision;
  /** True when the column cannot be read until the owner picks dmy, mdy or ymd. */
  needsChoice: boolean;
  /** Rows whose date reads as two different days depending on the order (e.g. 03/04/2024). */
  ambiguousCount: number;
  /** Rows that only fit an order other than the one chosen: they will be reported as bad dates. */
  conflictCount: number;
  /** Non-empty values that are no date in any order. */
  unreadableCount: number;
  /** Non-empty values seen. */
  filledCount: number;
  /** The first ambiguous value and its two readings, to ask the owner a concrete question. */
  example: { value: string; dmy: LocalDate; mdy: LocalDate } | null;
}

export interface DateColumn extends DateColumnInference {
  /** The value as a `YYYY-MM-DD` date, or null when it is empty or not a date in the column's order. */
  parse(cell: Cell): LocalDate | null;
}

/** Excel's day 0 is 1899-12-30 (it counts a 29 Feb 1900 that never was); 25569 days before 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25_569;
/** Serials accepted from number cells: 1901-01-01 … 9999-12-31. */
const MIN_SERIAL = 367;
const MAX_SERIAL = 2_958_465;
/** Serials accepted when written as text ("45123"): 1954–2119, so a year or an id is not taken for a date. */
const MIN_TEXT_SERIAL = 20_000;
const MAX_TEXT_SERIAL = 80_000;

const ISO_LIKE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?=$|[T\s,])/;
const NUMERIC = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})\.?(?=$|[T\s,])/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const TEXT_SERIAL = /^\d{5}(?:[.,]\d+)?$/;
const HAS_LETTER = /[a-zA-Z\u00c0-\u024f]/;
const TIME_OF_DAY = /(?:^|[\st,])\d{1,2}[:h]\d{2}/;
const TOKEN_SPLIT = /[^a-z0-9]+/;
const DIGITS = /^\d+$/;
const ORDINAL = /^(\d{1,2})(?:st|nd|rd|th|er|eme|e|o|a|de)$/;

/** Month names and abbreviations in six languages, accents folded (März → marz). */
const MONTHS = new Map<string, number>();
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'jan', 'januar', 'janner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'januari'],
  ['february', 'feb', 'febr', 'februar', 'fevrier', 'fevr', 'fev', 'febrero', 'febbraio', 'februari'],
  ['march', 'mar', 'marz', 'maerz', 'mrz', 'mars', 'marzo', 'maart', 'mrt'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'mag', 'mei'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug'],
  ['august', 'aug', 'aout', 'agosto', 'ago', 'augustus'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott'],
  ['november', 'nov', 'novembre', 'noviembre'],
  ['december', 'dec', 'dezember', 'dez', 'decembre', 'diciembre', 'dicembre', 'dic'],
];
MONTH_NAMES.forEach((names, index) => names.forEach((name) => MONTHS.set(name, index + 1)));

/** Weekdays and small words that may surround a written date; read past. */
const FILLER_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonnabend', 'sonntag',
  'mo', 'di', 'mi', 'do', 'fr', 'sa', 'so',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'lun', 'mer', 'jeu', 'ven', 'sam', 'dim',
  'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo', 'mie', 'jue', 'vie', 'sab', 'dom',
  'lunedi', 'martedi', 'mercoledi', 'giovedi', 'venerdi', 'domenica',
  'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'ma', 'wo', 'vr', 'za', 'zo',
  'de', 'del', 'of', 'the', 'le', 'la', 'den', 'der', 'am', 'on', 'il', 'el', 'y',
  // Words before a time of day ("à 14h30", "um 10:00", "alle 9:15"), cut off with the time itself.
  'a', 'at', 'um', 'alle', 'om', 'las', 'ore', 'h',
]);

/** What a single value looks like, before a column order is known. */
type Shape =
  | { kind: 'fixed'; date: LocalDate; iso: boolean } // the same date whatever the order
  | { kind: 'numeric'; a: number; b: number; c: number; fourDigitYear: boolean; readings?: Record<DateOrder, LocalDate | null> }
  | { kind: 'invalid' };

const INVALID: Shape = { kind: 'invalid' };

/** Two-digit years as POSIX strptime reads them: 00–68 → 2000s, 69–99 → 1900s. */
function expandYear(year: number, fourDigits: boolean): number {
  if (fourDigits) return year;
  return year <= 68 ? 2000 + year : 1900 + year;
}

function validDate(year: number, month: number, day: number): LocalDate | null {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (day > 28 && day > daysInMonth(year, month)) return null;
  return makeLocalDate(year, month, day);
}

function fromSerial(serial: number): LocalDate {
  return fromDayNumber(Math.floor(serial) - EXCEL_EPOCH_OFFSET);
}

function fixed(date: LocalDate | null, iso = false): Shape {
  return date === null ? INVALID : { kind: 'fixed', date, iso };
}

function shapeOfNumber(value: number): Shape {
  if (!Number.isFinite(value)) return INVALID;
  if (value >= MIN_SERIAL && value <= MAX_SERIAL) return fixed(fromSerial(value));
  // yyyymmdd stored as a number, as some tills export it.
  if (Number.isInteger(value) && value >= 19_000_101 && value <= 29_991_231) {
    return fixed(validDate(Math.floor(value / 10_000), Math.floor(value / 100) % 100, value % 100), true);
  }
  return INVALID;
}

function shapeOfText(raw: string): Shape {
  const text = raw.trim();
  let m = ISO_LIKE.exec(text);
  if (m) return fixed(validDate(Number(m[1]), Number(m[2]), Number(m[3])), true);
  m = NUMERIC.exec(text);
  if (m) return { kind: 'numeric', a: Number(m[1]), b: Number(m[3]), c: Number(m[4]), fourDigitYear: m[4]!.length === 4 };
  m = COMPACT.exec(text);
  if (m) return fixed(validDate(Number(m[1]), Number(m[2]), Number(m[3])), true);
  if (TEXT_SERIAL.test(text)) {
    const serial = Number(text.replace(',', '.'));
    return serial >= MIN_TEXT_SERIAL && serial <= MAX_TEXT_SERIAL ? fixed(fromSerial(serial)) : INVALID;
  }
  if (HAS_LETTER.test(text)) return fixed(parseNamedDate(text));
  return INVALID;
}

/** "5. März 2024", "Tuesday, March 5th 2024 10:30", "5 de marzo de 2024", "05-Mar-24". */
function parseNamedDate(text: string): LocalDate | null {
  let folded = searchKey(text);
  const time = TIME_OF_DAY.exec(folded);
  if (time) folded = folded.slice(0, time.index);
  let month = 0;
  const numbers: string[] = [];
  for (const token of folded.split(TOKEN_SPLIT)) {
    if (token === '') continue;
    const named = MONTHS.get(token);
    if (named !== undefined) {
      if (month !== 0) return null;
      month = named;
    } else if (DIGITS.test(token)) {
      numbers.push(token);
    } else {
      const ordinal = ORDINAL.exec(token);
      if (ordinal) numbers.push(ordinal[1]!);
      else if (!FILLER_WORDS.has(token)) return null;
    }
  }
  if (month === 0 || numbers.length !== 2) return null;
  const [first, second] = numbers as [string, string];
  // A four-digit number is the year; otherwise the year comes last ("5 Mar 24", "Mar 5 24").
  if (first.length === 4) return validDate(Number(first), month, Number(second));
  return validDate(expandYear(Number(second), second.length === 4), month, Number(first));
}

/** A cell's shape. Strings are cached by the caller; the rest is cheap. */
function shapeOfCell(cell: Cell): Shape {
  if (typeof cell === 'string') return shapeOfText(cell);
  if (typeof cell === 'number') return shapeOfNumber(cell);
  // Same year range as written dates: a Date from year 10000 or 1066 is a broken cell, not a visit.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? INVALID : fixed(validDate(cell.getFullYear(), cell.getMonth() + 1, cell.getDate()));
  return INVALID;
}

/** A numeric date read in one order. */
function readNumeric(shape: { a: number; b: number; c: number; fourDigitYear: boolean }, order: DateOrder): LocalDate | null {
  const { a, b, c, fourDigitYear } = shape;
  switch (order) {
    case 'dmy':
      return validDate(expandYear(c, fourDigitYear), b, a);
    case 'mdy':
      return validDate(expandYear(c, fourDigitYear), a, b);
    case 'ymd':
      // Only a two-digit year can come first in this pattern (yy/mm/dd).
      return fourDigitYear ? null : validDate(expandYear(a, false), b, c);
  }
}

/**
 * Whether a column of two-digit-year dates is written year first (yy/mm/dd, as in 24/03/05).
 * Those also read as day first (24 March 2005), so no single value can tell; the column can: a shop's
 * dates span a few years and many days, so in yy/mm/dd the first number takes a few values and the
 * last one many — and in dd/mm/yy it is the other way round. Only a clear difference counts (the last
 * number takes at least three times as many values as the first, and at least six); anything less
 * leaves the column read day or month first, as before.
 */
class YearFirstEvidence {
  private readonly firsts = new Set<number>();
  private readonly lasts = new Set<number>();
  private fits = 0;

  see(shape: { a: number; c: number; fourDigitYear: boolean }, ymd: LocalDate | null): void {
    if (shape.fourDigitYear || ymd === null) return;
    this.fits++;
    this.firsts.add(shape.a);
    this.lasts.add(shape.c);
  }

  /** True when every numeric date fits year first and the spread of the numbers says it is. */
  settles(numericCount: number): boolean {
    return this.fits === numericCount && this.lasts.size >= 6 && this.firsts.size * 3 <= this.lasts.size;
  }
}

/** Emptiness as every parser here sees it. */
export function isEmptyCell(cell: Cell): boolean {
  if (typeof cell === 'string') {
    // Most cells start with a visible ASCII character: those are filled without trimming a copy.
    const first = cell.charCodeAt(0);
    if (first > 0x20 && first < 0x7f) return false;
    return cell.trim() === '';
  }
  return cell === null || cell === undefined;
}

/** Strings seen in one column, with their shapes: dates repeat a lot (a year has 365 of them). */
const SHAPE_CACHE_LIMIT = 200_000;

function createShapeReader(): (cell: Cell) => Shape {
  const shapeOfString = perTextCache(shapeOfText, SHAPE_CACHE_LIMIT);
  return (cell) => (typeof cell === 'string' ? shapeOfString(cell) : shapeOfCell(cell));
}

/**
 * Looks at every value of a column to settle its day/month order, and returns a parser for it.
 * `override` (the owner's choice, or the shop's date-format setting) is always honoured.
 */
export function inferDateColumn(values: Iterable<Cell>, override?: DateOrder | null): DateColumn {
  const shapeOf = createShapeReader();
  const only: Record<DateOrder, number> = { dmy: 0, mdy: 0, ymd: 0 };
  let ambiguous = 0;
  let numericCount = 0;
  let isoCount = 0;
  let fixedCount = 0;
  let unreadable = 0;
  let filled = 0;
  let example: DateColumnInference['example'] = null;
  const yearFirst = new YearFirstEvidence();

  for (const cell of values) {
    if (isEmptyCell(cell)) continue;
    filled++;
    const shape = shapeOf(cell);
    if (shape.kind === 'invalid') {
      unreadable++;
      continue;
    }
    if (shape.kind === 'fixed') {
      fixedCount++;
      if (shape.iso) isoCount++;
      continue;
    }
    numericCount++;
    // Shapes are shared per distinct text (see createShapeReader): each text's readings are worked out once.
    const readings = (shape.readings ??= { dmy: readNumeric(shape, 'dmy'), mdy: readNumeric(shape, 'mdy'), ymd: readNumeric(shape, 'ymd') });
    yearFirst.see(shape, readings.ymd);
    const { dmy, mdy } = readings;
    if (dmy !== null && mdy !== null) {
      // A date that reads the same either way (01/01/2024) settles nothing and is no problem.
      if (dmy !== mdy) {
        ambiguous++;
        if (example === null) example = { value: String(cell).trim(), dmy, mdy };
      }
    } else if (dmy !== null) only.dmy++;
    else if (mdy !== null) only.mdy++;
    else if (readings.ymd !== null) only.ymd++;
    else unreadable++;
  }

  let format: DateOrder | null = null;
  let decidedBy: DateDecision;
  if (override) {
    format = override;
    decidedBy = 'override';
  } else if (numericCount === 0) {
    format = fixedCount > 0 && isoCount === fixedCount ? 'ymd' : null;
    decidedBy = 'not-needed';
  } else {
    const best = DATE_ORDERS.reduce((a, b) => (only[b] > only[a] ? b : a));
    if (only[best] > 0) {
      format = best;
      decidedBy = 'values';
    } else if (ambiguous === 0) {
      // Every numeric date reads the same either way (01/01/2024): any order is right.
      format = 'dmy';
      decidedBy = 'symmetric';
    } else {
      decidedBy = 'undecided';
    }
    // 24/03/05 also reads as a day first (24 March 2005): only the column as a whole tells.
    if (format !== null && yearFirst.settles(numericCount)) {
      format = 'ymd';
      decidedBy = 'year-first';
    }
  }

  const conflictCount =
    format === null ? 0 : decidedBy === 'year-first' ? 0 : DATE_ORDERS.reduce((sum, o) => (o === format ? sum : sum + only[o]), 0);
  const chosen = format;
  const readCell = (cell: Cell): LocalDate | null => {
    if (isEmptyCell(cell)) return null;
    const shape = shapeOf(cell);
    if (shape.kind === 'fixed') return shape.date;
    if (shape.kind === 'invalid') return null;
    if (chosen !== null) return readNumeric(shape, chosen);
    // Undecided column: a value that reads the same both ways is still safe to read.
    const dmy = readNumeric(shape, 'dmy');
    return dmy !== null && dmy === readNumeric(shape, 'mdy') ? dmy : null;
  };
  // The same text always reads as the same date in this column: remember the answer, not only the shape.
  const dateOfText = perTextCache(readCell, SHAPE_CACHE_LIMIT);
  const parse = (cell: Cell): LocalDate | null => (typeof cell === 'string' ? dateOfText(cell) : readCell(cell));

  return {
    format,
    decidedBy,
    needsChoice: decidedBy === 'undecided',
    ambiguousCount: ambiguous,
    conflictCount,
    unreadableCount: unreadable,
    filledCount: filled,
    example,
    parse,
  };
}

/** One value in a known order (or null for ISO, names and serials only). Null when not a date. */
export function parseDate(cell: Cell, order: DateOrder | null): LocalDate | null {
  if (isEmptyCell(cell)) return null;
  const shape = shapeOfCell(cell);
  if (shape.kind === 'fixed') return shape.date;
  if (shape.kind === 'invalid' || order === null) return null;
  return readNumeric(shape, order);
}

/** Both readings of a numeric date, for showing the owner what the choice changes. */
export function readingsOf(cell: Cell): Record<DateOrder, LocalDate | null> {
  const shape = shapeOfCell(cell);
  if (shape.kind === 'fixed') return { dmy: shape.date, mdy: shape.date, ymd: shape.date };
  if (shape.kind === 'invalid') return { dmy: null, mdy: null, ymd: null };
  return { dmy: readNumeric(shape, 'dmy'), mdy: readNumeric(shape, 'mdy'), ymd: readNumeric(shape, 'ymd') };
}
