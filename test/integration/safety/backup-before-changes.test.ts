/**
 * The safety copies taken before risky changes: an import and an undo each back up the data first
 * (a dry run does not), and the copy holds exactly the data as it was before the change.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { applyImport, type VisitRowIn } from '../../../electron/services/import/apply';
import { undoImport } from '../../../electron/services/import/undo';
import { backupsDir, backupsIn } from '../../../electron/services/backups';
import { digest, hostedShop, readFileState } from './support';

const row = (n: number): VisitRowIn => ({
  row: n + 1,
  fingerprint: `safety-${n}`,
  customer: { externalRef: null, name: `Imported ${n}`, email: null, phone: null, birthday: null, notes: null, tags: [], marketingConsent: null },
  date: '2026-03-01',
  amountCents: 100 * n,
  items: '',
  staff: null,
  paymentMethod: null,
});

describe('backups before risky changes', () => {
  it('an import and its undo each take a copy of the data as it was just before; a dry run takes none', () => {
    const shop = hostedShop({ demoCustomers: 20 });
    const reasons = () => backupsIn(backupsDir(shop.ctx)).map((b) => b.reason);
    const beforeImport = digest(shop.ctx.db);

    applyImport(shop.ctx, { kind: 'visits', rows: [row(1), row(2)] }, { fileName: 'till.csv', rowsRead: 2, dryRun: true });
    expect(reasons()).toEqual([]);

    const summary = applyImport(shop.ctx, { kind: 'visits', rows: [row(1), row(2)] }, { fileName: 'till.csv', rowsRead: 2 });
    expect(reasons()).toEqual(['before-import']);
    const importCopy = backupsIn(backupsDir(shop.ctx))[0]!;
    expect(readFileState(importCopy.file)).toEqual({ digest: beforeImport, integrity: 'ok' });

    const afterImport = digest(shop.ctx.db);
    shop.setNow(new Date('2026-11-20T10:05:00Z'));
    undoImport(shop.ctx, summary.importId!);
    expect(reasons()).toEqual(['before-undo', 'before-import']);
    const undoCopy = backupsIn(backupsDir(shop.ctx))[0]!;
    expect(readFileState(undoCopy.file).digest).toBe(afterImport);
    expect(path.dirname(undoCopy.file)).toBe(path.join(shop.dir, 'backups'));
    shop.close();
  });
});
