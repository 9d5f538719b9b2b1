import { useEffect, useRef } from 'react';
import type { AuditEntry } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n-context.js';

/**
 * The request recorded with an entry, in a modal dialog (the browser keeps focus inside it, Escape
 * closes it, and focus returns to the button that opened it).
 */
export function RequestDialog({ entry, onClose }: { entry: AuditEntry; onClose(): void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="request" aria-labelledby="request-title" onClose={onClose}>
      <h2 id="request-title">{t('request.title', { seq: entry.seq })}</h2>
      <p>{t('request.explain')}</p>
      <pre tabIndex={0} aria-labelledby="request-title">
        <code>{JSON.stringify(entry.detail, null, 2)}</code>
      </pre>
      <form method="dialog">
        <button type="submit" autoFocus>
          {t('request.close')}
        </button>
      </form>
    </dialog>
  );
}
