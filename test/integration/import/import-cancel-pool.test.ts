/**
 * Cancel through the worker pool, as Electron IPC and the web bridge use it: the import runs
 * synchronously in the long-lane worker thread, and import:cancel (answered by the quick lane) must
 * still stop it mid-save — through shared memory — leaving nothing written. Needs `npm run build:node`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/connection';
import { startServicePool } from '../../../electron/workers/pool';
import type { Progress } from '../../../electron/services/context';
import { DIST, tempDir } from '../../support/web-app';
import { dump } from '../../support/db';

describe('import:cancel through the worker pool', () => {
  it('stops a running import in the other worker and nothing is written', async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'shop.sqlite');
    const rows = Array.from({ length: 60_000 }, (_, i) => `2024-02-${String((i % 28) + 1).padStart(2, '0')},Person ${i % 5000},${(i % 80) + 1}.50`);
    const csv = path.join(dir, 'sales.csv');
    writeFileSync(csv, ['Date,Customer,Amount', ...rows].join('\n'));

    const pool = await startServicePool(dbFile, path.join(DIST, 'electron/service-worker.cjs'));
    try {
      const staged = await pool.call('import:stage', { fileName: 'sales.csv', path: csv });
      expect(staged.ok).toBe(true);
      const stageId = (staged as { value: { stageId: string } }).value.stageId;
      const before = (() => {
        const { db } = openDatabase(dbFile);
        try {
          return dump(db);
        } finally {
          db.close();
        }
      })();

      const phases: Progress[] = [];
      let cancelSent: Promise<unknown> | null = null;
      const result = await pool.call('import:commit', { stageId }, (p) => {
        phases.push(p);
        if (p.phase === 'saving' && cancelSent === null) cancelSent = pool.call('import:cancel', { stageId, keepFile: true });
      });
      expect(cancelSent).not.toBeNull();
      expect(await cancelSent).toMatchObject({ ok: true });
      expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: 'Import cancelled; nothing was saved.' } });
      expect(phases.map((p) => p.phase)).toContain('reading');
      expect(phases.map((p) => p.phase)).toContain('checking');

      const { db } = openDatabase(dbFile);
      try {
        expect(dump(db)).toEqual(before);
      } finally {
        db.close();
      }
    } finally {
      await pool.close();
    }
  });
});
