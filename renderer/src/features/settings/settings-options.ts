/** The choices Settings offers, with names in plain words. */
import { DATE_FORMATS, type Settings } from '../../../../shared/domain/settings';
import { formatLocalDate } from '../../lib/format';

export const CURRENCIES = ['EUR', 'GBP', 'USD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'RON', 'CAD', 'AUD', 'NZD', 'ZAR'] as const;

export const LOCALES = [
  'en-GB',
  'en-US',
  'en-IE',
  'en-CA',
  'en-AU',
  'de-DE',
  'de-AT',
  'de-CH',
  'fr-FR',
  'fr-BE',
  'fr-CH',
  'es-ES',
  'it-IT',
  'nl-NL',
  'nl-BE',
  'pt-PT',
  'da-DK',
  'sv-SE',
  'nb-NO',
  'fi-FI',
  'pl-PL',
  'cs-CZ',
] as const;

function displayName(type: 'currency' | 'language', code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Options for a select, keeping a value that is not in our list (set by an import or the CLI). */
function withCurrent(values: readonly string[], current: string): string[] {
  return values.includes(current) ? [...values] : [current, ...values];
}

export function currencyOptions(current: string): { value: string; label: string }[] {
  return withCurrent(CURRENCIES, current).map((code) => ({ value: code, label: `${code} — ${displayName('currency', code)}` }));
}

export function localeOptions(current: string): { value: string; label: string }[] {
  return withCurrent(LOCALES, current).map((code) => ({ value: code, label: `${displayName('language', code)} (${code})` }));
}

const EXAMPLE_DATE = '2026-03-31';

export function dateFormatOptions(locale: string): { value: Settings['dateFormat']; label: string }[] {
  const names: Record<Settings['dateFormat'], string> = {
    auto: 'As usual for the language',
    dmy: 'Day/month/year',
    mdy: 'Month/day/year',
    ymd: 'Year-month-day',
  };
  return DATE_FORMATS.map((value) => ({ value, label: `${names[value]} — ${formatLocalDate(EXAMPLE_DATE, { locale, dateFormat: value })}` }));
}
