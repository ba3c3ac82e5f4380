// Electron main: thin on purpose. It owns windows, the app:// protocol, the
// menu and the IPC gate; everything else happens in the core, a utilityProcess
// of its own. Where each item of Electron's security checklist is met:
// docs/architecture/security.md, "Electron's security checklist".
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, shell } from 'electron';
import electronUpdater from 'electron-updater';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AppCommand } from '../../shared/contract';
import { APP_ORIGIN, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/ipc';
import { DEFAULT_SETTINGS, settingsSchema } from '../../shared/sync';
import { ed25519PublicKey } from '../core/updates/manifest-signature';
import { EWSI_WEBSITE_URL, type MenuCommand } from './app-menu';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { coreCrashDialog, CoreSupervisor, type CoreCrashReport } from './core-supervisor';
import { hardenWebContents, lockDownSession } from './hardening';
import { refuseUntrustedCall } from './ipc-guard';
import { interfaceLanguageIn, type InterfaceLanguage } from './main-strings';
import { installApplicationMenu } from './menu';
import { OPEN_ATTACHMENT_METHOD, openAttachmentExternally } from './open-attachment';
import { PRINT_TO_PDF_METHOD, printToPdf } from './print-to-pdf';
import { sessionKeyAndProtection } from './session-key';
import { isUpdateMethod, MainUpdater } from './updater';
import { utilityCoreSpawner } from './utility-core';
import { createMainWindow } from './window-options';

const here = path.dirname(fileURLToPath(import.meta.url));
const dev = !app.isPackaged;
const devServerUrl = dev ? process.env.ELECTRON_RENDERER_URL : undefined;

registerAppScheme();
// Every renderer sandboxed, whatever options created it (our windows also ask for it: window-options.ts).
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void run();
}

/**
 * The session key and what protects it (the keychain, or on Linux safeStorage's basic_text store, which the
 * interface then says), or none (the core keeps the token in its 0600 file) when the key file cannot be written.
 */
function sessionKeyOrNone(dataDir: string): ReturnType<typeof sessionKeyAndProtection> {
  try {
    return sessionKeyAndProtection(dataDir, safeStorage, process.platform);
  } catch (error) {
    console.warn(`The session token will be kept in a private file, not encrypted: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

const tokenKeyOptions = (session: ReturnType<typeof sessionKeyOrNone>) => (session ? { tokenKey: session.key, tokenProtection: session.protection } : {});

async function run(): Promise<void> {
  // Every session (the default one and any created later) and every webContents gets the policy before it loads anything.
  app.on('session-created', lockDownSession);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devServerUrl));
  await app.whenReady();
  lockDownSession(session.defaultSession);
  const dataDir = process.env.EWSI_DATA_DIR ?? app.getPath('userData');
  serveRenderer(path.join(here, '../renderer'));

  let language: InterfaceLanguage = DEFAULT_SETTINGS.interfaceLanguage;
  let mainWindow: BrowserWindow | undefined;

  const openWindow = (hash = '') => {
    const window = createMainWindow(BrowserWindow, { preloadPath: path.join(here, '../preload/index.cjs'), devTools: dev });
    window.once('ready-to-show', () => window.show());
    void window.loadURL(`${devServerUrl ?? `${APP_ORIGIN}/index.html`}${hash}`);
    mainWindow = window;
    return window;
  };
  const liveWindow = () => [BrowserWindow.getFocusedWindow(), mainWindow].find((window) => window && !window.isDestroyed()) ?? undefined;

  const sendCommand = (command: AppCommand) => {
    const window = liveWindow();
    if (window) window.webContents.send(IPC_EVENT_CHANNEL, 'app.command', command);
    else openWindow(command === 'settings.open' ? '#/settings' : '');
  };
  const onMenuCommand = (command: MenuCommand) => {
    if (command === 'help.website') void shell.openExternal(EWSI_WEBSITE_URL);
    else sendCommand(command);
  };
  const applyMenu = () => installApplicationMenu({ language, platform: process.platform, dev }, onMenuCommand);
  applyMenu();

  const reportCrash = async (report: CoreCrashReport) => {
    const box = coreCrashDialog(report, language);
    const window = liveWindow();
    const options = { type: box.type, title: 'EWSI Desktop', message: box.message, detail: box.detail, buttons: box.buttons, defaultId: 0, cancelId: box.buttons.length - 1 };
    const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
    if (report.kind === 'gave-up' && response === 0) {
      app.relaunch();
      app.exit(0);
    }
  };

  const supervisor = new CoreSupervisor({
    spawn: utilityCoreSpawner(path.join(here, 'core-process.js')),
    dataDir,
    appVersion: app.getVersion(),
    ...tokenKeyOptions(sessionKeyOrNone(dataDir)),
    onCrash: (report) => void reportCrash(report),
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

  // The menu speaks the interface language: read once, then followed through the settings answers that pass the gate.
  const followLanguage = (method: unknown, envelope: Parameters<typeof interfaceLanguageIn>[1]) => {
    const next = interfaceLanguageIn(method, envelope);
    if (next && next !== language) {
      language = next;
      applyMenu();
    }
  };
  followLanguage('settings.get', await supervisor.call('settings.get', {}));

  // Updates are main's: installing replaces the running app. The portal and channel come from the core's settings.
  const updates = new MainUpdater({
    updater: () => electronUpdater.autoUpdater,
    currentVersion: app.getVersion(),
    unpackagedUpdates: dev && process.env.EWSI_UPDATES_UNPACKAGED === '1',
    // The _electron tests sign their releases with a key pair they make; an installed (packaged) app never reads this.
    signingKeyForTests: dev && process.env.EWSI_UPDATE_SIGNING_KEY_FOR_TESTS ? ed25519PublicKey(process.env.EWSI_UPDATE_SIGNING_KEY_FOR_TESTS) : undefined,
    readSettings: async () => {
      const envelope = await supervisor.call('settings.get', {});
      if (!envelope.ok) throw new Error(envelope.error.message);
      return settingsSchema.parse(envelope.value);
    },
    emit: (status) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(IPC_EVENT_CHANNEL, 'update.status', status);
    },
  });

  ipcMain.handle(IPC_CALL_CHANNEL, async (event, method: unknown, args: unknown) => {
    const refusal = refuseUntrustedCall(event.senderFrame?.url, method, args, devServerUrl);
    if (refusal) return refusal;
    if (isUpdateMethod(method)) return updates.dispatch(method, args);
    if (method === OPEN_ATTACHMENT_METHOD) return openAttachmentExternally({ callCore: (name, callArgs) => supervisor.call(name, callArgs), openPath: (file) => shell.openPath(file) }, args);
    if (method === PRINT_TO_PDF_METHOD) {
      const sender = event.sender;
      const owner = BrowserWindow.fromWebContents(sender);
      return printToPdf(
        {
          printToPdf: (options) => sender.printToPDF(options),
          chooseFile: async (defaultName) => {
            const options = { defaultPath: path.join(app.getPath('documents'), defaultName), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
            const chosen = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
            return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
          },
          writeFile: (file, bytes) => fs.writeFile(file, bytes),
        },
        args,
      );
    }
    const envelope = await supervisor.call(String(method), args);
    followLanguage(method, envelope);
    return envelope;
  });

  openWindow();

  app.on('second-instance', () => {
    const window = mainWindow && !mainWindow.isDestroyed() ? mainWindow : openWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => void supervisor.stop());
}
