// core's parse over a model trained here: the pipeline test lives beside the trainer, since core's own
// tests need nothing outside core.
import { describe, expect, it } from 'vitest';
import { parse, type NluModel } from '@saldo/core/nlu';
import { train } from './train.js';

const examples: Array<[string, string]> = [
  ['te pago el viernes', 'promise_to_pay'],
  ['mañana te deposito 500', 'promise_to_pay'],
  ["I'll pay $50 on Friday", 'promise_to_pay'],
  ['can do 75 bucks tomorrow', 'promise_to_pay'],
  ['ya pagué', 'already_paid'],
  ['I paid last Friday', 'already_paid'],
  ['pagué ayer', 'already_paid'],
  ['paid it yesterday', 'already_paid'],
  ['STOP', 'stop_contact'],
  ['dejen de llamarme', 'stop_contact'],
  ['please stop texting me', 'stop_contact'],
  ['baja', 'stop_contact'],
  ['hola', 'smalltalk'],
  ['gracias', 'smalltalk'],
  ['hello', 'smalltalk'],
  ['thanks', 'smalltalk'],
  ['no es mi deuda', 'dispute'],
  ['not my debt', 'dispute'],
  ['número equivocado', 'wrong_party'],
  ['wrong number', 'wrong_party'],
];
const model = train(examples.map(([text, intent]) => ({ text, intent })));
const at = { now: '2026-11-24T10:00:00', timezone: 'America/Mexico_City', model };

describe('parse', () => {
  it('answers the CLI contract example', () => {
    const r = parse('te pago 500 pesos el viernes', at);
    expect(r).toMatchObject({
      intent: 'promise_to_pay',
      lang: 'es',
      entities: { amount: { value: 500, currency: 'MXN' }, date: '2026-11-27' },
    });
    expect(r.confidence).toBeGreaterThan(0.5);
  });

  it('never misses a carrier keyword and keeps an opt-out as secondary', () => {
    expect(parse('STOP', { model }).intent).toBe('stop_contact');
    expect(parse('Fin', { model }).intent).toBe('stop_contact');
    const r = parse('ya pagué, dejen de llamarme', at);
    expect([r.intent, ...(r.secondary ?? [])]).toContain('stop_contact');
  });

  it('an expressed opt-out is the primary intent, whatever else the message says', () => {
    for (const text of [
      'ya pagué, dejen de llamarme',
      'no es mi deuda, no me escriban más',
      'wrong number, stop texting me',
      'idiotas, dejen de joder',
      'mi papá falleció, no llamen más',
    ]) {
      expect(parse(text, at).intent, text).toBe('stop_contact');
    }
    const paid = parse('ya pagué, dejen de llamarme', at);
    expect(paid.secondary).toContain('already_paid');
  });

  it('a redirection to another channel is a preference, with the refused channel kept as an opt-out', () => {
    const m = train([
      ...examples.map(([text, intent]) => ({ text, intent })),
      { text: 'text me, do not call', intent: 'contact_preference' },
      { text: 'mejor por whatsapp, no me llamen', intent: 'contact_preference' },
      { text: 'text me instead of calling', intent: 'contact_preference' },
      { text: 'escríbanme por whatsapp, no me llamen', intent: 'contact_preference' },
      { text: 'email me, do not call', intent: 'contact_preference' },
      { text: 'llámame después de las 6', intent: 'contact_preference' },
    ]);
    const r = parse('text me, do not call', { ...at, model: m });
    expect(r.intent).toBe('contact_preference');
    expect(r.secondary).toContain('stop_contact');
  });

  it('a reply made only of yes, no or social words is that intent even when the model never saw the word', () => {
    // A model that answers unknown to anything it has not seen (it knows only mash and one promise).
    const naive = train(
      [
        ['asdfgh', 'unknown'],
        ['qwerty zxcv', 'unknown'],
        ['jkl ñlk', 'unknown'],
        ['te pago el viernes', 'promise_to_pay'],
      ].map(([text, intent]) => ({ text: text as string, intent: intent as string })),
    );
    const opts = { ...at, model: naive };
    expect(parse('zorblax quintuple', opts).intent).toBe('unknown');
    expect(parse('yeppers!', opts).intent).toBe('affirm');
    expect(parse('sisas mi llave', opts).intent).toBe('affirm');
    expect(parse('nanai de la China', opts).intent).toBe('deny');
    expect(parse('chaucito', opts).intent).toBe('smalltalk');
    expect(parse('quiubo', opts).intent).toBe('smalltalk');
    // Words beyond the whole-reply vocabulary leave the classifier's answer alone.
    expect(parse('yeppers, zorblax quintuple', opts).intent).toBe('unknown');
  });

  it('a whole yes / no / social reply also overrides the reading of one of its words, never a substantive intent', () => {
    // A stub classifier with a fixed answer: the decision layer is under test, not the weights.
    const saying = (label: string): NluModel =>
      ({
        classifier: {
          predict: () => [
            { label, p: 0.8 },
            { label: 'unknown', p: 0.2 },
          ],
        },
      }) as unknown as NluModel;
    expect(parse('cómo no', { ...at, model: saying('deny') }).intent).toBe('affirm');
    expect(parse('nel pastel', { ...at, model: saying('affirm') }).intent).toBe('deny');
    expect(parse('¿cómo ha estado?', { ...at, model: saying('request_info') }).intent).toBe('smalltalk');
    expect(parse('ok', { ...at, model: saying('already_paid') }).intent).toBe('already_paid');
    expect(parse('cómo no', { ...at, model: saying('smalltalk') }).intent).toBe('smalltalk');
  });

  it('a promise tied to "never" is a refusal', () => {
    expect(parse('sí claro, te pago el viernes cuando las ranas crien pelo', at).intent).toBe('refuse');
    expect(parse("I'll pay $50 on Friday when pigs fly", at).intent).toBe('refuse');
    expect(parse('te pago el viernes', at).intent).toBe('promise_to_pay');
  });

  it('handles empty, symbol-only and very long input', () => {
    expect(parse('', { model })).toEqual({ intent: 'unknown', confidence: 1, lang: 'es', entities: {} });
    expect(parse('   ', { model, lang: 'en' }).lang).toBe('en');
    expect(parse('🙂🙂', { model }).intent).toBe('unknown');
    expect(parse('te pago el viernes '.repeat(2000), at).intent).toBe('promise_to_pay');
  });

  it('reads dates only with a reference time, in the debtor zone', () => {
    expect(parse('te pago mañana', { model }).entities.date).toBeUndefined();
    expect(
      parse('I will pay tomorrow', { model, now: '2026-11-25T03:00:00Z', timezone: 'America/New_York' })
        .entities.date,
    ).toBe('2026-11-25');
  });

  it('detects the language and maps other languages to unknown', () => {
    expect(parse('I paid yesterday', at).lang).toBe('en');
    expect(parse('bonjour, je ne comprends pas', at).intent).toBe('unknown');
  });

  it('rules decide high-stakes intents', () => {
    expect(parse('mi papá falleció el mes pasado', at).intent).toBe('deceased');
    expect(parse('wrong number buddy', at).intent).toBe('wrong_party');
  });
});
