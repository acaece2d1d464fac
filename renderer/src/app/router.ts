// Hash routing (works for the desktop custom protocol and for browser mode alike); the last route survives a restart.
import { useSyncExternalStore } from 'react';

export interface Route {
  /** Path segments after '#/', e.g. ['reports', 'sales-summary']. */
  parts: string[];
  query: URLSearchParams;
  path: string;
}

const LAST_ROUTE_KEY = 'painel.route';

function parse(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [p, q = ''] = raw.split('?');
  const parts = p.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, query: new URLSearchParams(q), path: '/' + parts.join('/') };
}

// The route is read from the address itself whenever React asks, so a hash change that happens before the app
// subscribes (a link opened while the app starts) is never missed.
let currentHash = typeof location !== 'undefined' ? location.hash : '';
let current = parse(currentHash);

function snapshot(): Route {
  const h = location.hash;
  if (h !== currentHash) {
    currentHash = h;
    current = parse(h);
  }
  return current;
}

function subscribe(cb: () => void): () => void {
  const handler = () => {
    const route = snapshot();
    try {
      if (route.parts.length) localStorage.setItem(LAST_ROUTE_KEY, location.hash);
    } catch {
      // storage full or disabled: the route just is not remembered
    }
    cb();
  };
  window.addEventListener('hashchange', handler);
  return () => window.removeEventListener('hashchange', handler);
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot);
}

/** Restores the last route when the app opens without one (after the token fragment is removed). */
export function restoreRoute(): void {
  if (location.hash.replace(/^#\/?/, '')) return;
  const last = localStorage.getItem(LAST_ROUTE_KEY);
  if (last && last.startsWith('#/')) {
    history.replaceState(null, '', location.pathname + location.search + last);
  }
}

export function href(path: string, query?: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') q.set(k, v);
  const qs = q.toString();
  return `#${path.startsWith('/') ? path : '/' + path}${qs ? '?' + qs : ''}`;
}

export function navigate(path: string, query?: Record<string, string | undefined>): void {
  location.hash = href(path, query);
}
