/**
 * CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte order mark so Excel
 * reads accents correctly (LibreOffice does either way). Text cells that a spreadsheet would run as
 * a formula are neutralised; real numbers are written as numbers.
 */

/**
 * A cell: text is neutralised against formula injection, numbers are written as they are, and
 * money (`{ cents }`) as a plain decimal with two places, e.g. -12.50.
 */
export type CsvCell = string | number | boolean | null | { cents: number };

export const UTF8_BOM = '\uFEFF';
export const CRLF = '\r\n';

/**
 * Characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula (OWASP "CSV
 * injection"). A text cell starting with one gets a leading apostrophe, which spreadsheets read as
 * "this is text". Number cells are exempt: a refund of -12.50 stays a number the owner can add up.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell as CSV text: quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return centsToDecimal(value.cents);
  const text = neutraliseText(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(',') + CRLF;
}

/** -1250 → "-12.50"; always a dot, never thousands separators, so every spreadsheet reads a number. */
export function centsToDecimal(cents: number): string {
  const whole = Math.round(cents);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A money cell, or an empty cell for no amount. */
export function moneyCell(cents: number | null): CsvCell {
  return cents === null ? null : { cents };
}

/** A whole small table (header + rows), BOM included. Large tables are streamed with csvLine instead. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return UTF8_BOM + csvLine(header) + rows.map(csvLine).join('');
}
