import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { twoWayChannels } from '../channels/channel.js';
import { intents, type Intent } from '../nlu/intents.js';
import type { NluResult } from '../nlu/parse.js';
import { foldAccents } from '../nlu/normalize.js';
import { checkProposal } from '../offers/index.js';
import { newConversation } from './conversation.js';
import { step } from './engine.js';
import { formatMoney } from './replies/render.js';
import { debtWords, promiseProposal, proposalOfAction, testContext, testNow, usAccount } from './testing.js';
import type { Conversation, DialogueAction, DialogueContext } from './types.js';

/** Things debtors write: identity answers right and wrong, amounts, dates, plans, choices, noise. */
const texts = [
  '12/04/1988',
  '12 de abril de 1988',
  'April 12, 1988',
  '01/01/1990',
  'termina en 4321',
  '4321',
  '9999',
  'hola',
  'sí',
  'no',
  'ok',
  'la pausa',
  'el plan',
  '200 el viernes y el resto el mes que viene',
  '500 el viernes y lo demás el 15',
  'el viernes le pago todo',
  'I can do 300 a month',
  'puedo 50 a la semana',
  'liquido con 1000',
  'can I settle for 99999',
  'pago 10 mil el 30 de febrero',
  'todo el 31 de diciembre de 2030',
  'la mitad mañana y la otra mitad el 15',
  'dejen de llamarme',
  'mi abogado',
  'numero equivocado',
  '',
  '🤬🤬',
  'asdf qwerty',
] as const;

const dates = [
  '2026-11-20',
  '2026-11-24',
  '2026-11-27',
  '2026-12-15',
  '2026-12-31',
  '2027-03-01',
  '2030-01-01',
];

const understandingArb: fc.Arbitrary<NluResult> = fc.record(
  {
    // Weighted toward negotiation and yes, where agreements are made; every intent still appears.
    intent: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...intents) },
      {
        weight: 5,
        arbitrary: fc.constantFrom(
          'promise_to_pay',
          'payment_plan',
          'settlement',
          'hardship',
          'affirm',
          'affirm',
        ),
      },
    ),
    confidence: fc.double({ min: 0, max: 1, noNaN: true }),
    lang: fc.constantFrom('es' as const, 'en' as const),
    entities: fc.record(
      {
        amount: fc.record({
          value: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 1e7, noNaN: true })),
        }),
        date: fc.constantFrom(...dates),
        installments: fc.integer({ min: 1, max: 60 }),
        channel: fc.constantFrom('email' as const, 'sms' as const, 'whatsapp' as const, 'call' as const),
        timeOfDay: fc.constantFrom(
          { from: '18:00' },
          { part: 'morning' as const },
          { from: '09:00', to: '12:00' },
        ),
      },
      { requiredKeys: [] },
    ),
    secondary: fc.oneof(
      { weight: 4, arbitrary: fc.constant<Intent[]>([]) },
      { weight: 1, arbitrary: fc.subarray([...intents], { maxLength: 3 }) },
    ),
  },
  { requiredKeys: ['intent', 'confidence', 'lang', 'entities'] },
);

const turnArb = fc.record({
  text: fc.oneof(fc.constantFrom(...texts), fc.string({ maxLength: 40 })),
  understanding: understandingArb,
});

const contextArb: fc.Arbitrary<DialogueContext> = fc
  .record({
    us: fc.boolean(),
    balanceMinor: fc.integer({ min: 1, max: 50_000_000 }),
    dpd: fc.integer({ min: 0, max: 400 }),
    identity: fc.constantFrom({ dob: '1988-04-12' }, { last4: '4321' }, { dob: '1988-04-12', last4: '4321' }),
    nowOffset: fc.integer({ min: 0, max: 40 * 86_400_000 }),
  })
  .map(({ us, balanceMinor, dpd, identity, nowOffset }) => {
    const base = testContext(us ? usAccount({ balanceMinor, dpd }) : undefined, identity);
    return {
      ...base,
      account: us ? base.account : { ...base.account, balanceMinor, dpd },
      now: testNow + nowOffset,
    };
  });

interface Run {
  steps: { before: Conversation; after: Conversation; actions: DialogueAction[]; replies: string[] }[];
}

function run(
  ctx: DialogueContext,
  lang: 'es' | 'en',
  channel: (typeof twoWayChannels)[number],
  turns: { text: string; understanding: NluResult }[],
): Run {
  let c = newConversation(lang);
  const steps: Run['steps'] = [];
  for (const t of turns) {
    const r = step(c, { ...t, channel }, ctx);
    steps.push({
      before: c,
      after: r.conversation,
      actions: r.actions,
      replies: r.replies.map((x) => x.text),
    });
    c = r.conversation;
  }
  return { steps };
}

const scenarioArb = fc.record({
  ctx: contextArb,
  lang: fc.constantFrom('es' as const, 'en' as const),
  channel: fc.constantFrom(...twoWayChannels),
  verifyFirst: fc.boolean(),
  turns: fc.array(turnArb, { minLength: 1, maxLength: 12 }),
});

/** Half the scenarios start with the right identity answer, so the negotiation is exercised too. */
function turnsOf(sc: { verifyFirst: boolean; turns: { text: string; understanding: NluResult }[] }) {
  const answer = {
    text: '12/04/1988 termina en 4321',
    understanding: { intent: 'unknown', confidence: 1, lang: 'es', entities: {} } as NluResult,
  };
  return sc.verifyFirst ? [answer, ...sc.turns] : sc.turns;
}

const runs = { numRuns: 400 };

describe('dialogue engine properties', () => {
  it('never throws, and the conversation stays plain JSON', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { ctx, lang, channel } = sc;
        const r = run(ctx, lang, channel, turnsOf(sc));
        for (const s of r.steps) expect(JSON.parse(JSON.stringify(s.after))).toEqual(s.after);
      }),
      runs,
    );
  });

  it('no sequence of debtor turns yields an agreement checkProposal refuses', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { ctx, lang, channel } = sc;
        const r = run(ctx, lang, channel, turnsOf(sc));
        for (const s of r.steps) {
          const account = { ...ctx.account, hardship: s.after.signals.hardship };
          const today = todayOf(ctx);
          const proposals = [
            promiseProposal(s.actions),
            ...s.actions.filter((a) => a.type !== 'promise').map((a) => proposalOfAction(a, today)),
          ];
          for (const p of proposals) {
            if (p === null) continue;
            expect(checkProposal(account, p, ctx.policy, ctx.now).accepted, JSON.stringify(p)).toBe(true);
          }
          // Plans and settlements are written only after the debtor's yes to that very agreement.
          const binding = s.actions.some(
            (a) => a.type === 'plan' || a.type === 'settlement' || a.type === 'settlement_offer',
          );
          if (binding) expect(s.before.state === 'confirming' || s.before.choices.length > 0).toBe(true);
        }
      }),
      runs,
    );
  });

  it('no reply before verification discloses an amount, the creditor or a word about a debt', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { ctx, lang, channel } = sc;
        const r = run(ctx, lang, channel, turnsOf(sc));
        const balance = formatMoney(
          ctx.account.balanceMinor,
          ctx.account.currency,
          lang === 'es' ? 'es-MX' : 'en-US',
        );
        for (const s of r.steps) {
          if (s.after.verification.verifiedAtTurn !== null) continue;
          for (const text of s.replies) {
            const folded = foldAccents(text.toLowerCase());
            expect(text).not.toContain(ctx.account.creditorName);
            expect(text).not.toContain(balance);
            expect(folded).not.toMatch(/\d/);
            expect(folded).not.toMatch(debtWords);
          }
          expect(
            s.actions.filter((a) =>
              [
                'promise',
                'plan',
                'settlement',
                'settlement_offer',
                'dispute',
                'already_paid_claim',
                'pause_collection',
                'hardship',
                'payment_link',
              ].includes(a.type),
            ),
          ).toEqual([]);
        }
      }),
      runs,
    );
  });
});

function todayOf(ctx: DialogueContext): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ctx.account.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(ctx.now);
  return parts;
}
