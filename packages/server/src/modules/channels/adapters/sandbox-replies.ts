import type { OrgInboundEvent } from '../ports/channel-provider.js';

/**
 * The intent of a reply written by one of the sandbox's simulated debtors: its behaviour model
 * chose the intent and then the words, and says so in the event's payload. Null for any other
 * message (every real provider's replies are read by the NLU).
 */
export function sandboxReplyIntent(m: OrgInboundEvent): string | null {
  if (m.provider !== 'sandbox' || m.type !== 'message') return null;
  const intent = m.raw.intent;
  return typeof intent === 'string' ? intent : null;
}
