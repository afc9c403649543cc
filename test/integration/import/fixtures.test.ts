/**
 * Every import fixture through the real service on a real SQLite file: stage → preview → commit, the
 * counts and stored values the manifest expects, and re-importing the same file adds nothing.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, type FixtureSpec } from '../../fixtures/import/manifest';
import { dump, op, tempShop } from '../../support/db';
import type { ServiceContext } from '../../../electron/services/context';
import { choicesFor, FIXTURE_DIR, shopData } from './helpers';

async function shopFor(spec: FixtureSpec) {
  const shop = tempShop();
  if (spec.options?.locale) await op(shop, 'settings:update', { locale: spec.options.locale });
  return shop;
}

async function stage(ctx: ServiceContext, spec: FixtureSpec) {
  return op(ctx, 'import:stage', { fileName: spec.file, path: path.join(FIXTURE_DIR, spec.file) });
}

interface StoredCustomer {
  name: string;
  email: string | null;
  phone: string | null;
  birthday: string | null;
  notes: string;
  tags: string;
}

describe.each(FIXTURES.map((f) => [f.id, f] as const))('import fixture %s', (_id, spec) => {
  it('imports with the expected counts and stored values, and a second import adds nothing', async () => {
    const shop = await shopFor(spec);
    const staged = await stage(shop, spec);
    const choices = await choicesFor(shop, spec, staged.stageId);
    const outcome = await op(shop, 'import:commit', choices);

    const e = spec.expect;
    expect(outcome).toMatchObject({
      kind: e.kind,
      rowsRead: e.rowsRead,
      customersCreated: e.customersCreated,
      customersUpdated: 0,
      visitsCreated: e.visitsCreated,
      visitsRevenueCents: e.visitsRevenueCents,
      firstDate: e.firstDate,
      lastDate: e.lastDate,
      feedbackCreated: e.feedbackCreated,
      duplicatesSkipped: 0,
      errorCount: e.errorCount,
    });
    expect(outcome.rowErrors).toHaveLength(e.errorCount);
    expect(outcome.importId).toBeGreaterThan(0);

    const counts = shop.db.prepare('SELECT (SELECT count(*) FROM customers) AS c, (SELECT count(*) FROM visits) AS v, (SELECT count(*) FROM feedback) AS f').get() as { c: number; v: number; f: number };
    expect(counts).toEqual({ c: e.customersCreated, v: e.visitsCreated, f: e.feedbackCreated });

    for (const want of spec.customers ?? []) {
      const got = shop.db.prepare('SELECT name, email, phone, birthday, notes, tags FROM customers WHERE name = ?').get(want.name) as StoredCustomer | undefined;
      expect(got, `customer ${want.name}`).toBeDefined();
      if (want.email !== undefined) expect(got!.email).toBe(want.email);
      if (want.phone !== undefined) expect(got!.phone).toBe(want.phone);
      if (want.birthday !== undefined) expect(got!.birthday).toBe(want.birthday);
      if (want.notes !== undefined) expect(got!.notes).toBe(want.notes);
      if (want.tags !== undefined) expect(JSON.parse(got!.tags)).toEqual(want.tags);
    }
    for (const want of spec.visits ?? []) {
      const got = shop.db
        .prepare('SELECT v.amount_cents AS amountCents FROM visits v JOIN customers c ON c.id = v.customer_id WHERE c.name = ? AND v.date = ?')
        .all(want.name, want.date) as { amountCents: number }[];
      expect(got.map((g) => g.amountCents), `visit of ${want.name} on ${want.date}`).toEqual([want.amountCents]);
    }

    // The same file again: every row is recognised, nothing is added or changed.
    const before = shopData(dump(shop.db));
    const again = await stage(shop, spec);
    const second = await op(shop, 'import:commit', await choicesFor(shop, spec, again.stageId));
    expect(second).toMatchObject({ customersCreated: 0, customersUpdated: 0, visitsCreated: 0, feedbackCreated: 0, duplicatesSkipped: e.visitsCreated + e.feedbackCreated });
    expect(shopData(dump(shop.db))).toEqual(before);
  });

  if (spec.blockedWithout) {
    it('is refused as it is, naming the reason, and nothing is written', async () => {
      const shop = await shopFor(spec);
      const staged = await stage(shop, spec);
      const before = dump(shop.db);
      const preview = await op(shop, 'import:preview', { stageId: staged.stageId });
      if (spec.blockedWithout!.ambiguousCount !== undefined) {
        const date = preview.dateColumns.find((d) => d.needsChoice);
        expect(date?.ambiguousCount).toBe(spec.blockedWithout!.ambiguousCount);
        expect(date?.example).not.toBeNull();
        expect(preview.blockers.map((b) => b.message).join(' ')).toContain(spec.blockedWithout!.message);
      }
      await expect(op(shop, 'import:commit', { stageId: staged.stageId })).rejects.toThrow(spec.blockedWithout!.message);
      expect(dump(shop.db)).toEqual(before);
    });
  }
});
