// Where our windows may go, and which links leave the app for the system's own
// programs. Pure (no Electron), so tests/unit/electron-policy.test.ts checks it
// under Node; electron/main/index.ts applies it to every webContents.
import { APP_ORIGIN } from '../../shared/ipc';

/** Longer links are refused: no real document link is this long, and some handlers choke on them. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * Whether `url` is our own renderer: app://ewsi in a packaged or built app, or
 * electron-vite's dev server when one was given. Everything else is foreign:
 * it may not navigate our windows and may not call the contract.
 */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (`${parsed.protocol}//${parsed.host}` === APP_ORIGIN) return true;
  if (!devServerUrl) return false;
  const dev = new URL(devServerUrl);
  return parsed.origin === dev.origin && (dev.hostname === 'localhost' || dev.hostname === '127.0.0.1');
}

/**
 * The link to hand to the system (shell.openExternal), normalised, or
 * undefined when it is not one the app opens: https with a host and no
 * credentials, or mailto; nothing else (no http, file, javascript, data,
 * custom schemes that would start other programs), nothing over 2,048 characters.
 */
export function externalUrlToOpen(url: string): string | undefined {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return undefined;
  const parsed = parse(url);
  if (!parsed) return undefined;
  if (parsed.protocol === 'mailto:') return parsed.href;
  if (parsed.protocol !== 'https:' || parsed.hostname === '') return undefined;
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  return parsed.href;
}

/** External links the app hands to the system browser: https and mailto only, no credentials in the URL. */
export function isAllowedExternalUrl(url: string): boolean {
  return externalUrlToOpen(url) !== undefined;
}

/** What setWindowOpenHandler does with a window.open or target=_blank: never a new window; maybe the system browser. */
export interface WindowOpenDecision {
  action: 'deny';
  /** Set when the link is handed to shell.openExternal. */
  openExternal?: string;
}

export function windowOpenDecision(url: string): WindowOpenDecision {
  const external = externalUrlToOpen(url);
  return external ? { action: 'deny', openExternal: external } : { action: 'deny' };
}

/**
 * Whether a navigation (will-navigate, will-frame-navigate, will-redirect) may
 * go ahead: only to our own renderer. Links out of the app go through
 * windowOpenDecision (the renderer gives them target=_blank), never by
 * navigating a window of ours away.
 */
export function mayNavigate(url: string, devServerUrl?: string): boolean {
  return isAppUrl(url, devServerUrl);
}
