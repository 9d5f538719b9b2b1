import { useId, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n-context.js';

export interface AuditFiltersProps {
  action: string;
  actorId: string;
  /** Actions seen on the page, offered as suggestions (the filter is an exact match). */
  knownActions: readonly string[];
  onApply(filters: { action: string; actorId: string }): void;
}

/** The filters: labelled inputs, applied with the submit button (or Enter). */
export function AuditFilters({ action, actorId, knownActions, onApply }: AuditFiltersProps) {
  const { t } = useI18n();
  const id = useId();
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    onApply({
      action: String(form.get('action') ?? '').trim(),
      actorId: String(form.get('actorId') ?? '').trim(),
    });
  }
  return (
    // `key`: the inputs start again from the applied filters when those change (e.g. cleared).
    <form
      className="filters"
      role="search"
      aria-label={t('audit.filters')}
      onSubmit={submit}
      key={`${action}\u0000${actorId}`}
    >
      <div className="field">
        <label htmlFor={`${id}-action`}>{t('audit.action')}</label>
        <input
          id={`${id}-action`}
          name="action"
          defaultValue={action}
          list={`${id}-actions`}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-action-hint`}
        />
        <datalist id={`${id}-actions`}>
          {knownActions.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <p className="hint" id={`${id}-action-hint`}>
          {t('audit.actionHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-actor`}>{t('audit.actor')}</label>
        <input
          id={`${id}-actor`}
          name="actorId"
          defaultValue={actorId}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-actor-hint`}
        />
        <p className="hint" id={`${id}-actor-hint`}>
          {t('audit.actorHint')}
        </p>
      </div>
      <div className="actions">
        <button type="submit">{t('audit.applyFilters')}</button>
        {(action || actorId) && (
          <button type="button" className="secondary" onClick={() => onApply({ action: '', actorId: '' })}>
            {t('audit.clearFilters')}
          </button>
        )}
      </div>
    </form>
  );
}
