/** imports:list and imports:undo: the Imports history screen and `regulars imports` / `undo-import`. */
import { plural } from '../../../shared/domain/text';
import type { ImportHistoryEntry, ImportUndoResult } from '../../../shared/import/preview-types';
import type { Parsed } from '../../../shared/ipc/contract';
import { createImportsRepository } from '../../db/repositories/imports';
import type { ServiceContext } from '../context';
import { undoImport } from './undo';

function count(summary: Record<string, unknown>, key: string): number {
  const value = summary[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export function listImports(ctx: ServiceContext): ImportHistoryEntry[] {
  return createImportsRepository(ctx.db)
    .list()
    .map((record) => ({
      id: record.id,
      fileName: record.fileName,
      kind: record.kind,
      date: record.finishedAt ?? record.startedAt,
      rowsRead: record.rowsRead,
      customersCreated: count(record.summary, 'customersCreated'),
      customersUpdated: count(record.summary, 'customersUpdated'),
      customersMerged: count(record.summary, 'customersMerged'),
      visitsCreated: count(record.summary, 'visitsCreated'),
      feedbackCreated: count(record.summary, 'feedbackCreated'),
      duplicatesSkipped: count(record.summary, 'duplicatesSkipped'),
      rowsLeftOut: count(record.summary, 'rowsLeftOut'),
      visitsRevenueCents: count(record.summary, 'visitsRevenueCents'),
      undone: record.status === 'undone',
      undoneAt: record.undoneAt,
      undoable: record.status !== 'undone',
    }));
}


export function undoImportOperation(ctx: ServiceContext, input: Parsed<'imports:undo'>): ImportUndoResult {
  const result = undoImport(ctx, input.importId);
  const removed = [
    result.visitsRemoved > 0 ? plural(result.visitsRemoved, 'visit', 'visits') : null,
    result.feedbackRemoved > 0 ? plural(result.feedbackRemoved, 'feedback answer', 'feedback answers') : null,
    result.customersRemoved > 0 ? plural(result.customersRemoved, 'customer', 'customers') : null,
  ].filter((part): part is string => part !== null);
  const restored = result.customersRestored > 0 ? `${plural(result.customersRestored, 'customer was', 'customers were')} put back as they were before.` : null;
  // Said under an "Import undone" heading on screen, and after "Import #N undone:" by the CLI.
  const list = removed.length > 1 ? `${removed.slice(0, -1).join(', ')} and ${removed.at(-1)!}` : removed[0];
  const message = [list ? `Removed ${list}.` : null, restored].filter((part) => part !== null).join(' ') || 'It had added nothing, so nothing was removed.';
  return { ...result, message };
}
