import { useEffect, useState } from 'react';
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ScreenErrorBoundary } from './components/ScreenErrorBoundary';
import { Shell } from './components/Shell';
import { CoreProvider, errorMessage, SyncProvider, type Connection } from './core';
import { applyTheme, savePreference, type InterfaceLanguage, type Preferences, type ThemePreference } from './preferences';
import { OutboxProvider } from './outbox';
import { useRoute, type Route } from './router';
import { AnnotationsScreen } from './screens/Annotations';
import { CollectionsScreen } from './screens/Collections';
import { CountrySheetsScreen } from './screens/CountrySheets';
import { FundingScreen } from './screens/Funding';
import { ForumsScreen } from './screens/Forums';
import { HomeScreen } from './screens/Home';
import { LibraryScreen, LinksScreen, NewsScreen } from './screens/Library';
import { OutboxScreen } from './screens/Outbox';
import { PartnersScreen } from './screens/Partners';
import { PlaceholderScreen } from './screens/Placeholder';
import { PracticesScreen } from './screens/Practices';
import { ReaderScreen } from './screens/Reader';
import { SearchScreen } from './screens/Search';
import { SettingsScreen } from './screens/Settings';

export function App({ connection, initialPreferences }: { connection: Connection; initialPreferences: Preferences }) {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const [language, setLanguage] = useState<InterfaceLanguage>(initialPreferences.interfaceLanguage);
  const [theme, setTheme] = useState<ThemePreference>(initialPreferences.theme);
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => applyTheme(theme), [theme]);

  // A choice applies at once; then it is saved in the user's settings.
  const persist = <K extends keyof Preferences>(key: K, value: Preferences[K]) => {
    if (!connection.ok) return;
    savePreference(connection.core.api, key, value).then(
      () => setSaveError(null),
      (error: unknown) => setSaveError(errorMessage(error)),
    );
  };
  const changeLanguage = (next: InterfaceLanguage) => {
    void i18n.changeLanguage(next);
    setLanguage(next);
    persist('interfaceLanguage', next);
  };
  const changeTheme = (next: ThemePreference) => {
    setTheme(next);
    persist('theme', next);
  };

  if (!connection.ok) {
    return (
      <main className="app-error">
        <h1>{t('app.name')}</h1>
        <p role="alert" className="error">
          {t('app.noCore')} {connection.message}
        </p>
      </main>
    );
  }

  return (
    <I18nProvider locale={language}>
      <CoreProvider core={connection.core}>
        <SyncProvider>
          <OutboxProvider>
            <Shell route={route}>
              <ScreenErrorBoundary key={route.hash.split('?', 1)[0]}>
                <CurrentScreen
                  route={route}
                  language={language}
                  onLanguageChange={changeLanguage}
                  theme={theme}
                  onThemeChange={changeTheme}
                  saveError={saveError}
                />
              </ScreenErrorBoundary>
            </Shell>
          </OutboxProvider>
        </SyncProvider>
      </CoreProvider>
    </I18nProvider>
  );
}

function CurrentScreen({ route, ...settings }: { route: Route } & Parameters<typeof SettingsScreen>[0]) {
  switch (route.screen) {
    case 'home':
      return <HomeScreen />;
    case 'search':
      return <SearchScreen route={route} />;
    case 'countries':
      return <CountrySheetsScreen route={route} />;
    case 'practices':
      return <PracticesScreen route={route} />;
    case 'funding':
      return <FundingScreen route={route} />;
    case 'settings':
      return <SettingsScreen {...settings} />;
    case 'library':
      return <LibraryScreen route={route} />;
    case 'links':
      return <LinksScreen route={route} />;
    case 'news':
      return <NewsScreen route={route} />;
    case 'forums':
      return <ForumsScreen route={route} />;
    case 'partners':
      return <PartnersScreen route={route} />;
    case 'outbox':
      return <OutboxScreen route={route} />;
    case 'annotations':
      return <AnnotationsScreen route={route} />;
    case 'collections':
      return <CollectionsScreen route={route} />;
    case 'read':
      return <ReaderScreen key={route.rest.join('/')} route={route} />;
    default:
      return <PlaceholderScreen screen={route.screen} />;
  }
}
