// The loopback harness and the renderer's browser bridge agree on these names.
//
// The harness's token reaches the page only in the address's fragment, which a
// browser never sends to a server: `http://127.0.0.1:PORT/#ewsi-token=TOKEN`,
// as the harness prints it in its terminal. The page it serves holds no token;
// the renderer takes it from the fragment, removes it from the address bar and
// keeps it in sessionStorage (this tab only) for reloads.
export const HARNESS_TOKEN_HEADER = 'x-ewsi-token';
export const HARNESS_CALL_PATH = '/ewsi/call';
/** Largest request body the harness accepts, in bytes. */
export const HARNESS_MAX_BODY = 1024 * 1024;
export const HARNESS_EVENTS_PATH = '/ewsi/events';
/** The fragment's parameter naming the token, and the optional one naming the screen to open (a hash route, e.g. /settings). */
export const HARNESS_TOKEN_PARAMETER = 'ewsi-token';
const ROUTE_PARAMETER = 'route';
/** Where the renderer keeps the token for reloads of the same tab. */
export const HARNESS_TOKEN_STORAGE_KEY = 'ewsi-harness-token';

/** The harness's tokens: base64url, as randomBytes(24) gives them. */
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/** The address that opens the app in the harness with its token; `route` is a hash route such as `/settings` or `#/search?q=x`. */
export function harnessPageUrl(origin: string, token: string, route = ''): string {
  const fragment = new URLSearchParams({ [HARNESS_TOKEN_PARAMETER]: token });
  const path = route.replace(/^#/, '');
  if (path) fragment.set(ROUTE_PARAMETER, path.startsWith('/') ? path : `/${path}`);
  return `${origin.replace(/\/+$/, '')}/#${fragment.toString()}`;
}

/** The token and the route a fragment hands over, or null when it is an ordinary route (`#/library`) or malformed. */
export function readHarnessFragment(hash: string): { token: string; route: string } | null {
  const text = hash.replace(/^#/, '');
  if (!text.startsWith(`${HARNESS_TOKEN_PARAMETER}=`)) return null;
  const fragment = new URLSearchParams(text);
  const token = fragment.get(HARNESS_TOKEN_PARAMETER) ?? '';
  if (!TOKEN.test(token)) return null;
  const route = fragment.get(ROUTE_PARAMETER) ?? '';
  return { token, route: route.startsWith('/') ? route : '' };
}
