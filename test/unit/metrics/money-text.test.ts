import { describe, expect, it } from 'vitest';
import { moneyFormatter } from '../../../shared/metrics/money-text';
import { formatMoney } from '../../../shared/domain/money';

/** Amounts in cents that stress rounding, grouping and the fallbacks (negative, half cents, huge). */
const AMOUNTS = [
  0, 1, 5, 99, 100, 101, 999, 1000, 99999, 100000, 123456, 1234567, 99999999, 100000000, 100100000, 100000100, 102003004, 123456789012,
  0.4, 0.5, 0.6, 1234.5, 1234.4999, 1234.50001, 99999.5, 99999.6, 4999.99, 123.456, 2.675 * 100, 1.005 * 100,
  -1, -0.4, -123456, -1234.5, Number.NaN, Number.POSITIVE_INFINITY,
];

describe('moneyFormatter', () => {
  const cases: [string, string][] = [
    ['EUR', 'en-GB'], ['GBP', 'en-GB'], ['USD', 'en-US'], ['EUR', 'de-DE'], ['EUR', 'fr-FR'], ['EUR', 'es-ES'],
    ['CHF', 'de-CH'], ['INR', 'en-IN'], ['JPY', 'ja-JP'], ['EUR', 'nl-NL'], ['SEK', 'sv-SE'], ['EGP', 'ar-EG'], ['XYZ1', 'en-GB'], ['EUR', 'not a locale!'],
  ];
  it.each(cases)('formats %s in %s exactly like formatMoney', (currency, locale) => {
    const money = moneyFormatter(currency, locale);
    for (const cents of AMOUNTS) expect(money(cents), `${cents} cents`).toBe(formatMoney(cents, currency, locale));
  });

  it('matches formatMoney on many random amounts, whole and fractional', () => {
    const money = moneyFormatter('EUR', 'en-GB');
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 20000; i++) {
      const cents = i % 2 === 0 ? Math.floor(random() * 10 ** (1 + (i % 9))) : random() * 10 ** (1 + (i % 9));
      expect(money(cents)).toBe(formatMoney(cents, 'EUR', 'en-GB'));
    }
  });

  it.each([
    // amounts asked of one formatter in this order: a text made for one amount is reused only for
    // amounts with the same whole number of cents, never for a neighbour or a tie Intl must decide
    [[1234.4, 1234.2, 1234.6, 1234.5, 1234.4]],
    [[99.5, 99.6, 100.4, 99.5]],
    [[0.4, -0.4, 0, 0.6, 0.2]],
    [[123456.7, 123457, 123456.49, 123456.51]],
  ])('reuses a text only for the same cents: %j', (amounts) => {
    const money = moneyFormatter('EUR', 'en-GB');
    for (const cents of amounts) expect(money(cents), `${cents} cents`).toBe(formatMoney(cents, 'EUR', 'en-GB'));
  });
});
