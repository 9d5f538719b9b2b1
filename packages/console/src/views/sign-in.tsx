import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { useI18n } from '../i18n/i18n-context.js';
import { signInError } from './sign-in-errors.js';

export interface SignInProps {
  /** Why the form is shown again (the session ended, or the person signed out). */
  notice?: 'ended' | 'signedOut' | undefined;
  /** After the server set the session cookie. */
  onSignedIn(): Promise<void>;
}

/** The sign-in form: POST /v1/auth/login sets an httpOnly session cookie. */
export function SignIn({ notice, onSignedIn }: SignInProps) {
  const { t, intl } = useI18n();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const organization = String(form.get('organization') ?? '').trim();
    setBusy(true);
    setError(null);
    const res = await api<unknown>('POST', '/v1/auth/login', {
      email: String(form.get('email') ?? '').trim(),
      password: String(form.get('password') ?? ''),
      ...(organization ? { organization } : {}),
    });
    setBusy(false);
    if (res.ok) await onSignedIn();
    else setError(signInError(res, t, intl, new Date()));
  }

  return (
    <>
      <h1>{t('signIn.title')}</h1>
      {notice && (
        <p className="notice" role="status">
          {t(notice === 'ended' ? 'session.ended' : 'session.signedOut')}
        </p>
      )}
      <p>{t('signIn.intro')}</p>
      <form className="sign-in" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('signIn.email')}</label>
          <input id={`${id}-email`} name="email" type="email" autoComplete="username" required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('signIn.password')}</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-organization`}>{t('signIn.organization')}</label>
          <input
            id={`${id}-organization`}
            name="organization"
            type="text"
            autoComplete="organization"
            autoCapitalize="none"
            spellCheck={false}
            aria-describedby={`${id}-organization-hint`}
          />
          <p className="hint" id={`${id}-organization-hint`}>
            {t('signIn.organizationHint')}
          </p>
        </div>
        <div role="alert" id={`${id}-error`} className={error ? 'error' : undefined}>
          {error}
        </div>
        <button type="submit" disabled={busy}>
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </>
  );
}
