// i18next with the three interface languages bundled (the app works offline,
// so nothing is fetched). English is the reference: the i18n unit test checks
// that French and German have every English key and that every key the code
// uses exists in English.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { INTERFACE_LANGUAGES, type InterfaceLanguage } from '../preferences';
import de from './locales/de.json';
import en from './locales/en.json';
import fr from './locales/fr.json';

export const resources = { en: { translation: en }, fr: { translation: fr }, de: { translation: de } } as const;

export function initI18n(language: InterfaceLanguage): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...INTERFACE_LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
    initAsync: false,
  });
  document.documentElement.lang = language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return i18next;
}
