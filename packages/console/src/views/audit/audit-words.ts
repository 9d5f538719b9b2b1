import type { AuditEntry, ChainBreak } from '../../api/types.js';
import type { MessageKey } from '../../i18n/messages.js';
import { formatInstant, type Translate } from '../../i18n/translate.js';

/** An entry's outcome in words: `requested`, `completed 201`, `failed 400` (others as recorded). */
export function outcomeText(outcome: string, t: Translate): string {
  if (outcome === 'requested') return t('outcome.requested');
  const m = /^(completed|failed) (\d{3})$/.exec(outcome);
  if (!m) return outcome;
  return t(m[1] === 'completed' ? 'outcome.completed' : 'outcome.failed', { status: m[2]! });
}

/** Whether the outcome is a failure (shown differently, and said in words). */
export const failed = (outcome: string) => outcome.startsWith('failed');

const actorKinds: Record<AuditEntry['actor']['kind'], MessageKey> = {
  api_key: 'actor.api_key',
  session: 'actor.session',
  cli: 'actor.cli',
  system: 'actor.system',
};

export function actorKindText(kind: AuditEntry['actor']['kind'], t: Translate): string {
  const key = actorKinds[kind];
  return key ? t(key) : kind;
}

/** A role as recorded (`compliance`), in words when it is one of Saldo's roles. */
export function roleText(role: string | undefined, t: Translate): string {
  if (role === 'admin' || role === 'strategist' || role === 'agent' || role === 'compliance')
    return t(`role.${role}`);
  return role ?? '—';
}

/** What a break in the chain means, with its numbers (an anchor's time in the viewer's zone). */
export function explainBreak(b: ChainBreak, t: Translate, intl: string, timeZone?: string): string {
  switch (b.problem) {
    case 'edited':
      return t('problem.edited', { seq: b.seq });
    case 'missing':
      return t('problem.missing', { seq: b.seq, expectedSeq: b.expectedSeq });
    case 'relinked':
      return t('problem.relinked', { seq: b.seq });
    case 'truncated':
      return t('problem.truncated', { seq: b.seq, headSeq: b.headSeq });
    case 'diverged':
      return t('problem.diverged', { seq: b.seq, anchoredAt: formatInstant(b.anchoredAt, intl, timeZone) });
  }
}
