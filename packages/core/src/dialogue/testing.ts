/**
 * Small typed builders for the dialogue tests (pure; not re-exported from the package): an NLU
 * result as the model would give it, a context, and a runner that plays several turns.
 */
import type { NluEntities } from '../nlu/schema.js';
import type { Intent } from '../nlu/intents.js';
import type { NluResult } from '../nlu/parse.js';
import type { TwoWayChannel } from '../channels/channel.js';
import { defaultOfferPolicy } from '../offers/default-policy.js';
import type { OfferPolicy, Proposal } from '../offers/types.js';
import { civilDaysBetween } from '../calendar/civil.js';
import { newConversation } from './conversation.js';
import { step } from './engine.js';
import type { Conversation, DialogueAccount, DialogueAction, DialogueContext, Reply } from './types.js';

/** Tuesday 24 November 2026, 10:00 in Mexico City, 11:00 in New York. */
export const testNow = Date.UTC(2026, 10, 24, 16, 0, 0);

/** The policy every organisation starts with (ADR 0009): the tests hold the engine to its real defaults. */
export const testPolicy: OfferPolicy = defaultOfferPolicy;

export function nlu(intent: Intent, entities: NluEntities = {}, secondary?: Intent[]): NluResult {
  return { intent, confidence: 0.95, lang: 'es', entities, ...(secondary ? { secondary } : {}) };
}

export function testAccount(over: Partial<DialogueAccount> = {}): DialogueAccount {
  return {
    balanceMinor: 485000,
    currency: 'MXN',
    dpd: 12,
    creditorName: 'Banco Ejemplo',
    collectorName: 'Grupo Norte',
    timeZone: 'America/Mexico_City',
    country: 'MX',
    ...over,
  };
}

export function usAccount(over: Partial<DialogueAccount> = {}): DialogueAccount {
  return testAccount({
    currency: 'USD',
    balanceMinor: 125000,
    timeZone: 'America/New_York',
    country: 'US',
    ...over,
  });
}

export function testContext(
  account: DialogueAccount = testAccount(),
  identity: { dob?: string; last4?: string } = { dob: '1988-04-12' },
  policy: OfferPolicy = testPolicy,
): DialogueContext {
  return {
    account,
    policy,
    now: testNow,
    identity: {
      available: [
        ...(identity.dob ? (['dob'] as const) : []),
        ...(identity.last4 ? (['national_id_last4'] as const) : []),
      ],
      matches: (kind, answer) => (kind === 'dob' ? answer === identity.dob : answer === identity.last4),
    },
  };
}

export interface Played {
  conversation: Conversation;
  replies: Reply[][];
  actions: DialogueAction[];
  /** The actions of each turn. */
  perTurn: DialogueAction[][];
}

/** Plays turns given as [text, understanding] from a new conversation (or `from`). */
export function play(
  context: DialogueContext,
  turns: ReadonlyArray<readonly [string, NluResult]>,
  o: { lang?: 'es' | 'en'; channel?: TwoWayChannel; from?: Conversation } = {},
): Played {
  let conversation = o.from ?? newConversation(o.lang ?? 'es');
  const replies: Reply[][] = [];
  const perTurn: DialogueAction[][] = [];
  for (const [text, understanding] of turns) {
    const r = step(conversation, { text, channel: o.channel ?? 'whatsapp', understanding }, context);
    conversation = r.conversation;
    replies.push(r.replies);
    perTurn.push(r.actions);
  }
  return { conversation, replies, actions: perTurn.flat(), perTurn };
}

/** The text of every reply of a played conversation, one string per turn. */
export function texts(p: Played): string[] {
  return p.replies.map((rs) => rs.map((r) => r.text).join('\n'));
}

/**
 * Words that tell a reader a debt is being collected, in Spanish and English (folded, lower case):
 * none may appear in a reply sent before verification.
 */
export const debtWords =
  /\b(deuda\w*|adeud\w*|debe\w*|saldo\w*|cobr\w*|pago\w*|pagar|vencid\w*|atrasad\w*|credito\w*|prestamo\w*|monto\w*|importe\w*|acreedor\w*|moros\w*|cuenta|debt\w*|owe\w*|owing|balance\w*|collect\w*|payment\w*|pay|paid|overdue|past due|credit\w*|loan\w*|amount\w*|account\w*|delinquen\w*|arrears)\b/;

/**
 * The proposal an emitted action stands for, to ask `checkProposal` whether it would accept it: a
 * promise action is one part (several parts of one promise are checked together by the caller).
 */
export function proposalOfAction(a: DialogueAction, today: string): Proposal | null {
  switch (a.type) {
    case 'promise':
      return { kind: 'promise', parts: [{ date: a.date, amountMinor: a.amountMinor }] };
    case 'plan':
      return {
        kind: 'plan',
        frequency: a.frequency,
        installmentMinor: a.schedule[0]!.amountMinor,
        installments: a.installments,
        firstDue: a.firstDue,
      };
    case 'settlement':
    case 'settlement_offer':
      return { kind: 'settlement', amountMinor: a.amountMinor };
    case 'pause_collection':
      return { kind: 'pause', days: civilDaysBetween(today, a.until) };
    default:
      return null;
  }
}

/** The promise actions of one step as the one proposal they were accepted as. */
export function promiseProposal(actions: readonly DialogueAction[]): Proposal | null {
  const parts = actions.flatMap((a) =>
    a.type === 'promise' ? [{ date: a.date, amountMinor: a.amountMinor }] : [],
  );
  return parts.length > 0 ? { kind: 'promise', parts } : null;
}
