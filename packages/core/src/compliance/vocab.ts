/**
 * Closed vocabularies of the compliance engine. Adding a value here makes every exhaustive
 * `switch` that does not handle it fail to compile.
 */

// The channels are the one channel vocabulary of core (`channels/channel.ts`); the engine calls
// the voice channels "phone channels", as Reg F does.
export {
  channels,
  electronicChannels,
  writtenChannels,
  voiceChannels as phoneChannels,
  type Channel,
} from '../channels/channel.js';

/**
 * Who the contact is addressed to.
 */
export const recipients = [
  'debtor',
  'guarantor',
  'co_debtor',
  'reference',
  'relative',
  'employer',
  'attorney',
] as const;
export type Recipient = (typeof recipients)[number];

/**
 * Direction of a history event.
 */
export const directions = ['outbound', 'inbound'] as const;
export type Direction = (typeof directions)[number];

/**
 * Outcome of a history event. `connected` = answered without a conversation with the debtor;
 * `conversation` = right-party conversation about the debt; `not_connected` = the call did not
 * connect to the dialled number (busy tone, not in service).
 */
export const outcomes = [
  'no_answer',
  'voicemail',
  'connected',
  'conversation',
  'busy',
  'not_connected',
  'delivered',
  'failed',
] as const;
export type Outcome = (typeof outcomes)[number];

/**
 * Debtor state flags; each one blocks collection contact in every shipped pack. `moratorium` is a
 * statutory breathing space (the UK Debt Respite Scheme and similar).
 */
export const debtorFlags = [
  'dispute_pending',
  'cease_requested',
  'attorney',
  'bankruptcy',
  'deceased',
  'moratorium',
] as const;
export type DebtorFlag = (typeof debtorFlags)[number];

/**
 * Content items a written message can carry (`content` in the input). `noDebtInformation` is a
 * declaration, not a text: the message conveys nothing regarding a debt (a conversation's identity
 * check before verification, whose wording the dialogue engine guarantees), so it is not a
 * "communication" (12 CFR 1006.2(d)) and rules that bind communications may exempt it.
 * `acknowledgementOnly` declares a reply that only acknowledges what the person just told us (a
 * dispute, a request to stop, a death, a bankruptcy) and says how it will be handled, asking for
 * nothing: the state blocks those facts set do not bar it (docs/compliance.md). `optOutConfirmation`
 * declares the one reply that confirms an opt-out: the opt-out rule does not bar it.
 */
export const contentItems = [
  'optOutInstructions',
  'miniMiranda',
  'noDebtInformation',
  'acknowledgementOnly',
  'optOutConfirmation',
] as const;
export type ContentItem = (typeof contentItems)[number];

/**
 * Weekdays, ISO order (Monday first).
 */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

/**
 * Evidence level of a rule's reading of the law: V1 = official text read, V2 = reputable
 * secondary source, K = background knowledge, ? = uncertain (the conservative reading is shipped).
 */
export const confidences = ['V1', 'V2', 'K', '?'] as const;
export type Confidence = (typeof confidences)[number];

/**
 * Pack kinds: `law` (a legal layer), `policy` (a company-policy layer shipped by Saldo, clearly
 * not law) and `org` (an organisation's own, stricter layer).
 */
export const packKinds = ['law', 'policy', 'org'] as const;
export type PackKind = (typeof packKinds)[number];
