/**
 * The one channel vocabulary of Saldo: every way to reach a debtor, and the named subsets the
 * rest of the code reasons about. Every other channel list (compliance, strategy, NLU, import,
 * server ports) is one of these, by name. Closed unions: adding a channel makes every exhaustive
 * `switch` (ending in `assertUnreachable`) fail to compile until it is handled.
 *
 * Subsets keep the order their users have always listed them in: it shows in the compliance docs
 * (a rule's channels) and in stored journey state (`optedOut`), so it is part of the behaviour.
 */

/**
 * Every way Saldo can reach a debtor. `voicebot` is an automated (AI / artificial voice) call;
 * `voicemail` is a message left on a machine (incl. ringless drops); `letter` is post.
 *
 * @example
 * channels.includes('voicemail'); // true
 */
export const channels = ['call', 'voicebot', 'voicemail', 'sms', 'whatsapp', 'email', 'letter'] as const;
/** @example const c: Channel = 'whatsapp'; */
export type Channel = (typeof channels)[number];

/**
 * Channels delivered by voice: what Reg F calls "placing a telephone call" (call caps) and TCPA
 * treats as calls (consent for artificial or prerecorded voice).
 *
 * @example
 * voiceChannels.includes('voicebot'); // true
 */
export const voiceChannels = ['call', 'voicebot', 'voicemail'] as const satisfies readonly Channel[];
/** @example const v: VoiceChannel = 'voicemail'; */
export type VoiceChannel = (typeof voiceChannels)[number];

/**
 * Written channels: the content requirements of a written communication apply to them.
 *
 * @example
 * writtenChannels.includes('letter'); // true
 */
export const writtenChannels = ['sms', 'whatsapp', 'email', 'letter'] as const satisfies readonly Channel[];
/** @example const w: WrittenChannel = 'letter'; */
export type WrittenChannel = (typeof writtenChannels)[number];

/**
 * Written channels delivered electronically (12 CFR 1006.6(e) "electronic communications": the
 * opt-out notice applies). They are also the channels of a strategy `send` node.
 *
 * @example
 * electronicChannels.includes('letter'); // false
 */
export const electronicChannels = ['sms', 'whatsapp', 'email'] as const satisfies readonly Channel[];
/** @example const e: ElectronicChannel = 'email'; */
export type ElectronicChannel = (typeof electronicChannels)[number];

/**
 * Text messages to a phone number.
 *
 * @example
 * textChannels; // ['sms', 'whatsapp']
 */
export const textChannels = ['sms', 'whatsapp'] as const satisfies readonly Channel[];
/** @example const t: TextChannel = 'sms'; */
export type TextChannel = (typeof textChannels)[number];

/**
 * Two-way channels: the debtor can answer in the same channel, so a conversation (and a promise
 * made in it) can happen there. A voicemail and a letter cannot be answered.
 *
 * @example
 * twoWayChannels.includes('voicemail'); // false
 */
export const twoWayChannels = [
  'call',
  'voicebot',
  'sms',
  'whatsapp',
  'email',
] as const satisfies readonly Channel[];
/** @example const c: TwoWayChannel = 'voicebot'; */
export type TwoWayChannel = (typeof twoWayChannels)[number];

/**
 * Channels Saldo dispatches itself through a provider (the server's `Messaging.contact`): every
 * channel but `letter`, which is printed and posted outside Saldo.
 *
 * @example
 * dispatchChannels.includes('letter'); // false
 */
export const dispatchChannels = [
  'call',
  'voicebot',
  'voicemail',
  'sms',
  'whatsapp',
  'email',
] as const satisfies readonly Channel[];
/** @example const d: DispatchChannel = 'voicemail'; */
export type DispatchChannel = (typeof dispatchChannels)[number];

/**
 * The channels a debtor chooses between or refuses: one per medium, `call` standing for every
 * voice channel (an opt-out of calls covers the voicebot and voicemail drops). A reply's channel
 * preference, an import's preferred channel and a journey's opt-outs use these.
 *
 * @example
 * preferenceChannels.includes('voicebot'); // false: a voicebot call is a `call` to the debtor
 */
export const preferenceChannels = ['email', 'sms', 'whatsapp', 'call'] as const satisfies readonly Channel[];
/** @example const p: PreferenceChannel = 'call'; */
export type PreferenceChannel = (typeof preferenceChannels)[number];

/**
 * Whether a string is a channel.
 *
 * @example
 * isChannel('sms'); // true
 * isChannel('fax'); // false
 */
export function isChannel(x: string): x is Channel {
  return (channels as readonly string[]).includes(x);
}

/**
 * Whether a channel is electronic written (email, SMS, WhatsApp).
 *
 * @example
 * isElectronicChannel('letter'); // false
 */
export function isElectronicChannel(c: Channel): c is ElectronicChannel {
  return (electronicChannels as readonly string[]).includes(c);
}

/**
 * The preference a channel falls under: itself for email, SMS, WhatsApp and calls; `call` for a
 * voicebot or voicemail; null for a letter or anything that is not a channel.
 *
 * @example
 * preferenceChannelOf('voicemail'); // 'call'
 * preferenceChannelOf('letter'); // null
 */
export function preferenceChannelOf(c: string): PreferenceChannel | null {
  switch (c) {
    case 'email':
    case 'sms':
    case 'whatsapp':
    case 'call':
      return c;
    case 'voicebot':
    case 'voicemail':
      return 'call';
    default:
      return null;
  }
}
