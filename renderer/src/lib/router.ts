/**
 * Hash routing (`#/customers/123`): works the same from file:// in Electron and from the web bridge,
 * and needs no router library.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { page: 'today' }
  | { page: 'customers' }
  | { page: 'customer'; id: number }
  | { page: 'feedback' }
  | { page: 'insights' }
  | { page: 'import' }
  | { page: 'reports' }
  /** `#/settings/backups` opens the Backups tab of Settings. */
  | { page: 'settings'; tab?: 'backups' }
  | { page: 'notFound'; path: string };

export type PageName = Route['page'];

const SIMPLE_PAGES = ['today', 'customers', 'feedback', 'insights', 'import', 'reports', 'settings'] as const;

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '').replace(/\/+$/, '').split('?')[0] ?? '';
  if (path === '') return { page: 'today' };
  const [head, id, ...rest] = path.split('/');
  if (head === 'customers' && id !== undefined && rest.length === 0) {
    const n = Number(id);
    return Number.isInteger(n) && n > 0 ? { page: 'customer', id: n } : { page: 'notFound', path };
  }
  if (head === 'settings' && id === 'backups' && rest.length === 0) return { page: 'settings', tab: 'backups' };
  if (id === undefined) {
    const simple = SIMPLE_PAGES.find((p) => p === head);
    if (simple) return { page: simple };
  }
  return { page: 'notFound', path };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'today':
      return '#/';
    case 'customer':
      return `#/customers/${route.id}`;
    case 'notFound':
      return `#/${route.path}`;
    case 'settings':
      return route.tab ? `#/settings/${route.tab}` : '#/settings';
    default:
      return `#/${route.page}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

/**
 * Asked before the page changes (a link, the sidebar, navigate()): false keeps the owner where they
 * are — a form with unsaved changes asks first. One at a time: the page on screen sets it.
 */
let leaveGuard: (() => boolean) | null = null;
let shownHash = typeof window === 'undefined' ? '' : window.location.hash;

export function setLeaveGuard(guard: (() => boolean) | null): void {
  leaveGuard = guard;
}

// Registered before any page listens, so a refused change is put back before anyone sees it.
if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', (event) => {
    // Nothing new for the pages (a change already seen, or one put back): they need not hear of it.
    if (window.location.hash === shownHash) {
      event.stopImmediatePropagation();
      return;
    }
    if (leaveGuard && !leaveGuard()) {
      window.history.replaceState(null, '', shownHash || '#/');
      event.stopImmediatePropagation();
      return;
    }
    leaveGuard = null;
    shownHash = window.location.hash;
  });
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

const currentHash = () => window.location.hash;

/** The current route; re-renders when the hash changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash, currentHash);
  return parseRoute(hash);
}
