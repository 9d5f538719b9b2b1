import { describe, expect, it } from 'vitest';
import { NluModel } from '@saldo/core/nlu';
import { trainClassifier } from './train-classifier.js';
import { train } from './train.js';

const data = [
  ['ya pagué ayer', 'already_paid'],
  ['ya lo pagué', 'already_paid'],
  ['I already paid', 'already_paid'],
  ['paid it yesterday', 'already_paid'],
  ['te pago el viernes', 'promise_to_pay'],
  ['mañana te deposito', 'promise_to_pay'],
  ["I'll pay on Friday", 'promise_to_pay'],
  ['will pay tomorrow', 'promise_to_pay'],
  ['hola', 'smalltalk'],
  ['hello', 'smalltalk'],
  ['gracias', 'smalltalk'],
  ['thanks', 'smalltalk'],
].map(([text, label]) => ({ text: text as string, label: label as string }));

describe('IntentClassifier', () => {
  it('learns separable intents and generalises to typos', () => {
    const c = trainClassifier(data);
    expect(c.predict('ya pague')[0]?.label).toBe('already_paid');
    expect(c.predict('te pago el lunes')[0]?.label).toBe('promise_to_pay');
    expect(c.predict('holaaa')[0]?.label).toBe('smalltalk');
  });

  it('returns probabilities that sum to 1, best first', () => {
    const ranked = trainClassifier(data).predict('algo');
    expect(ranked.reduce((s, r) => s + r.p, 0)).toBeCloseTo(1, 6);
    expect(ranked[0]!.p).toBeGreaterThanOrEqual(ranked[1]!.p);
  });

  it('is deterministic and survives a JSON round trip', () => {
    const a = train(data.map((d) => ({ text: d.text, intent: d.label })));
    const b = train(data.map((d) => ({ text: d.text, intent: d.label })));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const back = NluModel.fromJSON(JSON.parse(JSON.stringify(a)));
    expect(back.classifier.predict('ya pagué')[0]?.label).toBe('already_paid');
    expect(back.intents).toEqual(['already_paid', 'promise_to_pay', 'smalltalk']);
  });

  it('serves the same model it saves: a JSON round trip predicts exactly the same probabilities', () => {
    const a = train(data.map((d) => ({ text: d.text, intent: d.label })));
    const back = NluModel.fromJSON(JSON.parse(JSON.stringify(a)));
    for (const text of ['ya pague', 'te pago el lunes', 'hola', 'algo raro', 'I paid'])
      expect(back.classifier.predict(text)).toEqual(a.classifier.predict(text));
    expect(JSON.stringify(back)).toBe(JSON.stringify(a));
  });

  it('accepts organisation intents', () => {
    const m = train([
      ...data.map((d) => ({ text: d.text, intent: d.label })),
      { text: 'quiero la factura', intent: 'invoice_request' },
      { text: 'mandame la factura fiscal', intent: 'invoice_request' },
    ]);
    expect(m.classifier.predict('necesito la factura')[0]?.label).toBe('invoice_request');
  });
});
