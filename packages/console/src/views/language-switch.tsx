import { useId } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { languageNames, languages, type Language } from '../i18n/messages.js';

/** The language switch: a labelled select, each language named in itself. */
export function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  const id = useId();
  return (
    <div className="language">
      <label htmlFor={id}>{t('lang.label')}</label>
      <select id={id} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {languages.map((l) => (
          <option key={l} value={l} lang={l}>
            {languageNames[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
