// The one place our windows' options come from. Only a type is imported from
// Electron, so tests/unit/electron-policy.test.ts checks these under Node, and
// the Playwright _electron spec checks the running window has them.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export interface WindowOptionsInput {
  preloadPath: string;
  /** DevTools only in development (an unpackaged app); a packaged app has none. */
  devTools: boolean;
}

/** The only web preferences a window of ours is created with (Electron security checklist, items 2–4, 6, 8–10, 12). */
export function secureWebPreferences({ preloadPath, devTools }: WindowOptionsInput): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    // Middle-click (auxclick) on a link must not reach a page handler; a link opens only through setWindowOpenHandler.
    disableBlinkFeatures: 'Auxclick',
    navigateOnDragDrop: false,
    // A page that loops alert() gets a "prevent more dialogs" box.
    safeDialogs: true,
    devTools,
    spellcheck: true,
  };
}

export function mainWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'EWSI Desktop',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(input),
  };
}
