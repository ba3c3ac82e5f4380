// A small hash router: the app is one page served from app:// or the harness,
// so the hash keeps every screen addressable without any server routes.
import { useEffect, useState } from 'react';
import { readHarnessFragment } from '../../../shared/harness';

export const SCREENS = ['home', 'library', 'countries', 'practices', 'links', 'funding', 'news', 'forums', 'partners', 'outbox', 'annotations', 'collections', 'search', 'settings'] as const;
export type Screen = (typeof SCREENS)[number] | 'read' | 'print';

export interface Route {
  screen: Screen;
  /** Path segments after the screen, e.g. ['document', 'doc-1'] for #/read/document/doc-1. */
  rest: string[];
  params: URLSearchParams;
  /** The hash this route was read from. */
  hash: string;
}

function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const [first = 'home', ...rest] = path.split('/').filter(Boolean).map(decodeURIComponent);
  const screen = first === 'read' || first === 'print' || (SCREENS as readonly string[]).includes(first) ? (first as Screen) : 'home';
  return { screen, rest, params: new URLSearchParams(query), hash };
}

export function href(screen: Screen, params?: Record<string, string | number | undefined>, rest: string[] = []): string {
  const path = [screen, ...rest].map(encodeURIComponent).join('/');
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) if (value !== undefined && value !== '') search.set(key, String(value));
  const query = search.toString();
  return `#/${path}${query ? `?${query}` : ''}`;
}

export function navigate(to: string): void {
  window.location.hash = to;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    // The harness's token hand-over (#ewsi-token=…) is no screen: the bridge replaces it with the one it names.
    const update = () => {
      if (!readHarnessFragment(window.location.hash)) setRoute(parseHash(window.location.hash));
    };
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
