/**
 * import:commit — read (phase 'reading'), settle every date and amount column over the whole file
 * (phase 'checking'), then map and save the rows batch by batch inside ONE transaction (phase
 * 'saving', apply.ts). Mapping in batches, and letting go of each batch's source rows once mapped,
 * keeps a million-row file within memory. A remaining blocker, or any row error without skipInvalid,
 * stops the import with the reasons and rolls back: nothing is written. So does a cancel.
 */
import { plural } from '../../../shared/domain/text';
import type { ImportCommitResult } from '../../../shared/import/preview-types';
import type { RowProblem } from '../../../shared/import/types';
import type { Parsed } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/result';
import { createImportsRepository } from '../../db/repositories/imports';
import type { ServiceContext } from '../context';
import { applyImportBatches } from './apply';
import { findProbableDuplicates } from './duplicates';
import { BIG_FILE_ROWS, mapInBatches, settleColumns } from './map-in-batches';
import { forgetCachedTable, planImport, rememberMapping, type PrepareChoices } from './prepare';
import { createProgressReporter } from './progress';
import { collectGarbage } from './memory';
import { dropStaged } from './stage';

/** Row errors returned with the outcome (all are counted in errorCount). */
const LISTED_ERRORS = 1000;
/** Reasons quoted in the message when row errors stop an import. */
const QUOTED_ERRORS = 5;


export type CommitChoices = PrepareChoices & Pick<Parsed<'import:commit'>, 'skipInvalid' | 'merge' | 'dryRun'>;


function refusal(errorCount: number, rowErrors: readonly RowProblem[]): AppError {
  const quoted = rowErrors.slice(0, QUOTED_ERRORS).map((p) => p.message.replace(/\.$/, ''));
  const more = errorCount > QUOTED_ERRORS ? `; and ${plural(errorCount - QUOTED_ERRORS, 'more row', 'more rows')}` : '';
  return new AppError(
    'BAD_INPUT',
    `Nothing was imported: ${plural(errorCount, 'problem', 'problems')} in the file. ${quoted.join('; ')}${more}. Fix the file, or import only the good rows.`,
  );
}

export function commitImport(ctx: ServiceContext, input: CommitChoices): ImportCommitResult {
  const plan = planImport(ctx, input);
  const { table } = plan.read;
  // This import consumes the table (rows are let go batch by batch): a later preview reads the file again.
  forgetCachedTable();
  // The file's bytes and the parser's leftovers are garbage now; a big file's table is not.
  if (table.rows.length >= BIG_FILE_ROWS) collectGarbage();

  const checking = createProgressReporter(ctx, 'checking', table.rows.length);
  checking.report(0, true);
  const settled = settleColumns(table, plan.fields, plan.kind, plan.mapOptions);
  if (settled.blocked) {
    throw new AppError('BAD_INPUT', `Nothing was imported. ${settled.prepared.blockers.map((b) => b.message).join(' ')}`);
  }
  checking.report(table.rows.length, true);

  const repo = createImportsRepository(ctx.db);
  const rowErrors: RowProblem[] = [];
  let errorCount = 0;
  let rowsRead = 0;
  let recordsMade = 0;
  const mergeInto: Record<string, number> = {};
  const wantedMerges = new Set(input.merge);
  const totalRows = table.rows.length;
  let batchesDone = 0;

  function* batches() {
    const mappedBatches = mapInBatches(table, plan.fields, plan.kind, settled, {
      release: true,
      previewRows: () => 0,
      maxProblems: () => Math.max(0, LISTED_ERRORS - rowErrors.length),
    });
    for (const mapped of mappedBatches) {
      if (totalRows >= BIG_FILE_ROWS && ++batchesDone % 20 === 0) collectGarbage();
      rowsRead += mapped.rowsRead;
      errorCount += mapped.errorCount;
      rowErrors.push(...mapped.rowErrors);
      recordsMade += mapped.rows.length;
      // Without skipInvalid, one bad row means nothing is saved: keep counting, save no more.
      if (errorCount > 0 && !input.skipInvalid) continue;
      if (wantedMerges.size > 0) {
        for (const candidate of findProbableDuplicates(repo, mapped)) if (wantedMerges.has(candidate.key)) mergeInto[candidate.key] = candidate.existing.id;
      }
      yield mapped.rows;
    }
    if (errorCount > 0 && !input.skipInvalid) throw refusal(errorCount, rowErrors);
    if (recordsMade === 0) throw new AppError('BAD_INPUT', 'Nothing was imported: no row of the file can be read. Check the column choices.');
  }

  const summary = applyImportBatches(ctx, plan.kind, batches(), {
    fileName: plan.fileName,
    rowsRead: () => rowsRead,
    rowsLeftOut: () => errorCount,
    totalRows,
    mergeInto,
    dryRun: input.dryRun,
  });
  if (!input.dryRun) {
    rememberMapping(ctx, plan);
    dropStaged(ctx, plan.stageId);
  }
  return {
    importId: summary.importId,
    kind: summary.kind,
    rowsRead: summary.rowsRead,
    customersCreated: summary.customersCreated,
    customersUpdated: summary.customersUpdated,
    visitsCreated: summary.visitsCreated,
    visitsRevenueCents: summary.visitsRevenueCents,
    firstDate: summary.firstDate,
    lastDate: summary.lastDate,
    feedbackCreated: summary.feedbackCreated,
    duplicatesSkipped: summary.duplicatesSkipped,
    rowErrors: rowErrors.map((p) => ({ row: p.row, column: p.column, message: p.message })),
    customersMerged: summary.customersMerged,
    errorCount,
    dryRun: input.dryRun,
  };
}
