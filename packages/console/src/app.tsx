/**
 * The console's frame: a skip link, the banner (navigation by role, who is signed in, the language
 * switch) and one `<main>` landmark holding the current view and its one h1. Views: sign-in, home,
 * the audit trail (admin, compliance).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AUDIT_READERS, type Me } from './api/types.js';
import { I18nProvider, useI18n, type I18n } from './i18n/i18n-context.js';
import type { Language, MessageKey } from './i18n/messages.js';
import { intlLocale, pickLanguage, translator } from './i18n/translate.js';
import { Link, NavigateContext } from './routing/link.js';
import { hrefOf, viewOf, type View } from './routing/routes.js';
import { useLocation, type Place } from './routing/use-location.js';
import { useSession, type Session } from './session/use-session.js';
import { AuditPage } from './views/audit/audit-page.js';
import { roleText } from './views/audit/audit-words.js';
import { Home } from './views/home.js';
import { LanguageSwitch } from './views/language-switch.js';
import { SignIn } from './views/sign-in.js';
import { AuditNotAllowed, Loading, NotFound, Unreachable } from './views/simple-views.js';

export const LANGUAGE_STORAGE_KEY = 'saldo.console.language';

export interface AppProps {
  /** The address the console opened at. */
  place?: Place;
  /** The browser's languages, most wanted first (navigator.languages). */
  preferredLanguages?: readonly string[];
  /** The language chosen earlier with the switch, if any. */
  savedLanguage?: Language | null;
}

export function App({
  place: initialPlace = { pathname: '/console/', search: '' },
  preferredLanguages = ['en'],
  savedLanguage = null,
}: AppProps) {
  const [language, setLanguageState] = useState<Language>(savedLanguage ?? pickLanguage(preferredLanguages));
  const setLanguage = useCallback((l: Language) => {
    setLanguageState(l);
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, l);
    } catch {
      // Storage refused (private mode): the choice lasts until the page is closed.
    }
  }, []);
  const i18n = useMemo<I18n>(
    () => ({
      language,
      intl: intlLocale(language, preferredLanguages),
      t: translator(language),
      setLanguage,
    }),
    [language, preferredLanguages, setLanguage],
  );
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const { place, navigate } = useLocation(initialPlace);
  const control = useSession();
  return (
    <I18nProvider value={i18n}>
      <NavigateContext.Provider value={navigate}>
        <Frame view={viewOf(place.pathname)} place={place} navigate={navigate} {...control} />
      </NavigateContext.Provider>
    </I18nProvider>
  );
}

interface FrameProps {
  view: View;
  place: Place;
  navigate(to: string): void;
  session: Session;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
  expired(): void;
}

const titles: Record<View, MessageKey> = {
  home: 'home.title',
  audit: 'audit.title',
  notFound: 'notFound.title',
};

function Frame({ view, place, navigate, session, refresh, signOut, expired }: FrameProps) {
  const { t } = useI18n();
  const me = session.status === 'signed-in' ? session.me : null;
  const heading = session.status === 'signed-out' ? t('signIn.title') : t(titles[view]);
  useEffect(() => {
    document.title = `${heading} · ${t('app.title')}`;
  }, [heading, t]);

  // A new view (another page, or signed in or out): focus goes to <main>, so a screen reader reads
  // the new heading and the keyboard starts from the content. Not when the page first opens (the
  // keyboard starts at the skip link), and not when only the query changes (filters, next page):
  // focus stays where the person is.
  const main = useRef<HTMLElement>(null);
  const shown = `${place.pathname}|${session.status}`;
  const previous = useRef(shown);
  useEffect(() => {
    if (previous.current === shown) return;
    const opening = previous.current.endsWith('|loading');
    previous.current = shown;
    if (!opening) main.current?.focus();
  }, [shown]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="banner">
        <p className="brand">Saldo</p>
        {me && <Navigation me={me} view={view} />}
        <div className="tools">
          {me && <SignedIn me={me} onSignOut={() => void signOut()} />}
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        <Content
          view={view}
          place={place}
          session={session}
          onSignedIn={refresh}
          onQuery={(search) => navigate(`${place.pathname}${search}`)}
          onUnauthenticated={expired}
        />
      </main>
    </>
  );
}

function Navigation({ me, view }: { me: Me; view: View }) {
  const { t } = useI18n();
  const current = (v: View) => (view === v ? ('page' as const) : undefined);
  return (
    <nav aria-label={t('nav.label')}>
      <ul>
        <li>
          <Link href={hrefOf.home} aria-current={current('home')}>
            {t('nav.home')}
          </Link>
        </li>
        {AUDIT_READERS.includes(me.role) && (
          <li>
            <Link href={hrefOf.audit} aria-current={current('audit')}>
              {t('nav.audit')}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}

function SignedIn({ me, onSignOut }: { me: Me; onSignOut(): void }) {
  const { t } = useI18n();
  return (
    <div className="who">
      <span>{t('session.as', { role: roleText(me.role, t) })}</span>
      <button type="button" className="secondary" onClick={onSignOut}>
        {t('session.signOut')}
      </button>
    </div>
  );
}

function Content(props: {
  view: View;
  place: Place;
  session: Session;
  onSignedIn(): Promise<void>;
  onQuery(search: string): void;
  onUnauthenticated(): void;
}) {
  const { view, place, session } = props;
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'unreachable') return <Unreachable />;
  if (session.status === 'signed-out')
    return <SignIn notice={session.notice} onSignedIn={props.onSignedIn} />;
  const me = session.me;
  if (view === 'home') return <Home me={me} />;
  if (view === 'notFound') return <NotFound />;
  if (!AUDIT_READERS.includes(me.role)) return <AuditNotAllowed me={me} />;
  return (
    <AuditPage search={place.search} onQuery={props.onQuery} onUnauthenticated={props.onUnauthenticated} />
  );
}
