/**
 * What a file's rows are: one per customer, one per visit (sale, appointment), or one per feedback
 * answer. Decided from the mapped columns and from the data itself (does the same person come back on
 * several rows?). Only a suggestion: the owner can always say otherwise.
 */
import { cellText } from './contact';
import { isEmptyCell } from './dates';
import type { KnownLayout } from './layouts';
import type { ImportField, ImportKind, SourceTable } from './types';

export interface KindGuess {
  kind: ImportKind;
  /** 0–1; below ~0.5 the screen should ask rather than assume. */
  confidence: number;
  /** Plain sentences for the owner, e.g. "Names repeat across rows, so each row is a visit." */
  reasons: string[];
  scores: Record<ImportKind, number>;
}

/** Rows looked at to see whether people repeat: enough to tell, few enough to stay instant. */
const SAMPLE_ROWS = 5000;

const IDENTITY_FIELDS: readonly ImportField[] = ['externalRef', 'email', 'phone', 'name', 'lastName', 'firstName'];

/** Share of distinct values among the filled cells of a column, over the first rows. */
function distinctShare(table: SourceTable, column: number): { share: number; filled: number } {
  const seen = new Set<string>();
  let filled = 0;
  const limit = Math.min(table.rows.length, SAMPLE_ROWS);
  for (let r = 0; r < limit; r++) {
    const cell = table.rows[r]![column];
    if (isEmptyCell(cell)) continue;
    filled++;
    seen.add(cellText(cell).trim().toLowerCase());
  }
  return { share: filled === 0 ? 1 : seen.size / filled, filled };
}

export function detectKind(table: SourceTable, fields: readonly ImportField[], layout: KnownLayout | null = null): KindGuess {
  const has = (field: ImportField) => fields.includes(field);
  const scores: Record<ImportKind, number> = { customers: 0, visits: 0, feedback: 0 };
  const reasons: string[] = [];

  if (layout) {
    scores[layout.kind] += 10;
    reasons.push(`The columns match a ${layout.name} export.`);
  }
  if (has('nps') || has('rating')) {
    scores.feedback += 4;
    reasons.push('There is a score or rating column, as in feedback answers.');
    if (has('comment')) scores.feedback += 1;
  }
  if (has('date')) {
    scores.visits += 2;
    scores.feedback += 1;
  } else {
    scores.customers += 2;
    reasons.push('There is no date of a visit or sale, so each row is most likely a customer.');
  }
  if (has('amount')) scores.visits += 2;
  if (has('items') || has('staff') || has('paymentMethod')) scores.visits += 1;
  if (has('date') && (has('amount') || has('items'))) reasons.push('There are date and amount or item columns, as in a list of sales or visits.');
  for (const field of ['email', 'phone', 'birthday', 'marketingConsent', 'tags', 'notes'] as const) {
    if (has(field)) scores.customers += field === 'birthday' || field === 'marketingConsent' ? 2 : 1;
  }

  const identity = IDENTITY_FIELDS.map((f) => fields.indexOf(f)).find((i) => i >= 0);
  if (identity !== undefined) {
    const { share, filled } = distinctShare(table, identity);
    if (filled >= 5 && share < 0.9) {
      scores.visits += 3;
      reasons.push('The same people appear on several rows, so each row is a visit or sale.');
    } else if (filled >= 5 && share === 1) {
      scores.customers += 2;
      reasons.push('Every row names a different person, as in a customer list.');
    }
  }

  const ranked = (Object.keys(scores) as ImportKind[]).sort((a, b) => scores[b] - scores[a]);
  const best = ranked[0]!;
  const second = ranked[1]!;
  const top = scores[best];
  // With no column recognised, "there is no date column" is the only clue left: that is no
  // evidence at all, so the screen must ask instead of showing a confident guess.
  const nothingRecognised = !layout && fields.every((f) => f === 'ignore');
  if (nothingRecognised) reasons.push('No column was recognised, so please say what each row is.');
  const confidence = top <= 0 || nothingRecognised ? 0 : Math.min(1, (top - scores[second]) / top + (layout ? 0.5 : 0));
  return { kind: best, confidence: Math.round(confidence * 100) / 100, reasons, scores };
}
