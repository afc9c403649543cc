/**
 * Search keys. Names are matched without case or accents ("zoe" finds "Zoë"), phones by their
 * digits alone ("0612" finds "+33 6 12 …").
 */

/** Lower-case, accents removed, whitespace collapsed. */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Only the digits of a phone number. */
export function phoneDigits(text: string): string {
  return text.replace(/\D+/g, '');
}

/** Trimmed with inner whitespace collapsed to single spaces. */
export function tidyName(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "1 visit", "1,204 visits": a count with its noun, in the shop's number style. */
export function plural(count: number, one: string, many: string, locale = 'en-GB'): string {
  return `${count.toLocaleString(locale)} ${count === 1 ? one : many}`;
}
