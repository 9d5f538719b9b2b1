import { useId } from 'react';
import type { AuditEntry } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatInstant } from '../../i18n/translate.js';
import { actorKindText, failed, outcomeText, roleText } from './audit-words.js';

export interface AuditTableProps {
  entries: readonly AuditEntry[];
  filtered: boolean;
  /** Opens the request recorded with an entry. */
  onViewRequest(entry: AuditEntry): void;
  /** The viewer's time zone (the browser's when omitted; tests fix it). */
  timeZone?: string;
}

/** One page of the trail: a table with a caption and column headers, scrollable on narrow screens. */
export function AuditTable({ entries, filtered, onViewRequest, timeZone }: AuditTableProps) {
  const { t, intl } = useI18n();
  const captionId = useId();
  if (entries.length === 0) return <p>{t('audit.empty')}</p>;
  const range = { first: entries[0]!.seq, last: entries.at(-1)!.seq };
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="audit">
        <caption id={captionId}>{t(filtered ? 'audit.captionFiltered' : 'audit.caption', range)}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('audit.col.seq')}
            </th>
            <th scope="col">{t('audit.col.time')}</th>
            <th scope="col">{t('audit.col.actor')}</th>
            <th scope="col">{t('audit.col.role')}</th>
            <th scope="col">{t('audit.col.action')}</th>
            <th scope="col">{t('audit.col.target')}</th>
            <th scope="col">{t('audit.col.outcome')}</th>
            <th scope="col">{t('audit.col.request')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <th scope="row" className="num">
                {e.seq}
              </th>
              <td>
                <time dateTime={e.at}>{formatInstant(e.at, intl, timeZone)}</time>
              </td>
              <td>
                <code className="id">{e.actor.id}</code>
                <span className="sub">{actorKindText(e.actor.kind, t)}</span>
              </td>
              <td>{roleText(e.actor.role, t)}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>
                <code className="id">{e.target}</code>
              </td>
              <td className={failed(e.outcome) ? 'outcome failed' : 'outcome'}>
                {outcomeText(e.outcome, t)}
              </td>
              <td>
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('audit.viewRequestOf', { seq: e.seq })}
                  onClick={() => onViewRequest(e)}
                >
                  {t('audit.viewRequest')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
