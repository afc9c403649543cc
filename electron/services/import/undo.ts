/**
 * Undo an import: put the data back exactly as it was before it — visits and feedback it added removed,
 * customers it created deleted, customers it updated or merged restored from their before-images.
 * If someone has since edited one of those customers (or logged a visit for one it created), undo would
 * destroy that later work, so it stops and names the records instead — and the later import, when it
 * was one, so the owner knows to undo that first.
 */
import { AppError } from '../../../shared/ipc/result';
import { createImportsRepository, type CustomerImage } from '../../db/repositories/imports';
import { nowIso, type ServiceContext } from '../context';
import { backupBefore } from '../backups';

export interface UndoSummary {
  importId: number;
  customersRemoved: number;
  customersRestored: number;
  visitsRemoved: number;
  feedbackRemoved: number;
}

const EDITABLE: (keyof CustomerImage)[] = ['name', 'phone', 'email', 'birthday', 'tags', 'notes', 'marketing_consent', 'external_ref', 'erased_at'];

function changedSince(current: CustomerImage, after: CustomerImage): boolean {
  return EDITABLE.some((k) => current[k] !== after[k]);
}

export function undoImport(ctx: ServiceContext, importId: number): UndoSummary {
  const repo = createImportsRepository(ctx.db);
  backupBefore(ctx, 'undo');
  return ctx.db.transaction(() => {
    const record = repo.get(importId);
    if (!record) throw new AppError('NOT_FOUND', `Import #${importId} does not exist.`);
    if (record.status === 'undone') throw new AppError('CONFLICT', `Import #${importId} (${record.fileName}) was already undone.`);

    const changes = repo.changes(importId);
    const conflicts: string[] = [];
    let byLaterImport = false;
    /** Why a customer's later change blocks the undo: by which later import, or else by hand. */
    const since = (customerId: number, byHand: string, byImport: string) => {
      const later = repo.laterImportsTouching(importId, customerId);
      if (later.length === 0) return byHand;
      byLaterImport = true;
      return `${byImport} ${later.join(', ')}`;
    };
    for (const change of changes) {
      const current = repo.customerImage(change.row_id);
      if (change.action === 'create') {
        if (current && change.after && changedSince(current, change.after)) {
          conflicts.push(`${current.name} ${since(current.id, 'was edited after the import', 'was changed by the later import of')}`);
        } else if (current && repo.foreignActivity(importId, change.row_id) > 0) {
          conflicts.push(`${current.name} ${since(current.id, 'has visits or feedback added after the import', 'has visits or feedback from the later import of')}`);
        }
        continue;
      }
      if (!current) {
        conflicts.push(`${change.before?.name ?? 'a customer'} was deleted after the import`);
      } else if (change.after && changedSince(current, change.after)) {
        conflicts.push(`${current.name} ${since(current.id, 'was edited after the import', 'was changed by the later import of')}`);
      }
    }
    if (conflicts.length > 0) {
      const shown = conflicts.slice(0, 5).join('; ');
      const more = conflicts.length > 5 ? ` and ${conflicts.length - 5} more` : '';
      const advice = byLaterImport ? ' Undo the later import first (it is listed above this one), then this one.' : '';
      throw new AppError('CONFLICT', `This import cannot be undone without losing later changes: ${shown}${more}.${advice} Nothing was changed.`);
    }

    const counts = ctx.db
      .prepare('SELECT (SELECT count(*) FROM visits WHERE import_id = ?) AS v, (SELECT count(*) FROM feedback WHERE import_id = ?) AS f')
      .get(importId, importId) as { v: number; f: number };
    repo.deleteRowsOf(importId);
    let customersRemoved = 0;
    let customersRestored = 0;
    // Newest first, so later images never win over earlier ones.
    for (const change of [...changes].reverse()) {
      if (change.action === 'create') {
        repo.deleteCustomer(change.row_id);
        customersRemoved++;
      } else if (change.before) {
        repo.writeCustomer(change.before);
        customersRestored++;
      }
    }
    repo.markUndone(importId, nowIso(ctx));
    return { importId, customersRemoved, customersRestored, visitsRemoved: counts.v, feedbackRemoved: counts.f };
  })();
}
