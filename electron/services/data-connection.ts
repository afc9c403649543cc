/**
 * The one open connection to the shop's data file, owned by whoever runs the services for a while
 * (the data worker, a CLI command). It exists so that restore can replace the file underneath:
 *
 *   restore prepares a checked copy → `replaceFile` closes the connection (SQLite checkpoints and
 *   removes the WAL) → the copy is renamed over the data file (atomic) → the file is opened again.
 *
 * Contexts made by {@link createHostedContext} read `db` and `repos` from here on every access, so
 * every call after a restore sees the restored data. When the file cannot be opened at all
 * (damaged, newer version) the connection stays closed and remembers why: the
 * operations that need no database (list and restore backups, check, status) still work, and every
 * other one fails with that reason. A read-only folder is the exception: the data is opened
 * read-only (see `open`), so the owner can still look things up.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db, type OpenOptions } from '../db/connection';
import { createRepositories, type Repositories } from '../db/repositories';
import { AppError, type AppErrorInfo } from '../../shared/ipc/result';
import type { ServiceContext } from './context';

/** Matches the reason `openDatabase` gives for a folder it may not write to. */
const READ_ONLY_FOLDER = /read-only|not allowed/i;

export class DataConnection {
  private current: Db | null = null;
  private problem: AppErrorInfo | null = null;
  private readOnlyNote: string | null = null;
  private readOnlyCopy: string | null = null;

  constructor(
    readonly dbFile: string,
    private readonly openFile: (file: string, options?: OpenOptions) => Db = (file, options) => openDatabase(file, options).db,
  ) {}

  /**
   * Opens the file (creating and migrating it if needed); on failure remembers why. When the folder
   * is read-only (a CD, a locked network share, a copy on a write-protected stick) the data is still
   * shown: a copy is opened read-only, every change is refused with the reason, and
   * {@link readOnlyReason} says so.
   */
  open(): boolean {
    this.readOnlyNote = null;
    try {
      this.current = this.openFile(this.dbFile);
      this.problem = null;
    } catch (error) {
      this.current = null;
      this.problem = error instanceof AppError ? error.toInfo() : { code: 'UNAVAILABLE', message: String(error) };
      if (READ_ONLY_FOLDER.test(this.problem.message) && existsSync(this.dbFile)) this.openReadOnlyCopy();
    }
    return this.current !== null;
  }

  /**
   * SQLite cannot open a WAL database read-only where it may not create its index file, so the copy
   * goes to the temp folder. Nobody can write to the original meanwhile (that is the problem), so a
   * plain copy is consistent.
   */
  private openReadOnlyCopy(): void {
    try {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'regulars-read-only-'));
      const copy = path.join(dir, path.basename(this.dbFile));
      copyFileSync(this.dbFile, copy);
      if (existsSync(`${this.dbFile}-wal`)) copyFileSync(`${this.dbFile}-wal`, `${copy}-wal`);
      this.current = this.openFile(copy, { readonly: true });
      this.readOnlyCopy = copy;
      this.readOnlyNote =
        `${this.problem?.message ?? 'The data folder is read-only.'} ` +
        'Until then Regulars shows your data read-only: you can look everything up, but changes cannot be saved.';
      this.problem = null;
    } catch {
      this.current = null; // keep the original reason: the file could not be opened at all
    }
  }

  /** Why the data is open read-only (a sentence with the way forward), or null when it can be changed. */
  get readOnlyReason(): string | null {
    return this.current ? this.readOnlyNote : null;
  }

  get db(): Db | null {
    return this.current;
  }

  /** Why the file is not open, or null when it is. */
  get openError(): AppErrorInfo | null {
    return this.current ? null : (this.problem ?? { code: 'UNAVAILABLE', message: 'The data file is closed.' });
  }

  /** The open database, or the reason it is not open as an AppError. */
  require(): Db {
    if (this.current) return this.current;
    const why = this.openError!;
    throw new AppError(why.code, why.message);
  }

  close(): void {
    this.current?.close();
    this.current = null;
    if (this.readOnlyCopy) rmSync(path.dirname(this.readOnlyCopy), { recursive: true, force: true });
    this.readOnlyCopy = null;
  }

  /**
   * Closes the connection, lets `swap` replace the data file, and opens it again — also when
   * `swap` throws, so the app is never left without its data. Refuses when the WAL is still there
   * after closing: another program (a second Regulars, a CLI command) has the file open, and
   * replacing it under them would lose their changes. (Closing the last connection checkpoints the
   * WAL into the file and deletes it, so a leftover WAL can never be replayed onto the new file.)
   */
  replaceFile(swap: () => void): void {
    const wasOpen = this.current !== null;
    this.close();
    try {
      const wal = `${this.dbFile}-wal`;
      // A file that could not be opened keeps its WAL: the restore moves both aside together.
      if (wasOpen && existsSync(wal) && statSync(wal).size > 0) {
        throw new AppError('CONFLICT', 'Another Regulars window or command is using the data file. Close it and try again; nothing was changed.');
      }
      if (wasOpen) {
        rmSync(wal, { force: true });
        rmSync(`${this.dbFile}-shm`, { force: true });
      }
      swap();
    } finally {
      this.open();
    }
    if (!this.current) throw new AppError('UNAVAILABLE', `The data was restored but cannot be opened: ${this.problem?.message ?? ''}`);
  }
}

/** A service context whose database is whatever `connection` has open right now. */
export function createHostedContext(connection: DataConnection, now: () => Date = () => new Date()): ServiceContext {
  let reposFor: Db | null = null;
  let repos: Repositories | null = null;
  return {
    get db(): Db {
      return connection.require();
    },
    get repos(): Repositories {
      const db = connection.require();
      if (db !== reposFor || !repos) {
        repos = createRepositories(db);
        reposFor = db;
      }
      return repos;
    },
    dbFile: connection.dbFile,
    now,
    connection,
  };
}
