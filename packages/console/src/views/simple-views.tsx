import type { Me } from '../api/types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { roleText } from './audit/audit-words.js';

/** The audit page for a role that may not read the trail. */
export function AuditNotAllowed({ me }: { me: Me }) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="notice" role="status">
        {t('audit.notAllowed', { role: roleText(me.role, t) })}
      </p>
    </>
  );
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
    </>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('app.title')}</h1>
      <p>{t('app.loading')}</p>
    </>
  );
}

export function Unreachable() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('app.title')}</h1>
      <p role="alert">{t('app.unreachable')}</p>
    </>
  );
}
