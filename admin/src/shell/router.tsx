import { useEffect, useState } from 'react';

const base = '/admin';

function currentPath(): string {
  const path = window.location.pathname.startsWith(base) ? window.location.pathname.slice(base.length) : '/';
  return path === '' ? '/' : path.replace(/\/$/, '') || '/';
}

/** Goes to a page path ('/settings'), keeping the query string, which carries Shopify's `host` and `shop`. */
export function navigate(path: string): void {
  window.history.pushState(null, '', `${base}${path === '/' ? '' : path}${window.location.search}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** The current page path, updated on navigation and on back/forward. */
export function usePath(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const update = () => setPath(currentPath());
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return path;
}

/** A link target under /admin that keeps the query string. */
export function hrefOf(path: string): string {
  return `${base}${path === '/' ? '' : path}${window.location.search}`;
}

/** Whether the page runs inside the Shopify admin (App Bridge loaded by the server). */
export function isEmbedded(): boolean {
  const query = new URLSearchParams(window.location.search);
  return Boolean((window as unknown as { shopify?: unknown }).shopify) && (query.has('host') || query.get('embedded') === '1');
}
