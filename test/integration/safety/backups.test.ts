import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LATEST_VERSION } from '../../../electron/db/migrations';
import { backupBefore, backupsIn, createBackup, rotateBackups } from '../../../electron/services/backups';
import { BackupScheduler } from '../../../electron/services/backup-scheduler';
import { backupFileName } from '../../../shared/domain/backups';
import { op } from '../../support/db';
import { tempDir } from '../../support/web-app';
import { corruptPages, digest, hostedShop, readFileState, type HostedShop } from './support';

const shops: HostedShop[] = [];
function shop(options: Parameters<typeof hostedShop>[0] = {}): HostedShop {
  const s = hostedShop(options);
  shops.push(s);
  return s;
}
afterEach(() => {
  for (const s of shops.splice(0)) s.close();
});

describe('backups', () => {
  it('a backup restored into a fresh folder holds exactly the source data', async () => {
    const s = shop({ demoCustomers: 120 });
    await op(s.ctx, 'settings:update', { shopName: 'Crumbs & Co' });
    const created = await op(s.ctx, 'backups:create', {});
    expect(created.backup).toMatchObject({ reason: 'manual', customers: 120, schemaVersion: LATEST_VERSION, problem: null });
    expect(created.backup.visits).toBeGreaterThan(120);
    expect(created.backup.file.startsWith(path.join(s.dir, 'backups'))).toBe(true);
    expect(created.secondCopy).toBeNull();

    const fresh = shop({ file: path.join(tempDir(), 'restored.sqlite') });
    const outcome = await op(fresh.ctx, 'backups:restore', { file: created.backup.file });
    expect(outcome.restored).toMatchObject({ customers: 120, visits: created.backup.visits });
    expect(digest(fresh.ctx.db)).toBe(digest(s.ctx.db));
    expect(fresh.ctx.db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('lists backups newest first with their date, size and counts', async () => {
    const s = shop({ demoCustomers: 30 });
    s.setNow(new Date('2026-11-20T08:00:00Z'));
    await op(s.ctx, 'backups:create', {});
    await op(s.ctx, 'customers:create', { name: 'Late Arrival' });
    s.setNow(new Date('2026-11-20T09:00:00Z'));
    await op(s.ctx, 'backups:create', {});
    const list = await op(s.ctx, 'backups:list', {});
    expect(list.folder).toBe(path.join(s.dir, 'backups'));
    expect(list.backups.map((b) => [b.createdAt, b.customers])).toEqual([
      ['2026-11-20T09:00:00.000Z', 31],
      ['2026-11-20T08:00:00.000Z', 30],
    ]);
    expect(list.backups[0]!.sizeBytes).toBeGreaterThan(4096);
    // Counts come from the file itself when the sidecar is missing (a backup copied in by hand).
    rmSync(`${list.backups[0]!.file}.json`);
    expect((await op(s.ctx, 'backups:list', {})).backups[0]).toMatchObject({ customers: 31, problem: null });
  });

  it('"Back up now" to a chosen folder writes there only', async () => {
    const s = shop({ demoCustomers: 10 });
    const stick = tempDir('stick-');
    const created = await op(s.ctx, 'backups:create', { folder: stick });
    expect(path.dirname(created.backup.file)).toBe(stick);
    expect(backupsIn(path.join(s.dir, 'backups'))).toEqual([]);
    expect(readFileState(created.backup.file).integrity).toBe('ok');
  });

  it('automatic backups also go to the second folder when it is there, and skip it with a note when not', async () => {
    const s = shop({ demoCustomers: 10 });
    const stick = path.join(tempDir('stick-'), 'REGULARS');
    await op(s.ctx, 'settings:update', { backupFolder: stick });
    const missing = createBackup(s.ctx, 'auto');
    expect(missing.secondCopy).toMatchObject({ folder: stick, saved: false, note: expect.stringMatching(/not available.*USB stick/) });
    expect(existsSync(missing.backup.file)).toBe(true);
    expect((await op(s.ctx, 'backups:list', {})).secondFolder).toEqual({ folder: stick, available: false });

    mkdirSync(stick);
    const present = createBackup(s.ctx, 'auto');
    expect(present.secondCopy).toMatchObject({ saved: true });
    const onStick = backupsIn(stick);
    expect(onStick.map((b) => b.name)).toEqual([present.backup.name]);
    expect(onStick[0]).toMatchObject({ customers: 10, problem: null });
    expect((await op(s.ctx, 'backups:list', { folder: stick })).backups).toHaveLength(1);
  });

  it('rotation deletes only what the policy does not keep, and never foreign files', () => {
    const s = shop({ demoCustomers: 5 });
    const dir = path.join(s.dir, 'backups');
    // 60 days of one backup a day at noon, the last one today.
    for (let day = 59; day >= 0; day--) {
      s.setNow(new Date(2026, 10, 20 - day, 12));
      createBackup(s.ctx, 'daily');
    }
    writeFileSync(path.join(dir, 'my-own-notes.txt'), 'keep me');
    rotateBackups(dir, new Date(2026, 10, 20, 12));
    const names = readdirSync(dir);
    expect(names).toContain('my-own-notes.txt');
    const kept = backupsIn(dir);
    // 30 daily (Oct 22 – Nov 20) plus the newest of September (the 30th); August and older go.
    expect(kept).toHaveLength(31);
    expect(names.filter((n) => n.endsWith('.json'))).toHaveLength(31);
  });

  it('backupBefore makes a named safety copy, skips an empty shop, and refuses when it cannot write', () => {
    const empty = shop();
    expect(backupBefore(empty.ctx, 'import')).toBeNull();

    const s = shop({ demoCustomers: 8 });
    const copy = backupBefore(s.ctx, 'import');
    expect(copy).toMatchObject({ reason: 'before-import', customers: 8 });
    expect(copy!.name).toMatch(/-before-import\.sqlite$/);

    // A file where the backups folder should be: the copy cannot be made, so the change must not go ahead.
    const blocked = shop({ demoCustomers: 3 });
    writeFileSync(path.join(blocked.dir, 'backups'), 'not a folder');
    expect(() => backupBefore(blocked.ctx, 'undo')).toThrow(/could not make a safety copy before the undo, so nothing was changed/);
  });

  it('inspect shows what a backup holds next to the current data', async () => {
    const s = shop({ demoCustomers: 25 });
    const created = await op(s.ctx, 'backups:create', {});
    await op(s.ctx, 'customers:create', { name: 'New Since' });
    const inspection = await op(s.ctx, 'backups:inspect', { file: created.backup.name });
    expect(inspection.restorable).toBe(true);
    expect(inspection.backup).toMatchObject({ customers: 25, schemaVersion: LATEST_VERSION, createdAt: '2026-11-20T10:00:00.000Z', problem: null });
    expect(inspection.current).toMatchObject({ customers: 26, file: s.file });
    await expect(op(s.ctx, 'backups:inspect', { file: '../shop.sqlite' })).rejects.toThrow(/file name or by its full path/);
  });
});

describe('restore', () => {
  it('can be undone: the data just before is backed up first', async () => {
    const s = shop({ demoCustomers: 40 });
    const original = digest(s.ctx.db);
    const older = await op(s.ctx, 'backups:create', {});
    await op(s.ctx, 'customers:create', { name: 'Added Later', email: 'later@example.com' });
    const customer = (await op(s.ctx, 'customers:search', { query: 'Added Later' }))[0]!;
    await op(s.ctx, 'visits:log', { customerId: customer.id, date: '2026-11-19', amountCents: 990 });
    const changed = digest(s.ctx.db);

    const restored = await op(s.ctx, 'backups:restore', { file: older.backup.name });
    expect(digest(s.ctx.db)).toBe(original);
    expect(restored.undoBackup).toMatchObject({ reason: 'before-restore', customers: 41 });
    expect(restored.message).toMatch(/restore that one to undo this/);
    // The repositories follow the new connection too.
    expect(await op(s.ctx, 'customers:search', { query: 'Added Later' })).toEqual([]);

    await op(s.ctx, 'backups:restore', { file: restored.undoBackup!.name });
    expect(digest(s.ctx.db)).toBe(changed);
    expect(existsSync(`${s.file}.restoring`)).toBe(false);
  });

  it('refuses a backup from a newer version, and changes nothing', async () => {
    const s = shop({ demoCustomers: 10 });
    const before = digest(s.ctx.db);
    const newer = path.join(tempDir(), 'newer.sqlite');
    const created = await op(s.ctx, 'backups:create', {});
    copyFileSync(created.backup.file, newer);
    const raw = new Database(newer);
    raw.pragma(`user_version = ${LATEST_VERSION + 3}`);
    raw.close();

    const inspection = await op(s.ctx, 'backups:inspect', { file: newer });
    expect(inspection.restorable).toBe(false);
    expect(inspection.backup.problem).toMatch(/newer version of Regulars.*Install the latest Regulars/);
    await expect(op(s.ctx, 'backups:restore', { file: newer })).rejects.toThrow(/newer version of Regulars.*Nothing was changed/);
    expect(digest(s.ctx.db)).toBe(before);
    expect(backupsIn(path.join(s.dir, 'backups'))).toHaveLength(1); // no safety copy for a refused restore
  });

  it.each([
    ['a damaged file', (file: string) => corruptPages(file), /damaged/],
    ['a file that is not a database', (file: string) => writeFileSync(file, 'hello '.repeat(2000)), /damaged|cannot read/],
    ['a SQLite file that is not Regulars', (file: string) => {
      rmSync(file);
      const db = new Database(file);
      db.exec('CREATE TABLE recipes (name TEXT)');
      db.close();
    }, /not a Regulars backup/],
    ['a missing file', (file: string) => rmSync(file), /not there any more/],
  ])('refuses %s with a clear message', async (_label, spoil, message) => {
    const s = shop({ demoCustomers: 60 });
    const before = digest(s.ctx.db);
    const created = await op(s.ctx, 'backups:create', {});
    const file = path.join(tempDir(), 'spoiled.sqlite');
    copyFileSync(created.backup.file, file);
    spoil(file);
    await expect(op(s.ctx, 'backups:restore', { file })).rejects.toThrow(message);
    expect(digest(s.ctx.db)).toBe(before);
    expect(existsSync(`${s.file}.restoring`)).toBe(false);
  });

  it('works when the data file itself cannot be opened, and keeps the damaged file aside', async () => {
    const s = shop({ demoCustomers: 30 });
    const good = digest(s.ctx.db);
    const created = await op(s.ctx, 'backups:create', {});
    s.close();
    corruptPages(s.file, 1);

    const broken = shop({ file: s.file });
    expect(broken.connection.db).toBeNull();
    await expect(op(broken.ctx, 'shop:overview', {})).rejects.toThrow(/damaged or is not a Regulars data file/);
    const status = await op(broken.ctx, 'data:status', {});
    expect(status).toMatchObject({ open: false, problem: expect.stringMatching(/damaged/), latestBackup: { name: created.backup.name } });
    expect((await op(broken.ctx, 'backups:list', {})).backups).toHaveLength(1);
    expect((await op(broken.ctx, 'backups:inspect', { file: created.backup.name })).current).toBeNull();

    await op(broken.ctx, 'backups:restore', { file: created.backup.name });
    expect(broken.connection.db).not.toBeNull();
    expect(digest(broken.ctx.db)).toBe(good);
    expect(backupsIn(path.join(s.dir, 'backups')).map((b) => b.reason).sort()).toEqual(['damaged', 'manual']);
  });
});

describe('the backup scheduler', () => {
  it('backs up at start when the newest backup is over a day old, every interval while data changes, and on quit', async () => {
    const s = shop({ demoCustomers: 12 });
    const dir = path.join(s.dir, 'backups');
    const scheduler = new BackupScheduler(s.ctx, () => undefined);
    expect(scheduler.start()?.backup.reason).toBe('daily');
    expect(scheduler.tick()).toBeNull(); // nothing changed

    await op(s.ctx, 'customers:list', {});
    scheduler.noteChanges();
    expect(scheduler.tick()).toBeNull(); // reading is not changing

    await op(s.ctx, 'customers:create', { name: 'Fresh Face' });
    scheduler.noteChanges();
    s.setNow(new Date('2026-11-20T10:30:00Z'));
    expect(scheduler.tick()?.backup).toMatchObject({ reason: 'auto', customers: 13 });
    expect(scheduler.stop()).toBeNull();

    await op(s.ctx, 'visits:log', { customerId: 1, date: '2026-11-20', amountCents: 450 });
    s.setNow(new Date('2026-11-20T10:40:00Z'));
    expect(scheduler.stop()?.backup.reason).toBe('quit');
    expect(backupsIn(dir).map((b) => b.reason)).toEqual(['quit', 'auto', 'daily']);

    // A restart within a day takes no new start-up backup; a day later it does.
    const again = new BackupScheduler(s.ctx, () => undefined);
    expect(again.start()).toBeNull();
    s.setNow(new Date('2026-11-21T10:40:01Z'));
    expect(again.start()?.backup.reason).toBe('daily');
  });

  it('removes what a crash left behind at start', () => {
    const s = shop({ demoCustomers: 3 });
    const dir = path.join(s.dir, 'backups');
    mkdirSync(dir, { recursive: true });
    const partial = path.join(dir, `${backupFileName(new Date(), 'auto')}.partial`);
    writeFileSync(partial, 'half');
    writeFileSync(`${s.file}.restoring`, 'half');
    new BackupScheduler(s.ctx, () => undefined).start();
    expect(existsSync(partial)).toBe(false);
    expect(existsSync(`${s.file}.restoring`)).toBe(false);
  });
});
