/**
 * `regulars import FILE`, `regulars undo-import ID`, `regulars imports`: the import service from the
 * command line. Without --skip-invalid, any row error or an undecided date column stops the import
 * with the reasons (exit 1) and writes nothing.
 */
import path from 'node:path';
import type { ImportOutcome } from '../../../shared/import/preview-types';
import type { DateOrder, DecimalSeparator, ImportKind } from '../../../shared/import/types';
import { contract } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/result';
import { call } from '../../services/dispatch';
import { commitImport } from '../../services/import/commit';
import { dropStaged } from '../../services/import/stage';
import type { CliCommand } from '../command';
import { intOption, UsageError } from '../io';

function oneOf<T extends string>(value: string | boolean | undefined, name: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}.`);
  }
  return value as T;
}

function money(cents: number): string {
  return (cents / 100).toFixed(2);
}

function humanOutcome(fileName: string, o: ImportOutcome & { dryRun: boolean; errorCount: number }): string {
  const lines = [`${o.dryRun ? 'Dry run (nothing saved)' : `Import #${o.importId}`}: ${fileName}, ${o.rowsRead} rows read as ${o.kind}.`];
  lines.push(`  customers: ${o.customersCreated} new, ${o.customersUpdated} updated`);
  if (o.kind === 'visits') lines.push(`  visits: ${o.visitsCreated} added, total ${money(o.visitsRevenueCents)}${o.firstDate ? `, ${o.firstDate} to ${o.lastDate}` : ''}`);
  if (o.kind === 'feedback') lines.push(`  feedback: ${o.feedbackCreated} added`);
  if (o.duplicatesSkipped > 0) lines.push(`  already imported before (skipped): ${o.duplicatesSkipped}`);
  if (o.errorCount > 0) {
    lines.push(`  rows left out with errors: ${o.errorCount}`);
    for (const e of o.rowErrors.slice(0, 10)) lines.push(`    ${e.message}`);
  }
  return lines.join('\n');
}

/** The service's refusals speak of the review screen; on the command line, name the options instead. */
function withCliHints<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'BAD_INPUT') throw error;
    const hints: string[] = [];
    if (/day\/month or month\/day/.test(error.message)) hints.push('Run again with --date-format dmy or --date-format mdy.');
    if (/import only the good rows/.test(error.message)) hints.push('Add --skip-invalid to import only the good rows.');
    if (/Choose (a|the) column/.test(error.message)) hints.push('The command line cannot pick columns: rename the headers in the file (for example Name, Date, Amount).');
    throw hints.length > 0 ? new AppError('BAD_INPUT', `${error.message} ${hints.join(' ')}`) : error;
  }
}

export const importCommand: CliCommand = {
  name: 'import',
  usage:
    'import FILE [--kind customers|visits|feedback] [--date-format dmy|mdy|ymd] [--decimal , | .] [--sheet NAME] [--skip-invalid] [--dry-run]   import a spreadsheet (CSV, TXT, XLSX, XLS, ODS)',
  options: {
    kind: { type: 'string' },
    'date-format': { type: 'string' },
    decimal: { type: 'string' },
    sheet: { type: 'string' },
    'skip-invalid': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
  async run({ ctx, values, positionals, out }) {
    if (positionals.length !== 1) throw new UsageError('Give exactly one file: regulars import FILE');
    const file = path.resolve(positionals[0]!);
    const kind = oneOf<ImportKind>(values.kind, 'kind', ['customers', 'visits', 'feedback']);
    const dateFormat = oneOf<DateOrder>(values['date-format'], 'date-format', ['dmy', 'mdy', 'ymd']);
    const decimal = oneOf<DecimalSeparator>(values.decimal, 'decimal', [',', '.']);
    const sheet = typeof values.sheet === 'string' ? values.sheet : undefined;

    const staged = await call(ctx, 'import:stage', { fileName: path.basename(file), path: file });
    try {
      const input = contract['import:commit'].input.parse({
        stageId: staged.stageId,
        ...(kind ? { kind } : {}),
        ...(sheet !== undefined ? { sheet } : {}),
        skipInvalid: values['skip-invalid'] === true,
        dryRun: values['dry-run'] === true,
      });
      const result = withCliHints(() => commitImport(ctx, { ...input, ...(dateFormat ? { dateFormat } : {}), ...(decimal ? { decimal } : {}) }));
      const outcome: ImportOutcome = {
        importId: result.importId,
        kind: result.kind,
        rowsRead: result.rowsRead,
        customersCreated: result.customersCreated,
        customersUpdated: result.customersUpdated,
        visitsCreated: result.visitsCreated,
        visitsRevenueCents: result.visitsRevenueCents,
        firstDate: result.firstDate,
        lastDate: result.lastDate,
        feedbackCreated: result.feedbackCreated,
        duplicatesSkipped: result.duplicatesSkipped,
        rowErrors: result.rowErrors,
      };
      out.print(humanOutcome(staged.fileName, { ...outcome, dryRun: result.dryRun, errorCount: result.errorCount }), outcome);
    } finally {
      dropStaged(ctx, staged.stageId);
    }
  },
};

export const undoImportCommand: CliCommand = {
  name: 'undo-import',
  usage: 'undo-import ID   undo an import (see "imports" for the ids)',
  options: {},
  async run({ ctx, positionals, out }) {
    if (positionals.length !== 1) throw new UsageError('Give exactly one import id: regulars undo-import ID');
    const importId = intOption(positionals[0], 'id', 0, 1);
    const result = await call(ctx, 'imports:undo', { importId });
    out.print(`Import #${importId} undone: ${result.message}`, result);
  },
};

export const importsCommand: CliCommand = {
  name: 'imports',
  usage: 'imports   list past imports, newest first',
  options: {},
  async run({ ctx, out }) {
    const list = await call(ctx, 'imports:list', {});
    const human =
      list.length === 0
        ? 'No imports yet.'
        : list
            .map((i) => `#${i.id}  ${i.date.slice(0, 16).replace('T', ' ')}  ${i.fileName}  ${i.kind}  ${i.rowsRead} rows${i.undone ? '  (undone)' : ''}`)
            .join('\n');
    out.print(human, list);
  },
};
