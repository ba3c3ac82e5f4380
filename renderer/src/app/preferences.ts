// Interface preferences: the interface language and the colour theme.
//
// They are the user's settings (`interfaceLanguage` and `theme` in
// `settings.get`/`settings.update`), kept in the user store by the core. The
// app reads them once before its first render, applies a change at once, and
// then persists it; persisting calls run one after another, so the last
// choice is the one the store keeps.
import type { EwsiApi } from '../../../shared/contract';
import { DEFAULT_SETTINGS, INTERFACE_LANGUAGES, type Settings } from '../../../shared/sync';

export { INTERFACE_LANGUAGES };
export type InterfaceLanguage = Settings['interfaceLanguage'];
export const THEMES = ['system', 'light', 'dark'] as const satisfies ReadonlyArray<Settings['theme']>;
export type ThemePreference = Settings['theme'];

export interface Preferences {
  interfaceLanguage: InterfaceLanguage;
  theme: ThemePreference;
}

/**
 * The saved preferences. When the core cannot answer, the defaults apply for
 * this session (the shell then reports the core as unreachable anyway).
 */
export async function loadPreferences(api: EwsiApi): Promise<{ preferences: Preferences; error: unknown }> {
  try {
    const settings = await api['settings.get']({});
    return { preferences: { interfaceLanguage: settings.interfaceLanguage, theme: settings.theme }, error: null };
  } catch (error) {
    return { preferences: { interfaceLanguage: DEFAULT_SETTINGS.interfaceLanguage, theme: DEFAULT_SETTINGS.theme }, error };
  }
}

let pending: Promise<unknown> = Promise.resolve();

/** Saves one preference with settings.update, after any save still in flight. */
export function savePreference<K extends keyof Preferences>(api: EwsiApi, key: K, value: Preferences[K]): Promise<void> {
  const next = pending.then(() => api['settings.update']({ [key]: value }));
  pending = next.catch(() => undefined);
  return next.then(() => undefined);
}

/** Applies a theme to the document: "system" follows prefers-color-scheme. */
export function applyTheme(theme: ThemePreference): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
