import { useEffect, useState } from 'react';
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { AnnotationsScreen } from '../features/annotations/AnnotationsScreen';
import { CollectionsScreen } from '../features/collections/CollectionsScreen';
import { CountrySheetsScreen } from '../features/country-sheets/CountrySheetsScreen';
import { ForumsScreen } from '../features/forums/ForumsScreen';
import { FundingScreen } from '../features/funding/FundingScreen';
import { HomeScreen } from '../features/home/HomeScreen';
import { ConflictsScreen } from '../features/member-sync/ConflictsScreen';
import { CONFLICTS_PATH, MemberSyncProvider } from '../features/member-sync/member-sync-state';
import { LibraryScreen, LinksScreen, NewsScreen } from '../features/library/LibraryScreen';
import { OutboxScreen } from '../features/outbox/OutboxScreen';
import { OutboxProvider } from '../features/outbox/outbox-state';
import { PartnersScreen } from '../features/partners/PartnersScreen';
import { PracticesScreen } from '../features/practices/PracticesScreen';
import { PrintScreen } from '../features/print/PrintScreen';
import { ReaderScreen } from '../features/reader/ReaderScreen';
import { SearchScreen } from '../features/search/SearchScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { Shell } from './Shell';
import { CoreProvider, errorMessage, type Connection } from './core';
import { applyTheme, savePreference, type InterfaceLanguage, type Preferences, type ThemePreference } from './preferences';
import { useRoute, type Route } from './router';
import { SyncProvider } from './sync-state';

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
            <MemberSyncProvider>
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
            </MemberSyncProvider>
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
      return route.rest[0] === CONFLICTS_PATH ? <ConflictsScreen /> : <SettingsScreen {...settings} />;
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
    case 'print':
      return <PrintScreen key={route.rest.join('/')} route={route} />;
  }
}
