import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from '../../renderer/src/lib/router';

describe('hash routes', () => {
  it.each<[string, Route]>([
    ['', { page: 'today' }],
    ['#/', { page: 'today' }],
    ['#/customers', { page: 'customers' }],
    ['#/customers/', { page: 'customers' }],
    ['#/customers/123', { page: 'customer', id: 123 }],
    ['#/customers/0', { page: 'notFound', path: 'customers/0' }],
    ['#/customers/abc', { page: 'notFound', path: 'customers/abc' }],
    ['#/customers/1/extra', { page: 'notFound', path: 'customers/1/extra' }],
    ['#/feedback', { page: 'feedback' }],
    ['#/settings', { page: 'settings' }],
    ['#/settings/backups', { page: 'settings', tab: 'backups' }],
    ['#/settings/other', { page: 'notFound', path: 'settings/other' }],
    ['#/import', { page: 'import' }],
    ['#/nowhere', { page: 'notFound', path: 'nowhere' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each<Route>([{ page: 'today' }, { page: 'customers' }, { page: 'customer', id: 42 }, { page: 'reports' }, { page: 'settings' }, { page: 'settings', tab: 'backups' }])(
    'round-trips %o',
    (route) => {
      expect(parseRoute(routeHref(route))).toEqual(route);
    },
  );
});

describe('leaving a page with unsaved changes', () => {
  it('asks first: a refused change of page is put back before any page sees it; an accepted one goes ahead once', async () => {
    const { setLeaveGuard } = await import('../../renderer/src/lib/router');
    window.location.hash = '#/customers/7';
    await new Promise((r) => setTimeout(r, 0));
    const seen: string[] = [];
    const listener = () => seen.push(window.location.hash);
    window.addEventListener('hashchange', listener);
    let asked = 0;
    let answer = false;
    setLeaveGuard(() => (asked++, answer));

    window.location.hash = '#/today';
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toBe(1);
    expect(window.location.hash).toBe('#/customers/7');
    expect(seen).toEqual([]);

    answer = true;
    window.location.hash = '#/insights';
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toBe(2);
    expect(window.location.hash).toBe('#/insights');
    expect(seen).toEqual(['#/insights']);
    // Once left, the guard is gone: the next change of page does not ask again.
    window.location.hash = '#/reports';
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toBe(2);
    window.removeEventListener('hashchange', listener);
  });
});
