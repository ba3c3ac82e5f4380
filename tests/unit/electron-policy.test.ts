// The pure parts of electron/main, tested under Node: the Electron runtime
// itself cannot be downloaded on our machines.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { resolveStaticPath } from '../../electron/core/static-path';
import { refuseUntrustedCall } from '../../electron/main/ipc-guard';
import { isAllowedExternalUrl, isAppUrl } from '../../electron/main/navigation-policy';
import { mainWindowOptions, secureWebPreferences } from '../../electron/main/window-options';
import { REPO_ROOT } from '../support/repo';

describe('window options', () => {
  it('keep isolation and the sandbox on and Node off', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: '/app/preload.cjs',
    });
    expect(mainWindowOptions('/p').webPreferences).toEqual(secureWebPreferences('/p'));
  });
});

describe('navigation policy', () => {
  it('recognises only our own renderer', () => {
    expect(isAppUrl('app://ewsi/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://ec.europa.eu/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('http://evil.example:5173/', 'http://evil.example:5173')).toBe(false);
  });

  it('hands only https and mailto links to the system', () => {
    expect(isAllowedExternalUrl('https://ec.europa.eu/migrant-integration')).toBe(true);
    expect(isAllowedExternalUrl('mailto:ncp@example.org')).toBe(true);
    expect(isAllowedExternalUrl('http://example.org')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@example.org')).toBe(false);
  });
});

describe('IPC guard', () => {
  it('passes a valid call from our renderer', () => {
    expect(refuseUntrustedCall('app://ewsi/index.html', 'app.info', {})).toBeUndefined();
  });

  it('refuses foreign senders, unknown methods and bad arguments', () => {
    expect(refuseUntrustedCall('https://evil.example/', 'app.info', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(refuseUntrustedCall(undefined, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(refuseUntrustedCall('app://ewsi/', 'fs.read', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(refuseUntrustedCall('app://ewsi/', 'app.info', { path: '/' })).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
  });
});

describe('static path guard', () => {
  const root = '/srv/renderer';
  it('resolves files inside the renderer folder', () => {
    expect(resolveStaticPath(root, '/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/a%20b.js')).toBe(path.join(root, 'assets/a b.js'));
  });
  it.each([
    ['/../secret', 'secret'],
    ['/%2e%2e/secret', 'secret'],
    ['/assets/../../etc/passwd', 'etc/passwd'],
    ['/..%2fetc', 'etc'],
  ])('keeps %s inside the folder', (urlPath, inside) => {
    expect(resolveStaticPath(root, urlPath)).toBe(path.join(root, inside));
  });
  it.each(['/a%00b', '/%E0%A4%A', '/..\\..\\x', '/'])('refuses %s', (urlPath) => {
    expect(resolveStaticPath(root, urlPath)).toBeUndefined();
  });
});

describe('content security policy', () => {
  it('is the same in renderer/index.html as everywhere else', () => {
    const html = fs.readFileSync(path.join(REPO_ROOT, 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
});
