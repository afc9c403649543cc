/**
 * Property tests for the date and money parsers: any date written in any supported way reads back as
 * that date, any amount written in any supported style reads back as the same cents, a column is
 * either read right or flagged for the owner (never silently misread), and no text makes them throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, makeLocalDate } from '../../../shared/domain/dates';
import { inferDateColumn, parseDate } from '../../../shared/import/dates';
import { inferMoneyColumn, parseMoney } from '../../../shared/import/money';
import type { DateOrder, DecimalSeparator } from '../../../shared/import/types';

const RUNS = { numRuns: 500 };

interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** Dates from 1969 to 2068: the range two-digit years cover. */
const dateArb: fc.Arbitrary<Ymd> = fc
  .record({ year: fc.integer({ min: 1969, max: 2068 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => ({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

const iso = ({ year, month, day }: Ymd) => makeLocalDate(year, month, day);
const pad = (n: number) => String(n).padStart(2, '0');
const yy = (year: number) => pad(year % 100);

/** Month names as people write them, per language (January first). */
const MONTH_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  enShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  deShort: ['Jan.', 'Feb.', 'Mrz.', 'Apr.', 'Mai', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Okt.', 'Nov.', 'Dez.'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  frShort: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  nlShort: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
};
const month = (lang: string, m: number) => MONTH_WORDS[lang]![m - 1]!;

/** Ways of writing a date, each with the order a column of them would be read in (null: no order needed). */
const FORMATS: readonly (readonly [string, DateOrder | null, (d: Ymd) => string | number])[] = [
  ['yyyy-mm-dd', null, (d) => iso(d)],
  ['yyyy-mm-ddThh:mm:ss', null, (d) => `${iso(d)}T13:45:10`],
  ['yyyy/m/d', null, (d) => `${d.year}/${d.month}/${d.day}`],
  ['yyyymmdd', null, (d) => iso(d).replaceAll('-', '')],
  ['Excel serial', null, (d) => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000 + 25_569],
  ['Excel serial with time', null, (d) => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000 + 25_569 + 0.625],
  ['dd.mm.yyyy', 'dmy', (d) => `${pad(d.day)}.${pad(d.month)}.${d.year}`],
  ['dd.mm.yyyy hh:mm', 'dmy', (d) => `${pad(d.day)}.${pad(d.month)}.${d.year} 09:30`],
  ['d/m/yy', 'dmy', (d) => `${d.day}/${d.month}/${yy(d.year)}`],
  ['dd/mm/yyyy', 'dmy', (d) => `${pad(d.day)}/${pad(d.month)}/${d.year}`],
  ['dd-mm-yyyy', 'dmy', (d) => `${pad(d.day)}-${pad(d.month)}-${d.year}`],
  ['m/d/yyyy h:mm AM', 'mdy', (d) => `${d.month}/${d.day}/${d.year} 9:05 AM`],
  ['mm/dd/yy', 'mdy', (d) => `${pad(d.month)}/${pad(d.day)}/${yy(d.year)}`],
  ['yy/mm/dd', 'ymd', (d) => `${yy(d.year)}/${pad(d.month)}/${pad(d.day)}`],
  ['English', null, (d) => `${month('en', d.month)} ${d.day}, ${d.year}`],
  ['English short with time', null, (d) => `${month('enShort', d.month)} ${d.day}, ${d.year} 3:45 PM`],
  ['English dd-Mon-yy', null, (d) => `${pad(d.day)}-${month('enShort', d.month)}-${yy(d.year)}`],
  ['German', null, (d) => `${d.day}. ${month('de', d.month)} ${d.year}`],
  ['German short', null, (d) => `${d.day}. ${month('deShort', d.month)} ${d.year}`],
  ['French', null, (d) => `${d.day} ${month('fr', d.month)} ${d.year}`],
  ['French short with time', null, (d) => `${d.day} ${month('frShort', d.month)} ${d.year} à 14h30`],
  ['Spanish', null, (d) => `${d.day} de ${month('es', d.month)} de ${d.year}`],
  ['Italian', null, (d) => `${d.day} ${month('it', d.month)} ${d.year}`],
  ['Dutch', null, (d) => `${d.day} ${month('nl', d.month)} ${d.year}`],
  ['Dutch short', null, (d) => `${d.day} ${month('nlShort', d.month)} ${d.year}`],
];

describe('date parser properties', () => {
  it.each(FORMATS.map(([name, order, write]) => [name, order, write] as const))('%s reads back as the same date', (_name, order, write) => {
    fc.assert(
      fc.property(dateArb, (d) => {
        expect(parseDate(write(d), order)).toBe(iso(d));
      }),
      RUNS,
    );
  });

  it('a column is read right or left for the owner to decide, never silently misread', () => {
    // yy/mm/dd is left out on purpose: "24/03/05" is also a valid dd/mm/yy date, and dates.ts reads
    // year-first only when neither day-first nor month-first fits (otherwise every d/m/yy column would
    // need the owner's choice). A yy/mm/dd column therefore needs the owner's override.
    const numeric = FORMATS.filter(([, order]) => order === 'dmy' || order === 'mdy');
    fc.assert(
      fc.property(fc.constantFrom(...numeric), fc.array(dateArb, { minLength: 1, maxLength: 40 }), ([, order, write], dates) => {
        const values = dates.map(write);
        const column = inferDateColumn(values);
        if (column.needsChoice) {
          expect(column.ambiguousCount).toBeGreaterThan(0);
          return;
        }
        expect(column.conflictCount).toBe(0);
        values.forEach((value, i) => expect(column.parse(value)).toBe(iso(dates[i]!)));
        // When any value only fits the order it was written in, that order is the one chosen.
        if (column.format !== null && column.format !== order) {
          for (const value of values) expect(parseDate(value, column.format)).toBe(parseDate(value, order));
        }
      }),
      RUNS,
    );
  });

  it('one day above 12 settles a dd/mm column however many ambiguous rows surround it', () => {
    fc.assert(
      fc.property(fc.array(dateArb, { maxLength: 60 }), dateArb, fc.nat(), (dates, settler, at) => {
        const day = 13 + (settler.day % 16); // 13..28: valid in every month
        const all = [...dates];
        all.splice(at % (dates.length + 1), 0, { ...settler, day });
        const values = all.map((d) => `${pad(d.day)}/${pad(d.month)}/${d.year}`);
        const column = inferDateColumn(values);
        expect(column.format).toBe('dmy');
        values.forEach((value, i) => expect(column.parse(value)).toBe(iso(all[i]!)));
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary text or values', () => {
    const anyCell = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.stringMatching(/^[0-9./\- :,TAPMa-z]{0,30}$/),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.date({ noInvalidDate: false }),
    );
    fc.assert(
      fc.property(fc.array(anyCell, { maxLength: 20 }), fc.constantFrom<DateOrder | null>('dmy', 'mdy', 'ymd', null), (cells, order) => {
        const column = inferDateColumn(cells, order);
        for (const cell of cells) {
          const date = column.parse(cell);
          if (date !== null) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          const single = parseDate(cell, order);
          if (single !== null) expect(single).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/** How an amount is written: one style per column, as one till or one spreadsheet writes them. */
interface MoneyStyle {
  decimal: DecimalSeparator;
  grouping: string;
  prefix: string;
  suffix: string;
  negative: 'minus' | 'trailing' | 'parentheses' | 'unicode';
  wholeWithoutDecimals: boolean;
}

const GROUPINGS: Readonly<Record<DecimalSeparator, readonly string[]>> = {
  ',': ['', '.', ' ', '\u00a0', "'", '\u202f'],
  '.': ['', ',', ' ', '\u00a0', "'", '’'],
};

const styleArb: fc.Arbitrary<MoneyStyle> = fc
  .record({
    decimal: fc.constantFrom<DecimalSeparator>(',', '.'),
    groupingIndex: fc.nat({ max: 5 }),
    prefix: fc.constantFrom('', '€', '€ ', '$', '£', 'CHF ', 'US$', 'R$ ', 'EUR '),
    suffix: fc.constantFrom('', ' €', '€', ' EUR', ' kr', ' CHF', ' zł', ' Kč'),
    negative: fc.constantFrom<MoneyStyle['negative']>('minus', 'trailing', 'parentheses', 'unicode'),
    wholeWithoutDecimals: fc.boolean(),
  })
  .map(({ groupingIndex, ...rest }) => ({ ...rest, grouping: GROUPINGS[rest.decimal][groupingIndex]! }));

function group(digits: string, mark: string): string {
  if (mark === '') return digits;
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, mark);
}

function writeAmount(cents: number, style: MoneyStyle): string {
  const abs = Math.abs(cents);
  const whole = group(String(Math.floor(abs / 100)), style.grouping);
  const fraction = abs % 100;
  const number = style.wholeWithoutDecimals && fraction === 0 ? whole : `${whole}${style.decimal}${pad(fraction)}`;
  const text = `${style.prefix}${number}${style.suffix}`;
  if (cents >= 0) return text;
  switch (style.negative) {
    case 'minus':
      return `-${text}`;
    case 'unicode':
      return `${style.prefix}−${number}${style.suffix}`;
    case 'trailing':
      return `${style.prefix}${number}-${style.suffix}`;
    case 'parentheses':
      return `(${text})`;
  }
}

const centsArb = fc.oneof(
  fc.integer({ min: -99_999, max: 99_999 }),
  fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }),
  fc.integer({ min: -1000, max: 1000 }).map((n) => n * 100),
);

describe('money parser properties', () => {
  it('any amount in any style reads back as the same cents with its decimal mark', () => {
    fc.assert(
      fc.property(centsArb, styleArb, (cents, style) => {
        expect(parseMoney(writeAmount(cents, style), style.decimal)).toBe(cents);
      }),
      { numRuns: 2000 },
    );
  });

  it('a column written in one style is read right without being told the decimal mark', () => {
    fc.assert(
      fc.property(fc.array(centsArb, { minLength: 1, maxLength: 30 }), styleArb, (amounts, style) => {
        const values = amounts.map((c) => writeAmount(c, style));
        const column = inferMoneyColumn(values);
        expect(column.conflictCount).toBe(0);
        values.forEach((value, i) => expect(column.parse(value)).toBe(amounts[i]));
      }),
      { numRuns: 1000 },
    );
  });

  it('numbers from spreadsheet cells read as the cents they show', () => {
    fc.assert(
      fc.property(centsArb, (cents) => {
        expect(parseMoney(cents / 100, '.')).toBe(cents);
        expect(parseMoney(cents / 100, ',')).toBe(cents);
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary text, and whatever it reads is a safe integer', () => {
    const anyCell = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.stringMatching(/^[0-9.,' ()\-−€$£A-Z]{0,25}$/),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(anyCell, { maxLength: 20 }), fc.constantFrom<DecimalSeparator | null>(',', '.', null), (cells, decimal) => {
        const column = inferMoneyColumn(cells, decimal);
        for (const cell of cells) {
          for (const cents of [column.parse(cell), parseMoney(cell, decimal ?? '.')]) {
            if (cents !== null) expect(Number.isSafeInteger(cents)).toBe(true);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
