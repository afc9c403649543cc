import type { Out, Parsed } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import type { FollowUpState } from '../../shared/domain/types';
import { nowIso, type ServiceContext } from './context';
import { requireCustomer } from './customers';

/**
 * An unhappy answer (NPS detractor 0–6, or 1–2 stars) opens a follow-up unless the owner says
 * otherwise: those are the customers worth a call.
 */
export function defaultFollowUp(nps: number | null, rating: number | null): FollowUpState {
  return (nps !== null && nps <= 6) || (rating !== null && rating <= 2) ? 'open' : 'none';
}

export function requireFeedback(ctx: ServiceContext, id: number) {
  const feedback = ctx.repos.feedback.get(id);
  if (!feedback) throw new AppError('NOT_FOUND', `Feedback #${id} does not exist (any more).`);
  return feedback;
}

export function logFeedback(ctx: ServiceContext, input: Parsed<'feedback:log'>): Out<'feedback:log'> {
  return ctx.db.transaction(() => {
    const customerId = input.customerId ?? null;
    if (customerId !== null) requireCustomer(ctx, customerId);
    const visitId = input.visitId ?? null;
    if (visitId !== null && !ctx.repos.visits.get(visitId)) throw new AppError('NOT_FOUND', `Visit #${visitId} does not exist.`);
    const nps = input.nps ?? null;
    const rating = input.rating ?? null;
    const followUp: FollowUpState = input.followUp === undefined ? defaultFollowUp(nps, rating) : input.followUp ? 'open' : 'none';
    const id = ctx.repos.feedback.insert(
      { customerId, visitId, date: input.date, nps, rating, comment: input.comment ?? '', followUp, source: 'manual' },
      nowIso(ctx),
    );
    return requireFeedback(ctx, id);
  })();
}

export function listFeedback(ctx: ServiceContext, input: Parsed<'feedback:list'>): Out<'feedback:list'> {
  return ctx.repos.feedback.list(input.filter, input.offset, input.limit);
}

export function setFollowUp(ctx: ServiceContext, input: Parsed<'feedback:setFollowUp'>): Out<'feedback:setFollowUp'> {
  return ctx.db.transaction(() => {
    requireFeedback(ctx, input.id);
    ctx.repos.feedback.setFollowUp(input.id, input.done ? 'done' : 'open', input.note.trim());
    return requireFeedback(ctx, input.id);
  })();
}

export function deleteFeedback(ctx: ServiceContext, input: Parsed<'feedback:delete'>): Out<'feedback:delete'> {
  if (!ctx.repos.feedback.delete(input.id)) throw new AppError('NOT_FOUND', `Feedback #${input.id} does not exist (any more).`);
  return { deleted: true };
}
