import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/ipc/result';

/**
 * Writes a text file in chunks (an export of a million visits is never one string in memory) under
 * a temporary name, renamed into place when complete: a crash never leaves a half file that looks
 * whole.
 */
export class TextFileWriter {
  private readonly temp: string;
  private readonly fd: number;
  private parts: string[] = [];
  private buffered = 0;

  constructor(readonly file: string) {
    this.temp = `${file}.partial`;
    this.fd = openSync(this.temp, 'w');
  }

  write(text: string): void {
    this.parts.push(text);
    this.buffered += text.length;
    if (this.buffered >= 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.buffered = 0;
  }

  close(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(this.temp, this.file);
  }

  abort(): void {
    try {
      closeSync(this.fd);
    } finally {
      rmSync(this.temp, { force: true });
    }
  }
}

/** Writes a whole file through a {@link TextFileWriter}; removes the partial file on failure. */
export function writeTextFile(file: string, fill: (write: (text: string) => void) => void): string {
  const writer = new TextFileWriter(file);
  try {
    fill((text) => writer.write(text));
    writer.close();
  } catch (error) {
    writer.abort();
    throw error;
  }
  return file;
}

/**
 * Writes a small file whole (a summary's HTML or PDF) under a temporary name and renames it into
 * place, so a failure never leaves half a file; its folder is made if missing. The full path written,
 * or UNAVAILABLE naming the file when it cannot be written.
 */
export function writeWholeFile(file: string, content: string | Buffer): string {
  const target = path.resolve(file);
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(`${target}.partial`, content);
    renameSync(`${target}.partial`, target);
  } catch (error) {
    // Where the folder itself is the problem (a file stands in its place), there is no partial file to remove.
    try {
      rmSync(`${target}.partial`, { force: true });
    } catch {
      // Nothing was written.
    }
    throw new AppError('UNAVAILABLE', `Regulars could not save ${target} (${(error as Error).message}). Pick another folder or file name.`);
  }
  return target;
}
