/**
 * The common first half of import:preview and import:commit: read the staged file, map its columns
 * (the owner's choice, else a remembered mapping, else the suggestion), settle the kind and the
 * options the mapping pipeline of shared/import runs with (see map-in-batches.ts for the rows).
 *
 * The read table of the last file is kept in memory (one file only): the owner changes a choice and
 * asks for a new preview many times, then commits, and the file is read once.
 */
import { countryFromLocale } from '../../../shared/import/contact';
import { detectKind, type KindGuess } from '../../../shared/import/detect-kind';
import { headerSignature, suggestMapping, type HeaderMapping } from '../../../shared/import/headers';
import type { MapOptions } from '../../../shared/import/map-rows';
import type { DateOrder, DecimalSeparator, ImportField, ImportKind } from '../../../shared/import/types';
import type { Parsed } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/result';
import { createImportMappingsRepository } from '../../db/repositories/import-mappings';
import type { ServiceContext } from '../context';
import { createProgressReporter } from './progress';
import { readTable, type FileBytes, type ReadTableResult } from './read-table';
import { readStaged } from './stage';

/** The owner's choices (the contract's preview input) plus the CLI's whole-file answers. */
export type PrepareChoices = Parsed<'import:preview'> & {
  /** Day/month order for every date column the owner did not answer one by one (CLI --date-format). */
  dateFormat?: DateOrder;
  /** Decimal mark for every amount column not answered one by one (CLI --decimal). */
  decimal?: DecimalSeparator;
};

/** Everything decided before the rows are mapped: the table, the columns' fields, the kind, the options. */
export interface ImportPlan {
  stageId: string;
  fileName: string;
  read: ReadTableResult;
  suggestion: HeaderMapping;
  /** True when the suggestion came from a mapping the owner confirmed for the same headers. */
  remembered: boolean;
  /** The fields in use: the owner's mapping, else the suggestion. */
  fields: ImportField[];
  /** True for columns whose field the owner chose (differs from the suggestion). */
  chosen: boolean[];
  signature: string;
  guess: KindGuess;
  kind: ImportKind;
  /** The options every mapRows call of this import uses (date orders, decimal mark, phone country). */
  mapOptions: MapOptions;
}


let cached: { key: string; read: ReadTableResult } | null = null;

function cancelled(ctx: ServiceContext): void {
  if (ctx.signal?.cancelled) throw new AppError('CANCELLED', 'Import cancelled; nothing was saved.');
}

function readCached(ctx: ServiceContext, stageId: string, sheet: string | undefined): { read: ReadTableResult; fileName: string } {
  const reading = createProgressReporter(ctx, 'reading', null);
  // The staged file is handed to readTable whole, holding the only reference to its bytes (see FileBytes).
  const staged: FileBytes & { fileName: string; sizeBytes: number } = readStaged(ctx, stageId);
  const { fileName, sizeBytes } = staged;
  const key = `${ctx.dbFile}\u001f${stageId}\u001f${sheet ?? ''}\u001f${sizeBytes}`;
  if (cached?.key === key) return { read: cached.read, fileName };
  reading.report(0, true);
  cached = null;
  const read = readTable(staged, fileName, { sheet, signal: ctx.signal });
  cached = { key, read };
  reading.report(read.table.rows.length, true);
  return { read, fileName };
}

/** Forgets the cached table (after a commit, or in tests). */
export function forgetCachedTable(): void {
  cached = null;
}

export function planImport(ctx: ServiceContext, choices: PrepareChoices): ImportPlan {
  cancelled(ctx);
  const { read, fileName } = readCached(ctx, choices.stageId, choices.sheet);
  cancelled(ctx);
  const { header } = read.table;

  const rememberedMappings = createImportMappingsRepository(ctx.db).list();
  const suggestion = suggestMapping(header, rememberedMappings);
  const signature = headerSignature(header);
  const rememberedEntry = rememberedMappings.find((m) => m.signature === signature && m.fields.length === header.length);
  const remembered = suggestion.columns.some((c) => c.source === 'remembered');

  if (choices.mapping !== undefined && choices.mapping.length !== header.length) {
    throw new AppError(
      'BAD_INPUT',
      `The column choices do not fit ${read.sheet ? `the sheet "${read.sheet}"` : fileName} (it has ${header.length} columns). Choose the columns again.`,
    );
  }
  const fields = choices.mapping ? [...choices.mapping] : suggestion.fields;
  const chosen = fields.map((f, i) => f !== suggestion.fields[i]);

  const guess = detectKind(read.table, fields, suggestion.layout);
  const kind = choices.kind ?? (remembered && rememberedEntry ? rememberedEntry.kind : guess.kind);

  const columnDateFormats: Record<number, DateOrder> = {};
  for (const [column, order] of Object.entries(choices.dateOrders ?? {})) columnDateFormats[Number(column)] = order;
  // A layout imported before: its date columns are read the way the owner said then, where they would
  // otherwise have to ask — unless an order is given for the whole file (the CLI's --date-format).
  const rememberedDateFormats: Record<number, DateOrder> = {};
  if (rememberedEntry && !choices.dateFormat) {
    for (const [column, order] of Object.entries(rememberedEntry.dateOrders)) {
      const index = Number(column);
      if (fields[index] === rememberedEntry.fields[index]) rememberedDateFormats[index] = order;
    }
  }
  const amountColumn = fields.indexOf('amount');
  const decimal = (amountColumn >= 0 ? choices.decimals?.[String(amountColumn)] : undefined) ?? choices.decimal ?? null;
  const settings = ctx.repos.settings.get();
  const mapOptions: MapOptions = {
    dateFormat: choices.dateFormat ?? null,
    columnDateFormats,
    rememberedDateFormats,
    decimal,
    defaultCountry: countryFromLocale(settings.locale),
  };
  return { stageId: choices.stageId, fileName, read, suggestion, remembered, fields, chosen, signature, guess, kind, mapOptions };
}

/** After a confirmed import: the next file with these headers maps itself the same way. */
export function rememberMapping(ctx: ServiceContext, prepared: ImportPlan): void {
  const { rememberedDateFormats, columnDateFormats } = prepared.mapOptions;
  const dateOrders: Record<number, DateOrder> = {};
  // Only date columns: an answer for a column since mapped to something else is not worth keeping.
  for (const [column, order] of Object.entries({ ...rememberedDateFormats, ...columnDateFormats })) {
    const index = Number(column);
    if (prepared.fields[index] === 'date' || prepared.fields[index] === 'birthday') dateOrders[index] = order;
  }
  createImportMappingsRepository(ctx.db).remember(prepared.signature, prepared.fields, prepared.kind, dateOrders, ctx.now().toISOString());
}
