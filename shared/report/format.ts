/**
 * Text for the printed summary: numbers, money, months and changes in the shop's locale, and HTML
 * escaping. One formatter per kind per report, so a report with many rows does not rebuild them.
 */
import { countryFromLocale, formatPhoneForDisplay } from '../import/contact';
import { formatMoney } from '../domain/money';
import type { LocalDate, YearMonth } from '../domain/dates';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** Cuts text to `max` characters at a word boundary, with an ellipsis; collapses white space. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/** The shop's locale when the runtime knows it, else en-GB (a typo in Settings must not break printing). */
function usableLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en-GB';
  } catch {
    return 'en-GB';
  }
}

/** The minus sign people read in print (U+2212), not a hyphen. */
const MINUS = '\u2212';

export interface ReportFormat {
  locale: string;
  /** "+447700900123" → "07700 900123" in a British shop (see formatPhoneForDisplay). */
  phone(phone: string): string;
  /** 1234567 → "€12,345.67". */
  money(cents: number): string;
  /** 1234567 → "€12,346" (whole units, for totals and chart labels). */
  moneyWhole(cents: number): string;
  /** 12345 → "12,345". */
  count(n: number): string;
  /** 87.456 → "87.5%". */
  percent(p: number): string;
  /** "2026-10" → "October 2026". */
  month(month: YearMonth): string;
  /** "2026-10" → "Oct 2026". */
  shortMonth(month: YearMonth): string;
  /** "2026-10-05" → "5 Oct 2026". */
  date(date: LocalDate): string;
  /** "2026-10-05" → "5 Oct". */
  dayMonth(date: LocalDate): string;
}

const utcOf = (date: LocalDate) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) || 1);

export function reportFormat(localeSetting: string, currency: string): ReportFormat {
  const locale = usableLocale(localeSetting);
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const dates = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options });
  const longMonth = dates({ month: 'long', year: 'numeric' });
  const shortMonth = dates({ month: 'short', year: 'numeric' });
  const fullDate = dates({ day: 'numeric', month: 'short', year: 'numeric' });
  const dayMonth = dates({ day: 'numeric', month: 'short' });
  const shopCountry = countryFromLocale(localeSetting);
  return {
    locale,
    phone: (phone) => formatPhoneForDisplay(phone, shopCountry),
    money: (cents) => formatMoney(cents, currency, locale),
    moneyWhole: (cents) => formatMoney(cents, currency, locale, { whole: true }),
    count: (n) => whole.format(n).replace('-', MINUS),
    percent: (p) => `${oneDecimal.format(p)}%`.replace('-', MINUS),
    month: (m) => longMonth.format(utcOf(`${m}-01`)),
    shortMonth: (m) => shortMonth.format(utcOf(`${m}-01`)),
    date: (d) => fullDate.format(utcOf(d)),
    dayMonth: (d) => dayMonth.format(utcOf(d)),
  };
}

/** How a figure's change is measured: relative for amounts and counts, in points for rates and scores. */
export type ChangeKind = 'relative' | 'points' | 'stars';

/**
 * The change from `before` to `now` in words a shop owner reads at a glance: "+8%", "−3.5 pts",
 * "no change". "—" when either side is missing, or when a relative change has nothing to compare
 * with (before = 0).
 */
export function changeText(now: number | null, before: number | null, kind: ChangeKind, format: ReportFormat): string {
  if (now === null || before === null || !Number.isFinite(now) || !Number.isFinite(before)) return '—';
  let delta: number;
  let unit: string;
  let decimals: number;
  if (kind === 'relative') {
    if (before === 0) return '—';
    delta = ((now - before) / Math.abs(before)) * 100;
    unit = '%';
    decimals = Math.abs(delta) < 10 ? 1 : 0;
  } else if (kind === 'points') {
    delta = now - before;
    unit = ' pts';
    decimals = 1;
  } else {
    delta = now - before;
    unit = '';
    decimals = 1;
  }
  const rounded = Math.round(delta * 10 ** decimals) / 10 ** decimals;
  if (rounded === 0) return 'no change';
  const text = new Intl.NumberFormat(format.locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Math.abs(rounded));
  return `${rounded > 0 ? '+' : MINUS}${text}${unit}`;
}
