// The application menu as data: File, Edit, View, Window, Help (and the macOS
// app menu), labelled in the interface language. Pure, with no Electron import,
// so tests/unit/app-menu.test.ts checks it for each language and platform;
// electron/main/index.ts turns it into a Menu (toElectronMenuTemplate there)
// and rebuilds it when the language setting changes.
import type { AppCommand } from '../../shared/contract';
import { MAIN_STRINGS, type InterfaceLanguage } from './main-strings';

/** The European Web Site on Integration itself, opened from Help. */
export const EWSI_WEBSITE_URL = 'https://migrant-integration.ec.europa.eu/';

/** Electron's built-in menu roles this menu uses (a subset of MenuItemConstructorOptions['role']). */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'window'
  | 'help'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'close'
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit';

/** What a non-role item does: an app command the renderer carries out, or opening the EWSI website. */
export type MenuCommand = AppCommand | 'help.website';

export type MenuItemSpec =
  | { type: 'separator' }
  | { label: string; role: MenuRole; accelerator?: string }
  | { label: string; command: MenuCommand; accelerator: string | undefined }
  | { label: string; role?: 'window' | 'help'; submenu: MenuItemSpec[] };

export interface MenuInput {
  language: InterfaceLanguage;
  platform: NodeJS.Platform;
  /** Development (unpackaged): adds Reload, Force Reload and Developer Tools. */
  dev: boolean;
}

const separator: MenuItemSpec = { type: 'separator' };

export function applicationMenuTemplate({ language, platform, dev }: MenuInput): MenuItemSpec[] {
  const s = MAIN_STRINGS[language].menu;
  const mac = platform === 'darwin';
  const role = (name: MenuRole, label: string, accelerator?: string): MenuItemSpec => (accelerator ? { label, role: name, accelerator } : { label, role: name });
  const settings: MenuItemSpec = { label: s.settings, command: 'settings.open', accelerator: 'CmdOrCtrl+,' };

  const appMenu: MenuItemSpec = {
    label: 'EWSI Desktop',
    submenu: [
      role('about', s.about),
      separator,
      settings,
      separator,
      role('services', s.services),
      separator,
      role('hide', s.hide),
      role('hideOthers', s.hideOthers),
      role('unhide', s.unhide),
      separator,
      role('quit', s.quit),
    ],
  };
  const file: MenuItemSpec = {
    label: s.file,
    submenu: [
      { label: s.search, command: 'search.open', accelerator: 'CmdOrCtrl+K' },
      ...(mac ? [] : [separator, settings]),
      separator,
      mac ? role('close', s.closeWindow) : role('quit', s.quit, 'Ctrl+Q'),
    ],
  };
  const edit: MenuItemSpec = {
    label: s.edit,
    submenu: [
      role('undo', s.undo),
      role('redo', s.redo),
      separator,
      role('cut', s.cut),
      role('copy', s.copy),
      role('paste', s.paste),
      ...(mac ? [role('pasteAndMatchStyle', s.pasteAndMatchStyle)] : []),
      role('delete', s.delete),
      separator,
      role('selectAll', s.selectAll),
    ],
  };
  const view: MenuItemSpec = {
    label: s.view,
    submenu: [
      ...(dev ? [role('reload', s.reload), role('forceReload', s.forceReload), role('toggleDevTools', s.toggleDevTools), separator] : []),
      role('resetZoom', s.resetZoom),
      role('zoomIn', s.zoomIn),
      role('zoomOut', s.zoomOut),
      separator,
      role('togglefullscreen', s.toggleFullScreen),
    ],
  };
  const windowMenu: MenuItemSpec = {
    label: s.window,
    role: 'window',
    submenu: mac
      ? [role('minimize', s.minimize), role('zoom', s.zoom), separator, role('front', s.front)]
      : [role('minimize', s.minimize), role('close', s.closeWindow)],
  };
  const help: MenuItemSpec = {
    label: s.help,
    role: 'help',
    submenu: [{ label: s.website, command: 'help.website', accelerator: undefined }, ...(mac ? [] : [separator, role('about', s.about)])],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, windowMenu, help];
}
