/**
 * The vocabulary of spreadsheet import, shared by the parsers here, the import service and the UI.
 * Everything in shared/import is pure: tables in, typed records and plain-language problems out.
 */
import type { LocalDate } from '../domain/dates';

/** What one row of a file describes. */
export type ImportKind = 'customers' | 'visits' | 'feedback';
export const IMPORT_KINDS: readonly ImportKind[] = ['customers', 'visits', 'feedback'];

/** The fields a column can feed; `ignore` means the column is not imported. */
export const IMPORT_FIELDS = [
  'externalRef',
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'birthday',
  'notes',
  'tags',
  'marketingConsent',
  'date',
  'amount',
  'items',
  'staff',
  'paymentMethod',
  'nps',
  'rating',
  'comment',
] as const;
export type DataField = (typeof IMPORT_FIELDS)[number];
export type ImportField = DataField | 'ignore';

/** Field names as the owner reads them in the column picker and in messages. */
export const FIELD_LABELS: Readonly<Record<ImportField, string>> = {
  externalRef: 'Customer id',
  name: 'Name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  birthday: 'Birthday',
  notes: 'Notes',
  tags: 'Tags',
  marketingConsent: 'Marketing consent',
  date: 'Date',
  amount: 'Amount',
  items: 'Items',
  staff: 'Staff',
  paymentMethod: 'Payment method',
  nps: 'Score (0–10)',
  rating: 'Rating (1–5)',
  comment: 'Comment',
  ignore: 'Do not import',
};

/**
 * One cell as a reader hands it over. CSV gives text; spreadsheets also give numbers (Excel serial
 * dates when the cell is not date-formatted), booleans, and dates already turned into ISO text
 * (`2024-03-05` or `2024-03-05T14:30:00`). A `Date` is accepted for callers that have one.
 */
export type Cell = string | number | boolean | Date | null | undefined;

/** A table: column names and data rows (header excluded). */
export interface SourceTable {
  header: readonly string[];
  /**
   * The data rows, one cell per header column. A row may hold more: a value beyond the last named
   * column (in a text file, usually a separator inside an unquoted value) is kept, so that mapRows
   * can report the row instead of reading its values shifted.
   */
  rows: readonly (readonly Cell[])[];
  /**
   * The row number the owner sees in their spreadsheet for each data row (header row = 1 unless
   * title lines sit above it). When absent, data row i is row i + 2.
   */
  rowNumbers?: readonly number[];
}

/** Day-month order for numeric dates such as 03/04/2024. Same words as the shop setting. */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';
export type DecimalSeparator = ',' | '.';

/**
 * A problem with one row. `error`: the row is left out. `warning`: the row is kept but one value was
 * dropped (e.g. an email that is not an email).
 */
export interface RowProblem {
  /** 1-based spreadsheet row number as the owner sees it (header = row 1). */
  row: number;
  /** The column's header text as written in the file, or null when the problem is the whole row. */
  column: string | null;
  severity: 'error' | 'warning';
  /** A whole sentence, e.g. "Row 1,204, column Date: '31/02/2024' is not a date." */
  message: string;
}

/** What a row says about a person. Empty values are null and never overwrite stored data. */
export interface CustomerFacts {
  externalRef: string | null;
  name: string | null;
  /** Lower-case and checked. */
  email: string | null;
  /** E.164 when it could be normalized, else the text as written. */
  phone: string | null;
  birthday: LocalDate | null;
  notes: string | null;
  tags: string[];
  marketingConsent: boolean | null;
}

interface RecordBase {
  /** The spreadsheet row number the owner sees (header = 1). */
  row: number;
  /** Stable hash of the row's normalized mapped values: the same row imported twice is the same key. */
  fingerprint: string;
}

export interface CustomerRecord extends RecordBase {
  customer: CustomerFacts;
}

export interface VisitRecord extends RecordBase {
  customer: CustomerFacts;
  date: LocalDate;
  /** Integer cents; 0 when the file has no amount, negative for refunds. */
  amountCents: number;
  items: string;
  staff: string | null;
  paymentMethod: string | null;
}

export interface FeedbackRecord extends RecordBase {
  /** Null when the answer is anonymous. */
  customer: CustomerFacts | null;
  date: LocalDate;
  nps: number | null;
  rating: number | null;
  comment: string;
}

export type ImportRecord = CustomerRecord | VisitRecord | FeedbackRecord;

/** The records of one file, by kind. Structurally what the import service's apply step takes. */
export type MappedRecords =
  | { kind: 'customers'; rows: CustomerRecord[] }
  | { kind: 'visits'; rows: VisitRecord[] }
  | { kind: 'feedback'; rows: FeedbackRecord[] };
