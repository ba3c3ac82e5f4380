// Whether the app may talk to a portal over its address: https anywhere, plain
// http only on this computer (loopback) unless the user explicitly allows an
// insecure portal, since over http passwords, the session token, documents and
// the update feed travel in clear. Runtime-neutral: the core enforces it, the
// renderer shows it, main's updater checks it.
import type { PortalSecurity } from './sync';

/** How the app reaches a portal address. */
export type PortalTransport = 'https' | 'loopback-http' | 'insecure-http';

/**
 * 127.0.0.0/8, ::1 and `localhost`, as WHATWG URL parsing writes a host
 * (`http://0x7f.1/` and `http://2130706433/` are already `127.0.0.1` by then).
 */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets !== null && octets.slice(1).every((octet) => Number(octet) <= 255);
}

/** The transport of an http(s) address; null for anything else (not a URL, another scheme). */
export function portalTransport(address: string): PortalTransport | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol === 'https:') return 'https';
  if (url.protocol !== 'http:') return null;
  return isLoopbackHostname(url.hostname) ? 'loopback-http' : 'insecure-http';
}

/** The name of the setting, as the Settings screen and the CLI's flag refer to it. */
export const ALLOW_INSECURE_PORTAL_FLAG = '--allow-insecure-portal';

/**
 * Why the app will not talk to `address`, in a sentence naming the setting and
 * the CLI flag that allow it; null when it may (https, loopback, or an insecure
 * portal the user allowed).
 */
export function insecurePortalRefusal(address: string, allowInsecurePortal: boolean): string | null {
  if (portalTransport(address) !== 'insecure-http' || allowInsecurePortal) return null;
  return (
    `The portal address ${address} is not encrypted (http:), so passwords, the session token, documents and updates would travel in clear. ` +
    `Use its https: address, or allow an insecure portal (Settings → Portal and sync → "Allow an insecure portal"; ewsi: ${ALLOW_INSECURE_PORTAL_FLAG}).`
  );
}

/** What the sync status says about the configured portal's connection. */
export function portalSecurityOf(address: string | null, allowInsecurePortal: boolean): PortalSecurity | null {
  const transport = address === null ? null : portalTransport(address);
  if (transport === null) return null;
  if (transport === 'https') return 'encrypted';
  if (transport === 'loopback-http') return 'loopback';
  return allowInsecurePortal ? 'insecure-allowed' : 'insecure-refused';
}
