/**
 * Amounts in imported files, to integer cents. Which of `,` and `.` is the decimal mark is decided per
 * column from ALL its values: "1.234,50" or "12,50" anywhere shows a decimal comma. Values that could
 * go either way ("1.234") follow the column. An explicit choice by the owner always wins.
 *
 * Understood: currency symbols and codes before or after ("€", "CHF", "12,50 EUR"), thousands
 * separators `.` `,` space, no-break space and apostrophe (CHF 1'234.50), negatives as "-12,50",
 * "12.50-", "−12.50" or "(12.50)" (refunds), German whole amounts "12,-", and numbers from spreadsheet
 * cells. Fractions beyond cents are rounded half away from zero.
 */
import { perTextCache } from './per-text-cache';
import type { Cell, DecimalSeparator } from './types';
import { isEmptyCell } from './dates';

/** How a column's decimal mark was settled; 'numbers': every value is a spreadsheet number, which has none. */
export type DecimalDecision = 'override' | 'values' | 'numbers' | 'default';

export interface MoneyColumnInference {
  decimal: DecimalSeparator;
  decidedBy: DecimalDecision;
  /** Text values whose decimal mark is unambiguous, per mark. */
  evidence: Record<DecimalSeparator, number>;
  /** Values whose unambiguous mark is not the column's: they will be reported as bad amounts. */
  conflictCount: number;
  /** Non-empty values that are no amount at all. */
  unreadableCount: number;
  filledCount: number;
  /** Currency symbols and codes seen, as written ("€", "CHF"), at most a few. */
  currencies: string[];
}

export interface MoneyColumn extends MoneyColumnInference {
  /** Cents, or null when the value is empty or not an amount. */
  parse(cell: Cell): number | null;
}

/** What an amount's text looks like before the column's decimal mark is known. */
interface ScannedAmount {
  negative: boolean;
  /** Digits with `.` and `,` only (grouping spaces and apostrophes removed). */
  core: string;
  currency: string | null;
  /** Which mark this value proves to be decimal, 'grouped' when it is "1.234"-like, or 'none'. */
  evidence: DecimalSeparator | 'grouped' | 'none';
  /** For 'grouped': the mark used. */
  groupMark: DecimalSeparator | null;
}

/** Characters that only ever group digits. */
const GROUPING = new Set([' ', '\u00a0', '\u202f', '\u2009', "'", '’', '`']);
const MINUS = new Set(['-', '−', '–']);
const CURRENCY_TOKENS = new Set([
  '€', '$', '£', '¥', '₹', '₽', '₺', '₩', '₪', '₫', '฿', '₴', '₱', '₦', 'R$', 'US$', 'C$', 'A$', 'CA$', 'AU$',
  'NZ$', 'HK$', 'S$', 'KR', 'KR.', 'FR', 'FR.', 'SFR', 'SFR.', 'ZŁ', 'KČ', 'FT', 'LEI', 'EURO', 'EUROS', 'R',
]);
const ISO_CURRENCY = /^[A-Z]{3}$/;

function isCurrencyToken(text: string): boolean {
  const token = text.toUpperCase();
  return CURRENCY_TOKENS.has(token) || ISO_CURRENCY.test(token);
}

function otherMark(mark: DecimalSeparator): DecimalSeparator {
  return mark === ',' ? '.' : ',';
}

/** Reads the shape of an amount, or null when the text is not one amount. */
function scanAmount(raw: string): ScannedAmount | null {
  let text = raw.trim();
  let negative = false;
  if (text.length >= 2 && text.charCodeAt(0) === 40 /* ( */ && text.charCodeAt(text.length - 1) === 41 /* ) */) {
    negative = true;
    text = text.slice(1, -1);
  }
  let core = '';
  let before = '';
  let after = '';
  // 0: before the number, 1: inside it, 2: after it
  let state = 0;
  let signs = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (state === 2) return null;
      state = 1;
      core += ch;
    } else if (ch === '.' || ch === ',') {
      if (state === 2) after += ch;
      else {
        state = 1;
        core += ch;
      }
    } else if (GROUPING.has(ch)) {
      continue;
    } else if (MINUS.has(ch) || ch === '+') {
      const last = core.charCodeAt(core.length - 1);
      if (state === 1 && (last === 44 || last === 46) && MINUS.has(ch)) {
        // "12,-" / "12.–": a whole amount, not a negative one.
        core = core.slice(0, -1);
        state = 2;
        continue;
      }
      if (state === 1) state = 2;
      if (++signs > 1) return null;
      if (ch !== '+') negative = true;
    } else if (state === 0) {
      before += ch;
    } else {
      state = 2;
      after += ch;
    }
  }
  let currency: string | null = null;
  for (const part of [before, after]) {
    if (part === '') continue;
    if (!isCurrencyToken(part)) return null;
    currency = part;
  }
  if (core === '') {
    // Accounting formats show zero as a dash ("€ -").
    return signs === 1 ? { negative: false, core: '0', currency, evidence: 'none', groupMark: null } : null;
  }
  return { negative, core, currency, ...classifyMarks(core) };
}

function classifyMarks(core: string): Pick<ScannedAmount, 'evidence' | 'groupMark'> {
  const lastDot = core.lastIndexOf('.');
  const lastComma = core.lastIndexOf(',');
  if (lastDot < 0 && lastComma < 0) return { evidence: 'none', groupMark: null };
  if (lastDot >= 0 && lastComma >= 0) return { evidence: lastDot > lastComma ? '.' : ',', groupMark: null };
  const mark: DecimalSeparator = lastDot >= 0 ? '.' : ',';
  const last = Math.max(lastDot, lastComma);
  // The same mark twice can only be grouping ("1.234.567"): the decimal mark is the other one.
  if (core.indexOf(mark) !== last) return { evidence: otherMark(mark), groupMark: null };
  const digitsAfter = core.length - last - 1;
  const digitsBefore = last;
  if (digitsAfter === 3 && digitsBefore >= 1 && digitsBefore <= 3 && core.charCodeAt(0) !== 48) {
    return { evidence: 'grouped', groupMark: mark };
  }
  return { evidence: mark, groupMark: null };
}

/** The cents of a scanned amount, reading `decimal` as the decimal mark; null when it does not fit. */
function toCents(scanned: ScannedAmount, decimal: DecimalSeparator): number | null {
  const { core } = scanned;
  const grouping = otherMark(decimal);
  const point = core.indexOf(decimal);
  if (point !== core.lastIndexOf(decimal)) return null;
  const integer = point < 0 ? core : core.slice(0, point);
  const fraction = point < 0 ? '' : core.slice(point + 1);
  if (fraction.includes(grouping)) return null;
  let digits = integer;
  if (integer.includes(grouping)) {
    const groups = integer.split(grouping);
    const first = groups[0]!;
    if (first.length < 1 || first.length > 3) return null;
    for (let g = 1; g < groups.length; g++) {
      const size = groups[g]!.length;
      // Last group of three; middle groups of two or three (Indian lakh grouping 1,23,456).
      if (g === groups.length - 1 ? size !== 3 : size < 2 || size > 3) return null;
    }
    digits = groups.join('');
  }
  if (digits === '' && fraction === '') return null;
  if (digits.length > 13) return null;
  const whole = digits === '' ? 0 : Number(digits);
  let cents = whole * 100;
  if (fraction.length <= 2) cents += fraction === '' ? 0 : Number(fraction.padEnd(2, '0'));
  else cents += Number(fraction.slice(0, 2)) + (fraction.charCodeAt(2) >= 53 /* '5' */ ? 1 : 0);
  return scanned.negative && cents !== 0 ? -cents : cents;
}

/** Cents of a number cell, rounding away binary noise (1.005 is stored as 1.00499…, meant as 1.005). */
export function centsOfNumber(value: number): number | null {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e13) return null;
  const scaled = Number((Math.abs(value) * 100).toPrecision(15));
  const cents = Math.round(scaled);
  return value < 0 && cents !== 0 ? -cents : cents;
}

const SCAN_CACHE_LIMIT = 200_000;

/**
 * Looks at every value of a column to settle its decimal mark, and returns a parser for it.
 * `override` (the owner's explicit `,` or `.`) is always honoured.
 */
export function inferMoneyColumn(values: Iterable<Cell>, override?: DecimalSeparator | null): MoneyColumn {
  const scan = perTextCache(scanAmount, SCAN_CACHE_LIMIT);

  const evidence: Record<DecimalSeparator, number> = { ',': 0, '.': 0 };
  const grouped: Record<DecimalSeparator, number> = { ',': 0, '.': 0 };
  const currencies = new Set<string>();
  let unreadable = 0;
  let filled = 0;
  let numbers = 0;
  for (const cell of values) {
    if (isEmptyCell(cell)) continue;
    filled++;
    if (typeof cell === 'number') {
      numbers++;
      continue;
    }
    if (typeof cell !== 'string') {
      unreadable++;
      continue;
    }
    const scanned = scan(cell);
    if (scanned === null) {
      unreadable++;
      continue;
    }
    if (scanned.currency !== null && currencies.size < 5) currencies.add(scanned.currency);
    if (scanned.evidence === 'grouped') grouped[scanned.groupMark!]++;
    else if (scanned.evidence !== 'none') evidence[scanned.evidence]++;
  }

  let decimal: DecimalSeparator;
  let decidedBy: DecimalDecision;
  if (override) {
    decimal = override;
    decidedBy = 'override';
  } else if (evidence[','] !== evidence['.']) {
    decimal = evidence[','] > evidence['.'] ? ',' : '.';
    decidedBy = 'values';
  } else if (evidence[','] === 0 && grouped[','] + grouped['.'] > 0) {
    // Only "1.234"-like values: money rarely has three decimals, so the mark groups thousands.
    decimal = grouped['.'] >= grouped[','] ? ',' : '.';
    decidedBy = 'values';
  } else {
    decimal = '.';
    decidedBy = filled > 0 && numbers === filled ? 'numbers' : 'default';
  }

  const chosen = decimal;
  // Amounts repeat (prices of the same items): each distinct text is read to cents once per column.
  const centsOfText = perTextCache((text) => {
    const scanned = isEmptyCell(text) ? null : scan(text);
    return scanned === null ? null : toCents(scanned, chosen);
  }, SCAN_CACHE_LIMIT);
  const parse = (cell: Cell): number | null => {
    if (typeof cell === 'number') return centsOfNumber(cell);
    return typeof cell === 'string' ? centsOfText(cell) : null;
  };

  return {
    decimal,
    decidedBy,
    evidence,
    conflictCount: evidence[otherMark(decimal)],
    unreadableCount: unreadable,
    filledCount: filled,
    currencies: [...currencies],
    parse,
  };
}

/** One amount with a known decimal mark, to cents; null when empty or not an amount. */
export function parseMoney(cell: Cell, decimal: DecimalSeparator): number | null {
  if (typeof cell === 'number') return centsOfNumber(cell);
  if (typeof cell !== 'string' || isEmptyCell(cell)) return null;
  const scanned = scanAmount(cell);
  return scanned === null ? null : toCents(scanned, decimal);
}
