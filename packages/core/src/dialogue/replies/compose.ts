import { isElectronicChannel, voiceChannels, type Channel } from '../../channels/channel.js';
import type { Reply, ReplyKind } from '../types.js';
import type { ReplyKey } from './catalog-es.js';
import { catalogText, fill, type ReplyFormat } from './render.js';
import { spoken } from './spoken.js';

/**
 * What the person told us that a reply acknowledges (a dispute, a request to stop, a death, a
 * bankruptcy, an opt-out, that they are not the debtor).
 */
const ACKNOWLEDGEMENTS: ReadonlySet<ReplyKey> = new Set([
  'dispute_noted',
  'wrong_party_sorry',
  'deceased_condolences',
  'bankruptcy_noted',
  'opt_out_done',
]);
/**
 * What an acknowledgement may say besides it: how the matter is handled and the lines the law asks
 * for. Nothing that asks for a payment or discusses one.
 */
const ACKNOWLEDGEMENT_LINES: ReadonlySet<ReplyKey> = new Set([
  ...ACKNOWLEDGEMENTS,
  'pause_until',
  'validation_info',
  'handoff_person',
  'handed_off_wait',
  'thanks_close',
  'mini_miranda',
  'debt_collector_line',
  'opt_out_line',
]);

/**
 * The content a reply declares to the compliance check. `acknowledgementOnly`: it acknowledges what
 * the person said and asks for nothing, so the state that fact sets (dispute, cease, death,
 * bankruptcy) does not bar it; `optOutConfirmation`: it confirms an opt-out and says nothing more.
 */
function declaredContent(keys: readonly ReplyKey[], optOutDone: boolean): Reply['content'] {
  const acknowledges = keys.some((k) => ACKNOWLEDGEMENTS.has(k));
  const onlyThat = keys.every((k) => ACKNOWLEDGEMENT_LINES.has(k));
  return {
    miniMiranda: keys.includes('mini_miranda') || keys.includes('debt_collector_line'),
    optOutInstructions: keys.includes('opt_out_line') || optOutDone,
    acknowledgementOnly: acknowledges && onlyThat,
    optOutConfirmation: optOutDone && onlyThat,
  };
}

/** One sentence of a reply: a catalogue key and its values, already formatted. */
export interface ReplyPart {
  key: ReplyKey;
  vars?: Readonly<Record<string, string>>;
}

export interface ComposeOptions {
  kind: ReplyKind;
  format: ReplyFormat;
  country: string;
  channel: Channel;
}

/**
 * One message from its sentences plus the content the debtor's country and the channel require:
 * in the US the mini-Miranda in the disclosure and "this is from a debt collector" in every later
 * message (15 U.S.C. 1692e(11); 12 CFR 1006.18(e)); on electronic channels a simple way to opt out
 * (12 CFR 1006.6(e) in the US; Saldo's policy everywhere). A message sent before verification carries
 * neither debt-collection line: it says only who writes and asks for the check.
 */
export function composeReply(parts: readonly ReplyPart[], o: ComposeOptions): Reply {
  const keys: ReplyKey[] = parts.map((p) => p.key);
  const us = o.country.toUpperCase() === 'US';
  if (us && o.kind === 'disclosure') {
    // The mini-Miranda follows the account's facts at once, before anything is asked of the debtor.
    const at = keys.indexOf('disclosure');
    keys.splice(at < 0 ? keys.length : at + 1, 0, 'mini_miranda', 'debt_collector_line');
  }
  if (us && o.kind === 'conversation') keys.push('debt_collector_line');
  const optOutDone = keys.includes('opt_out_done');
  if (isElectronicChannel(o.channel) && !optOutDone) keys.push('opt_out_line');
  const vars = new Map(parts.map((p) => [p.key, p.vars ?? {}]));
  const onCall = (voiceChannels as readonly Channel[]).includes(o.channel);
  const sentence = (k: ReplyKey) => {
    const written = catalogText(o.format.locale, k);
    return onCall ? spoken(o.format.lang, written) : written;
  };
  const text = keys.map((k) => fill(sentence(k), vars.get(k) ?? {})).join(' ');
  return {
    kind: o.kind,
    text,
    keys,
    content: declaredContent(keys, optOutDone),
  };
}
