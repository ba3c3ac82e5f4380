// The one place our windows are created, with their options written out in one
// literal: Electron's constructor is passed in (only a type is imported from
// Electron), so tests/unit/electron-policy.test.ts checks the options under
// Node with a recording constructor, electronegativity reads the literal as
// written, and the Playwright _electron spec reads them back from the window.
import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  preloadPath: string;
  /** DevTools only in development (an unpackaged app); a packaged app has none. */
  devTools: boolean;
}

/** Electron's BrowserWindow, or anything constructed the same way. */
export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Creates the main window with the only web preferences a window of ours has
 * (Electron security checklist, items 2–4, 6, 8–10 and 12): context isolation
 * and the sandbox on; Node integration, <webview>, insecure content,
 * experimental features off, no extra Blink features enabled; web security on.
 */
export function createMainWindow<W>(BrowserWindow: WindowConstructor<W>, { preloadPath, devTools }: WindowOptionsInput): W {
  return new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'EWSI Desktop',
    backgroundColor: '#ffffff',
    webPreferences: {
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
      // Middle-click (auxclick) on a link must not reach a page handler; a link opens only through setWindowOpenHandler.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      // A page that loops alert() gets a "prevent more dialogs" box.
      safeDialogs: true,
      devTools,
      spellcheck: true,
    },
  });
}
