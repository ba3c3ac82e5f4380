// Interface preferences: the interface language and the colour theme.
//
// They belong in the user's settings (`settings.interfaceLanguage`, and a
// theme beside it), but the settings contract does not carry them yet. Until
// it does, this module is the one place that reads and writes them, and it
// keeps them in localStorage as a TEMPORARY FALLBACK. When the contract gains
// the fields, `readPreferences` takes them from `settings.get` and
// `writePreference` sends them with `settings.update`; no caller changes.

export const INTERFACE_LANGUAGES = ['en', 'fr', 'de'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];
export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof THEMES)[number];

export interface Preferences {
  interfaceLanguage: InterfaceLanguage;
  theme: ThemePreference;
}

/** TEMPORARY FALLBACK storage key, until `settings.interfaceLanguage` exists in the contract. */
const TEMPORARY_FALLBACK_KEY = 'ewsi.temporary-fallback.preferences';

export const isInterfaceLanguage = (value: unknown): value is InterfaceLanguage =>
  typeof value === 'string' && (INTERFACE_LANGUAGES as readonly string[]).includes(value);
const isTheme = (value: unknown): value is ThemePreference => typeof value === 'string' && (THEMES as readonly string[]).includes(value);

/** The system's language when we speak it, else English. */
export function systemLanguage(languages: readonly string[] = navigator.languages): InterfaceLanguage {
  for (const tag of languages) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isInterfaceLanguage(base)) return base;
  }
  return 'en';
}

function readFallback(): Partial<Record<keyof Preferences, unknown>> {
  try {
    const raw = window.localStorage.getItem(TEMPORARY_FALLBACK_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {}; // Storage disabled or corrupt: the defaults apply.
  }
}

export function readPreferences(): Preferences {
  const stored = readFallback();
  return {
    interfaceLanguage: isInterfaceLanguage(stored.interfaceLanguage) ? stored.interfaceLanguage : systemLanguage(),
    theme: isTheme(stored.theme) ? stored.theme : 'system',
  };
}

export function writePreference<K extends keyof Preferences>(key: K, value: Preferences[K]): void {
  try {
    window.localStorage.setItem(TEMPORARY_FALLBACK_KEY, JSON.stringify({ ...readFallback(), [key]: value }));
  } catch {
    // Storage disabled: the choice holds for this session only.
  }
}

/** Applies a theme to the document: "system" follows prefers-color-scheme. */
export function applyTheme(theme: ThemePreference): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
