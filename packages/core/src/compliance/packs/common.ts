/**
 * Shared building blocks for pack data (channel sets, counted outcomes, the state-block set).
 */
import type { Channel, DebtorFlag, Outcome, Recipient } from '../vocab.js';
import { debtorFlags } from '../vocab.js';
import { electronicChannels, textChannels, voiceChannels, writtenChannels } from '../../channels/channel.js';
import type { RuleInput } from '../rule.js';

/** Telephone channels (Reg F "placing a telephone call"). */
export const PHONE: Channel[] = [...voiceChannels];
/** Written channels. */
export const WRITTEN: Channel[] = [...writtenChannels];
/** Electronic written channels. */
export const ELECTRONIC: Channel[] = [...electronicChannels];
/** Text-like channels to a phone number. */
export const TEXTS: Channel[] = [...textChannels];
/**
 * Outcomes of a *placed* call (Reg F counts unanswered calls and voicemails; calls that do not
 * connect — `busy`, `not_connected`, `failed` — are excluded, 12 CFR 1006.14(b)(3)).
 */
export const PLACED_CALL: Outcome[] = ['no_answer', 'voicemail', 'connected', 'conversation'];
/**
 * Outcomes that are an effective contact: the person was reached or a message was left/delivered.
 */
export const REACHED: Outcome[] = ['connected', 'conversation', 'voicemail', 'delivered'];
/** Persons obligated on the debt. */
export const OBLIGATED: Recipient[] = ['debtor', 'guarantor', 'co_debtor'];

/**
 * One state block's legal basis.
 *
 * @example
 * const b: StateBasis = { id: 'US-REGF-DISPUTE', citation: '15 U.S.C. 1692g(b)', confidence: 'V1' };
 */
export interface StateBasis {
  id: string;
  citation: string;
  confidence: RuleInput['confidence'];
  severity?: RuleInput['severity'];
  exceptRecipients?: Recipient[];
  note?: string;
}

/**
 * The states a reply may acknowledge: told by the person in a conversation, a reply that only says
 * it is recorded and how it will be handled (`acknowledgementOnly`) is not collection contact. In the
 * US it is the first notice 15 U.S.C. 1692c(c)(1) permits after a cease request, and no collection
 * activity during a dispute (1692g(b)). Representation by an attorney is not among them: the next
 * contact goes to the attorney (12 CFR 1006.6(b)(2)).
 */
const ACKNOWLEDGEABLE: ReadonlySet<DebtorFlag> = new Set([
  'dispute_pending',
  'cease_requested',
  'deceased',
  'bankruptcy',
]);

/**
 * A `state_block` rule for every debtor flag: the given legal bases, and for the flags without
 * one a clearly labelled Saldo policy rule `<PREFIX>-POLICY-<FLAG>` (conservative: block). The
 * states a reply may acknowledge exempt an `acknowledgementOnly` message.
 *
 * @example
 * stateBlocks('MX', {}).map((r) => r.id); // ['MX-POLICY-DISPUTE-PENDING', …]
 */
export function stateBlocks(prefix: string, bases: Partial<Record<DebtorFlag, StateBasis>>): RuleInput[] {
  return debtorFlags.map((flag): RuleInput => {
    const b = bases[flag];
    const exempt = ACKNOWLEDGEABLE.has(flag) ? { exemptIf: ['acknowledgementOnly' as const] } : {};
    if (b) {
      return {
        kind: 'state_block',
        flag,
        id: b.id,
        citation: b.citation,
        confidence: b.confidence,
        severity: b.severity ?? 'hard',
        ...(b.exceptRecipients ? { exceptRecipients: b.exceptRecipients } : {}),
        ...(b.note ? { note: b.note } : {}),
        ...exempt,
      };
    }
    return {
      kind: 'state_block',
      flag,
      id: `${prefix}-POLICY-${flag.toUpperCase().replace(/_/g, '-')}`,
      citation: 'Saldo policy: no specific rule in the research for this state; blocked conservatively',
      confidence: 'K',
      severity: 'policy',
      ...exempt,
    };
  });
}

/**
 * The channel opt-out rule.
 *
 * @example
 * optOutRule('CL-OPTOUT', 'Saldo policy', 'K', 'policy');
 * // { kind: 'opt_out', id: 'CL-OPTOUT', citation: 'Saldo policy', confidence: 'K', severity: 'policy' }
 */
export function optOutRule(
  id: string,
  citation: string,
  confidence: RuleInput['confidence'],
  severity: RuleInput['severity'],
  channels?: Channel[],
): RuleInput {
  return { kind: 'opt_out', id, citation, confidence, severity, ...(channels ? { channels } : {}) };
}
