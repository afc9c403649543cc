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
