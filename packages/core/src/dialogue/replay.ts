/**
 * `saldo dialogue replay`: one conversation given as a debtor's turns, run through the NLU and the
 * engine exactly as the runner does, with the identity compared in plain text. Pure: the model, the
 * policy and `now` are given; the CLI reads and writes the lines.
 */
import { z } from 'zod';
import { twoWayChannels } from '../channels/channel.js';
import { isValidZone } from '../calendar/zone.js';
import { parseCivilDate } from '../calendar/civil.js';
import { isCurrency } from '../money/currency.js';
import { languages } from '../nlu/intents.js';
import type { NluModel } from '../nlu/model.js';
import { parse } from '../nlu/parse.js';
import type { OfferPolicy } from '../offers/types.js';
import { newConversation } from './conversation.js';
import { step } from './engine.js';
import type { DialogueAction, DialogueContext, DialogueState, IdentityKind } from './types.js';

/** The zone of a country's debtors when the input gives none (the capital's; one zone for most). */
const countryZones: Readonly<Record<string, string>> = {
  MX: 'America/Mexico_City',
  ES: 'Europe/Madrid',
  CO: 'America/Bogota',
  AR: 'America/Argentina/Buenos_Aires',
  CL: 'America/Santiago',
  PE: 'America/Lima',
  US: 'America/New_York',
};

export const replayDefaults = { collectorName: 'Grupo Norte', creditorName: 'Banco Ejemplo' } as const;

export const ReplayAccount = z.strictObject({
  balanceMinor: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  currency: z.string().refine(isCurrency, 'expected an ISO 4217 currency Saldo knows'),
  dpd: z.number().int().nonnegative().max(100_000),
  creditorName: z.string().min(1).max(120).optional(),
  collectorName: z.string().min(1).max(120).optional(),
  timeZone: z.string().refine(isValidZone, 'expected an IANA time zone').optional(),
  paymentLink: z.url().max(500).optional(),
});

export const ReplayIdentity = z
  .strictObject({
    dob: z
      .string()
      .refine((d) => parseCivilDate(d) !== undefined, 'expected a date YYYY-MM-DD')
      .optional(),
    nationalIdLast4: z
      .string()
      .regex(/^[0-9A-Za-z]{4}$/, 'expected four letters or digits')
      .optional(),
  })
  .refine((i) => i.dob !== undefined || i.nationalIdLast4 !== undefined, 'give dob and/or nationalIdLast4');

export const ReplayInput = z
  .strictObject({
    id: z.string().min(1).max(200),
    lang: z.enum(languages),
    country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country'),
    channel: z.enum(twoWayChannels),
    account: ReplayAccount,
    identity: ReplayIdentity,
    turns: z.array(z.string().max(2000)).max(200),
  })
  .refine(
    (i) => i.account.timeZone !== undefined || countryZones[i.country] !== undefined,
    'account.timeZone is required for this country',
  );
export type ReplayInput = z.infer<typeof ReplayInput>;

export interface ReplayResult {
  id: string;
  replies: string[][];
  verifiedAtTurn: number | null;
  actions: DialogueAction[];
  state: DialogueState;
}

export interface ReplayOptions {
  model: NluModel;
  policy: OfferPolicy;
  /** Epoch milliseconds: every turn happens at this instant. */
  now: number;
}

/** The engine's context for a replayed conversation: the defaults filled in, identity in plain text. */
export function replayContext(input: ReplayInput, o: ReplayOptions): DialogueContext {
  const available: IdentityKind[] = [];
  if (input.identity.dob !== undefined) available.push('dob');
  if (input.identity.nationalIdLast4 !== undefined) available.push('national_id_last4');
  return {
    account: {
      balanceMinor: input.account.balanceMinor,
      currency: input.account.currency,
      dpd: input.account.dpd,
      creditorName: input.account.creditorName ?? replayDefaults.creditorName,
      collectorName: input.account.collectorName ?? replayDefaults.collectorName,
      timeZone: input.account.timeZone ?? countryZones[input.country] ?? 'UTC',
      country: input.country,
      ...(input.account.paymentLink ? { paymentLink: input.account.paymentLink } : {}),
    },
    policy: o.policy,
    identity: {
      available,
      matches: (kind, answer) =>
        kind === 'dob'
          ? answer === input.identity.dob
          : answer === input.identity.nationalIdLast4?.toUpperCase(),
    },
    now: o.now,
  };
}

/**
 * @example
 * replayConversation({ id: 'c1', lang: 'es', country: 'MX', channel: 'whatsapp',
 *   account: { balanceMinor: 485000, currency: 'MXN', dpd: 12 }, identity: { dob: '1988-04-12' },
 *   turns: ['Hola', '1988-04-12', 'el viernes le pago todo'] }, { model, policy, now })
 * // → { id: 'c1', verifiedAtTurn: 2, actions: [{ type: 'promise', date: '2026-11-27', … }], … }
 */
export function replayConversation(input: ReplayInput, o: ReplayOptions): ReplayResult {
  const context = replayContext(input, o);
  let conversation = newConversation(input.lang);
  const replies: string[][] = [];
  const actions: DialogueAction[] = [];
  for (const text of input.turns) {
    const understanding = parse(text, {
      model: o.model,
      now: new Date(o.now),
      timezone: context.account.timeZone,
    });
    const result = step(conversation, { text, channel: input.channel, understanding }, context);
    conversation = result.conversation;
    replies.push(result.replies.map((r) => r.text));
    actions.push(...result.actions);
  }
  return {
    id: input.id,
    replies,
    verifiedAtTurn: conversation.verification.verifiedAtTurn,
    actions,
    state: conversation.state,
  };
}
