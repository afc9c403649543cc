import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../shared/import/headers';
import { checkMapping, mapRows, parseScore, type MapOptions } from '../../../shared/import/map-rows';
import type { Cell, ImportField, ImportKind } from '../../../shared/import/types';

/** Maps a table with the suggested columns, as the import does before the owner changes anything. */
function map(kind: ImportKind, header: string[], rows: Cell[][], options: MapOptions = {}, rowNumbers?: number[]) {
  return mapRows({ header, rows, rowNumbers }, suggestMapping(header).fields, kind, options);
}

/** Messages must read as plain sentences: no code words leaking through. */
function expectPlainSentence(message: string): void {
  expect(message).toMatch(/^[A-Z].*[.?]$/s);
  expect(message).not.toMatch(/undefined|null|NaN|\[object|Error:|at .*\.ts/);
}

describe('customers', () => {
  it('joins first and last names, lower-cases emails, normalizes phones and reads the rest', () => {
    const result = map(
      'customers',
      ['Kundennummer', 'Vorname', 'Nachname', 'E-Mail', 'Tel.', 'Geburtsdatum', 'Gruppe', 'Newsletter', 'Notiz'],
      [['K-1', ' Anna ', 'Müller', 'Anna@Example.DE', '030 1234567', '23.04.1990', 'VIP; Stammkunde', 'ja', ' mag Roggen ']],
      { defaultCountry: 'DE' },
    );
    expect(result.blockers).toEqual([]);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({
      row: 2,
      customer: {
        externalRef: 'K-1',
        name: 'Anna Müller',
        email: 'anna@example.de',
        phone: '+49301234567',
        birthday: '1990-04-23',
        notes: 'mag Roggen',
        tags: ['VIP', 'Stammkunde'],
        marketingConsent: true,
      },
    });
    expect(result.columns.find((c) => c.field === 'phone')?.phones).toEqual({ normalized: 1, keptAsWritten: 0, national: 1 });
  });

  it('drops a bad email with a warning naming row and column, and keeps the customer', () => {
    const result = map('customers', ['Name', 'E-Mail'], [['Anna', 'anna@'], ['Ben', 'ben@x.com']]);
    expect(result.rows.map((r) => r.customer?.email)).toEqual([null, 'ben@x.com']);
    expect(result.warnings).toEqual([
      { row: 2, column: 'E-Mail', severity: 'warning', message: "Row 2, column E-Mail: 'anna@' is not an email address; it is left out." },
    ]);
    expect(result.rowErrors).toEqual([]);
  });

  it('a row without any name is an error for that row only', () => {
    const result = map('customers', ['Name', 'Notes'], [['', 'no name here'], ['Ben', '']]);
    expect(result.rows.map((r) => r.customer?.name)).toEqual(['Ben']);
    expect(result.rowsSkipped).toBe(1);
    expect(result.rowErrors[0]).toMatchObject({
      row: 2,
      column: null,
      severity: 'error',
      message: 'Row 2: there is no name, so this customer cannot be added.',
    });
  });

  it('skips blank rows without counting them', () => {
    const result = map('customers', ['Name'], [['Anna'], ['  '], [null], [], ['Ben']]);
    expect(result.rowsRead).toBe(2);
    expect(result.rows.map((r) => r.row)).toEqual([2, 6]);
  });

  it('needs a name column', () => {
    const result = map('customers', ['Email'], [['a@x.com']]);
    expect(result.rows).toEqual([]);
    expect(result.blockers).toEqual([
      { type: 'missing-field', kind: 'customers', fields: ['name', 'firstName', 'lastName'], message: 'Choose a column that holds the name, first name or last name.' },
    ]);
  });
});

describe('visits', () => {
  const header = ['Date', 'Customer', 'Phone', 'Amount', 'Service', 'Stylist', 'Payment'];

  it('reads dates and amounts per column, as they will be stored', () => {
    const result = map(
      'visits',
      header,
      [
        ['23/04/2024', 'Anna', '07700 900123', '£1,234.50', 'Cut', 'Zoe', 'Card'],
        ['03/04/2024', 'Ben', '', '(12.50)', '', '', ''],
        ['5 Apr 2024', 'Anna', '07700 900123', '', 'Colour', 'Zoe', 'Cash'],
      ],
      { defaultCountry: 'GB' },
    );
    expect(result.blockers).toEqual([]);
    if (result.kind !== 'visits') throw new Error('kind');
    expect(result.rows.map((r) => [r.date, r.amountCents, r.customer.name, r.customer.phone, r.items, r.staff, r.paymentMethod])).toEqual([
      ['2024-04-23', 123_450, 'Anna', '+447700900123', 'Cut', 'Zoe', 'Card'],
      ['2024-04-03', -1250, 'Ben', null, '', null, null],
      ['2024-04-05', 0, 'Anna', '+447700900123', 'Colour', 'Zoe', 'Cash'],
    ]);
    const dateReport = result.columns[0]!.date!;
    expect(dateReport).toMatchObject({ format: 'dmy', decidedBy: 'values', ambiguousCount: 1 });
    expect(result.columns[3]!.money).toMatchObject({ decimal: '.', currencies: ['£'] });
    expect(result.preview.map((p) => p.record?.row)).toEqual([2, 3, 4]);
  });

  it('names bad rows by their spreadsheet row number and column, in plain words', () => {
    const rows: Cell[][] = [
      ['31/02/2024', 'Anna', '', '12,50', '', '', ''],
      ['05/13/2024', 'Ben', '', '12,50', '', '', ''],
      ['23/04/2024', '', '', '12,50', '', '', ''],
      ['24/04/2024', 'Dev', '', 'twelve', '', '', ''],
      ['25/04/2024', 'Eva', '', '1.234,50', '', '', ''],
      ['', 'Finn', '', '3,00', '', '', ''],
    ];
    const result = map('visits', header, rows, {}, [1204, 1205, 1206, 1207, 1208, 1209]);
    expect(result.rowErrors.map((e) => [e.row, e.column, e.message])).toEqual([
      [1204, 'Date', "Row 1,204, column Date: '31/02/2024' is not a date."],
      [1205, 'Date', "Row 1,205, column Date: '05/13/2024' is not a date in day/month/year order like the rest of the column."],
      [1206, null, 'Row 1,206: there is no customer name, email, phone or id to attach this visit to.'],
      [1207, 'Amount', "Row 1,207, column Amount: 'twelve' is not an amount."],
      [1209, 'Date', 'Row 1,209, column Date: there is no date.'],
    ]);
    expect(result.rowsRead).toBe(6);
    expect(result.rowsSkipped).toBe(5);
    expect(result.errorCount).toBe(5);
    if (result.kind !== 'visits') throw new Error('kind');
    expect(result.rows.map((r) => [r.row, r.amountCents])).toEqual([[1208, 123_450]]);
    for (const error of result.rowErrors) expectPlainSentence(error.message);
  });

  it.each([
    { kind: 'visits' as const, header: ['Date', 'Customer', 'Amount'], cells: ['14/02/2024', 'Smith', ' John', '12.50'], column: 4, value: "'12.50'" },
    { kind: 'customers' as const, header: ['Name', 'Email'], cells: ['Hart', ' Ivy', 'ivy@example.com'], column: 3, value: "'ivy@example.com'" },
  ])('a $kind row with a value beyond the last named column is left out, never read shifted', ({ kind, header, cells, column, value }) => {
    const result = map(kind, header, [cells]);
    expect(result.rows).toEqual([]);
    expect(result.rowsSkipped).toBe(1);
    expect(result.rowErrors).toHaveLength(1);
    expect(result.rowErrors[0]).toMatchObject({ row: 2, column: null, severity: 'error' });
    expect(result.rowErrors[0]!.message).toContain(`Row 2: there is a value in column ${column}, which has no header (${value})`);
    expectPlainSentence(result.rowErrors[0]!.message);
    expect(result.preview[0]).toMatchObject({ row: 2, record: null });
  });

  it('empty cells beyond the last named column (trailing separators) are no problem', () => {
    const result = map('visits', ['Date', 'Customer', 'Amount'], [['14/02/2024', 'Ivy Hart', '12.50', '', '  ', null]]);
    expect(result.rowErrors).toEqual([]);
    expect(result.rows).toHaveLength(1);
  });

  it('quotes long values shortly, on one line', () => {
    const long = `${'x'.repeat(200)}\nsecond line`;
    const result = map('visits', ['Date', 'Customer'], [[long, 'Anna']]);
    const message = result.rowErrors[0]!.message;
    expect(message).toBe(`Row 2, column Date: '${'x'.repeat(57)}...' is not a date.`);
  });

  it('an ambiguous date column blocks the import and says how many rows, with an example', () => {
    const rows: Cell[][] = [
      ['03/04/2024', 'Anna', '', '12.50', '', '', ''],
      ['05/06/2024', 'Ben', '', '12.50', '', '', ''],
      ['01/01/2024', 'Chloé', '', '12.50', '', '', ''],
    ];
    const result = map('visits', header, rows);
    expect(result.rows).toEqual([]);
    expect(result.blockers).toEqual([
      {
        type: 'date-format',
        column: 0,
        header: 'Date',
        ambiguousCount: 2,
        example: { value: '03/04/2024', dmy: '2024-04-03', mdy: '2024-03-04' },
        message:
          "Column Date: 2 rows could be read as day/month or month/day. For example, '03/04/2024' could be 2024-04-03 or 2024-03-04. Please choose the date format.",
      },
    ]);
    // The preview still shows the rows, with nothing stored.
    expect(result.preview.map((p) => [p.row, p.record])).toEqual([[2, null], [3, null], [4, null]]);
    expect(result.rowsRead).toBe(3);

    // Once the owner answers, every row is read in that order.
    for (const [options, first] of [
      [{ dateFormat: 'mdy' }, '2024-03-04'],
      [{ columnDateFormats: { 0: 'dmy' } }, '2024-04-03'],
      [{ dateFormat: 'mdy', columnDateFormats: { 0: 'dmy' } }, '2024-04-03'],
    ] as const) {
      const answered = map('visits', header, rows, options);
      expect(answered.blockers).toEqual([]);
      if (answered.kind !== 'visits') throw new Error('kind');
      expect(answered.rows[0]!.date).toBe(first);
    }
  });

  it('an ambiguous birthday column blocks too', () => {
    const result = map('customers', ['Name', 'Birthday'], [['Anna', '03/04/1990']]);
    expect(result.blockers.map((b) => b.type)).toEqual(['date-format']);
    expect(result.blockers[0]!.message).toMatch(/^Column Birthday: 1 row could be read/);
  });

  it('the owner can set the decimal mark', () => {
    const result = map('visits', ['Date', 'Customer', 'Amount'], [['2024-03-05', 'Anna', '1.234']], { decimal: '.' });
    if (result.kind !== 'visits') throw new Error('kind');
    expect(result.rows[0]!.amountCents).toBe(123);
    const inferred = map('visits', ['Date', 'Customer', 'Amount'], [['2024-03-05', 'Anna', '1.234']]);
    if (inferred.kind !== 'visits') throw new Error('kind');
    expect(inferred.rows[0]!.amountCents).toBe(123_400);
  });

  it.each<[string, string[], string[]]>([
    ['no date', ['Customer', 'Amount'], ['Choose the column that holds the date.']],
    ['nobody', ['Date', 'Amount'], ['Choose a column that holds the name, first name, last name, email, phone or customer id.']],
    ['neither', ['Amount'], ['Choose the column that holds the date.', 'Choose a column that holds the name, first name, last name, email, phone or customer id.']],
  ])('missing columns block: %s', (_label, header, messages) => {
    const result = map('visits', header, [header.map(() => '1')]);
    expect(result.blockers.map((b) => b.message)).toEqual(messages);
    expect(result.rows).toEqual([]);
  });

  it('counts every problem but keeps at most maxProblems in the list', () => {
    const rows: Cell[][] = Array.from({ length: 50 }, () => ['not a date', 'Anna']);
    const result = map('visits', ['Date', 'Customer'], rows, { maxProblems: 10, previewRows: 5 });
    expect(result.errorCount).toBe(50);
    expect(result.rowErrors).toHaveLength(10);
    expect(result.preview).toHaveLength(5);
    expect(result.rowsSkipped).toBe(50);
  });

  it('ignores columns mapped to fields a visit does not use', () => {
    const fields: ImportField[] = ['date', 'name', 'nps'];
    const result = mapRows({ header: ['Date', 'Name', 'NPS'], rows: [['2024-03-05', 'Anna', 'eleven']] }, fields, 'visits');
    expect(result.warnings).toEqual([]);
    expect(result.rows).toHaveLength(1);
  });
});

describe('feedback', () => {
  it('reads scores, ratings and comments; anonymous answers have no customer', () => {
    const result = map(
      'feedback',
      ['Date', 'Name', 'NPS', 'Rating', 'Comment'],
      [
        ['2024-03-05', 'Anna', '9', '★★★★☆', 'Lovely bread'],
        ['2024-03-06', '', 10, '5 stars', ''],
        ['2024-03-07', 'Ben', '11', '', ''],
        ['2024-03-08', 'Chloé', '', '', 'Too slow'],
      ],
    );
    if (result.kind !== 'feedback') throw new Error('kind');
    expect(result.rows.map((r) => [r.row, r.customer?.name ?? null, r.nps, r.rating, r.comment])).toEqual([
      [2, 'Anna', 9, 4, 'Lovely bread'],
      [3, null, 10, 5, ''],
      [5, 'Chloé', null, null, 'Too slow'],
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual(["Row 4, column NPS: '11' is not a whole number from 0 to 10; it is left out."]);
    expect(result.rowErrors.map((e) => e.message)).toEqual(['Row 4: there is no score, rating or comment.']);
  });

  it('needs a date and a score, rating or comment column', () => {
    expect(checkMapping(['name'], 'feedback').map((b) => b.message)).toEqual([
      'Choose the column that holds the date.',
      'Choose a column that holds the score (0–10), rating (1–5) or comment.',
    ]);
  });
});

describe('parseScore', () => {
  it.each<[Cell, number, number, number | null]>([
    [9, 0, 10, 9],
    ['9', 0, 10, 9],
    ['9/10', 0, 10, 9],
    ['9.0', 0, 10, 9],
    ['4 stars', 1, 5, 4],
    ['4 Sterne', 1, 5, 4],
    ['4 sur 5', 1, 5, 4],
    ['★★★☆☆', 1, 5, 3],
    ['0', 0, 10, 0],
    ['0', 1, 5, null],
    ['11', 0, 10, null],
    [9.5, 0, 10, null],
    ['9.5', 0, 10, null],
    ['great', 0, 10, null],
    ['', 0, 10, null],
    [null, 0, 10, null],
  ])('parseScore(%j, %s, %s) = %s', (cell, min, max, score) => expect(parseScore(cell, min, max)).toBe(score));
});
