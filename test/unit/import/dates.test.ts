import { describe, expect, it } from 'vitest';
import { inferDateColumn, isEmptyCell, parseDate, readingsOf } from '../../../shared/import/dates';
import type { Cell, DateOrder } from '../../../shared/import/types';

describe('parseDate: one value in a known order', () => {
  it.each<[string, Cell, DateOrder | null, string | null]>([
    // ISO, with and without time: the order does not matter
    ['ISO', '2024-03-05', null, '2024-03-05'],
    ['ISO with T time', '2024-03-05T14:30:00', 'mdy', '2024-03-05'],
    ['ISO with space time', '2024-03-05 14:30', 'dmy', '2024-03-05'],
    ['ISO with zone', '2024-03-05T14:30:00Z', null, '2024-03-05'],
    ['y/m/d with slashes', '2024/3/5', null, '2024-03-05'],
    ['yyyymmdd text', '20240305', null, '2024-03-05'],
    ['yyyymmdd number', 20240305, null, '2024-03-05'],
    // dd.mm.yyyy (German, Swiss, Dutch)
    ['dd.mm.yyyy', '05.03.2024', 'dmy', '2024-03-05'],
    ['dd.mm.yyyy with time', '05.03.2024 18:45', 'dmy', '2024-03-05'],
    ['d.m.yy', '5.3.24', 'dmy', '2024-03-05'],
    // d/m/yy and m/d/yy
    ['d/m/yy', '5/3/24', 'dmy', '2024-03-05'],
    ['m/d/yy', '3/5/24', 'mdy', '2024-03-05'],
    ['dd/mm/yyyy', '23/04/2024', 'dmy', '2024-04-23'],
    ['mm/dd/yyyy', '04/23/2024', 'mdy', '2024-04-23'],
    ['m/d/yyyy with 12h time', '3/5/2024 3:45 PM', 'mdy', '2024-03-05'],
    ['dd-mm-yyyy', '05-03-2024', 'dmy', '2024-03-05'],
    ['yy/mm/dd', '24/03/05', 'ymd', '2024-03-05'],
    ['two-digit year 69 is 1969', '01/02/69', 'dmy', '1969-02-01'],
    ['two-digit year 68 is 2068', '01/02/68', 'dmy', '2068-02-01'],
    ['numeric date without an order is not read', '05/03/2024', null, null],
    // Excel serials
    ['Excel serial number', 45356, null, '2024-03-05'],
    ['Excel serial with time fraction', 45356.75, null, '2024-03-05'],
    ['Excel serial as text', '45356', null, '2024-03-05'],
    ['Excel 1900-03-01 (serial 61)', 61, null, null], // below the accepted range: not a plausible visit date
    ['Excel 1901-01-01 (serial 367)', 367, null, '1901-01-01'],
    ['JS Date', new Date(2024, 2, 5, 12), null, '2024-03-05'],
    // invalid
    ['31 February', '31/02/2024', 'dmy', null],
    ['29 Feb non-leap year', '29.02.2023', 'dmy', null],
    ['29 Feb leap year', '29.02.2024', 'dmy', '2024-02-29'],
    ['month 13', '13/13/2024', 'dmy', null],
    ['ISO month 13', '2024-13-01', null, null],
    ['words', 'yesterday', 'dmy', null],
    ['empty', '', 'dmy', null],
    ['blank', '   ', 'dmy', null],
    ['null', null, 'dmy', null],
    ['boolean', true, 'dmy', null],
    ['a small number is not a serial', 42, null, null],
    ['a year alone is not a text serial', '2024', null, null],
    ['NaN', Number.NaN, null, null],
    ['Infinity', Number.POSITIVE_INFINITY, null, null],
    ['invalid Date', new Date('nope'), null, null],
    ['Date in year 10000', new Date(Date.UTC(10_000, 0, 1, 12)), null, null],
    ['Date in 1066', new Date(1066, 9, 14, 12), null, null],
  ])('%s: %j (%s) → %s', (_label, cell, order, expected) => {
    expect(parseDate(cell, order)).toBe(expected);
  });
});

describe('month names in six languages', () => {
  it.each<[string, string]>([
    // English
    ['March 5, 2024', '2024-03-05'],
    ['Mar 5, 2024 3:45 PM', '2024-03-05'],
    ['5 Mar 2024', '2024-03-05'],
    ['Tuesday, March 5th 2024 10:30', '2024-03-05'],
    ['05-Mar-24', '2024-03-05'],
    ['1st Sept 2023', '2023-09-01'],
    // German
    ['5. März 2024', '2024-03-05'],
    ['5. Maerz 2024', '2024-03-05'],
    ['Dienstag, 5. März 2024 um 10:00', '2024-03-05'],
    ['12. Dez. 2023', '2023-12-12'],
    ['3. Januar 2024', '2024-01-03'],
    ['3. Jänner 2024', '2024-01-03'],
    // French
    ['mardi 5 mars 2024', '2024-03-05'],
    ['1er août 2024', '2024-08-01'],
    ['5 févr. 2024', '2024-02-05'],
    ['5 mars 2024 à 14h30', '2024-03-05'],
    ['17 décembre 2023', '2023-12-17'],
    // Spanish
    ['5 de marzo de 2024', '2024-03-05'],
    ['martes, 5 de marzo de 2024', '2024-03-05'],
    ['12 ene 2024', '2024-01-12'],
    ['9 de septiembre de 2023', '2023-09-09'],
    // Italian
    ['5 marzo 2024', '2024-03-05'],
    ['martedì 5 marzo 2024', '2024-03-05'],
    ['12 gen 2024', '2024-01-12'],
    ['3 dicembre 2023 alle 9:15', '2023-12-03'],
    // Dutch
    ['5 maart 2024', '2024-03-05'],
    ['dinsdag 5 maart 2024', '2024-03-05'],
    ['12 mrt 2024', '2024-03-12'],
    ['1 mei 2024', '2024-05-01'],
    ['20 okt. 2023', '2023-10-20'],
    // year first
    ['2024 March 5', '2024-03-05'],
  ])('%s → %s', (text, expected) => {
    expect(parseDate(text, null)).toBe(expected);
    // A named month fixes the order, so the column's numeric order does not change it.
    expect(parseDate(text, 'mdy')).toBe(expected);
  });

  it.each(['31 February 2024', 'March 2024', 'March April 5 2024', '5 Smarch 2024', 'March 5 2024 extra words'])(
    'rejects %j',
    (text) => expect(parseDate(text, null)).toBeNull(),
  );
});

describe('inferDateColumn: the order is settled by all values, never guessed silently', () => {
  it('a first part > 12 anywhere in the column settles day-first for every row', () => {
    const values = [...Array.from({ length: 500 }, () => '03/04/2024'), '23/04/2024'];
    const column = inferDateColumn(values);
    expect(column.format).toBe('dmy');
    expect(column.decidedBy).toBe('values');
    expect(column.needsChoice).toBe(false);
    expect(column.ambiguousCount).toBe(500);
    expect(column.parse('03/04/2024')).toBe('2024-04-03');
  });

  it('a middle part > 12 settles month-first', () => {
    const column = inferDateColumn(['03/04/2024', '12/31/2023', '01/02/2024']);
    expect(column.format).toBe('mdy');
    expect(column.parse('03/04/2024')).toBe('2024-03-04');
    expect(column.parse('01/02/2024')).toBe('2024-01-02');
  });

  it('yy/mm/dd is settled when only that order fits (a first part that is no day)', () => {
    const column = inferDateColumn(['99/12/31', '32/01/15', '24/03/05']);
    expect(column.format).toBe('ymd');
    expect(column.parse('99/12/31')).toBe('1999-12-31');
    expect(column.parse('24/03/05')).toBe('2024-03-05');
  });

  it('counts the ambiguous rows and asks when every value reads both ways', () => {
    const column = inferDateColumn(['03/04/2024', '05/06/2024', '01/01/2024', '', null, '07/08/2024']);
    expect(column.needsChoice).toBe(true);
    expect(column.decidedBy).toBe('undecided');
    expect(column.format).toBeNull();
    expect(column.ambiguousCount).toBe(3); // 01/01 reads the same either way
    expect(column.filledCount).toBe(4);
    expect(column.example).toEqual({ value: '03/04/2024', dmy: '2024-04-03', mdy: '2024-03-04' });
    // Undecided: ambiguous values are not read, values that are the same both ways are.
    expect(column.parse('03/04/2024')).toBeNull();
    expect(column.parse('01/01/2024')).toBe('2024-01-01');
  });

  it('a yy/mm/dd column is read year-first when the owner chooses ymd', () => {
    // Three dates cannot show the spread that settles year-first ("24/03/05" is also 24 March 2005): the owner chooses.
    const values = ['24/03/05', '24/03/18', '23/11/30'];
    const column = inferDateColumn(values, 'ymd');
    expect(values.map((v) => column.parse(v))).toEqual(['2024-03-05', '2024-03-18', '2023-11-30']);
  });

  /** `days` dates from 1 March of each year in `years`, written with two-digit years in `order`. */
  function twoDigitYearDates(order: 'ymd' | 'dmy' | 'mdy', years: number[], days: number): string[] {
    const pad = (n: number) => String(n).padStart(2, '0');
    return years.flatMap((year) =>
      Array.from({ length: days }, (_, i) => {
        const date = new Date(Date.UTC(year, 2, 1 + i * 5));
        const [yy, mm, dd] = [pad(date.getUTCFullYear() % 100), pad(date.getUTCMonth() + 1), pad(date.getUTCDate())];
        return order === 'ymd' ? `${yy}/${mm}/${dd}` : order === 'dmy' ? `${dd}/${mm}/${yy}` : `${mm}/${dd}/${yy}`;
      }),
    );
  }

  it.each([
    { order: 'ymd' as const, years: [2023, 2024], format: 'ymd', decidedBy: 'year-first' },
    { order: 'ymd' as const, years: [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024], format: 'ymd', decidedBy: 'year-first' },
    { order: 'dmy' as const, years: [2023, 2024], format: 'dmy', decidedBy: 'values' },
    { order: 'dmy' as const, years: [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024], format: 'dmy', decidedBy: 'values' },
    { order: 'mdy' as const, years: [2023, 2024], format: 'mdy', decidedBy: 'values' },
  ])('a whole column of two-digit-year dates written $order over $years.length years is read $format', ({ order, years, format, decidedBy }) => {
    const values = twoDigitYearDates(order, years, 60);
    const column = inferDateColumn(values);
    expect(column).toMatchObject({ format, decidedBy, needsChoice: false, conflictCount: 0 });
    // Every value reads as the date it was written for.
    const expected = years.flatMap((year) => Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(year, 2, 1 + i * 5)).toISOString().slice(0, 10)));
    expect(values.map((v) => column.parse(v))).toEqual(expected);
  });

  it('a few yy/mm/dd dates cannot show their spread: they stay read day-first (choose year first to change it)', () => {
    const column = inferDateColumn(['24/03/05', '24/03/18', '23/11/30']);
    expect(column).toMatchObject({ format: 'dmy', decidedBy: 'values' });
  });

  it('one four-digit year in the column rules year-first out', () => {
    const values = [...twoDigitYearDates('ymd', [2023, 2024], 60), '05/03/2024'];
    expect(inferDateColumn(values).format).toBe('dmy');
  });

  it('the owner can settle an ambiguous column', () => {
    const values = ['03/04/2024', '05/06/2024'];
    expect(inferDateColumn(values, 'mdy').parse('03/04/2024')).toBe('2024-03-04');
    const dmy = inferDateColumn(values, 'dmy');
    expect(dmy.decidedBy).toBe('override');
    expect(dmy.needsChoice).toBe(false);
    expect(dmy.parse('03/04/2024')).toBe('2024-04-03');
  });

  it('an override that contradicts some values counts them as conflicts', () => {
    const column = inferDateColumn(['23/04/2024', '24/04/2024', '03/04/2024'], 'mdy');
    expect(column.conflictCount).toBe(2);
    expect(column.parse('23/04/2024')).toBeNull();
  });

  it('the majority wins when values contradict each other, and the rest are conflicts', () => {
    const column = inferDateColumn(['23/04/2024', '24/04/2024', '04/25/2024']);
    expect(column.format).toBe('dmy');
    expect(column.conflictCount).toBe(1);
    expect(column.parse('04/25/2024')).toBeNull();
  });

  it('dates that read the same either way need no choice', () => {
    const column = inferDateColumn(['01/01/2024', '02/02/2024']);
    expect(column.needsChoice).toBe(false);
    expect(column.decidedBy).toBe('symmetric');
    expect(column.parse('02/02/2024')).toBe('2024-02-02');
  });

  it('ISO, serials and month names need no order', () => {
    const column = inferDateColumn(['2024-03-05', 45356, '5 mars 2024']);
    expect(column.decidedBy).toBe('not-needed');
    expect(column.needsChoice).toBe(false);
    expect(column.parse(45356)).toBe('2024-03-05');
  });

  it('counts unreadable values', () => {
    const column = inferDateColumn(['23/04/2024', 'soon', '31/02/2024', '']);
    expect(column.unreadableCount).toBe(2);
    expect(column.filledCount).toBe(3);
  });

  it('an empty column is not a problem', () => {
    const column = inferDateColumn([]);
    expect(column.needsChoice).toBe(false);
    expect(column.filledCount).toBe(0);
  });
});

describe('readingsOf and isEmptyCell', () => {
  it('gives both readings of an ambiguous date', () => {
    expect(readingsOf('03/04/2024')).toEqual({ dmy: '2024-04-03', mdy: '2024-03-04', ymd: null });
    expect(readingsOf('2024-03-04')).toEqual({ dmy: '2024-03-04', mdy: '2024-03-04', ymd: '2024-03-04' });
    expect(readingsOf('nonsense')).toEqual({ dmy: null, mdy: null, ymd: null });
  });

  it.each<[Cell, boolean]>([
    [null, true],
    [undefined, true],
    ['', true],
    [' \t ', true],
    ['x', false],
    [0, false],
    [false, false],
  ])('isEmptyCell(%j) = %s', (cell, empty) => expect(isEmptyCell(cell)).toBe(empty));
});
