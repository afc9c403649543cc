import { describe, expect, it } from 'vitest';
import { parseAmountInput } from '../../shared/domain/money';
import { centsToInput, formatDaysAgo, formatLocalDate, initials, makeFormatters, npsGroup } from '../../renderer/src/lib/format';

describe('money in the shop’s currency and locale', () => {
  it.each([
    ['en-GB', 'EUR', 1250, '€12.50'],
    ['en-GB', 'GBP', 123456, '£1,234.56'],
    ['en-US', 'USD', -500, '-$5.00'],
    ['de-DE', 'EUR', 123456, '1.234,56\u00a0€'],
    ['fr-FR', 'EUR', 123456, '1\u202f234,56\u00a0€'],
    ['de-CH', 'CHF', 1250, 'CHF\u00a012.50'],
  ])('%s %s %i → %s', (locale, currency, cents, expected) => {
    expect(makeFormatters({ locale, currency, dateFormat: 'auto' }).money(cents)).toBe(expected);
  });

  it('can drop the cents for big totals', () => {
    expect(makeFormatters({ locale: 'en-GB', currency: 'EUR', dateFormat: 'auto' }).money(6867850, { whole: true })).toBe('€68,679');
  });

  it('never throws on an unknown locale', () => {
    expect(makeFormatters({ locale: 'xx-INVALID', currency: 'EUR', dateFormat: 'auto' }).count(1234)).toMatch(/1.?234/);
  });
});

describe('amounts typed into a form and shown back for editing', () => {
  it.each([
    ['12,50', 1250],
    ['12.5', 1250],
    ['12', 1200],
    ['€ 7.20', 720],
    ['-3', -300],
    ['12,505', null],
    ['1.234,56', null],
    ['abc', null],
    ['', null],
  ])('“%s” → %s cents', (typed, cents) => {
    expect(parseAmountInput(typed)).toBe(cents);
  });

  it.each([0, 5, 1250, 99999, -1, -1250])('%i cents round-trips through the edit box', (cents) => {
    expect(parseAmountInput(centsToInput(cents))).toBe(cents);
  });
});

describe('dates as the owner asked for them', () => {
  it.each([
    ['auto', 'en-GB', '31 Mar 2026'],
    ['auto', 'en-US', 'Mar 31, 2026'],
    ['auto', 'de-DE', '31. März 2026'],
    ['dmy', 'en-US', '31/03/2026'],
    ['mdy', 'en-GB', '03/31/2026'],
    ['ymd', 'fr-FR', '2026-03-31'],
  ] as const)('%s in %s', (dateFormat, locale, expected) => {
    expect(formatLocalDate('2026-03-31', { dateFormat, locale })).toBe(expected);
  });

  it('never shifts the day, whatever the machine’s time zone', () => {
    // Formatting happens at noon UTC in UTC; the first of January stays the first of January.
    expect(formatLocalDate('2026-01-01', { dateFormat: 'auto', locale: 'en-GB' })).toBe('1 Jan 2026');
  });

  it('shows none as a dash', () => {
    expect(makeFormatters({ locale: 'en-GB', currency: 'EUR', dateFormat: 'auto' }).date(null)).toBe('—');
  });

  it.each([
    ['2026-11-23', 'today'],
    ['2026-11-22', 'yesterday'],
    ['2026-11-10', '13 days ago'],
    ['2026-08-23', '3 months ago'],
    ['2024-11-23', '2 years ago'],
  ])('%s is “%s” on 2026-11-23', (date, expected) => {
    expect(formatDaysAgo(date, '2026-11-23', 'en-GB')).toBe(expected);
  });
});

describe('small helpers', () => {
  it.each([
    [0, 'detractor'],
    [6, 'detractor'],
    [7, 'passive'],
    [8, 'passive'],
    [9, 'promoter'],
    [10, 'promoter'],
  ] as const)('NPS %i is a %s', (score, group) => {
    expect(npsGroup(score)).toBe(group);
  });

  it.each([
    ['Anna Smith', 'AS'],
    ['Zoë', 'Z'],
    ['  jean  paul  gaultier ', 'JG'],
  ])('initials of %s', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});

describe('phone numbers spaced for reading', () => {
  it.each([
    ['en-GB', '+447700900123', '07700 900123'],
    ['en-US', '+447700900123', '+44 7700 900123'],
    ['de-DE', '+493012345678', '030 12345678'],
    ['fr-FR', '+33612345678', '06 12 34 56 78'],
    ['en', '+33612345678', '+33 6 12 34 56 78'],
    // Not something we understand: shown exactly as stored, never mangled.
    ['en-GB', 'ask at the till', 'ask at the till'],
    ['en-GB', '0161 496 0000', '0161 496 0000'],
    ['en-GB', '+12', '+12'],
  ])('%s: %s → %s', (locale, stored, shown) => {
    expect(makeFormatters({ locale, currency: 'EUR', dateFormat: 'auto' }).phone(stored)).toBe(shown);
  });
});
