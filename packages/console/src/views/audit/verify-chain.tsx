import { useState } from 'react';
import { api } from '../../api/client.js';
import type { ChainReport } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ChainResult } from './chain-result.js';

type Verification =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; report: ChainReport }
  | { state: 'failed'; detail: string };

/** The "Verify the chain" button (GET /v1/audit/verify) and its result, announced when it arrives. */
export function VerifyChain({ onUnauthenticated }: { onUnauthenticated(): void }) {
  const { t } = useI18n();
  const [v, setV] = useState<Verification>({ state: 'idle' });
  async function verify() {
    setV({ state: 'running' });
    const res = await api<ChainReport>('GET', '/v1/audit/verify');
    if (res.ok) return setV({ state: 'done', report: res.data });
    if (res.status === 401) return onUnauthenticated();
    setV({ state: 'failed', detail: res.problem.detail ?? String(res.status) });
  }
  return (
    <section aria-labelledby="verify-title" className="verify">
      <h2 id="verify-title">{t('verify.title')}</h2>
      <p>{t('verify.explain')}</p>
      <button type="button" onClick={() => void verify()} disabled={v.state === 'running'}>
        {v.state === 'running' ? t('verify.running') : t('verify.button')}
      </button>
      <div aria-live="polite" className="verify-result">
        {v.state === 'done' && <ChainResult report={v.report} />}
        {v.state === 'failed' && <p role="alert">{t('verify.failed', { detail: v.detail })}</p>}
      </div>
    </section>
  );
}
