/**
 * Row fingerprints: a stable 64-bit hash of a row's normalized mapped values, so importing the same
 * spreadsheet row twice finds the same key. Pure JavaScript (shared/ has no node:crypto); this is not
 * a security hash, only a well-spread one. Two 32-bit lanes with cyrb53's mixing give 64 bits, which
 * keeps accidental collisions negligible even across millions of rows.
 */

/** Separates values so ("ab", "c") and ("a", "bc") hash differently; never typed in a spreadsheet. */
const UNIT_SEPARATOR = '\u001f';

/** The two 32-bit lanes before the final mix; hashing runs over them so values need no joined string. */
interface Lanes {
  h1: number;
  h2: number;
}

const SEED1 = 0xdeadbeef;
const SEED2 = 0x41c6ce57;

/** Feeds a string's UTF-16 code units into the lanes, exactly as hashing the joined text would. */
function feed(lanes: Lanes, text: string): void {
  let { h1, h2 } = lanes;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  lanes.h1 = h1;
  lanes.h2 = h2;
}

/** Character codes of "0".."9a".."f". */
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/**
 * The final mix of both lanes, as 16 hex digits. Built in one String.fromCharCode call so the result
 * is one flat string: joined pieces would make a rope that V8 must flatten again each time the key is
 * hashed in a Set or copied into SQLite (about a tenth of a 100,000-row import's time).
 */
function digest({ h1, h2 }: Lanes): string {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const h = HEX_CODES;
  return String.fromCharCode(
    h[(h2 >>> 28) & 15]!, h[(h2 >>> 24) & 15]!, h[(h2 >>> 20) & 15]!, h[(h2 >>> 16) & 15]!,
    h[(h2 >>> 12) & 15]!, h[(h2 >>> 8) & 15]!, h[(h2 >>> 4) & 15]!, h[h2 & 15]!,
    h[(h1 >>> 28) & 15]!, h[(h1 >>> 24) & 15]!, h[(h1 >>> 20) & 15]!, h[(h1 >>> 16) & 15]!,
    h[(h1 >>> 12) & 15]!, h[(h1 >>> 8) & 15]!, h[(h1 >>> 4) & 15]!, h[h1 & 15]!,
  );
}

/** 64-bit hash of a string as 16 hex digits. */
export function hash64(text: string): string {
  const lanes = { h1: SEED1, h2: SEED2 };
  feed(lanes, text);
  return digest(lanes);
}

/** A value as it enters a fingerprint: null and empty are the same (an empty cell). */
export type FingerprintValue = string | number | boolean | null | readonly string[];

/**
 * The fingerprint of a record: its kind plus its values in a fixed order. Callers pass values already
 * normalized (E.164 phones, lower-case emails, cents, ISO dates), so "12,50 €" and "12.50" agree.
 */
export function fingerprintOf(kind: string, values: readonly FingerprintValue[]): string {
  // The same hash as hash64 of kind + (separator + value)…, fed piece by piece: a million-row import
  // would otherwise build and flatten a joined string per row only to read it once.
  const lanes = { h1: SEED1, h2: SEED2 };
  feed(lanes, kind);
  for (const value of values) {
    feed(lanes, UNIT_SEPARATOR);
    if (value === null) continue;
    if (typeof value === 'string') feed(lanes, value);
    else if (Array.isArray(value)) feed(lanes, value.join('\u001e'));
    else feed(lanes, String(value));
  }
  return digest(lanes);
}
