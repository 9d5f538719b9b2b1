import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, LANGUAGE_STORAGE_KEY } from './app.js';
import { languages, type Language } from './i18n/messages.js';
import './app.css';

function savedLanguage(): Language | null {
  try {
    const saved = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return languages.find((l) => l === saved) ?? null;
  } catch {
    return null;
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App
      place={{ pathname: window.location.pathname, search: window.location.search }}
      preferredLanguages={navigator.languages.length ? navigator.languages : [navigator.language]}
      savedLanguage={savedLanguage()}
    />
  </StrictMode>,
);
