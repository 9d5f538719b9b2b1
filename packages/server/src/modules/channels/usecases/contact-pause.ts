import type { Decision, Reason } from '@saldo/core/compliance';
import { pauseEndsAt } from '@saldo/core/record';
import type { ContactTarget } from '../ports/contact-records.js';
import type { ContactRequest } from '../ports/messaging.js';

/** The rule id of a refusal by a pause of collection (Saldo's own, beside the law packs' rules). */
export const collectionPauseRule = 'SALDO-PAUSE';

function pauseReason(until: string): Reason {
  const en = `Collection is paused until ${until}, as agreed with the debtor`;
  return {
    rule: collectionPauseRule,
    citation: 'Saldo offer policy: a pause of collection agreed with the debtor (docs/offers.md)',
    message: en,
    messageEn: en,
    messageEs: `La cobranza está en pausa hasta el ${until}, como se acordó con la persona deudora`,
    pack: 'saldo',
    confidence: 'K',
    severity: 'policy',
  };
}

/**
 * The engine's decision with the account's pause of collection on top: while paused, a contact is
 * refused until the pause ends (the dispatcher re-plans it then), except the replies in the
 * debtor's own conversation — the debtor asked, and the answer is not collection pressure.
 */
export function withCollectionPause(d: Decision, req: ContactRequest, t: ContactTarget, now: Date): Decision {
  if (req.requestedBy.kind === 'dialogue' || t.pausedUntil === null) return d;
  const ends = pauseEndsAt(t.pausedUntil, t.debtor.timezone, now.getTime());
  if (ends === null) return d;
  const later = d.nextAllowedAt !== null && d.nextAllowedAt > ends ? d.nextAllowedAt : ends;
  return {
    ...d,
    allowed: false,
    reasons: [...d.reasons, pauseReason(t.pausedUntil)],
    // A refusal without an end (a state block, an opt-out) keeps none.
    nextAllowedAt: d.allowed ? ends : d.nextAllowedAt === null ? null : later,
  };
}
