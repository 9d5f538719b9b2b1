import { describe, expect, it } from 'vitest';
import type { NluResult } from '../nlu/parse.js';
import { nlu, play, testContext, texts, usAccount, type Played } from './testing.js';
import type { DialogueContext } from './types.js';

const es = testContext();
const en = testContext(usAccount());

/** Verifies first, then plays the turns; returns the turns after verification only. */
function afterVerification(
  ctx: DialogueContext,
  lang: 'es' | 'en',
  turns: ReadonlyArray<readonly [string, NluResult]>,
  channel: 'whatsapp' | 'sms' | 'voicebot' = 'whatsapp',
): Played & { said: string[] } {
  const p = play(ctx, [['hi', nlu('smalltalk')], ['12/04/1988', nlu('unknown')], ...turns], {
    lang,
    channel,
  });
  return { ...p, said: texts(p).slice(2), perTurn: p.perTurn.slice(2), actions: p.perTurn.slice(2).flat() };
}

const types = (p: Played) => p.actions.map((a) => a.type);

describe('paths that stop contact', () => {
  it.each([
    ['es', es, 'numero equivocado, no conozco a esa persona'],
    ['en', en, 'wrong number, I dont know who that is'],
  ] as const)(
    'wrong party before verification (%s): apologises, discloses nothing, stops the contact point',
    (lang, ctx, text) => {
      const p = play(
        ctx,
        [
          [text, nlu('wrong_party')],
          ['?', nlu('unknown')],
        ],
        { lang },
      );
      expect(p.perTurn[0]!.map((a) => a.type)).toEqual(['wrong_party', 'stop_contact_point']);
      expect(texts(p)[0]).toMatch(lang === 'es' ? /Disculpe/ : /Sorry/);
      expect(texts(p)[0]).not.toMatch(/Banco|\d|debt|deuda/);
      expect(p.conversation.state).toBe('closed');
      expect(p.replies[1]).toEqual([]);
    },
  );

  it.each([
    ['es', es, 'BAJA', 'sms', 'No volveremos a contactarle por mensaje de texto'],
    ['en', en, 'STOP', 'sms', 'We will not contact you by text message again'],
    ['es', es, 'ya no me escriban por whatsapp', 'whatsapp', 'por WhatsApp'],
  ] as const)(
    'opt-out (%s %s) withdraws the channel at once, even before verification',
    (lang, ctx, text, channel, said) => {
      const p = play(ctx, [[text, nlu('stop_contact')]], { lang, channel });
      expect(p.actions).toEqual([{ type: 'opt_out', channel }]);
      expect(texts(p)[0]).toContain(said);
      expect(p.conversation.state).toBe('closed');
    },
  );

  it('an opt-out that names another channel withdraws that one ("stop calling me"); the chat goes on', () => {
    const p = play(es, [['dejen de llamarme', nlu('stop_contact')]], { channel: 'whatsapp' });
    expect(p.actions).toEqual([{ type: 'opt_out', channel: 'call' }]);
    expect(texts(p)[0]).toMatch(
      /^Entendido\. No volveremos a contactarle por teléfono\. Hola, le escribe Grupo Norte/,
    );
    expect(p.conversation.state).toBe('verifying');
  });

  it('an opt-out that also says "already paid" records the claim first (verified)', () => {
    const p = afterVerification(es, 'es', [
      ['ya pague, dejen de molestar', nlu('stop_contact', {}, ['already_paid'])],
    ]);
    expect(types(p)).toEqual(['already_paid_claim', 'pause_collection', 'handoff', 'opt_out']);
    expect(p.conversation.state).toBe('closed');
  });

  it.each([
    ['es', es, 'mi esposo fallecio el mes pasado', 'deceased', 'vulnerable', /Lamentamos mucho su pérdida/],
    ['en', en, 'he passed away in march', 'deceased', 'vulnerable', /sorry for your loss/],
    ['es', es, 'me declare en concurso mercantil', 'bankruptcy', 'disputes', /Gracias por avisarnos/],
    ['en', en, 'I filed chapter 7 last month', 'bankruptcy', 'disputes', /recorded it/],
  ] as const)('%s %s: status, stop, handoff to the right queue', (lang, ctx, text, intent, queue, said) => {
    const p = afterVerification(ctx, lang, [[text, nlu(intent)]]);
    expect(types(p)).toEqual([intent, 'handoff']);
    expect(p.actions[1]).toMatchObject({ queue });
    expect(p.said[0]).toMatch(said);
    expect(p.conversation.state).toBe('closed');
  });

  it.each([
    ['es', es, 'hable con mi abogado, el lleva mi caso', 'bankruptcy'],
    ['en', en, 'talk to my lawyer', 'unknown'],
    ['en', en, 'my attorney is handling this', 'dispute'],
  ] as const)(
    'attorney (%s: "%s"): recognised from the words, whatever the NLU said',
    (lang, ctx, text, intent) => {
      const p = afterVerification(ctx, lang, [[text, nlu(intent)]]);
      expect(types(p)).toEqual(['attorney', 'handoff']);
      expect(p.actions[1]).toMatchObject({ type: 'handoff', queue: 'disputes' });
    },
  );

  it('a death told before verification is honoured without disclosing anything', () => {
    const p = play(es, [['mi mama fallecio', nlu('deceased')]]);
    expect(p.actions.map((a) => a.type)).toEqual(['deceased', 'handoff']);
    expect(texts(p)[0]).not.toMatch(/Banco|\d|deuda|saldo/);
  });
});

describe('claims', () => {
  it.each([
    ['es', es, 'ya pague el viernes pasado', /Registramos su pago del viernes, 20 de noviembre/],
    ['en', en, 'I already paid this on the 20th', /recorded your payment of Friday, November 20/],
  ] as const)(
    'already paid (%s): records the claim with its date, asks for the receipt, hands to payments',
    (lang, ctx, text, said) => {
      const p = afterVerification(ctx, lang, [[text, nlu('already_paid', { date: '2026-11-20' })]]);
      expect(p.actions[0]).toEqual({ type: 'already_paid_claim', date: '2026-11-20' });
      // Collection waits two weeks while a person looks for the payment (a pause the policy allows).
      expect(p.actions[1]).toEqual({ type: 'pause_collection', until: '2026-12-08' });
      expect(p.actions.at(-1)).toMatchObject({ type: 'handoff', queue: 'payments' });
      expect(p.said[0]).toMatch(said);
      expect(p.conversation.state).toBe('handed_off');
    },
  );

  it('already paid without a date records the claim without one; a future date is not a payment date', () => {
    const p = afterVerification(es, 'es', [
      ['eso ya lo pague el viernes', nlu('already_paid', { date: '2026-11-27' })],
    ]);
    expect(p.actions[0]).toEqual({ type: 'already_paid_claim', date: null });
  });

  it.each([
    ['es', es, 'esa deuda no es mia', /CONDUSEF/],
    ['en', en, 'this is not my debt, prove it', /validation notice/],
  ] as const)(
    'dispute (%s): recorded, handed to disputes, with the validation information of the country',
    (lang, ctx, text, info) => {
      const p = afterVerification(ctx, lang, [[text, nlu('dispute')]]);
      expect(types(p)).toEqual(['dispute', 'pause_collection', 'handoff']);
      expect(p.actions[1]).toEqual({ type: 'pause_collection', until: '2026-12-24' });
      expect(p.actions.at(-1)).toMatchObject({ type: 'handoff', queue: 'disputes' });
      expect(p.said[0]).toMatch(info);
      expect(p.said[0]).toContain('Banco Ejemplo');
      // It asks for nothing: the dispute it records does not bar it (compliance state block).
      expect(p.replies.at(-1)!.map((r) => r.content.acknowledgementOnly)).toEqual([true]);
    },
  );

  it('declares an acknowledgement or an opt-out confirmation only when the reply is nothing more', () => {
    const optOut = play(es, [['BAJA', nlu('stop_contact')]], { lang: 'es', channel: 'sms' });
    expect(optOut.replies[0]!.map((r) => r.content)).toEqual([
      expect.objectContaining({ optOutConfirmation: true, acknowledgementOnly: true }),
    ]);
    const promise = afterVerification(es, 'es', [['el viernes le pago todo', nlu('promise_to_pay')]]);
    for (const r of promise.replies.flat())
      expect([r.content.acknowledgementOnly, r.content.optOutConfirmation]).toEqual([false, false]);
  });

  it('dispute wording follows the country: Spain names the Banco de España, Colombia the Superintendencia', () => {
    const spain = testContext({ ...es.account, country: 'ES', currency: 'EUR', timeZone: 'Europe/Madrid' });
    const colombia = testContext({
      ...es.account,
      country: 'CO',
      currency: 'COP',
      timeZone: 'America/Bogota',
    });
    expect(afterVerification(spain, 'es', [['no debo eso', nlu('dispute')]]).said[0]).toMatch(
      /Banco de España/,
    );
    expect(afterVerification(colombia, 'es', [['no debo eso', nlu('dispute')]]).said[0]).toMatch(
      /Superintendencia/,
    );
  });
});

describe('hardship', () => {
  it.each([
    ['es', es, 'me quede sin trabajo, no tengo con que pagar', /Lamento mucho/],
    ['en', en, 'I lost my job and cannot pay anything', /sorry you are going through this/],
  ] as const)('(%s) empathy, the hardship flag, no pressure to pay in full', (lang, ctx, text, said) => {
    const p = afterVerification(ctx, lang, [[text, nlu('hardship')]]);
    expect(types(p)).toContain('hardship');
    expect(p.said[0]).toMatch(said);
    expect(p.said[0]).not.toMatch(/pagar el total|pay in full/);
    expect(p.conversation.signals.hardship).toBe(true);
  });

  it('illness goes to a person in the vulnerable queue', () => {
    const p = afterVerification(es, 'es', [
      ['estoy enferma en el hospital, no puedo pagar', nlu('hardship')],
    ]);
    expect(types(p)).toEqual(['hardship', 'handoff']);
    expect(p.actions[1]).toMatchObject({ queue: 'vulnerable' });
  });
});

describe('conversation paths', () => {
  it.each([
    [
      'es',
      es,
      'mejor escribeme por whatsapp despues de las 6',
      'whatsapp',
      /por WhatsApp a partir de las 18:00/,
    ],
    ['en', en, 'email me in the evening', 'email', /by email between 18:00 and 21:00/],
  ] as const)('contact preference (%s)', (lang, ctx, text, channel, said) => {
    const timeOfDay = channel === 'whatsapp' ? { from: '18:00' } : { part: 'evening' as const };
    const p = afterVerification(ctx, lang, [[text, nlu('contact_preference', { channel, timeOfDay })]]);
    expect(p.actions[0]).toMatchObject({ type: 'contact_preference', channel });
    expect(p.said[0]).toMatch(said);
  });

  it('a redirection withdraws only the refused channel ("text me, don\'t call")', () => {
    const p = afterVerification(en, 'en', [
      ["text me, don't call", nlu('contact_preference', { channel: 'sms' }, ['stop_contact'])],
    ]);
    expect(p.actions).toEqual([
      { type: 'contact_preference', channel: 'sms' },
      { type: 'opt_out', channel: 'call' },
    ]);
    expect(p.conversation.state).toBe('open');
  });

  it.each([
    ['es', es, 'mandame el link para pagar', 'pay_now'],
    ['en', en, 'how can i pay? send me the link', 'request_info'],
  ] as const)('payment link (%s)', (lang, ctx, text, intent) => {
    const withLink = testContext({ ...ctx.account, paymentLink: 'https://pay.example/abc' });
    const p = afterVerification(withLink, lang, [[text, nlu(intent)]]);
    expect(types(p)).toEqual(['payment_link']);
    expect(p.said[0]).toContain('https://pay.example/abc');
  });

  it.each([
    ['es', es, 'quiero hablar con una persona'],
    ['en', en, 'let me talk to a real person'],
  ] as const)('talk to a person (%s): handoff with a summary', (lang, ctx, text) => {
    const p = afterVerification(ctx, lang, [[text, nlu('talk_to_agent')]]);
    const handoff = p.actions[0];
    expect(handoff).toMatchObject({ type: 'handoff', queue: 'general' });
    if (handoff?.type !== 'handoff') throw new Error('expected a handoff');
    expect(handoff.summary.verified).toBe(true);
    expect(handoff.summary.understood).toContain('talk_to_agent');
    expect(handoff.summary.text).toMatch(lang === 'es' ? /Identidad verificada/ : /Identity verified/);
    expect(p.conversation.state).toBe('handed_off');
  });

  it.each([
    ['es', es, 'son unos ladrones de mierda'],
    ['en', en, 'you people are scum'],
  ] as const)('abuse (%s): de-escalates without mirroring; a second time, a person', (lang, ctx, text) => {
    const p = afterVerification(ctx, lang, [
      [text, nlu('abuse')],
      [text, nlu('abuse')],
    ]);
    expect(p.perTurn[0]).toEqual([]);
    expect(p.said[0]).toMatch(lang === 'es' ? /con respeto/ : /with respect/);
    expect(p.said[0]).not.toMatch(/mierda|scum|ladrones/);
    expect(p.perTurn[1]![0]).toMatchObject({ type: 'handoff', queue: 'general' });
    if (p.perTurn[1]![0]?.type === 'handoff') expect(p.perTurn[1]![0].summary.mood).toBe('abusive');
  });

  it.each([
    ['es', es],
    ['en', en],
  ] as const)('not understood (%s): a helpful prompt, a person after three in a row', (lang, ctx) => {
    const p = afterVerification(ctx, lang, [
      ['asdf', nlu('unknown')],
      ['jajaja', nlu('unknown')],
      ['qwerty', nlu('unknown')],
    ]);
    expect(p.said[0]).toMatch(lang === 'es' ? /no le entendí/ : /did not quite understand/);
    expect(p.perTurn[0]).toEqual([]);
    expect(p.perTurn[2]![0]).toMatchObject({ type: 'handoff', queue: 'general' });
  });

  it('understood turns reset the count of not understood', () => {
    const p = afterVerification(es, 'es', [
      ['asdf', nlu('unknown')],
      ['asdf', nlu('unknown')],
      ['cuanto debo', nlu('request_info')],
      ['asdf', nlu('unknown')],
    ]);
    expect(p.actions).toEqual([]);
  });

  it('request for information after verification: balance, creditor and who writes', () => {
    const p = afterVerification(es, 'es', [['cuanto debo y a quien', nlu('request_info')]]);
    expect(p.said[0]).toMatch(/Su saldo con Banco Ejemplo es de \$4,850\.00\. Le escribe Grupo Norte/);
  });

  it('a refusal is heard: one gentle plan suggestion, then the door left open', () => {
    const p = afterVerification(es, 'es', [
      ['no pienso pagar', nlu('refuse')],
      ['que no', nlu('refuse')],
    ]);
    expect(p.said[0]).toMatch(/plan a su medida/);
    expect(p.said[1]).toMatch(/Si cambia de opinión/);
    expect(p.actions).toEqual([]);
  });

  it('after a handoff, the bot only acknowledges, but still honours an opt-out', () => {
    const p = afterVerification(es, 'es', [
      ['quiero hablar con alguien', nlu('talk_to_agent')],
      ['hola?', nlu('smalltalk')],
      ['STOP', nlu('stop_contact')],
    ]);
    expect(p.said[1]).toMatch(/ya tiene su caso/);
    expect(p.perTurn[2]).toEqual([{ type: 'opt_out', channel: 'whatsapp' }]);
  });
});

describe('refusing the channel in use', () => {
  it('"mandame un mail mejor, por acá no": the preference, and the opt-out of the channel the message came on', () => {
    const p = afterVerification(es, 'es', [
      ['mandame un mail mejor, por aca no', nlu('contact_preference', { channel: 'email' })],
    ]);
    expect(p.actions).toEqual([
      { type: 'contact_preference', channel: 'email' },
      { type: 'opt_out', channel: 'whatsapp' },
    ]);
  });
});

describe('after hardship', () => {
  it('the open question no longer mentions paying the whole balance', () => {
    const p = afterVerification(es, 'es', [
      ['me quede sin trabajo', nlu('hardship')],
      ['cuanto debo', nlu('request_info')],
    ]);
    expect(p.said[1]).toMatch(/Su saldo .* Puedo pausar el cobro un tiempo/);
    expect(p.said.slice(1).join(' ')).not.toMatch(/pagar el total/);
  });
});
