import { describe, expect, it } from 'vitest';
import { fingerprintOf, hash64 } from '../../../shared/import/fingerprint';
import { suggestMapping } from '../../../shared/import/headers';
import { mapRows } from '../../../shared/import/map-rows';
import type { Cell } from '../../../shared/import/types';

describe('hash64', () => {
  // Pinned: fingerprints are stored in shops' databases, so a changed hash would make every
  // earlier import look new and re-importing a file would duplicate its rows.
  it.each([
    ['', '488bdcb81aee8d83'],
    ['Regulars', '6d7bfd358e020100'],
  ])('hash64(%j) is stable', (text, hash) => expect(hash64(text)).toBe(hash));

  it('is 16 hex digits and spreads neighbouring inputs', () => {
    const hashes = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const hash = hash64(`row ${i}`);
      expect(hash).toMatch(/^[0-9a-f]{16}$/);
      hashes.add(hash);
    }
    expect(hashes.size).toBe(10_000);
  });
});

describe('fingerprintOf', () => {
  it('is stable for the same values', () => {
    expect(fingerprintOf('visits', ['anna', '2024-03-05', 1250])).toBe('610fe596d13d9e32');
    expect(fingerprintOf('visits', ['anna', '2024-03-05', 1250])).toBe(fingerprintOf('visits', ['anna', '2024-03-05', 1250]));
  });

  it.each<[string, Parameters<typeof fingerprintOf>, Parameters<typeof fingerprintOf>]>([
    ['value boundaries', ['visits', ['ab', 'c']], ['visits', ['a', 'bc']]],
    ['kind', ['visits', ['anna']], ['feedback', ['anna']]],
    ['order', ['visits', ['a', 'b']], ['visits', ['b', 'a']]],
    ['amount', ['visits', ['anna', 1250]], ['visits', ['anna', 1251]]],
    ['tags', ['customers', [['vip', 'x']]], ['customers', [['vipx']]]],
  ])('differs by %s', (_label, a, b) => expect(fingerprintOf(...a)).not.toBe(fingerprintOf(...b)));

  it('treats an empty value as empty, however the file wrote it', () => {
    expect(fingerprintOf('visits', ['anna', null])).toBe(fingerprintOf('visits', ['anna', '']));
  });
});

describe('row fingerprints from mapRows', () => {
  const visits = (header: string[], rows: Cell[][]) => {
    const result = mapRows({ header, rows }, suggestMapping(header).fields, 'visits', { dateFormat: 'dmy' });
    if (result.kind !== 'visits') throw new Error('expected visits');
    return result.rows.map((r) => r.fingerprint);
  };

  it('the same sale written two ways has the same fingerprint, so a re-import adds nothing', () => {
    const german = visits(['Datum', 'Kunde', 'E-Mail', 'Betrag'], [['05.03.2024', ' Anna  Müller', 'ANNA@X.DE', '1.234,50 €']]);
    const english = visits(['Date', 'Customer', 'Email', 'Amount'], [['2024-03-05', 'anna müller', 'anna@x.de', '1,234.50']]);
    expect(german).toEqual(english);
  });

  it('two identical rows in one file share a fingerprint (the import numbers the repeat)', () => {
    const [a, b, c] = visits(['Date', 'Customer', 'Amount'], [
      ['2024-03-05', 'Anna', '12.50'],
      ['2024-03-05', 'Anna', '12.50'],
      ['2024-03-05', 'Anna', '12.60'],
    ]);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });
});
