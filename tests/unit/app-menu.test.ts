// The application menu (electron/main/app-menu.ts) and main's other strings,
// built as data and checked here for each interface language and platform.
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate, EWSI_WEBSITE_URL, type MenuItemSpec } from '../../electron/main/app-menu';
import { coreCrashDialog } from '../../electron/main/core-supervisor';
import { interfaceLanguageIn, MAIN_STRINGS } from '../../electron/main/main-strings';
import { isAllowedExternalUrl } from '../../electron/main/navigation-policy';
import { APP_COMMANDS, contractEvents } from '../../shared/contract';
import { INTERFACE_LANGUAGES } from '../../shared/sync';

type Leaf = Exclude<MenuItemSpec, { submenu: MenuItemSpec[] } | { type: 'separator' }>;

function leaves(items: MenuItemSpec[]): Leaf[] {
  return items.flatMap((item) => ('submenu' in item ? leaves(item.submenu) : 'type' in item ? [] : [item]));
}
const roles = (items: MenuItemSpec[]) => leaves(items).flatMap((item) => ('role' in item ? [item.role] : []));
const topLabels = (items: MenuItemSpec[]) => items.map((item) => ('label' in item ? item.label : '-'));
const byCommand = (items: MenuItemSpec[], command: string) => leaves(items).find((item) => 'command' in item && item.command === command);

const PLATFORMS = ['linux', 'win32', 'darwin'] as const;
const EXPECTED_TOP = {
  en: ['File', 'Edit', 'View', 'Window', 'Help'],
  fr: ['Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide'],
  de: ['Datei', 'Bearbeiten', 'Ansicht', 'Fenster', 'Hilfe'],
} as const;

describe('application menu', () => {
  for (const language of INTERFACE_LANGUAGES) {
    describe(language, () => {
      it('has File, Edit, View, Window and Help in the language, and the app menu first on macOS', () => {
        expect(topLabels(applicationMenuTemplate({ language, platform: 'linux', dev: false }))).toEqual(EXPECTED_TOP[language]);
        expect(topLabels(applicationMenuTemplate({ language, platform: 'win32', dev: false }))).toEqual(EXPECTED_TOP[language]);
        expect(topLabels(applicationMenuTemplate({ language, platform: 'darwin', dev: false }))).toEqual(['EWSI Desktop', ...EXPECTED_TOP[language]]);
      });

      it('labels every item in the language, with no empty label', () => {
        const strings = new Set(Object.values(MAIN_STRINGS[language].menu));
        for (const platform of PLATFORMS) {
          for (const item of leaves(applicationMenuTemplate({ language, platform, dev: true }))) {
            expect(item.label.trim(), JSON.stringify(item)).not.toBe('');
            expect(strings.has(item.label), `${platform}: ${item.label}`).toBe(true);
          }
        }
      });

      it('has the usual editing, zoom and full-screen roles, and Search on Ctrl/Cmd+K', () => {
        for (const platform of PLATFORMS) {
          const menu = applicationMenuTemplate({ language, platform, dev: false });
          expect(roles(menu)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'minimize', 'quit']));
          expect(byCommand(menu, 'search.open')).toEqual({ label: MAIN_STRINGS[language].menu.search, command: 'search.open', accelerator: 'CmdOrCtrl+K' });
          expect(byCommand(menu, 'settings.open')).toMatchObject({ accelerator: 'CmdOrCtrl+,' });
          expect(byCommand(menu, 'help.website')).toMatchObject({ label: MAIN_STRINGS[language].menu.website });
        }
      });
    });
  }

  it('is translated: French and German differ from English but for names', () => {
    const same = (language: 'fr' | 'de') =>
      Object.entries(MAIN_STRINGS[language].menu).filter(([key, label]) => label === MAIN_STRINGS.en.menu[key as keyof typeof MAIN_STRINGS.en.menu]).map(([key]) => key);
    expect(same('fr')).toEqual(['services']);
    expect(same('de')).toEqual([]);
  });

  it('offers Reload and Developer Tools only in development', () => {
    for (const platform of PLATFORMS) {
      const packaged = roles(applicationMenuTemplate({ language: 'en', platform, dev: false }));
      for (const devOnly of ['reload', 'forceReload', 'toggleDevTools']) expect(packaged).not.toContain(devOnly);
      expect(roles(applicationMenuTemplate({ language: 'en', platform, dev: true }))).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
    }
  });

  it('follows each platform: macOS has the app menu roles, the others quit from File', () => {
    const mac = applicationMenuTemplate({ language: 'en', platform: 'darwin', dev: false });
    expect(roles([mac[0]!])).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles(mac)).toEqual(expect.arrayContaining(['pasteAndMatchStyle', 'zoom', 'front', 'close']));
    const linux = applicationMenuTemplate({ language: 'en', platform: 'linux', dev: false });
    expect(roles([linux[0]!])).toEqual(['quit']);
    expect(roles(linux)).not.toContain('services');
    expect(roles(linux)).toContain('about');
    // The Window and Help menus carry their roles (macOS adds the window list and the help search).
    expect(mac.slice(-2).map((item) => ('role' in item ? item.role : undefined))).toEqual(['window', 'help']);
  });

  it('sends the renderer only commands it knows, as events the contract validates', () => {
    for (const platform of PLATFORMS) {
      const commands = leaves(applicationMenuTemplate({ language: 'en', platform, dev: true })).flatMap((item) => ('command' in item ? [item.command] : []));
      for (const command of commands.filter((c) => c !== 'help.website')) expect(APP_COMMANDS).toContain(command);
    }
    expect(contractEvents['app.command'].safeParse('search.open').success).toBe(true);
    expect(contractEvents['app.command'].safeParse('shell.exec').success).toBe(false);
    expect(isAllowedExternalUrl(EWSI_WEBSITE_URL)).toBe(true);
  });
});

describe('main learns the interface language from settings answers', () => {
  const settings = (interfaceLanguage: unknown) => ({ ok: true as const, value: { interfaceLanguage, theme: 'system' } });
  it('reads it from settings.get and settings.update answers only', () => {
    expect(interfaceLanguageIn('settings.update', settings('de'))).toBe('de');
    expect(interfaceLanguageIn('settings.get', settings('fr'))).toBe('fr');
    expect(interfaceLanguageIn('sync.status', settings('de'))).toBeUndefined();
    expect(interfaceLanguageIn('settings.update', { ok: false, error: { code: 'failed', message: 'x' } })).toBeUndefined();
    expect(interfaceLanguageIn('settings.update', settings('xx'))).toBeUndefined();
    expect(interfaceLanguageIn('settings.update', { ok: true, value: null })).toBeUndefined();
  });
});

describe('core crash dialog', () => {
  it('says the core was restarted, in the language, with the exit code as detail', () => {
    expect(coreCrashDialog({ kind: 'restarted', exitCode: 3, crashesInLastMinute: 1 }, 'en')).toEqual({
      type: 'warning',
      message: MAIN_STRINGS.en.core.restarted,
      detail: 'Exit code: 3',
      buttons: ['Close'],
    });
    expect(coreCrashDialog({ kind: 'restarted', exitCode: null, crashesInLastMinute: 1 }, 'fr')).toMatchObject({ message: MAIN_STRINGS.fr.core.restarted, detail: '' });
  });

  it('offers to restart the app when it gave up', () => {
    const box = coreCrashDialog({ kind: 'gave-up', exitCode: 1, crashesInLastMinute: 4 }, 'de');
    expect(box).toMatchObject({ type: 'error', detail: 'Exit-Code: 1', buttons: ['EWSI Desktop neu starten', 'Schließen'] });
    expect(box.message).toContain('4-mal');
    expect(box.message).not.toMatch(/\{\{/);
  });
});
