import type { Decision, Reason } from '@saldo/core/compliance';
import type { Channel } from '@saldo/core/channels';

/** The rule id of a refusal by an erased person's opt-out (Saldo's own, beside the law packs' rules). */
export const erasedOptOutRule = 'SALDO-ERASED-OPT-OUT';

/** What the send path asks the privacy module about a recipient (ADR 0010). */
export interface AddressSuppressions {
  /** Channels an erased person at this address had opted out of ([] when it is not suppressed). */
  optedOutChannels(orgId: string, address: string): Promise<string[]>;
}

const reason: Reason = {
  rule: erasedOptOutRule,
  citation:
    'Saldo data protection: an opt-out outlives the erasure of the person who made it (docs/privacy.md)',
  message: 'This address belonged to a person whose data was erased and who had opted out of this channel',
  messageEn: 'This address belonged to a person whose data was erased and who had opted out of this channel',
  messageEs:
    'Esta dirección perteneció a una persona cuyos datos fueron suprimidos y que se había dado de baja de este canal',
  pack: 'saldo',
  confidence: 'K',
  severity: 'policy',
};

/** Voice channels share the consent of `call` (an opt-out heard on a voicemail is recorded there). */
const consentChannel = (c: Channel) => (c === 'voicebot' || c === 'voicemail' ? 'call' : c);

/**
 * A refusal when the recipient's address belongs to an erased person who had opted out of the
 * channel, whoever it is stored for now (a re-import under a new reference): an opt-out is never
 * undone by erasure. Null: the contact may go on.
 */
export async function erasedOptOut(
  s: AddressSuppressions | undefined,
  orgId: string,
  channel: Channel,
  to: string,
): Promise<Decision | null> {
  if (!s) return null;
  const channels = await s.optedOutChannels(orgId, to);
  if (!channels.includes(channel) && !channels.includes(consentChannel(channel))) return null;
  return { id: 'suppression', allowed: false, reasons: [reason], nextAllowedAt: null, packs: ['saldo'] };
}
