import { Menu, type MenuItemConstructorOptions } from 'electron';
import { applicationMenuTemplate, type MenuCommand, type MenuInput, type MenuItemSpec } from './app-menu';

/** Turns the menu's data (app-menu.ts) into Electron's template: roles stay roles, commands become clicks. */
function toElectron(items: MenuItemSpec[], onCommand: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if ('type' in item) return { type: 'separator' };
    if ('submenu' in item) return { label: item.label, role: item.role, submenu: toElectron(item.submenu, onCommand) };
    if ('command' in item) return { label: item.label, accelerator: item.accelerator, click: () => onCommand(item.command) };
    return { label: item.label, role: item.role, accelerator: item.accelerator };
  });
}

/** Sets (or replaces, after a language change) the application menu. */
export function installApplicationMenu(input: MenuInput, onCommand: (command: MenuCommand) => void): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(toElectron(applicationMenuTemplate(input), onCommand)));
}
