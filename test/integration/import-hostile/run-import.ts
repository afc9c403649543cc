/**
 * Child-process runner for the hostile-file test: imports ONE file into ONE database through the real
 * service path (import:stage then import:commit, exactly what the app, the web bridge and the CLI
 * call), and prints one JSON line: the Result, the time taken, the peak memory, and any error that
 * reached the "unexpected failure" logger. Run as a separate process so a hang can be killed and
 * peak memory (maxRSS) belongs to this import alone.
 * Usage: node run-import.cjs <db file> <file to import>
 */
import path from 'node:path';
import { openDatabase } from '../../../electron/db/connection';
import { createServiceContext } from '../../../electron/services/context';
import { dispatch } from '../../../electron/services/dispatch';

async function main(): Promise<void> {
  const [dbFile, file] = process.argv.slice(2);
  if (!dbFile || !file) throw new Error('usage: run-import <db file> <file to import>');
  const unexpected: string[] = [];
  const logError = (op: string, error: unknown) => unexpected.push(`${op}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const { db } = openDatabase(dbFile);
  const ctx = createServiceContext(db, dbFile, () => new Date('2026-11-20T10:00:00Z'));
  const started = performance.now();
  const staged = await dispatch(ctx, 'import:stage', { fileName: path.basename(file), path: file }, logError);
  const result = staged.ok
    ? await dispatch(ctx, 'import:commit', { stageId: (staged.value as { stageId: string }).stageId }, logError)
    : staged;
  const ms = Math.round(performance.now() - started);
  db.close();
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ stage: staged.ok, result, ms, maxRssMb, unexpected })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
