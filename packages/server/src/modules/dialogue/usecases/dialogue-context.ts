import type { DialogueContext, IdentityKind } from '@saldo/core/dialogue';
import { debtorToday, type OfferPolicy } from '@saldo/core/offers';
import { daysPastDue } from '@saldo/core/record';
import type { DialogueFacts } from '../ports.js';

/** Compares a value with a stored identity HMAC (the current root key or a retired one). */
export type IdentityMatcher = (kind: 'dob' | 'national_id', value: string, stored: string) => boolean;

/**
 * The engine's context for one turn: the account as the debtor's calendar sees it at `now`, the
 * offer policy in force, and the identity check against the stored HMACs — the engine gives the
 * normalised answer (`YYYY-MM-DD`, four characters) and never sees what is stored.
 */
export function dialogueContext(
  facts: DialogueFacts,
  policy: OfferPolicy,
  matches: IdentityMatcher,
  now: Date,
): DialogueContext {
  const available: IdentityKind[] = [];
  if (facts.dobHash) available.push('dob');
  if (facts.nationalIdHash) available.push('national_id_last4');
  return {
    account: {
      balanceMinor: facts.balanceMinor,
      currency: facts.currency,
      dpd: daysPastDue(facts.delinquentSince, debtorToday(now.getTime(), facts.timeZone)),
      creditorName: facts.creditorName,
      collectorName: facts.collectorName,
      timeZone: facts.timeZone,
      country: facts.country,
    },
    policy,
    identity: {
      available,
      matches(kind, answer) {
        if (kind === 'dob') return facts.dobHash !== null && matches('dob', answer, facts.dobHash);
        // Imports hash the last four characters upper-cased (a national id may end in a letter).
        return (
          facts.nationalIdHash !== null && matches('national_id', answer.toUpperCase(), facts.nationalIdHash)
        );
      },
    },
    now: now.getTime(),
  };
}
