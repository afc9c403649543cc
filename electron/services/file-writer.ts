import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

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
