import { preferenceChannels, type PreferenceChannel } from '../channels/channel.js';

/**
 * The closed label sets of Saldo's NLU. Adding an intent here makes every exhaustive `switch`
 * over `Intent` fail to compile until it is handled (see CONTRIBUTING: closed unions).
 *
 * Organisation-specific intents added through `saldo nlu train` are plain strings
 * (`OrgIntent`): the built-in ones keep their closed type so the dialogue layer can switch on them.
 */
export const intents = [
  'promise_to_pay',
  'pay_now',
  'payment_plan',
  'settlement',
  'already_paid',
  'dispute',
  'hardship',
  'wrong_party',
  'stop_contact',
  'talk_to_agent',
  'contact_preference',
  'request_info',
  'refuse',
  'deceased',
  'bankruptcy',
  'affirm',
  'deny',
  'smalltalk',
  'abuse',
  'unknown',
] as const;
export type Intent = (typeof intents)[number];

/** A built-in intent or one an organisation added with its own examples. */
export type OrgIntent = Intent | (string & {});

export function isIntent(x: string): x is Intent {
  return (intents as readonly string[]).includes(x);
}

/** The contact channel a reply can ask for: the debtor's preference channels (`call` = any voice). */
export const channels = preferenceChannels;
export type Channel = PreferenceChannel;

export const dayParts = ['morning', 'afternoon', 'evening'] as const;
export type DayPart = (typeof dayParts)[number];

export const languages = ['es', 'en'] as const;
export type Language = (typeof languages)[number];

/** Regional variants: they decide what "$"/"pesos" mean and how numbers are written. */
export const variants = ['MX', 'CO', 'ES', 'AR', 'US'] as const;
export type Variant = (typeof variants)[number];
