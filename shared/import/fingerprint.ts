/**
 * Row fingerprints: a stable 64-bit hash of a row's normalized mapped values, so importing the same
 * spreadsheet row twice finds the same key. Pure JavaScript (shared/ has no node:crypto); this is not
 * a security hash, only a well-spread one. Two 32-bit lanes with cyrb53's mixing give 64 bits, which
 * keeps accidental collisions negligible even across millions of rows.
 */

/** Separates values so ("ab", "c") and ("a", "bc") hash differently; never typed in a spreadsheet. */
const UNIT_SEPARATOR = '\u001f';

/** 64-bit hash of a string as 16 hex digits. */
export function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/** A value as it enters a fingerprint: null and empty are the same (an empty cell). */
export type FingerprintValue = string | number | boolean | null | readonly string[];

/**
 * The fingerprint of a record: its kind plus its values in a fixed order. Callers pass values already
 * normalized (E.164 phones, lower-case emails, cents, ISO dates), so "12,50 €" and "12.50" agree.
 */
export function fingerprintOf(kind: string, values: readonly FingerprintValue[]): string {
  let text = kind;
  for (const value of values) {
    text += UNIT_SEPARATOR;
    if (value === null) continue;
    text += Array.isArray(value) ? value.join('\u001e') : String(value);
  }
  return hash64(text);
}
