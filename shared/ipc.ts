// The one IPC channel between preload and main: every contract call goes through it.
export const IPC_CALL_CHANNEL = 'ewsi:call';
/** Main → renderer: core events (name, payload). */
export const IPC_EVENT_CHANNEL = 'ewsi:event';
/** Origin the renderer is served from inside Electron (see electron/main/app-protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ewsi';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
