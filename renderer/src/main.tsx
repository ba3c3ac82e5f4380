import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import { applyTheme, readPreferences } from './preferences';
import './styles.css';

const preferences = readPreferences();
applyTheme(preferences.theme);
initI18n(preferences.interfaceLanguage);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
