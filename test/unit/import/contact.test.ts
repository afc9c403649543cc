import { describe, expect, it } from 'vitest';
import {
  cellText,
  countryFromLocale,
  createPhoneNormalizer,
  formatPhoneForDisplay,
  joinName,
  normalizeEmail,
  normalizeName,
  normalizePhone,
  parseTags,
  parseYesNo,
  type CountryCode,
} from '../../../shared/import/contact';
import type { Cell } from '../../../shared/import/types';

describe('normalizePhone: E.164 with the shop country as default', () => {
  it.each<[string, CountryCode | undefined, string, boolean, boolean]>([
    ['0612 34 56 78', 'FR', '+33612345678', true, true],
    ['+33 6 12 34 56 78', 'FR', '+33612345678', true, false],
    ['+33 6 12 34 56 78', undefined, '+33612345678', true, false],
    ['0033 6 12 34 56 78', 'DE', '+33612345678', true, false],
    ['0049 30 1234567', undefined, '+49301234567', true, false],
    ['030 1234567', 'DE', '+49301234567', true, true],
    ['07700 900123', 'GB', '+447700900123', true, true],
    ['(020) 7946 0958', 'GB', '+442079460958', true, true],
    ['(415) 555-0132', 'US', '+14155550132', true, true],
    ['06-12345678', 'NL', '+31612345678', true, true],
    ['612 345 678', 'ES', '+34612345678', true, true],
    ['333 123 4567', 'IT', '+393331234567', true, true],
    // A spreadsheet turned "+44 7700 900123" into a number.
    ['447700900123', undefined, '+447700900123', true, false],
    // Not understood: kept as written (tidied), the owner may still recognise it.
    ['  call   Anna  ', 'GB', 'call Anna', false, false],
    ['12', 'GB', '12', false, false],
    ['0612 34 56 78', undefined, '0612 34 56 78', false, false],
  ])('%j (%s) → %s', (raw, country, phone, normalized, national) => {
    // national: read as the shop's country's number, because it was written without a country code.
    expect(normalizePhone(raw, country)).toEqual({ phone, normalized, national });
  });

  it('blank is no phone', () => {
    expect(normalizePhone('   ', 'GB')).toBeNull();
  });

  it('the cached normalizer gives the same answers', () => {
    const normalize = createPhoneNormalizer('FR');
    expect(normalize('0612 34 56 78')).toEqual(normalizePhone('0612 34 56 78', 'FR'));
    expect(normalize('0612 34 56 78')).toEqual({ phone: '+33612345678', normalized: true, national: true });
    expect(normalize('')).toBeNull();
  });

  it.each<[string, CountryCode | undefined, string]>([
    ['+447700900123', 'GB', '07700 900123'],
    ['+447700900123', 'FR', '+44 7700 900123'],
    ['+447700900123', undefined, '+44 7700 900123'],
    ['0612', 'FR', '0612'],
    ['+1', 'US', '+1'],
  ])('formatPhoneForDisplay(%j, %s) = %j', (phone, country, shown) => {
    expect(formatPhoneForDisplay(phone, country)).toBe(shown);
  });
});

describe('countryFromLocale', () => {
  it.each<[string, CountryCode | undefined]>([
    ['en-GB', 'GB'],
    ['en-US', 'US'],
    ['de-DE', 'DE'],
    ['de-CH', 'CH'],
    ['de_AT', 'AT'],
    ['fr', 'FR'],
    ['es', 'ES'],
    ['it', 'IT'],
    ['nl', 'NL'],
    ['en', undefined],
    ['xx-ZZ', undefined],
    ['', undefined],
  ])('%j → %s', (locale, country) => expect(countryFromLocale(locale)).toBe(country));
});

describe('normalizeEmail: lower-cased and checked', () => {
  it.each<[string, string | null]>([
    ['Anna@Example.COM', 'anna@example.com'],
    ['  anna.mueller@web.de  ', 'anna.mueller@web.de'],
    ['first.last+tag@sub.example.co.uk', 'first.last+tag@sub.example.co.uk'],
    ['Anna Müller <Anna@Example.com>', 'anna@example.com'],
    ['mailto:Info@Shop.FR', 'info@shop.fr'],
    ['a@x.com; b@y.com', 'a@x.com'],
    ['a@x.com, b@y.com', 'a@x.com'],
    ['not an email', null],
    ['anna@', null],
    ['@example.com', null],
    ['anna@example', null],
    ['anna@@example.com', null],
    ['anna@exa mple.com', null],
    ['anna@-example.com', null],
    ['', null],
    [`${'a'.repeat(250)}@x.com`, null],
  ])('%j → %j', (raw, email) => expect(normalizeEmail(raw)).toBe(email));
});

describe('names', () => {
  it.each<[string, string | null]>([
    ['  Anna   Müller ', 'Anna Müller'],
    ['Anna\tMüller', 'Anna Müller'],
    ['Jean-Luc Picard', 'Jean-Luc Picard'],
    ['Anna\u001b[31m Müller\u0007', 'Anna[31m Müller'],
    ['\u202egnp.exe', 'gnp.exe'],
    ['\u0000\u0001', null],
    ['Zoë\r\nSmith', 'Zoë Smith'],
    ['محمد', 'محمد'],
    ['   ', null],
    ['', null],
  ])('normalizeName(%j) = %j', (raw, name) => expect(normalizeName(raw)).toBe(name));

  it.each<[string | null, string | null, string | null]>([
    ['Anna', 'Müller', 'Anna Müller'],
    ['Anna', null, 'Anna'],
    [null, 'Müller', 'Müller'],
    ['', 'Müller', 'Müller'],
    [null, null, null],
  ])('joinName(%j, %j) = %j', (first, last, name) => expect(joinName(first, last)).toBe(name));
});

describe('yes/no, tags and cell text', () => {
  it.each<[Cell, boolean | null]>([
    ['yes', true],
    ['Ja', true],
    ['oui', true],
    ['sí', true],
    ['subscribed', true],
    ['TRUE', true],
    ['x', true],
    [1, true],
    [true, true],
    ['no', false],
    ['Nein', false],
    ['non', false],
    ['nee', false],
    ['unsubscribed', false],
    ['opted out', false],
    [0, false],
    [false, false],
    ['maybe', null],
    ['', null],
    [2, null],
  ])('parseYesNo(%j) = %s', (cell, answer) => expect(parseYesNo(cell)).toBe(answer));

  it.each<[string, string[]]>([
    ['VIP; wedding, regular', ['VIP', 'wedding', 'regular']],
    [' VIP | VIP |  ', ['VIP']],
    ['', []],
  ])('parseTags(%j)', (raw, tags) => expect(parseTags(raw)).toEqual(tags));

  it.each<[Cell, string]>([
    [null, ''],
    [undefined, ''],
    ['Anna', 'Anna'],
    [447700900123, '447700900123'],
    [true, 'TRUE'],
    [new Date(Date.UTC(2024, 2, 5)), '2024-03-05T00:00:00.000Z'],
    [new Date('nope'), ''],
  ])('cellText(%j) = %j', (cell, text) => expect(cellText(cell)).toBe(text));
});
