/** Shared by the import integration tests. */
import path from 'node:path';
import type { FixtureSpec } from '../../fixtures/import/manifest';
import type { ServiceContext } from '../../../electron/services/context';
import { op } from '../../support/db';

export const FIXTURE_DIR = path.resolve(__dirname, '../../fixtures/import');

/** The shop's own data, without the import history (which keeps a record of every import). */
export const shopData = (d: Record<string, unknown[]>) => ({ customers: d.customers, visits: d.visits, feedback: d.feedback, settings: d.settings });

/** The owner's answers as the review screen sends them: per date column, the fixture's date order. */
export async function choicesFor(ctx: ServiceContext, spec: FixtureSpec, stageId: string) {
  const base = { stageId, ...(spec.options?.sheet ? { sheet: spec.options.sheet } : {}), ...(spec.options?.kind ? { kind: spec.options.kind } : {}) };
  const preview = await op(ctx, 'import:preview', base);
  const dateOrders: Record<string, 'dmy' | 'mdy' | 'ymd'> = {};
  if (spec.options?.dateFormat) for (const d of preview.dateColumns) dateOrders[String(d.column)] = spec.options.dateFormat;
  const decimals: Record<string, ',' | '.'> = {};
  if (spec.options?.decimal) for (const m of preview.moneyColumns) decimals[String(m.column)] = spec.options.decimal;
  return { ...base, dateOrders, decimals, skipInvalid: spec.options?.skipInvalid ?? false };
}

