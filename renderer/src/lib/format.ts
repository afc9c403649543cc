/**
 * Shaping numbers and dates for people, in the shop's currency and locale. Pure functions of the
 * settings, so they are easy to test and cheap to call in long lists.
 */
import { formatMoney } from '../../../shared/domain/money';
import { daysBetween, isLocalDate, type LocalDate } from '../../../shared/domain/dates';
import type { Settings } from '../../../shared/domain/settings';
import { countryFromLocale, formatPhoneForDisplay } from '../../../shared/import/contact';

export type DisplaySettings = Pick<Settings, 'currency' | 'locale' | 'dateFormat'>;

export interface Formatters {
  money(cents: number, options?: { whole?: boolean }): string;
  /** A calendar date, or an em dash for none. */
  date(date: LocalDate | null): string;
  /** A whole number with the locale's grouping, e.g. 12,345. */
  count(value: number): string;
  /** "today", "yesterday", "12 days ago"… relative to `today`. */
  ago(date: LocalDate | null, today: LocalDate): string;
  /** A stored phone number spaced for reading, national when it is the shop's own country. */
  phone(phone: string): string;
}

function safeNumberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, options);
  } catch {
    return new Intl.NumberFormat('en-GB', options);
  }
}

function safeDateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  } catch {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
  }
}

/**
 * A date as the owner asked: "auto" follows the locale ("31 Mar 2026", "Mar 31, 2026",
 * "31. März 2026"); dmy/mdy/ymd force that order with the locale's digits.
 */
export function formatLocalDate(date: LocalDate, settings: Pick<Settings, 'locale' | 'dateFormat'>): string {
  if (!isLocalDate(date)) return date;
  const [y, m, d] = date.split('-') as [string, string, string];
  switch (settings.dateFormat) {
    case 'dmy':
      return `${d}/${m}/${y}`;
    case 'mdy':
      return `${m}/${d}/${y}`;
    case 'ymd':
      return date;
    default: {
      // Noon UTC formatted in UTC: the calendar date can never shift with the machine's time zone.
      const instant = new Date(`${date}T12:00:00Z`);
      return safeDateFormat(settings.locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(instant);
    }
  }
}

/** "today", "yesterday", "3 days ago", "in 2 days", in the shop's language where Intl knows it. */
export function formatDaysAgo(date: LocalDate, today: LocalDate, locale: string): string {
  if (!isLocalDate(date) || !isLocalDate(today)) return '';
  const days = daysBetween(date, today);
  let rtf: Intl.RelativeTimeFormat;
  try {
    rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  } catch {
    rtf = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });
  }
  if (Math.abs(days) < 60) return rtf.format(-days, 'day');
  if (Math.abs(days) < 730) return rtf.format(-Math.round(days / 30.44), 'month');
  return rtf.format(-Math.round(days / 365.25), 'year');
}

export function makeFormatters(settings: DisplaySettings): Formatters {
  const counter = safeNumberFormat(settings.locale, { maximumFractionDigits: 0 });
  const shopCountry = countryFromLocale(settings.locale);
  return {
    money: (cents, options = {}) => formatMoney(cents, settings.currency, settings.locale, options),
    date: (date) => (date === null ? '—' : formatLocalDate(date, settings)),
    count: (value) => counter.format(value),
    ago: (date, today) => (date === null ? '' : formatDaysAgo(date, today, settings.locale)),
    phone: (phone) => formatPhoneForDisplay(phone, shopCountry),
  };
}

/** Cents as the owner would type them back into a form ("12.50"), for editing an amount. */
export function centsToInput(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** NPS groups, by the standard definition: 9–10 promoter, 7–8 passive, 0–6 detractor. */
export function npsGroup(nps: number): 'promoter' | 'passive' | 'detractor' {
  if (nps >= 9) return 'promoter';
  if (nps >= 7) return 'passive';
  return 'detractor';
}

/** Initials for an avatar: "Anna Smith" → "AS", "Zoë" → "Z". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
