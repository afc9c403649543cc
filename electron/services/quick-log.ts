import type { Out, Parsed } from '../../shared/ipc/contract';
import { nowIso, type ServiceContext } from './context';
import { requireCustomer } from './customers';
import { defaultFollowUp, requireFeedback } from './feedback';

/**
 * The counter-side shortcut: find or create the customer, record the visit and what they said, all
 * in one transaction so a half-logged visit can never exist.
 */
export function quickLog(ctx: ServiceContext, input: Parsed<'visits:quickLog'>): Out<'visits:quickLog'> {
  return ctx.db.transaction(() => {
    const now = nowIso(ctx);
    let customerId = input.customerId;
    const createdCustomer = customerId === undefined;
    if (customerId === undefined) {
      const fresh = input.newCustomer!;
      customerId = ctx.repos.customers.insert(
        { name: fresh.name, phone: fresh.phone ?? null, email: null, birthday: null, tags: [], notes: '', marketingConsent: false, externalRef: null },
        now,
      );
    }
    const customer = requireCustomer(ctx, customerId);
    const visitId =
      input.amountCents === null
        ? null
        : ctx.repos.visits.insert(
            { customerId, date: input.date, amountCents: input.amountCents, items: '', staff: null, paymentMethod: null },
            now,
          );
    const nps = input.nps ?? null;
    const rating = input.rating ?? null;
    const comment = (input.comment ?? '').trim();
    const feedbackId =
      nps === null && rating === null && comment === ''
        ? null
        : ctx.repos.feedback.insert(
            { customerId, visitId, date: input.date, nps, rating, comment, followUp: defaultFollowUp(nps, rating), source: 'manual' },
            now,
          );
    return {
      customer,
      visit: visitId === null ? null : ctx.repos.visits.get(visitId),
      feedback: feedbackId === null ? null : requireFeedback(ctx, feedbackId),
      createdCustomer,
    };
  })();
}
