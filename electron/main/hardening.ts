// Applies the navigation, window and permission policy to Electron's objects.
// The decisions themselves are pure (navigation-policy.ts) and unit-tested;
// this file only wires them to every session and every webContents.
import { shell, type Session, type WebContents } from 'electron';
import { mayNavigate, windowOpenDecision } from './navigation-policy';

/**
 * Every permission request (camera, microphone, notifications, geolocation,
 * MIDI, clipboard, …) and every permission check is denied, and so is every
 * device (HID, serial, USB) request: the app needs none of them.
 */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * A webContents of ours may navigate only within the app (top frame, sub-frames
 * and server redirects alike), attaches no <webview>, and opens no window: a
 * window.open or target=_blank is denied and, when it is an allowed https: or
 * mailto: link, handed to the system instead.
 */
export function hardenWebContents(contents: WebContents, devServerUrl: string | undefined): void {
  const keepInApp = (event: { url: string; preventDefault(): void }) => {
    if (!mayNavigate(event.url, devServerUrl)) event.preventDefault();
  };
  contents.on('will-navigate', keepInApp);
  contents.on('will-frame-navigate', keepInApp);
  contents.on('will-redirect', keepInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternal) void shell.openExternal(decision.openExternal);
    return { action: decision.action };
  });
}
