// The transport rule for portal addresses (shared/portal-transport.ts): https
// anywhere, plain http only on this computer (127.0.0.0/8, ::1, localhost),
// whatever spelling the address uses, unless the user allowed an insecure portal.
import { describe, expect, it } from 'vitest';
import { insecurePortalRefusal, isLoopbackHostname, portalSecurityOf, portalTransport } from '../../shared/portal-transport';

describe('the portal transport rule', () => {
  it('takes https anywhere, and http on loopback however the address spells it', () => {
    for (const address of ['https://portal.example.org', 'https://192.0.2.10:8443/ewsi/', 'HTTPS://PORTAL.EXAMPLE.ORG']) expect({ address, transport: portalTransport(address) }).toEqual({ address, transport: 'https' });
    for (const address of [
      'http://127.0.0.1:8787',
      'http://127.255.255.254/',
      'http://127.1:8787', // shorthand IPv4: 127.0.0.1
      'http://0x7f.0.0.1/', // hexadecimal
      'http://2130706433/', // one 32-bit number
      'http://localhost:8787/',
      'http://LOCALHOST/',
      'http://[::1]:8787/',
      'http://[0:0:0:0:0:0:0:1]/',
    ]) {
      expect({ address, transport: portalTransport(address) }).toEqual({ address, transport: 'loopback-http' });
    }
  });

  it('calls every other http address insecure: other hosts, look-alike names, addresses outside 127/8', () => {
    for (const address of [
      'http://portal.example.org',
      'http://192.0.2.2:8787/',
      'http://10.0.0.1/',
      'http://128.0.0.1/',
      'http://126.255.255.255/',
      'http://127.0.0.1.example.org/',
      'http://localhost.example.org/',
      'http://localhost./', // resolved through DNS, not the loopback name
      'http://[::ffff:127.0.0.1]/', // not in the rule's list: refused unless allowed
      'http://[fd00::2]/',
      'http://user:pass@portal.example.org/',
    ]) {
      expect({ address, transport: portalTransport(address) }).toEqual({ address, transport: 'insecure-http' });
    }
    expect(portalTransport('ftp://portal.example.org')).toBeNull();
    expect(portalTransport('not an address')).toBeNull();
    expect(isLoopbackHostname('127.300.0.1')).toBe(false);
  });

  it('refuses an insecure address with a sentence naming the setting and the CLI flag, unless it is allowed', () => {
    expect(insecurePortalRefusal('http://portal.example.org', false)).toBe(
      'The portal address http://portal.example.org is not encrypted (http:), so passwords, the session token, documents and updates would travel in clear. ' +
        'Use its https: address, or allow an insecure portal (Settings → Portal and sync → "Allow an insecure portal"; ewsi: --allow-insecure-portal).',
    );
    expect(insecurePortalRefusal('http://portal.example.org', true)).toBeNull();
    expect(insecurePortalRefusal('http://127.0.0.1:8787', false)).toBeNull();
    expect(insecurePortalRefusal('https://portal.example.org', false)).toBeNull();
  });

  it('says what the sync status shows for each kind of portal', () => {
    expect(portalSecurityOf(null, false)).toBeNull();
    expect(portalSecurityOf('https://portal.example.org', false)).toBe('encrypted');
    expect(portalSecurityOf('http://localhost:8787', false)).toBe('loopback');
    expect(portalSecurityOf('http://portal.example.org', false)).toBe('insecure-refused');
    expect(portalSecurityOf('http://portal.example.org', true)).toBe('insecure-allowed');
  });
});
