import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createBackup } from '../../../electron/services/backups';
import { op } from '../../support/db';
import { hostedShop, type HostedShop } from './support';

const shops: HostedShop[] = [];
afterEach(() => {
  for (const s of shops.splice(0)) s.close();
});

const SECRETS = ['zed.secret@example.com', 'Zedediah Quartermain', 'Allergic to hazelnuts', 'TILL-98765', 'secret sauce complaint', 'called back on mobile', '7946 0111'];

/** Whether any of the texts is still somewhere in the bytes of a file (and its WAL). */
function bytesHolding(file: string): string[] {
  const buffers = [readFileSync(file), ...(existsSync(`${file}-wal`) ? [readFileSync(`${file}-wal`)] : [])];
  return SECRETS.filter((secret) => buffers.some((b) => b.includes(Buffer.from(secret, 'utf8'))));
}

async function shopWithZed() {
  const s = hostedShop({ demoCustomers: 200 });
  shops.push(s);
  const zed = await op(s.ctx, 'customers:create', {
    name: 'Zedediah Quartermain',
    email: 'zed.secret@example.com',
    phone: '+44 20 7946 0111',
    birthday: '1980-05-05',
    notes: 'Allergic to hazelnuts',
    tags: ['regular'],
    externalRef: 'TILL-98765',
    marketingConsent: true,
  });
  await op(s.ctx, 'visits:log', { customerId: zed.id, date: '2026-10-01', amountCents: 4200 });
  await op(s.ctx, 'visits:log', { customerId: zed.id, date: '2026-10-09', amountCents: -700 });
  const fb = await op(s.ctx, 'feedback:log', { customerId: zed.id, date: '2026-10-09', nps: 2, comment: 'secret sauce complaint' });
  await op(s.ctx, 'feedback:setFollowUp', { id: fb.id, done: true, note: 'called back on mobile' });
  return { s, zed };
}

describe('customers:erase', () => {
  it('removes the personal details but keeps visits, so totals do not change', async () => {
    const { s, zed } = await shopWithZed();
    const before = await op(s.ctx, 'shop:overview', {});
    const detailBefore = await op(s.ctx, 'customers:get', { id: zed.id });

    const result = await op(s.ctx, 'customers:erase', { id: zed.id });
    expect(result.customer).toMatchObject({
      id: zed.id,
      name: `Erased customer #${zed.id}`,
      phone: null,
      email: null,
      birthday: null,
      notes: '',
      tags: [],
      externalRef: null,
      marketingConsent: false,
      erasedAt: '2026-11-20T10:00:00.000Z',
    });
    expect(await op(s.ctx, 'shop:overview', {})).toEqual(before);
    const detail = await op(s.ctx, 'customers:get', { id: zed.id });
    expect(detail.stats).toEqual(detailBefore.stats);
    const feedback = detail.timeline.filter((e) => e.kind === 'feedback');
    expect(feedback).toHaveLength(1);
    expect(feedback[0]!.kind === 'feedback' && feedback[0]!.feedback).toMatchObject({ nps: 2, comment: '', followUpNote: '' });
    expect(await op(s.ctx, 'customers:search', { query: 'zed.secret' })).toEqual([]);
  });

  it('leaves no trace in the file bytes or in later backups, and says older backups still hold them', async () => {
    const { s, zed } = await shopWithZed();
    const older = createBackup(s.ctx, 'manual').backup;
    // Churn so some of Zed's bytes also sit in pages freed earlier (without secure_delete).
    await op(s.ctx, 'customers:update', { id: zed.id, patch: { notes: 'Allergic to hazelnuts. '.repeat(40) } });
    await op(s.ctx, 'customers:update', { id: zed.id, patch: { notes: 'Allergic to hazelnuts' } });
    expect(bytesHolding(s.file).length + bytesHolding(older.file).length).toBeGreaterThan(0);
    expect(bytesHolding(older.file)).toEqual(SECRETS); // the scan does find them where they are

    const result = await op(s.ctx, 'customers:erase', { id: zed.id });
    expect(result.backupsStillHolding).toBe(1);
    expect(result.message).toMatch(/Older backups still hold these details \(1 backup\)/);
    expect(bytesHolding(s.file)).toEqual([]);
    const after = createBackup(s.ctx, 'manual').backup;
    expect(bytesHolding(after.file)).toEqual([]);
    s.close();
    expect(bytesHolding(s.file)).toEqual([]);
  });

  it('scrubs the copies import undo keeps of the customer and their feedback', async () => {
    const { s, zed } = await shopWithZed();
    const db = s.ctx.db;
    const importId = Number(
      db.prepare("INSERT INTO imports (file_name, kind, status, started_at) VALUES ('till.csv', 'customers', 'done', 'x')").run().lastInsertRowid,
    );
    const image = JSON.stringify({ id: zed.id, name: 'Zedediah Quartermain', email: 'zed.secret@example.com', visit_count: 2, tags: ['regular'] });
    db.prepare("INSERT INTO import_changes (import_id, table_name, row_id, action, before, after) VALUES (?, 'customers', ?, 'update', ?, ?)").run(importId, zed.id, image, image);
    await op(s.ctx, 'customers:erase', { id: zed.id });
    const row = db.prepare('SELECT before, after FROM import_changes').get() as { before: string; after: string };
    expect(JSON.parse(row.before)).toEqual({ id: zed.id, name: `Erased customer #${zed.id}`, email: null, visit_count: 2, tags: [] });
    expect(bytesHolding(s.file)).toEqual([]);
  });

  it('says so when the customer does not exist', async () => {
    const { s } = await shopWithZed();
    await expect(op(s.ctx, 'customers:erase', { id: 99999 })).rejects.toThrow(/Customer #99999 does not exist/);
  });
});

describe('customers:eraseInactive', () => {
  it('previews, then erases customers not seen for more than N years, keeping totals', async () => {
    const s = hostedShop();
    shops.push(s);
    const old = await op(s.ctx, 'customers:create', { name: 'Long Gone', email: 'gone@example.com' });
    const recent = await op(s.ctx, 'customers:create', { name: 'Still Here' });
    await op(s.ctx, 'visits:log', { customerId: old.id, date: '2023-11-19', amountCents: 1000 });
    await op(s.ctx, 'visits:log', { customerId: recent.id, date: '2023-11-19', amountCents: 500 });
    await op(s.ctx, 'visits:log', { customerId: recent.id, date: '2026-01-05', amountCents: 500 });
    const revenue = (await op(s.ctx, 'shop:overview', {})).revenueCents;

    const preview = await op(s.ctx, 'customers:eraseInactive', { years: 3, dryRun: true });
    expect(preview).toMatchObject({ cutoff: '2023-11-20', ids: [old.id], dryRun: true });
    expect((await op(s.ctx, 'customers:get', { id: old.id })).customer.email).toBe('gone@example.com');

    const done = await op(s.ctx, 'customers:eraseInactive', { years: 3 });
    expect(done).toMatchObject({ ids: [old.id], dryRun: false, message: expect.stringMatching(/^Erased 1 customer who had not visited since 20 November 2023/) });
    expect((await op(s.ctx, 'customers:get', { id: old.id })).customer).toMatchObject({ name: `Erased customer #${old.id}`, email: null });
    expect((await op(s.ctx, 'customers:get', { id: recent.id })).customer.name).toBe('Still Here');
    expect((await op(s.ctx, 'shop:overview', {})).revenueCents).toBe(revenue);
    // Already erased customers are not erased again.
    expect((await op(s.ctx, 'customers:eraseInactive', { years: 3, dryRun: true })).ids).toEqual([]);
  });
});
