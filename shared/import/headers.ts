/**
 * Column mapping: which field each column of a file feeds. Suggested from the file's header row
 * (known till/booking layouts first, then a multilingual synonym table), shown to the owner, who can
 * change any column; a mapping the owner confirmed is remembered under the file's header signature and
 * reused for the next file with the same columns.
 */
import { searchKey } from '../domain/text';
import { hash64 } from './fingerprint';
import { KNOWN_LAYOUTS, type KnownLayout } from './layouts';
import { FIELD_SYNONYMS, IGNORED_HEADERS, LOOSE_MATCH_VETO, QUALIFIER_WORDS } from './synonyms';
import { IMPORT_FIELDS, type DataField, type ImportField } from './types';

/** How a column's field was chosen, from most to least certain. */
export type MatchSource =
  | 'remembered' // the owner confirmed this mapping for a file with the same headers
  | 'layout' // the header set matches a known till or booking export
  | 'exact' // the header is a known name for the field
  | 'qualified' // known once a person word is dropped ("Customer phone" → "phone")
  | 'partial' // the header contains a known name ("Visit date (dd/mm/yyyy)")
  | 'duplicate' // would feed a field another column already feeds better
  | 'none'; // nothing recognised

export interface ColumnSuggestion {
  /** 0-based column index in the file. */
  index: number;
  /** The header exactly as written in the file. */
  header: string;
  field: ImportField;
  /** 0–1: 1 for remembered/layout, ~0.95 exact, ~0.85 qualified, ~0.6 partial, 0 unrecognised. */
  confidence: number;
  source: MatchSource;
}

export interface HeaderMapping {
  columns: ColumnSuggestion[];
  /** One field per column, in file order — what {@link mapRows} takes. */
  fields: ImportField[];
  /** The known export this file looks like, if any. */
  layout: KnownLayout | null;
}

/** A mapping the owner confirmed, stored with the signature of the headers it was made for. */
export interface RememberedMapping {
  signature: string;
  fields: readonly ImportField[];
}

const NON_ALPHANUMERIC = /[^a-z0-9]+/g;
const GERMAN_SHARP_S = /ß/g;

/** "E-Mail" → "e mail", "Prénom" → "prenom", "Straße" → "strasse", "Tel." → "tel". */
export function normalizeHeader(header: string): string {
  return searchKey(header).replace(GERMAN_SHARP_S, 'ss').replace(NON_ALPHANUMERIC, ' ').trim();
}

/**
 * A key for "files with these columns in this order". Case, accents and punctuation do not matter, so
 * the same till exporting "E-mail" one month and "e-mail" the next still matches.
 */
export function headerSignature(header: readonly string[]): string {
  return hash64(header.map(normalizeHeader).join('\u001f'));
}

interface SynonymEntry {
  field: DataField;
  /** Position in the field's list: lower is preferred when two columns claim a field. */
  rank: number;
  tokens: readonly string[];
}

const SYNONYM_INDEX = new Map<string, SynonymEntry>();
for (const field of IMPORT_FIELDS) {
  FIELD_SYNONYMS[field].forEach((synonym, rank) => {
    if (!SYNONYM_INDEX.has(synonym)) SYNONYM_INDEX.set(synonym, { field, rank, tokens: synonym.split(' ') });
  });
}
const IGNORED = new Set(IGNORED_HEADERS);
/** Longest synonyms first, so a loose match picks "email address" over "address"-like fragments. */
const SYNONYMS_BY_LENGTH = [...SYNONYM_INDEX.entries()].sort((a, b) => b[1].tokens.length - a[1].tokens.length || b[0].length - a[0].length);

/** Headers that mean "surname" next to a first-name column but "full name" alone (fr, de, nl, en). */
const SURNAME_WHEN_PAIRED = new Set(['nom', 'name', 'naam']);
/** Headers that mean "first name" next to a surname column but "full name" alone (es, it). */
const GIVEN_NAME_WHEN_PAIRED = new Set(['nombre', 'nome']);

export interface HeaderMatch {
  field: ImportField;
  confidence: number;
  source: MatchSource;
  rank: number;
}

const NO_MATCH: HeaderMatch = { field: 'ignore', confidence: 0, source: 'none', rank: 0 };

function exactMatch(normalized: string, confidence: number, source: MatchSource): HeaderMatch | null {
  if (IGNORED.has(normalized)) return { field: 'ignore', confidence, source, rank: 0 };
  const entry = SYNONYM_INDEX.get(normalized);
  return entry ? { field: entry.field, confidence, source, rank: entry.rank } : null;
}

function containsSequence(tokens: readonly string[], part: readonly string[]): boolean {
  outer: for (let start = 0; start + part.length <= tokens.length; start++) {
    for (let k = 0; k < part.length; k++) if (tokens[start + k] !== part[k]) continue outer;
    return true;
  }
  return false;
}

/** The field one header names, without looking at the other columns. */
export function matchHeader(header: string): HeaderMatch {
  const normalized = normalizeHeader(header);
  if (normalized === '') return { ...NO_MATCH };
  const exact = exactMatch(normalized, 0.95, 'exact');
  if (exact) return exact;

  const tokens = normalized.split(' ');
  const unqualified = tokens.filter((t) => !QUALIFIER_WORDS.has(t));
  if (unqualified.length > 0 && unqualified.length < tokens.length) {
    const qualified = exactMatch(unqualified.join(' '), 0.85, 'qualified');
    if (qualified) return qualified;
  }

  if (tokens.some((t) => LOOSE_MATCH_VETO.has(t))) return { ...NO_MATCH };
  for (const [, entry] of SYNONYMS_BY_LENGTH) {
    // Single short words ("tel", "dob") inside longer headers are too easily a coincidence.
    if (entry.tokens.length === 1 && entry.tokens[0]!.length < 4) continue;
    if (containsSequence(tokens, entry.tokens)) return { field: entry.field, confidence: 0.6, source: 'partial', rank: entry.rank };
  }
  return { ...NO_MATCH };
}

/** The known layout this header set belongs to, if all of a layout's signature headers are present. */
export function detectLayout(normalizedHeaders: readonly string[]): KnownLayout | null {
  const present = new Set(normalizedHeaders);
  let best: KnownLayout | null = null;
  for (const layout of KNOWN_LAYOUTS) {
    if (!layout.signature.every((h) => present.has(h))) continue;
    if (!best || layout.signature.length > best.signature.length) best = layout;
  }
  return best;
}

/**
 * Suggests a field for every column. A remembered mapping for the same header signature wins
 * outright; otherwise known layouts, then synonyms. Each field is fed by at most one column: when two
 * columns claim one, the more certain (then the preferred synonym, then the leftmost) keeps it.
 */
export function suggestMapping(header: readonly string[], remembered: readonly RememberedMapping[] = []): HeaderMapping {
  const signature = headerSignature(header);
  const known = remembered.find((m) => m.signature === signature && m.fields.length === header.length);
  if (known) {
    const columns = header.map((h, index) => ({ index, header: h, field: known.fields[index]!, confidence: 1, source: 'remembered' as const }));
    return { columns, fields: [...known.fields], layout: null };
  }

  const normalized = header.map(normalizeHeader);
  const layout = detectLayout(normalized);
  const matches: HeaderMatch[] = header.map((h, index) => {
    const fromLayout = layout?.columns[normalized[index]!];
    if (fromLayout) return { field: fromLayout, confidence: 1, source: 'layout', rank: 0 };
    return matchHeader(h);
  });

  resolveNamePairs(normalized, matches);
  keepOneColumnPerField(matches);

  const columns = matches.map((m, index) => ({ index, header: header[index]!, field: m.field, confidence: m.confidence, source: m.source }));
  return { columns, fields: columns.map((c) => c.field), layout };
}

/** "Nom" + "Prénom": "Nom" is the surname. "Nombre" + "Apellidos": "Nombre" is the first name. */
function resolveNamePairs(normalized: readonly string[], matches: HeaderMatch[]): void {
  const has = (field: ImportField) => matches.some((m) => m.field === field);
  matches.forEach((m, index) => {
    if (m.field !== 'name' || m.source === 'layout') return;
    const header = normalized[index]!;
    if (SURNAME_WHEN_PAIRED.has(header) && has('firstName') && !has('lastName')) m.field = 'lastName';
    else if (GIVEN_NAME_WHEN_PAIRED.has(header) && has('lastName') && !has('firstName')) m.field = 'firstName';
  });
}

function keepOneColumnPerField(matches: HeaderMatch[]): void {
  const winner = new Map<ImportField, number>();
  matches.forEach((m, index) => {
    if (m.field === 'ignore') return;
    const current = winner.get(m.field);
    if (current === undefined) {
      winner.set(m.field, index);
      return;
    }
    const best = matches[current]!;
    const better = m.confidence > best.confidence || (m.confidence === best.confidence && m.rank < best.rank);
    if (better) {
      demote(best);
      winner.set(m.field, index);
    } else {
      demote(m);
    }
  });
}

function demote(match: HeaderMatch): void {
  match.field = 'ignore';
  match.source = 'duplicate';
}

/** The mapping the owner edits: change one column's field (any other column feeding it is set to ignore). */
export function withColumnField(fields: readonly ImportField[], index: number, field: ImportField): ImportField[] {
  return fields.map((current, i) => {
    if (i === index) return field;
    return field !== 'ignore' && current === field ? 'ignore' : current;
  });
}
