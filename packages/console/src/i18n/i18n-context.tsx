import { createContext, useContext } from 'react';
import type { Language } from './messages.js';
import { translator, type Translate } from './translate.js';

export interface I18n {
  language: Language;
  /** The locale Intl formats with (es-MX, en-US, or the bare language). */
  intl: string;
  t: Translate;
  setLanguage(language: Language): void;
}

const I18nContext = createContext<I18n>({
  language: 'en',
  intl: 'en',
  t: translator('en'),
  setLanguage: () => {},
});

export const I18nProvider = I18nContext.Provider;

/** The viewer's language, its messages and formats. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
