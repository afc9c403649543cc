/**
 * Staging: the file being imported is copied into a folder beside the data file (the OS temp folder
 * for an in-memory database) and named by a random stage id. Preview and commit read the copy, so the
 * owner can move or edit the original meanwhile, and the quick and long worker lanes both find it.
 * Copies are deleted after a successful import, on cancel, and when older than a day.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Parsed } from '../../../shared/ipc/contract';
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_UPLOAD_BYTES } from '../../../shared/ipc/import-schemas';
import type { StagedFile } from '../../../shared/import/preview-types';
import { AppError } from '../../../shared/ipc/result';
import type { ServiceContext } from '../context';

const STALE_MS = 24 * 60 * 60 * 1000;

interface StageMeta {
  fileName: string;
  sizeBytes: number;
  stagedAt: string;
}

export function stagingDir(ctx: Pick<ServiceContext, 'dbFile'>): string {
  const inMemory = ctx.dbFile === ':memory:' || ctx.dbFile === '';
  return inMemory ? path.join(os.tmpdir(), 'regulars-import-staging') : path.join(path.dirname(path.resolve(ctx.dbFile)), 'import-staging');
}

const dataPath = (dir: string, id: string) => path.join(dir, `${id}.data`);
const metaPath = (dir: string, id: string) => path.join(dir, `${id}.json`);

function sizeText(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString('en-US')} MB`;
}

function removeStale(dir: string, now: number): void {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    try {
      if (now - statSync(file).mtimeMs > STALE_MS) rmSync(file, { force: true });
    } catch {
      // Another lane removed it first: fine.
    }
  }
}

function readableSource(file: string, fileName: string): number {
  if (!path.isAbsolute(file)) throw new AppError('BAD_INPUT', `Give the full path of ${fileName}.`);
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new AppError('BAD_INPUT', `${fileName} is a folder, not a file. Choose the exported spreadsheet inside it.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new AppError('BAD_INPUT', `Regulars is not allowed to read ${fileName}. Copy it to your Documents folder and try again.`);
    throw new AppError('BAD_INPUT', `Regulars cannot find ${fileName}. Was it moved or deleted?`);
  }
  if (size > MAX_IMPORT_FILE_BYTES) {
    throw new AppError('BAD_INPUT', `${fileName} is ${sizeText(size)}, more than the ${sizeText(MAX_IMPORT_FILE_BYTES)} Regulars imports at once. Split it into smaller files (for example one per year).`);
  }
  return size;
}

export function stageImport(ctx: ServiceContext, input: Parsed<'import:stage'>): StagedFile {
  const dir = stagingDir(ctx);
  mkdirSync(dir, { recursive: true });
  removeStale(dir, ctx.now().getTime());
  const stageId = randomUUID();
  const fileName = path.basename(input.fileName.replace(/\\/g, '/'));
  let sizeBytes: number;
  if (input.path !== undefined) {
    sizeBytes = readableSource(input.path, fileName);
    try {
      copyFileSync(input.path, dataPath(dir, stageId));
    } catch {
      throw new AppError('BAD_INPUT', `Regulars could not read ${fileName}. Close it in Excel if it is open, and try again.`);
    }
  } else {
    const bytes = Buffer.from(input.dataBase64 ?? '', 'base64');
    if (bytes.length > MAX_IMPORT_UPLOAD_BYTES) {
      throw new AppError('BAD_INPUT', `${fileName} is too big to open in the browser version (over ${sizeText(MAX_IMPORT_UPLOAD_BYTES)}). Open it in the Regulars app instead.`);
    }
    sizeBytes = bytes.length;
    writeFileSync(dataPath(dir, stageId), bytes);
  }
  const meta: StageMeta = { fileName, sizeBytes, stagedAt: ctx.now().toISOString() };
  writeFileSync(metaPath(dir, stageId), JSON.stringify(meta));
  return { stageId, fileName, sizeBytes };
}

/** The staged copy's bytes and original name; NOT_FOUND when it was cancelled or cleaned up. */
export function readStaged(ctx: ServiceContext, stageId: string): { bytes: Buffer; fileName: string; sizeBytes: number } {
  const dir = stagingDir(ctx);
  if (!existsSync(metaPath(dir, stageId)) || !existsSync(dataPath(dir, stageId))) {
    throw new AppError('NOT_FOUND', 'That file is no longer open for import. Choose it again.');
  }
  const meta = JSON.parse(readFileSync(metaPath(dir, stageId), 'utf8')) as StageMeta;
  return { bytes: readFileSync(dataPath(dir, stageId)), fileName: meta.fileName, sizeBytes: meta.sizeBytes };
}

export function dropStaged(ctx: ServiceContext, stageId: string): void {
  const dir = stagingDir(ctx);
  rmSync(dataPath(dir, stageId), { force: true });
  rmSync(metaPath(dir, stageId), { force: true });
}

/**
 * import:cancel. Stopping the running preview or commit happens in the worker pool, which knows the
 * long call in flight (see pool.ts); here the staged copy is dropped unless the owner keeps it.
 */
export function cancelImport(ctx: ServiceContext, input: Parsed<'import:cancel'>): { cancelled: true } {
  if (input.stageId && !input.keepFile) dropStaged(ctx, input.stageId);
  return { cancelled: true };
}
