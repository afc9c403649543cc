import type { In, Out, Parsed } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import type { CustomerFieldsValue } from '../../shared/ipc/schemas';
import type { TimelineEntry } from '../../shared/domain/types';
import type { CustomerWrite } from '../db/repositories/customers';
import { nowIso, type ServiceContext } from './context';

function normalizeWrite(fields: CustomerFieldsValue): CustomerWrite {
  return {
    name: fields.name,
    phone: fields.phone ?? null,
    email: fields.email ?? null,
    birthday: fields.birthday ?? null,
    tags: fields.tags ?? [],
    notes: fields.notes ?? '',
    marketingConsent: fields.marketingConsent ?? false,
    externalRef: fields.externalRef ?? null,
  };
}

function assertExternalRefFree(ctx: ServiceContext, ref: string | null, exceptId?: number): void {
  if (ref === null) return;
  const other = ctx.repos.customers.findByExternalRef(ref);
  if (other && other.id !== exceptId) {
    throw new AppError('CONFLICT', `Another customer (${other.name}) already has the reference "${ref}".`, [
      { path: 'externalRef', message: 'This reference is already used.' },
    ]);
  }
}

export function requireCustomer(ctx: ServiceContext, id: number) {
  const customer = ctx.repos.customers.get(id);
  if (!customer) throw new AppError('NOT_FOUND', `Customer #${id} does not exist (any more).`);
  return customer;
}

export function createCustomer(ctx: ServiceContext, input: Parsed<'customers:create'>): Out<'customers:create'> {
  const fields = normalizeWrite(input);
  return ctx.db.transaction(() => {
    assertExternalRefFree(ctx, fields.externalRef);
    const id = ctx.repos.customers.insert(fields, nowIso(ctx));
    return requireCustomer(ctx, id);
  })();
}

export function updateCustomer(ctx: ServiceContext, input: Parsed<'customers:update'>): Out<'customers:update'> {
  return ctx.db.transaction(() => {
    const current = requireCustomer(ctx, input.id);
    // Only the fields that were sent change; an absent field keeps its value.
    const merged = normalizeWrite({
      name: input.patch.name ?? current.name,
      phone: input.patch.phone !== undefined ? input.patch.phone : current.phone,
      email: input.patch.email !== undefined ? input.patch.email : current.email,
      birthday: input.patch.birthday !== undefined ? input.patch.birthday : current.birthday,
      tags: input.patch.tags ?? current.tags,
      notes: input.patch.notes ?? current.notes,
      marketingConsent: input.patch.marketingConsent ?? current.marketingConsent,
      externalRef: input.patch.externalRef !== undefined ? input.patch.externalRef : current.externalRef,
    });
    assertExternalRefFree(ctx, merged.externalRef, input.id);
    ctx.repos.customers.update(input.id, merged, nowIso(ctx));
    return requireCustomer(ctx, input.id);
  })();
}

export function deleteCustomer(ctx: ServiceContext, input: Parsed<'customers:delete'>): Out<'customers:delete'> {
  if (!ctx.repos.customers.delete(input.id)) throw new AppError('NOT_FOUND', `Customer #${input.id} does not exist (any more).`);
  return { deleted: true };
}

export function getCustomer(ctx: ServiceContext, input: Parsed<'customers:get'>): Out<'customers:get'> {
  const customer = requireCustomer(ctx, input.id);
  const stats = ctx.repos.customers.stats(input.id)!;
  const timeline: TimelineEntry[] = [
    ...ctx.repos.visits.forCustomer(input.id).map((visit) => ({ kind: 'visit' as const, visit })),
    ...ctx.repos.feedback.forCustomer(input.id).map((feedback) => ({ kind: 'feedback' as const, feedback })),
  ];
  const dateOf = (e: TimelineEntry) => (e.kind === 'visit' ? e.visit.date : e.feedback.date);
  const createdOf = (e: TimelineEntry) => (e.kind === 'visit' ? e.visit.createdAt : e.feedback.createdAt);
  timeline.sort((a, b) => dateOf(b).localeCompare(dateOf(a)) || createdOf(b).localeCompare(createdOf(a)));
  return {
    customer,
    stats: { visits: stats.visits, totalSpentCents: stats.totalSpentCents, firstVisit: stats.firstVisit, lastVisit: stats.lastVisit },
    timeline,
  };
}

export function listCustomers(ctx: ServiceContext, input: Parsed<'customers:list'>): Out<'customers:list'> {
  return ctx.repos.customers.list(input);
}

export function searchCustomers(ctx: ServiceContext, input: Parsed<'customers:search'>): Out<'customers:search'> {
  return ctx.repos.customers.search(input.query, input.limit);
}

export type CustomerCreateInput = In<'customers:create'>;
