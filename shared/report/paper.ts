import type { Paper } from './types';

/** Countries whose printers use US Letter; everyone else uses A4. */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'PR', 'GT', 'CR', 'PA', 'DO', 'SV', 'NI', 'HN', 'BO']);

/** The paper size the shop's locale suggests: "en-US" → letter, "de-DE" → a4; no region → a4. */
export function paperForLocale(locale: string): Paper {
  const region = /-([A-Z]{2})\b/.exec(locale)?.[1];
  return region !== undefined && LETTER_REGIONS.has(region) ? 'letter' : 'a4';
}

/**
 * Page size of each paper in millimetres, and the print scale: Letter is 18 mm shorter than A4, so
 * the same page is printed at 95% there (and laid out 5% wider) to stay on one sheet.
 */
export const PAPER_SIZES: Record<Paper, { css: string; widthMm: number; heightMm: number; printScale: number }> = {
  a4: { css: 'A4', widthMm: 210, heightMm: 297, printScale: 1 },
  letter: { css: 'letter', widthMm: 215.9, heightMm: 279.4, printScale: 0.95 },
};
