import { describe, expect, it } from 'vitest';
import { detectKind } from '../../../shared/import/detect-kind';
import { suggestMapping } from '../../../shared/import/headers';
import type { Cell, ImportKind, SourceTable } from '../../../shared/import/types';

/** Detects a table's kind from its headers the way the import screen does. */
function kindOf(header: string[], rows: Cell[][]) {
  const table: SourceTable = { header, rows };
  const mapping = suggestMapping(header);
  return detectKind(table, mapping.fields, mapping.layout);
}

const PEOPLE = ['Anna Müller', 'Ben Okafor', 'Chloé Martin', 'Dev Patel', 'Eva Novak', 'Finn Berg'];

/** n rows where each of `people` comes back several times. */
function repeating(n: number, row: (i: number, person: string) => Cell[]): Cell[][] {
  return Array.from({ length: n }, (_, i) => row(i, PEOPLE[i % 3]!));
}

describe('detectKind', () => {
  it.each<[string, string[], Cell[][], ImportKind]>([
    [
      'a customer list (no date, one row per person)',
      ['Name', 'Email', 'Phone', 'Birthday'],
      PEOPLE.map((p, i) => [p, `p${i}@example.com`, `0770090012${i}`, '1990-01-01']),
      'customers',
    ],
    [
      'a German customer list with consent',
      ['Kunde', 'E-Mail', 'Newsletter'],
      PEOPLE.map((p, i) => [p, `k${i}@example.de`, 'ja']),
      'customers',
    ],
    [
      'sales where people come back',
      ['Date', 'Customer', 'Amount'],
      repeating(12, (i, p) => [`2024-03-${String(i + 1).padStart(2, '0')}`, p, '12.50']),
      'visits',
    ],
    [
      'French sales',
      ['Date', 'Client', 'Montant', 'Prestation'],
      repeating(9, (i, p) => [`0${(i % 9) + 1}/04/2024`, p, '35,00', 'Coupe']),
      'visits',
    ],
    [
      'feedback answers with a score',
      ['Date', 'Name', 'NPS', 'Comment'],
      PEOPLE.map((p, i) => ['2024-03-05', p, i, 'ok']),
      'feedback',
    ],
    [
      'star ratings',
      ['Datum', 'Bewertung', 'Kommentar'],
      PEOPLE.map((_p, i) => ['05.03.2024', (i % 5) + 1, 'gut']),
      'feedback',
    ],
  ])('%s → %s', (_label, header, rows, kind) => {
    const guess = kindOf(header, rows);
    expect(guess.kind).toBe(kind);
    expect(guess.confidence).toBeGreaterThan(0);
    expect(guess.confidence).toBeLessThanOrEqual(1);
    expect(guess.reasons.length).toBeGreaterThan(0);
    for (const reason of guess.reasons) expect(reason).toMatch(/^[A-Z].*\.$/);
  });

  it('a known layout settles the kind with high confidence', () => {
    const header = ['Date', 'Time', 'Total Collected', 'Transaction ID', 'Customer Name'];
    const guess = kindOf(header, [['2024-03-05', '10:00', '12.50', 'T1', 'Anna']]);
    expect(guess.kind).toBe('visits');
    expect(guess.confidence).toBeGreaterThanOrEqual(0.9);
    expect(guess.reasons[0]).toBe('The columns match a Square transactions export.');
  });

  it('people repeating across rows point to visits even without an amount', () => {
    const header = ['Date', 'Name', 'Email'];
    const rows = repeating(10, (i, p) => [`2024-03-${String(i + 1).padStart(2, '0')}`, p, `${p.split(' ')[0]}@x.com`]);
    const guess = kindOf(header, rows);
    expect(guess.kind).toBe('visits');
    expect(guess.reasons).toContain('The same people appear on several rows, so each row is a visit or sale.');
  });

  it('nothing recognised: zero confidence, so the screen asks', () => {
    const guess = kindOf(['Foo', 'Bar'], [['1', '2']]);
    expect(guess.confidence).toBe(0);
    expect(guess.reasons).toContain('No column was recognised, so please say what each row is.');
  });
});
