/**
 * Money is always an integer number of minor units ("cents") so sums never drift. These helpers
 * turn cents into text for people and the few things people type back into cents.
 */

/** Formats cents in the shop's currency and locale, e.g. 123456 → "€1,234.56" / "1.234,56 €". */
export function formatMoney(cents: number, currency: string, locale: string, options: { whole?: boolean } = {}): string {
  const digits = options.whole ? 0 : 2;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(cents / 100);
  } catch {
    // An unknown locale or currency code must never break a screen: fall back to plain numbers.
    return `${(cents / 100).toFixed(digits)} ${currency}`;
  }
}

/**
 * The ways a currency is written, in upper case: its code and its symbols ("EUR", "€"; "USD", "US$",
 * "$"), so a spreadsheet's "$12.50" can be told apart from the shop's own currency.
 */
export function currencyMarks(currency: string, locale: string): string[] {
  const marks = new Set([currency.toUpperCase()]);
  for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
    try {
      const part = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay }).formatToParts(0).find((p) => p.type === 'currency');
      if (part) marks.add(part.value.toUpperCase());
    } catch {
      // An unknown code: only the code itself.
    }
  }
  return [...marks];
}

/**
 * Reads an amount a person typed in a form ("12", "12.5", "12,50", "€ 7.20", "-3") into cents.
 * Returns null for anything that is not clearly one amount. A single `,` or `.` followed by one or
 * two digits is the decimal mark; grouping separators are not accepted here (forms take plain amounts;
 * spreadsheet imports have their own per-column parser).
 */
export function parseAmountInput(text: string): number | null {
  const cleaned = text.replace(/[\s€$£¥]|CHF|EUR|USD|GBP/gi, '');
  const m = /^([+-]?)(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!m) return null;
  const whole = Number(m[2]);
  const fraction = m[3] === undefined ? 0 : Number(m[3].padEnd(2, '0'));
  const cents = whole * 100 + fraction;
  return m[1] === '-' ? -cents : cents;
}
