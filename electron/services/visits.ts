import type { Out, Parsed } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import type { VisitWrite } from '../db/repositories/visits';
import { nowIso, type ServiceContext } from './context';
import { requireCustomer } from './customers';

function requireVisit(ctx: ServiceContext, id: number) {
  const visit = ctx.repos.visits.get(id);
  if (!visit) throw new AppError('NOT_FOUND', `Visit #${id} does not exist (any more).`);
  return visit;
}

export function logVisit(ctx: ServiceContext, input: Parsed<'visits:log'>): Out<'visits:log'> {
  return ctx.db.transaction(() => {
    requireCustomer(ctx, input.customerId);
    const id = ctx.repos.visits.insert(
      {
        customerId: input.customerId,
        date: input.date,
        amountCents: input.amountCents,
        items: input.items ?? '',
        staff: input.staff ?? null,
        paymentMethod: input.paymentMethod ?? null,
      },
      nowIso(ctx),
    );
    return requireVisit(ctx, id);
  })();
}

export function updateVisit(ctx: ServiceContext, input: Parsed<'visits:update'>): Out<'visits:update'> {
  return ctx.db.transaction(() => {
    const current = requireVisit(ctx, input.id);
    const next: VisitWrite = {
      customerId: input.patch.customerId ?? current.customerId,
      date: input.patch.date ?? current.date,
      amountCents: input.patch.amountCents ?? current.amountCents,
      items: input.patch.items ?? current.items,
      staff: input.patch.staff !== undefined ? input.patch.staff : current.staff,
      paymentMethod: input.patch.paymentMethod !== undefined ? input.patch.paymentMethod : current.paymentMethod,
    };
    if (next.customerId !== current.customerId) requireCustomer(ctx, next.customerId);
    ctx.repos.visits.update(input.id, next);
    return requireVisit(ctx, input.id);
  })();
}

export function deleteVisit(ctx: ServiceContext, input: Parsed<'visits:delete'>): Out<'visits:delete'> {
  if (!ctx.repos.visits.delete(input.id)) throw new AppError('NOT_FOUND', `Visit #${input.id} does not exist (any more).`);
  return { deleted: true };
}
