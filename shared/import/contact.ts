/**
 * People's details as they arrive from spreadsheets: phones to E.164 (so "0612 34 56 78" and
 * "+33 6 12 34 56 78" are one person), emails lower-cased and checked, names tidied. A phone that
 * cannot be understood is kept as written — the owner may still recognise it — while an email that is
 * not an email is dropped with a warning, since nothing could ever be sent to it.
 */
import { perTextCache } from './per-text-cache';
import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { tidyName } from '../domain/text';
import type { Cell } from './types';

export type { CountryCode };

/** Language-only locales whose country is clear enough to read local phone numbers. */
const COUNTRY_OF_LANGUAGE: Readonly<Record<string, CountryCode>> = {
  de: 'DE', fr: 'FR', es: 'ES', it: 'IT', nl: 'NL', pt: 'PT', pl: 'PL', sv: 'SE', da: 'DK', nb: 'NO',
  fi: 'FI', cs: 'CZ', el: 'GR', hu: 'HU', ro: 'RO', ja: 'JP', ko: 'KR',
};
const LOCALE = /^([a-z]{2,3})(?:[-_]([A-Za-z]{2}))?/;

/**
 * The country whose local phone numbers a shop with this locale writes: "en-GB" → GB, "de-DE" → DE,
 * "fr" → FR. Undefined when the locale does not say (plain "en"), so numbers are only read when they
 * carry their own +country code.
 */
export function countryFromLocale(locale: string): CountryCode | undefined {
  const m = LOCALE.exec(locale.trim());
  if (!m) return undefined;
  if (m[2]) {
    const region = m[2].toUpperCase();
    return isSupportedCountry(region) ? region : undefined;
  }
  return COUNTRY_OF_LANGUAGE[m[1]!.toLowerCase()];
}

/** A country as a phone number's owner knows it: "United Kingdom (+44)". */
export function phoneCountryName(country: CountryCode): string {
  let name: string = country;
  try {
    name = new Intl.DisplayNames('en', { type: 'region' }).of(country) ?? country;
  } catch {
    // No region names in this runtime: the code will do.
  }
  return `${name} (+${getCountryCallingCode(country)})`;
}

/** Text of a cell: spreadsheets hand phone numbers and ids over as numbers. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
}

export interface NormalizedPhone {
  /** E.164 ("+447700900123") when understood, else the text as written (tidied). */
  phone: string;
  normalized: boolean;
  /** Understood as a number of the shop's country: it was written without a country code. */
  national: boolean;
}

const DIGITS_ONLY = /^\d+$/;
const PHONE_NOISE = /[^\d+]/g;

/**
 * A phone number in E.164 when it can be understood with the shop's country as the default, else the
 * text as written. "0049 30 1234567" and "+49 30 1234567" both become "+49301234567".
 */
export function normalizePhone(raw: string, defaultCountry?: CountryCode): NormalizedPhone | null {
  const text = tidyName(raw);
  if (text === '') return null;
  let candidate = text.startsWith('00') ? `+${text.slice(2)}` : text;
  let parsed = tryParse(candidate, defaultCountry);
  let national = parsed !== null && defaultCountry !== undefined && !candidate.trimStart().startsWith('+');
  if (!parsed) {
    // Spreadsheets turn "+44 7700 900123" into the number 447700900123: try it as international.
    const digits = candidate.replace(PHONE_NOISE, '');
    if (DIGITS_ONLY.test(digits) && digits.length >= 10 && !candidate.startsWith('+')) {
      candidate = `+${digits}`;
      parsed = tryParse(candidate, undefined);
      national = false;
    }
  }
  return parsed ? { phone: parsed, normalized: true, national } : { phone: text, normalized: false, national: false };
}

/**
 * A stored phone number as the owner reads it: "+447700900123" is "07700 900123" in a British shop and
 * "+44 7700 900123" anywhere else. Anything we do not understand is shown exactly as stored.
 */
export function formatPhoneForDisplay(phone: string, shopCountry?: CountryCode): string {
  if (!phone.startsWith('+')) return phone;
  try {
    const number = parsePhoneNumberFromString(phone);
    if (!number || !number.isPossible()) return phone;
    const home = shopCountry !== undefined && number.countryCallingCode === getCountryCallingCode(shopCountry);
    return home ? number.formatNational() : number.formatInternational();
  } catch {
    return phone;
  }
}

function tryParse(text: string, defaultCountry: CountryCode | undefined): string | null {
  try {
    const number = parsePhoneNumberFromString(text, defaultCountry);
    return number && number.isPossible() ? number.number : null;
  } catch {
    return null;
  }
}

/** A cached phone normalizer for one import: customers' phones repeat on every visit row. */
export function createPhoneNormalizer(defaultCountry?: CountryCode): (raw: string) => NormalizedPhone | null {
  return perTextCache((raw) => normalizePhone(raw, defaultCountry));
}

/** Deliberately plain: one @, something before it, a dotted domain after it, no spaces. */
const EMAIL = /^[^\s@<>()[\],;:"]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;
const EMAIL_LIST_SEPARATOR = /[;,\s]+/;
const MAILTO = /^mailto:/i;
const ANGLE_ADDRESS = /<([^<>]+)>/;

/**
 * A lower-cased, checked email, or null when the text is not an email address. Takes the first of
 * several ("a@x.com; b@y.com") and the address out of "Anna <anna@x.com>".
 */
export function normalizeEmail(raw: string): string | null {
  let text = raw.trim();
  if (text === '') return null;
  const angle = ANGLE_ADDRESS.exec(text);
  if (angle) text = angle[1]!;
  text = text.replace(MAILTO, '').trim().toLowerCase();
  const first = text.split(EMAIL_LIST_SEPARATOR).find((part) => part !== '') ?? '';
  return first.length <= 254 && EMAIL.test(first) ? first : null;
}

/**
 * Characters no one types in a name: control codes (a terminal escape, a bell) and the bidirectional
 * overrides that make "\u202egnp.exe" display as "exe.png". Line breaks and tabs are whitespace.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** A name trimmed with inner whitespace collapsed and control characters removed; null when nothing is left. */
export function normalizeName(raw: string): string | null {
  const name = tidyName(raw.replace(INVISIBLE_CONTROLS, ''));
  return name === '' ? null : name;
}

/** "Anna" + "Müller" → "Anna Müller"; either part may be missing. */
export function joinName(first: string | null, last: string | null): string | null {
  const parts = [first, last].filter((p): p is string => p !== null && p !== '');
  return parts.length === 0 ? null : parts.join(' ');
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'ja', 'j', 'oui', 'o', 'si', 'sí', 'sim', 'wel', 'subscribed', 'opted in', 'opt in', 'opt-in', 'accepted', 'granted', 'abonniert', 'inscrit', 'iscritto', 'suscrito', 'aangemeld', '✓', '✔']);
const NO = new Set(['no', 'n', 'false', '0', 'nein', 'non', 'nee', 'niet', 'unsubscribed', 'not subscribed', 'opted out', 'opt out', 'opt-out', 'declined', 'denied', 'never subscribed', 'abgemeldet', 'desinscrit', '-', '✗', '✘']);

/** Yes/no answers in six languages and as tills write them ("subscribed", "TRUE", "x"). Null when unclear. */
export function parseYesNo(cell: Cell): boolean | null {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : null;
  const text = cellText(cell).trim().toLowerCase();
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return null;
}

const TAG_SEPARATOR = /[,;|]/;

/** "VIP; wedding, regular" → ["VIP", "wedding", "regular"] (trimmed, no duplicates, order kept). */
export function parseTags(raw: string): string[] {
  const tags: string[] = [];
  for (const part of raw.split(TAG_SEPARATOR)) {
    const tag = tidyName(part);
    if (tag !== '' && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}
