import type { Out, Parsed } from '../../shared/ipc/contract';
import type { ServiceContext } from './context';

export function getSettings(ctx: ServiceContext): Out<'settings:get'> {
  return ctx.repos.settings.get();
}

export function updateSettings(ctx: ServiceContext, input: Parsed<'settings:update'>): Out<'settings:update'> {
  return ctx.db.transaction(() => {
    ctx.repos.settings.set(input);
    return ctx.repos.settings.get();
  })();
}

export function shopOverview(ctx: ServiceContext): Out<'shop:overview'> {
  return ctx.repos.shop.overview();
}
