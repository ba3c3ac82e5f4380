import { APP_ORIGIN } from '../../shared/ipc';

/**
 * Whether `url` is our own renderer: app://ewsi in a packaged or built app, or
 * electron-vite's dev server when one was given. Everything else is foreign:
 * it may not navigate our windows and may not call the contract.
 */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (`${parsed.protocol}//${parsed.host}` === APP_ORIGIN) return true;
  if (!devServerUrl) return false;
  const dev = new URL(devServerUrl);
  return parsed.origin === dev.origin && (dev.hostname === 'localhost' || dev.hostname === '127.0.0.1');
}

/** External links the app hands to the system browser: https and mailto only, no credentials in the URL. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'mailto:') return true;
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
}
