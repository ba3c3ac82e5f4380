// Electron main: thin on purpose. It owns windows, the app:// protocol and the
// IPC gate; everything else happens in the core, a utilityProcess of its own.
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, shell } from 'electron';
import electronUpdater from 'electron-updater';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { failureEnvelope } from '../../shared/contract';
import { APP_ORIGIN, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/ipc';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { CoreSupervisor } from './core-supervisor';
import { refuseUntrustedCall } from './ipc-guard';
import { isAllowedExternalUrl, isAppUrl } from './navigation-policy';
import { sessionKey } from './session-key';
import { isUpdateMethod, MainUpdater } from './updater';
import { mainWindowOptions } from './window-options';

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void run();
}

/** The session key, or none (the core then keeps the token in its 0600 file) when the key file cannot be written. */
function sessionKeyOrNone(dataDir: string): Buffer | undefined {
  try {
    return sessionKey(dataDir, safeStorage);
  } catch (error) {
    console.warn(`The session token will be kept in a private file, not encrypted: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

async function run(): Promise<void> {
  await app.whenReady();
  const dataDir = process.env.EWSI_DATA_DIR ?? app.getPath('userData');
  serveRenderer(path.join(here, '../renderer'));
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const supervisor = new CoreSupervisor({
    entry: path.join(here, 'core-process.js'),
    dataDir,
    appVersion: app.getVersion(),
    tokenKey: sessionKeyOrNone(dataDir),
    onCrash: (message) => void dialog.showMessageBox({ type: 'warning', title: 'EWSI Desktop', message }),
    onEvent: (name, payload) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(IPC_EVENT_CHANNEL, name, payload);
    },
  });
  try {
    await supervisor.start();
  } catch (error) {
    dialog.showErrorBox('EWSI Desktop cannot start', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }

  // Updates are main's: installing replaces the running app. The portal and channel come from the core's settings.
  const updates = new MainUpdater({
    updater: () => electronUpdater.autoUpdater,
    currentVersion: app.getVersion(),
    readSettings: async () => {
      const core = supervisor.current;
      if (!core) throw new Error('The EWSI core is not running');
      return core.api['settings.get']({});
    },
    emit: (status) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(IPC_EVENT_CHANNEL, 'update.status', status);
    },
  });

  ipcMain.handle(IPC_CALL_CHANNEL, async (event, method: unknown, args: unknown) => {
    const refusal = refuseUntrustedCall(event.senderFrame?.url, method, args, devServerUrl);
    if (refusal) return refusal;
    if (isUpdateMethod(method)) return updates.dispatch(method, args);
    const core = supervisor.current;
    if (!core) return failureEnvelope(new Error('The EWSI core is not running'));
    return core.call(String(method), args);
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (navigation) => {
      if (!isAppUrl(navigation.url, devServerUrl)) navigation.preventDefault();
    });
    contents.on('will-attach-webview', (attach) => attach.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  const openWindow = () => {
    const window = new BrowserWindow(mainWindowOptions(path.join(here, '../preload/index.cjs')));
    window.once('ready-to-show', () => window.show());
    void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
    return window;
  };
  let mainWindow = openWindow();

  app.on('second-instance', () => {
    if (mainWindow.isDestroyed()) mainWindow = openWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => void supervisor.stop());
}
