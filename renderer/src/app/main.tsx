import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_SETTINGS } from '../../../shared/sync';
import { App } from './App';
import { connect } from './core';
import { initI18n } from './i18n';
import { applyTheme, loadPreferences, type Preferences } from './preferences';
import './styles/index.css';

async function start(root: HTMLElement) {
  // The saved language and theme are read before the first render, so the app never flashes another one.
  const connection = connect();
  const fallback: Preferences = { interfaceLanguage: DEFAULT_SETTINGS.interfaceLanguage, theme: DEFAULT_SETTINGS.theme };
  const { preferences } = connection.ok ? await loadPreferences(connection.core.api) : { preferences: fallback };
  applyTheme(preferences.theme);
  initI18n(preferences.interfaceLanguage);
  createRoot(root).render(
    <StrictMode>
      <App connection={connection} initialPreferences={preferences} />
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void start(root);
