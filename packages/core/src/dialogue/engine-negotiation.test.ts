import { describe, expect, it } from 'vitest';
import { checkProposal } from '../offers/index.js';
import type { NluResult } from '../nlu/parse.js';
import {
  nlu,
  play,
  promiseProposal,
  proposalOfAction,
  testContext,
  testNow,
  texts,
  usAccount,
  type Played,
} from './testing.js';
import type { DialogueAction, DialogueContext } from './types.js';

const es = testContext();
const en = testContext(usAccount());
const at = (ctx: DialogueContext, dpd: number) => testContext({ ...ctx.account, dpd });

function afterVerification(
  ctx: DialogueContext,
  lang: 'es' | 'en',
  turns: ReadonlyArray<readonly [string, NluResult]>,
): Played & { said: string[] } {
  const p = play(ctx, [['hola', nlu('smalltalk')], ['12/04/1988', nlu('unknown')], ...turns], { lang });
  return { ...p, said: texts(p).slice(2), perTurn: p.perTurn.slice(2), actions: p.perTurn.slice(2).flat() };
}

/** Every agreement the engine wrote is one checkProposal accepts for the same account, now. */
function expectAccepted(ctx: DialogueContext, actions: readonly DialogueAction[], hardship = false): void {
  const account = { ...ctx.account, hardship };
  const promise = promiseProposal(actions);
  const others = actions.filter((a) => a.type !== 'promise');
  const proposals = [promise, ...others.map((a) => proposalOfAction(a, '2026-11-24'))].filter(
    (p) => p !== null,
  );
  for (const p of proposals)
    expect(checkProposal(account, p, ctx.policy, testNow).accepted, JSON.stringify(p)).toBe(true);
}

describe('promises', () => {
  it.each([
    ['es', es, '200 el viernes y el resto el mes que viene', 20000, 465000],
    ['en', en, '200 on Friday and the rest next month', 20000, 105000],
  ] as const)(
    'several parts in one sentence (%s), the rest resolved against the balance',
    (lang, ctx, text, first, rest) => {
      const p = afterVerification(ctx, lang, [
        [text, nlu('promise_to_pay', { amount: { value: 200 }, date: '2026-11-27' })],
      ]);
      expect(p.actions).toEqual([
        { type: 'promise', date: '2026-11-27', amountMinor: first, currency: ctx.account.currency },
        { type: 'promise', date: '2026-12-01', amountMinor: rest, currency: ctx.account.currency },
      ]);
      expectAccepted(ctx, p.actions);
    },
  );

  it('"500 el viernes y lo demás el 15"', () => {
    const p = afterVerification(es, 'es', [
      [
        '500 el viernes y lo demás el 15',
        nlu('promise_to_pay', { amount: { value: 500 }, date: '2026-11-27' }),
      ],
    ]);
    expect(p.actions.map((a) => (a.type === 'promise' ? [a.date, a.amountMinor] : a.type))).toEqual([
      ['2026-11-27', 50000],
      ['2026-12-15', 435000],
    ]);
  });

  it.each([
    ['es', es, 'ok, el viernes le pago todo', 485000],
    ['en', en, "i'll pay everything on friday", 125000],
  ] as const)('"everything" is the balance (%s), written at once', (lang, ctx, text, amount) => {
    const p = afterVerification(ctx, lang, [[text, nlu('promise_to_pay', { date: '2026-11-27' })]]);
    expect(p.actions).toEqual([
      { type: 'promise', date: '2026-11-27', amountMinor: amount, currency: ctx.account.currency },
    ]);
    expect(p.said[0]).toMatch(lang === 'es' ? /queda anotado/ : /it is noted/);
  });

  it('a date too far is countered with the latest allowed date; the yes writes it', () => {
    const p = afterVerification(es, 'es', [
      ['le pago todo el 15 de enero', nlu('promise_to_pay', { date: '2027-01-15' })],
      ['si', nlu('affirm')],
    ]);
    expect(p.perTurn[0]).toEqual([]);
    expect(p.said[0]).toMatch(/la fecha es demasiado lejana.*jueves, 24 de diciembre.*¿Lo confirmo\?/);
    expect(p.perTurn[1]).toEqual([
      { type: 'promise', date: '2026-12-24', amountMinor: 485000, currency: 'MXN' },
    ]);
  });

  it('a no to the counter-offer writes nothing and asks what would work', () => {
    const p = afterVerification(en, 'en', [
      ['I can pay it all on january 20', nlu('promise_to_pay', { date: '2027-01-20' })],
      ['no', nlu('deny')],
    ]);
    expect(p.actions).toEqual([]);
    expect(p.said[1]).toMatch(/What would work better/);
    expect(p.conversation.offers.refused).toHaveLength(1);
  });

  it('an amount without a day asks for the day, then writes the promise', () => {
    const p = afterVerification(es, 'es', [
      ['le pago 500', nlu('promise_to_pay', { amount: { value: 500 } })],
      ['el viernes', nlu('promise_to_pay', { date: '2026-11-27' })],
    ]);
    expect(p.said[0]).toMatch(/¿Qué día podría pagar \$500\.00\?/);
    expect(p.perTurn[1]).toEqual([
      { type: 'promise', date: '2026-11-27', amountMinor: 50000, currency: 'MXN' },
    ]);
  });
});

describe('plans', () => {
  it.each([
    ['es', es, 'puedo dar 1000 al mes', 1000],
    ['en', en, 'I can do 300 a month', 300],
  ] as const)(
    "a plan at the debtor's instalment (%s), written only after the yes",
    (lang, ctx, text, each) => {
      const p = afterVerification(ctx, lang, [
        [text, nlu('payment_plan', { amount: { value: each } })],
        [lang === 'es' ? 'si' : 'yes', nlu('affirm')],
      ]);
      expect(p.perTurn[0]).toEqual([]);
      expect(p.conversation.state).toBe('open');
      const plan = p.perTurn[1]![0];
      expect(plan).toMatchObject({
        type: 'plan',
        frequency: 'monthly',
        totalMinor: ctx.account.balanceMinor,
      });
      if (plan?.type !== 'plan') throw new Error('expected a plan');
      expect(plan.schedule[0]!.amountMinor).toBe(each * 100);
      expect(plan.schedule.reduce((s, i) => s + i.amountMinor, 0)).toBe(ctx.account.balanceMinor);
      expectAccepted(ctx, p.actions);
    },
  );

  it('a plan the policy refuses becomes the nearest allowed one, confirmed before it is written', () => {
    const p = afterVerification(es, 'es', [
      ['puedo 300 al mes', nlu('promise_to_pay', { amount: { value: 300 } })],
      ['ok', nlu('affirm')],
    ]);
    expect(p.said[0]).toMatch(/serían demasiadas cuotas.*12 pagos mensuales/);
    expect(p.perTurn[0]).toEqual([]);
    expect(p.perTurn[1]![0]).toMatchObject({ type: 'plan', installments: 12 });
    expectAccepted(es, p.actions);
  });

  it('a request for instalments without terms gets the first plan on offer; no writes nothing', () => {
    const p = afterVerification(es, 'es', [
      ['quiero pagar en cuotas', nlu('payment_plan')],
      ['no', nlu('deny')],
    ]);
    expect(p.said[0]).toMatch(/Puedo ofrecerle \d+ pagos mensuales/);
    expect(p.actions).toEqual([]);
  });

  it('while an agreement waits, a reply not understood asks again and writes nothing', () => {
    const p = afterVerification(en, 'en', [
      ['I can do 300 a month', nlu('payment_plan', { amount: { value: 300 } })],
      ['hmm', nlu('unknown')],
    ]);
    expect(p.said[1]).toMatch(/Shall I confirm .*yes or no/);
    expect(p.conversation.state).toBe('confirming');
    expect(p.actions).toEqual([]);
  });
});

describe('settlements', () => {
  it('none before 90 days past due: says so and offers a plan instead', () => {
    const p = afterVerification(es, 'es', [['me hacen un descuento?', nlu('settlement')]]);
    expect(p.said[0]).toMatch(/no puedo ofrecer un descuento.*pagos mensuales/);
    expect(p.actions).toEqual([]);
  });

  it.each([
    ['es', at(es, 120), 'liquido con 3000', 3000, 339500],
    ['en', at(en, 120), 'can I settle for 500', 500, 87500],
  ] as const)(
    'below the floor (%s): countered at the floor, written after the yes',
    (lang, ctx, text, value, floor) => {
      const p = afterVerification(ctx, lang, [
        [text, nlu('settlement', { amount: { value } })],
        [lang === 'es' ? 'sí, va' : 'ok deal', nlu('affirm')],
      ]);
      expect(p.perTurn[0]).toEqual([]);
      expect(p.perTurn[1]).toEqual([
        { type: 'settlement', amountMinor: floor, expires: '2026-12-08', currency: ctx.account.currency },
      ]);
      expectAccepted(ctx, p.actions);
    },
  );

  it("one that needs a person's approval: a settlement offer and the payments queue", () => {
    const ctx = at(es, 200);
    const p = afterVerification(ctx, 'es', [
      ['liquido con 3000', nlu('settlement', { amount: { value: 3000 } })],
      ['si', nlu('affirm')],
    ]);
    expect(p.perTurn[1]!.map((a) => a.type)).toEqual(['settlement_offer', 'handoff']);
    expect(p.perTurn[1]![0]).toMatchObject({ amountMinor: 300000, expires: '2026-12-08' });
    expect(p.perTurn[1]![1]).toMatchObject({ queue: 'payments' });
    expect(p.said[1]).toMatch(/aprobación de una persona/);
    expectAccepted(ctx, p.actions);
  });
});

describe('hardship options', () => {
  it.each([
    ['es', es, 'la pausa por favor'],
    ['en', en, 'the pause would help'],
  ] as const)('the pause (%s), as far as the policy allows', (lang, ctx, choice) => {
    const p = afterVerification(ctx, lang, [
      [lang === 'es' ? 'me quede sin trabajo' : 'I lost my job', nlu('hardship')],
      [choice, nlu('unknown')],
    ]);
    expect(p.perTurn[1]).toEqual([{ type: 'pause_collection', until: '2026-12-24' }]);
    expectAccepted(ctx, p.perTurn[1]!, true);
  });

  it('the smaller hardship plan, checked with the hardship rules', () => {
    const p = afterVerification(es, 'es', [
      ['me quede sin trabajo', nlu('hardship')],
      ['mejor el plan', nlu('payment_plan')],
    ]);
    expect(p.perTurn[1]![0]).toMatchObject({ type: 'plan' });
    expectAccepted(es, p.perTurn[1]!, true);
    expect(p.said[0]).toMatch(/orientación gratuita, la CONDUSEF/);
  });
});

describe('dated parts read as a plan by the NLU', () => {
  it('"half on friday and the other half on the 15th" is a promise in two parts', () => {
    const p = afterVerification(en, 'en', [
      ['half on friday and the other half on the 15th', nlu('payment_plan', { date: '2026-11-27' })],
    ]);
    expect(p.actions).toEqual([
      { type: 'promise', date: '2026-11-27', amountMinor: 62500, currency: 'USD' },
      { type: 'promise', date: '2026-12-15', amountMinor: 62500, currency: 'USD' },
    ]);
  });
});
