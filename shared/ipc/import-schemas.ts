/**
 * Inputs of the spreadsheet import operations (import:stage, import:preview, import:commit,
 * import:cancel, imports:list, imports:undo). The flow is described next to the rows in contract.ts.
 */
import { z } from 'zod';
import { IMPORT_FIELDS } from '../import/types';
import { Id } from './schemas';

/** Largest file accepted from a path (desktop app, CLI). Bigger files are refused with that sentence. */
export const MAX_IMPORT_FILE_BYTES = 1024 * 1024 * 1024;
/**
 * Largest file sent as bytes by the browser version: base64 is 4/3 of it, and the web bridge takes
 * requests of up to 50 MB.
 */
export const MAX_IMPORT_UPLOAD_BYTES = 36 * 1024 * 1024;

const FileName = z
  .string({ message: 'The file needs a name.' })
  .trim()
  .min(1, 'The file needs a name.')
  .max(300, 'That file name is too long.');

/** An id handed out by import:stage (letters, digits and dashes only, so it can name a temp file). */
export const StageId = z
  .string({ message: 'Choose the file again.' })
  .regex(/^[a-z0-9-]{8,64}$/, 'That import is no longer open; choose the file again.');

export const ImportStageInput = z
  .object({
    fileName: FileName,
    /** Absolute path of the file (desktop app, CLI). */
    path: z.string().min(1).max(4096, 'That file path is too long.').optional(),
    /** The file's bytes as base64 (browser version, where there is no path). */
    dataBase64: z
      .string()
      .max(Math.ceil((MAX_IMPORT_UPLOAD_BYTES * 4) / 3) + 4, 'The file is too big to open in the browser version (over 36 MB). Open it in the Regulars app instead.')
      .optional(),
  })
  .refine((i) => (i.path === undefined) !== (i.dataBase64 === undefined), {
    message: 'Choose one file to import.',
    path: ['path'],
  });

const ColumnKey = z.string().regex(/^\d{1,4}$/, 'Columns are numbered from 0.');

/** The owner's choices on the review screen; every one is optional (the back end suggests them). */
export const ImportChoices = {
  stageId: StageId,
  /** Sheet name (XLSX/XLS/ODS with several sheets). Default: the first sheet with data. */
  sheet: z.string().max(300).optional(),
  /** What the rows are. Default: detected. */
  kind: z.enum(['customers', 'visits', 'feedback']).optional(),
  /** One field per column, in file order ('ignore' leaves a column out). Default: suggested/remembered. */
  mapping: z.array(z.enum(['ignore', ...IMPORT_FIELDS])).max(2000).optional(),
  /** Day/month order per date column, keyed by column index ("3": "dmy"). */
  dateOrders: z.record(ColumnKey, z.enum(['dmy', 'mdy', 'ymd'])).optional(),
  /** Decimal mark per amount column, keyed by column index ("5": ","). */
  decimals: z.record(ColumnKey, z.enum([',', '.'])).optional(),
};

export const ImportPreviewInput = z.object(ImportChoices);

export const ImportCommitInput = z.object({
  ...ImportChoices,
  /** Import the good rows and leave out the rows with errors. Without it, any row error stops the import. */
  skipInvalid: z.boolean().default(false),
  /** Duplicate-review keys (ImportPreview.duplicates[].key) the owner said are the same person: merged. */
  merge: z.array(z.string().max(2000)).max(100_000).default([]),
  /** Do all the work and report what would happen, then write nothing. */
  dryRun: z.boolean().default(false),
});

export const ImportCancelInput = z.object({
  /** The staged file; it is deleted unless keepFile (so the owner can try again after a cancel). */
  stageId: StageId.optional(),
  keepFile: z.boolean().default(false),
});

export const ImportsUndoInput = z.object({ importId: Id });
