import { useEffect, useMemo, useState } from 'react';
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Shell } from './components/Shell';
import { connect, CoreProvider, SyncProvider } from './core';
import { applyTheme, readPreferences, writePreference, type InterfaceLanguage, type ThemePreference } from './preferences';
import { useRoute, type Route } from './router';
import { HomeScreen } from './screens/Home';
import { LibraryScreen, LinksScreen, NewsScreen } from './screens/Library';
import { PlaceholderScreen } from './screens/Placeholder';
import { ReaderScreen } from './screens/Reader';
import { SearchScreen } from './screens/Search';
import { SettingsScreen } from './screens/Settings';

export function App() {
  const { t, i18n } = useTranslation();
  const connection = useMemo(connect, []);
  const route = useRoute();
  const [language, setLanguage] = useState(i18n.language as InterfaceLanguage);
  const [theme, setTheme] = useState<ThemePreference>(() => readPreferences().theme);

  useEffect(() => applyTheme(theme), [theme]);

  const changeLanguage = (next: InterfaceLanguage) => {
    writePreference('interfaceLanguage', next);
    void i18n.changeLanguage(next);
    setLanguage(next);
  };
  const changeTheme = (next: ThemePreference) => {
    writePreference('theme', next);
    setTheme(next);
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
          <Shell route={route}>
            <CurrentScreen route={route} language={language} onLanguageChange={changeLanguage} theme={theme} onThemeChange={changeTheme} />
          </Shell>
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
    case 'settings':
      return <SettingsScreen {...settings} />;
    case 'library':
      return <LibraryScreen route={route} />;
    case 'links':
      return <LinksScreen route={route} />;
    case 'news':
      return <NewsScreen route={route} />;
    case 'read':
      return <ReaderScreen key={route.rest.join('/')} route={route} />;
    default:
      return <PlaceholderScreen screen={route.screen} />;
  }
}
