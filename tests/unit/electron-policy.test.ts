// The pure parts of electron/main, tested under Node: the Electron runtime
// itself cannot be downloaded on our machines.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { resolveStaticPath } from '../../electron/core/static-path';
import { appResponse, appResponseHeaders, resolveAppRequest } from '../../electron/main/app-request';
import { refuseUntrustedCall } from '../../electron/main/ipc-guard';
import { externalUrlToOpen, isAllowedExternalUrl, isAppUrl, mayNavigate, windowOpenDecision } from '../../electron/main/navigation-policy';
import { createMainWindow } from '../../electron/main/window-options';
import { RENDERER_SECURITY_HEADERS } from '../../shared/csp';
import { REPO_ROOT } from '../support/repo';

describe('window options', () => {
  /** Stands in for Electron's BrowserWindow constructor (the runtime is not here): keeps the options it was given. */
  class RecordingBrowserWindow {
    constructor(readonly options: BrowserWindowConstructorOptions) {}
  }
  const optionsOf = (devTools: boolean) => createMainWindow(RecordingBrowserWindow, { preloadPath: '/app/preload.cjs', devTools }).options;

  it('keep isolation and the sandbox on and Node, webview and experiments off', () => {
    expect(optionsOf(false).webPreferences).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: false,
      spellcheck: true,
    });
    expect(optionsOf(true).webPreferences?.devTools).toBe(true);
    expect(optionsOf(false)).toMatchObject({ show: false, title: 'EWSI Desktop' });
  });

  it('has no option that loosens a default', () => {
    // Any of these set to true (or a feature list) would undo a checklist item; the test fails if one creeps in.
    const prefs = optionsOf(true).webPreferences as Record<string, unknown>;
    for (const risky of ['nodeIntegration', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'webviewTag', 'allowRunningInsecureContent', 'experimentalFeatures']) {
      expect(prefs[risky], risky).toBe(false);
    }
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('partition');
  });
});

describe('navigation policy', () => {
  it('recognises only our own renderer', () => {
    expect(isAppUrl('app://ewsi/index.html')).toBe(true);
    expect(isAppUrl('app://ewsi/index.html#/settings')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('app://ewsi.evil/index.html')).toBe(false);
    expect(isAppUrl('app://ewsi:80@evil/index.html')).toBe(false);
    expect(isAppUrl('https://ec.europa.eu/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('http://evil.example:5173/', 'http://evil.example:5173')).toBe(false);
  });

  it('lets windows navigate only within the app', () => {
    expect(mayNavigate('app://ewsi/index.html#/library')).toBe(true);
    for (const url of ['https://evil.example/', 'http://127.0.0.1:8787/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'about:blank', 'blob:app://ewsi/1', 'chrome://gpu']) {
      expect(mayNavigate(url), url).toBe(false);
    }
    // The dev server only counts when main was started with it.
    expect(mayNavigate('http://localhost:5173/')).toBe(false);
    expect(mayNavigate('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
  });

  it('hands only https and mailto links to the system', () => {
    expect(isAllowedExternalUrl('https://ec.europa.eu/migrant-integration')).toBe(true);
    expect(isAllowedExternalUrl('mailto:ncp@example.org')).toBe(true);
    expect(isAllowedExternalUrl('http://example.org')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@example.org')).toBe(false);
    for (const url of ['HTTPS://EC.EUROPA.EU/', ' https://ec.europa.eu/']) expect(isAllowedExternalUrl(url), url).toBe(true);
    for (const url of ['smb://host/share', 'ms-msdt:/id', 'vscode://file/etc/passwd', 'app://ewsi/index.html', 'data:text/html,x', 'ftp://example.org', 'https://', `https://example.org/${'a'.repeat(2100)}`]) {
      expect(isAllowedExternalUrl(url), url.slice(0, 40)).toBe(false);
    }
  });

  it('opens links normalised, so the system sees exactly what was checked', () => {
    expect(externalUrlToOpen('HTTPS://EC.europa.eu/a b')).toBe('https://ec.europa.eu/a%20b');
    expect(externalUrlToOpen('mailto:ncp@example.org?subject=EWSI')).toBe('mailto:ncp@example.org?subject=EWSI');
  });

  it('never opens a window: allowed links go to the system browser, the rest nowhere', () => {
    expect(windowOpenDecision('https://ec.europa.eu/')).toEqual({ action: 'deny', openExternal: 'https://ec.europa.eu/' });
    expect(windowOpenDecision('mailto:a@example.org')).toEqual({ action: 'deny', openExternal: 'mailto:a@example.org' });
    for (const url of ['javascript:alert(1)', 'app://ewsi/index.html', 'about:blank', 'http://example.org/', 'file:///C:/Windows/System32/calc.exe', '']) {
      expect(windowOpenDecision(url), url).toEqual({ action: 'deny' });
    }
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

describe('app:// requests', () => {
  const root = '/srv/renderer';
  it('serve files of the renderer folder, index.html for the root', () => {
    expect(resolveAppRequest(root, 'app://ewsi/', 'GET')).toEqual({ file: path.join(root, 'index.html') });
    expect(resolveAppRequest(root, 'app://ewsi/assets/index-abc.js', 'GET')).toEqual({ file: path.join(root, 'assets/index-abc.js') });
    expect(resolveAppRequest(root, 'app://ewsi/index.html?x=1#/home', 'HEAD')).toEqual({ file: path.join(root, 'index.html') });
  });

  it('never leave the folder, whatever the encoding', () => {
    for (const url of ['app://ewsi/..%2f..%2fetc%2fpasswd', 'app://ewsi/%2e%2e/%2e%2e/etc/passwd', 'app://ewsi/assets/..%5c..%5csecret', 'app://ewsi/a%00.js', 'app://ewsi/%E0%A4%A']) {
      const resolved = resolveAppRequest(root, url, 'GET');
      if ('file' in resolved) expect(resolved.file.startsWith(root + path.sep), url).toBe(true);
      else expect(resolved.status, url).toBe(404);
    }
    expect(resolveAppRequest(root, 'app://ewsi/%2e%2e/%2e%2e/etc/passwd', 'GET')).toEqual({ file: path.join(root, 'etc/passwd') });
  });

  it('answer only GET and HEAD on app://ewsi', () => {
    expect(resolveAppRequest(root, 'app://ewsi/index.html', 'POST')).toMatchObject({ status: 405 });
    expect(resolveAppRequest(root, 'app://other/index.html', 'GET')).toMatchObject({ status: 404 });
    expect(resolveAppRequest(root, 'https://ewsi/index.html', 'GET')).toMatchObject({ status: 404 });
  });

  it('carry the CSP and the security headers over the file\'s own', () => {
    const headers = appResponseHeaders([
      ['content-type', 'text/html'],
      ['content-security-policy', "default-src *"],
    ]);
    expect(headers.get('content-type')).toBe('text/html');
    expect(headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    for (const [name, value] of Object.entries(RENDERER_SECURITY_HEADERS)) expect(headers.get(name), name).toBe(value);
    expect(headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('content security policy', () => {
  it('is the same in renderer/index.html as everywhere else', () => {
    const html = fs.readFileSync(path.join(REPO_ROOT, 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('loads nothing from elsewhere and allows no plugins, frames, base or form targets', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });
});

describe('main process wiring', () => {
  // The Electron runtime cannot run here; these read main's sources to make sure the pure policies above are what it applies.
  const source = (file: string) => fs.readFileSync(path.join(REPO_ROOT, 'electron/main', file), 'utf8');

  it('guards every webContents and every session', () => {
    const hardening = source('hardening.ts');
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) expect(hardening).toContain(`contents.on('${event}', keepInApp)`);
    expect(hardening).toContain("contents.on('will-attach-webview', (event) => event.preventDefault())");
    expect(hardening).toContain('setWindowOpenHandler');
    expect(hardening).toMatch(/setPermissionRequestHandler\(\(_contents, _permission, callback\) => callback\(false\)\)/);
    expect(hardening).toContain('setPermissionCheckHandler(() => false)');
    const index = source('index.ts');
    expect(index).toContain("app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devServerUrl))");
    expect(index).toContain("app.on('session-created', lockDownSession)");
    expect(index).toContain('lockDownSession(session.defaultSession)');
    expect(index).toContain('requestSingleInstanceLock()');
    expect(index).toContain('app.enableSandbox()');
    expect(index).toContain('refuseUntrustedCall(event.senderFrame?.url');
  });

  it('opens nothing with shell.openExternal but checked links and the EWSI site', () => {
    const calls = ['index.ts', 'hardening.ts', 'menu.ts', 'app-protocol.ts', 'core-supervisor.ts'].flatMap((file) =>
      [...source(file).matchAll(/shell\.openExternal\(([^)]*)\)/g)].map((match) => match[1]),
    );
    expect(calls.sort()).toEqual(['EWSI_WEBSITE_URL', 'decision.openExternal']);
  });

  it('never loads file:// into a window', () => {
    for (const file of ['index.ts', 'hardening.ts', 'menu.ts']) {
      expect(source(file)).not.toMatch(/loadFile\(|file:\/\//);
    }
  });
});

describe('app:// answers', () => {
  it('stream the renderer file from disk with its type, length and the security headers; HEAD has no body; misses are 404', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'app-response-'));
    try {
      fs.mkdirSync(path.join(root, 'assets'));
      fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>EWSI</title>');
      fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
      const index = await appResponse(root, 'app://ewsi/', 'GET');
      expect(index.status).toBe(200);
      expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(index.headers.get('content-length')).toBe('34');
      expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await index.text()).toBe('<!doctype html><title>EWSI</title>');
      const script = await appResponse(root, 'app://ewsi/assets/app.js', 'HEAD');
      expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(await script.text()).toBe('');
      for (const url of ['app://ewsi/missing.js', 'app://ewsi/assets', 'app://ewsi/..%2f..%2fetc%2fpasswd']) expect((await appResponse(root, url, 'GET')).status, url).toBe(404);
      expect((await appResponse(root, 'app://ewsi/index.html', 'POST')).status).toBe(405);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('are never fetched from file:// in main', () => {
    const source = fs.readFileSync(path.join(REPO_ROOT, 'electron/main/app-protocol.ts'), 'utf8');
    expect(source).not.toMatch(/net\.fetch|pathToFileURL|['"`]file:/);
  });
});
