import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.js';
import type { AuditEntry, AuditPage as Page } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { AuditFilters } from './audit-filters.js';
import { apiPathOf, readQuery, searchOf, type AuditQuery } from './audit-query.js';
import { AuditTable } from './audit-table.js';
import { RequestDialog } from './request-dialog.js';
import { VerifyChain } from './verify-chain.js';

type Load = { state: 'loading' } | { state: 'loaded'; page: Page } | { state: 'failed'; detail: string };

export interface AuditPageProps {
  /** The address's search part: filters and the page's first entry. */
  search: string;
  /** Shows another query (a new address: reload and back keep it). */
  onQuery(search: string): void;
  /** An API call answered 401. */
  onUnauthenticated(): void;
}

/** The audit trail for compliance officers and administrators (GET /v1/audit, /v1/audit/verify). */
export function AuditPage({ search, onQuery, onUnauthenticated }: AuditPageProps) {
  const { t } = useI18n();
  const query = readQuery(search);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [shown, setShown] = useState<AuditEntry | null>(null);
  const path = apiPathOf(query);
  // After "next page" or "first page" the button pressed may be gone: focus goes to the new page's
  // entries, from where the keyboard continues.
  const entriesRef = useRef<HTMLElement>(null);
  const paged = useRef(false);
  useEffect(() => {
    if (load.state === 'loading' || !paged.current) return;
    paged.current = false;
    entriesRef.current?.focus();
  }, [load.state]);

  useEffect(() => {
    let current = true;
    setLoad({ state: 'loading' });
    void api<Page>('GET', path).then((res) => {
      if (!current) return;
      if (res.ok) setLoad({ state: 'loaded', page: res.data });
      else if (res.status === 401) onUnauthenticated();
      else setLoad({ state: 'failed', detail: res.problem.detail ?? String(res.status) });
    });
    return () => {
      current = false;
    };
  }, [path, onUnauthenticated]);

  const go = (q: Partial<AuditQuery>) => onQuery(searchOf({ ...query, ...q }));
  const turnPage = (fromSeq: number) => {
    paged.current = true;
    go({ fromSeq });
  };
  const entries = load.state === 'loaded' ? load.page.entries : [];
  const next = load.state === 'loaded' ? load.page.next : null;
  const filtered = Boolean(query.action || query.actorId);

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <AuditFilters
        action={query.action}
        actorId={query.actorId}
        knownActions={[...new Set(entries.map((e) => e.action))].sort()}
        onApply={(f) => go({ ...f, fromSeq: 1 })}
      />
      <section
        className="entries"
        aria-busy={load.state === 'loading'}
        aria-label={t('audit.title')}
        tabIndex={-1}
        ref={entriesRef}
      >
        {load.state === 'loading' && <p>{t('app.loading')}</p>}
        {load.state === 'failed' && <p role="alert">{t('audit.loadFailed', { detail: load.detail })}</p>}
        {load.state === 'loaded' && (
          <AuditTable entries={entries} filtered={filtered} onViewRequest={setShown} />
        )}
        {(query.fromSeq > 1 || next !== null) && (
          <nav className="pager" aria-label={t('audit.pages')}>
            {query.fromSeq > 1 && (
              <button type="button" className="secondary" onClick={() => turnPage(1)}>
                {t('audit.firstPage')}
              </button>
            )}
            {next !== null && (
              <button type="button" onClick={() => turnPage(next)}>
                {t('audit.nextPage')}
              </button>
            )}
          </nav>
        )}
      </section>
      <VerifyChain onUnauthenticated={onUnauthenticated} />
      {shown && <RequestDialog entry={shown} onClose={() => setShown(null)} />}
    </>
  );
}
