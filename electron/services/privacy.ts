/**
 * Privacy erase: when a person asks to be forgotten, their details go but their visits stay (as
 * "Erased customer #123"), so the shop's totals and history do not change. The old bytes are
 * removed from the data file itself, so future backups do not hold them either; backups made
 * before still do, and the owner is told so.
 */
import { plural } from '../../shared/domain/text';
import { existsSync } from 'node:fs';
import type { Out, Parsed } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import { createPrivacyRepository } from '../db/repositories/privacy';
import { backupsDir, backupsIn } from './backups';
import { nowIso, today, type ServiceContext } from './context';
import { requireCustomer } from './customers';

/** Backups that exist now, in `backups/` and the second folder: they still hold what is erased. */
function backupsHoldingOldData(ctx: ServiceContext): number {
  if (ctx.dbFile === ':memory:') return 0;
  const second = ctx.repos.settings.get().backupFolder;
  return backupsIn(backupsDir(ctx)).length + (second && existsSync(second) ? backupsIn(second).length : 0);
}

function backupsSentence(count: number): string {
  if (count === 0) return 'No older backups hold these details.';
  return (
    `Older backups still hold these details (${count} backup${count === 1 ? '' : 's'}); ` +
    'they disappear as backups rotate, or delete them from the backups folder now if the person asked for everything to be removed.'
  );
}

export function eraseCustomer(ctx: ServiceContext, input: Parsed<'customers:erase'>): Out<'customers:erase'> {
  const before = requireCustomer(ctx, input.id);
  const privacy = createPrivacyRepository(ctx.db);
  if (!privacy.erase(input.id, nowIso(ctx))) throw new AppError('NOT_FOUND', `Customer #${input.id} does not exist (any more).`);
  privacy.purgeFreedSpace();
  const held = backupsHoldingOldData(ctx);
  const who = before.erasedAt ? `Customer #${input.id}` : before.name;
  return {
    customer: requireCustomer(ctx, input.id),
    backupsStillHolding: held,
    message:
      `${who} was erased: name, phone, email, birthday, notes, tags and feedback comments are gone. ` +
      `Their visits stay as "${privacy.erasedName(input.id)}", so totals do not change. ${backupsSentence(held)}`,
  };
}

/** The same calendar day `years` years before `date` (29 February → 28 February). */
function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export function eraseInactiveCustomers(ctx: ServiceContext, input: Parsed<'customers:eraseInactive'>): Out<'customers:eraseInactive'> {
  const cutoff = yearsBefore(today(ctx), input.years);
  const privacy = createPrivacyRepository(ctx.db);
  const ids = privacy.inactiveSince(cutoff);
  const held = backupsHoldingOldData(ctx);
  const since = new Date(`${cutoff}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const people = plural(ids.length, 'customer', 'customers');
  if (input.dryRun || ids.length === 0) {
    return {
      cutoff,
      ids,
      dryRun: input.dryRun,
      backupsStillHolding: held,
      message: `${people} ${ids.length === 1 ? 'has' : 'have'} not visited since ${since}.`,
    };
  }
  const now = nowIso(ctx);
  ctx.db.transaction(() => {
    for (const id of ids) privacy.erase(id, now);
  })();
  privacy.purgeFreedSpace();
  return {
    cutoff,
    ids,
    dryRun: false,
    backupsStillHolding: held,
    message: `Erased ${people} who had not visited since ${since}. ${backupsSentence(held)}`,
  };
}
