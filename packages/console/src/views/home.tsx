import { AUDIT_READERS, type Me } from '../api/types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { Link } from '../routing/link.js';
import { hrefOf } from '../routing/routes.js';
import { roleText } from './audit/audit-words.js';

/** The signed-in start page: the views the person's role may open. */
export function Home({ me }: { me: Me }) {
  const { t } = useI18n();
  const audit = AUDIT_READERS.includes(me.role);
  return (
    <>
      <h1>{t('home.title')}</h1>
      {audit ? (
        <>
          <p>{t('home.intro', { role: roleText(me.role, t) })}</p>
          <ul>
            <li>
              <Link href={hrefOf.audit}>{t('nav.audit')}</Link>: {t('home.audit')}
            </li>
          </ul>
        </>
      ) : (
        <p>{t('home.nothing')}</p>
      )}
    </>
  );
}
