import type { ChainReport } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { explainBreak } from './audit-words.js';

/** What verification found: the chain intact up to its head, or a table of its problems in words. */
export function ChainResult({ report }: { report: ChainReport }) {
  const { t, intl } = useI18n();
  if (report.breaks.length === 0)
    return report.entries === 0 ? (
      <p>{t('verify.empty')}</p>
    ) : (
      <p className="intact">{t('verify.intact', { seq: report.lastSeq, hash: report.lastHash })}</p>
    );
  return (
    <>
      <p className="broken">
        {report.breaks.length === 1
          ? t('verify.brokenOne')
          : t('verify.broken', { count: report.breaks.length })}
      </p>
      <div className="table-scroll" role="region" aria-labelledby="chain-problems" tabIndex={0}>
        <table className="problems">
          <caption id="chain-problems">{t('verify.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('verify.col.seq')}
              </th>
              <th scope="col">{t('verify.col.problem')}</th>
              <th scope="col">{t('verify.col.meaning')}</th>
            </tr>
          </thead>
          <tbody>
            {report.breaks.map((b) => (
              <tr key={`${b.seq}-${b.problem}`}>
                <th scope="row" className="num">
                  {b.seq}
                </th>
                <td>
                  <code>{b.problem}</code>
                </td>
                <td>{explainBreak(b, t, intl)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
