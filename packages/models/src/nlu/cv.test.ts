import { describe, expect, it } from 'vitest';
import { crossValidate, holdoutValidate, sourceOf } from './cv.js';

const examples = [
  ['ya pagué', 'already_paid'],
  ['ya lo pagué ayer', 'already_paid'],
  ['I already paid', 'already_paid'],
  ['paid it yesterday', 'already_paid'],
  ['ya está pagado', 'already_paid'],
  ['te pago el viernes', 'promise_to_pay'],
  ['mañana te deposito', 'promise_to_pay'],
  ["I'll pay on Friday", 'promise_to_pay'],
  ['will pay tomorrow', 'promise_to_pay'],
  ['el lunes pago', 'promise_to_pay'],
  ['hola', 'smalltalk'],
  ['hello', 'smalltalk'],
  ['gracias', 'smalltalk'],
  ['thanks', 'smalltalk'],
  ['buenos días', 'smalltalk'],
].map(([text, intent], i) => ({ id: `t-${i}`, text: text as string, intent: intent as string }));

describe('crossValidate', () => {
  it('scores every example once with a model that did not see it, deterministically', () => {
    const a = crossValidate(examples, { k: 5 });
    expect(a.n).toBe(examples.length);
    expect(a.k).toBe(5);
    expect(a.foldAccuracy).toHaveLength(5);
    expect(a.misses.length).toBe(Math.round((1 - a.accuracy) * examples.length));
    expect(JSON.stringify(crossValidate(examples, { k: 5 }))).toBe(JSON.stringify(a));
  });

  it('rejects k < 2', () => expect(() => crossValidate(examples, { k: 1 })).toThrow(/k must be/));
});

describe('holdoutValidate', () => {
  const grouped = examples.map((e, i) => ({
    ...e,
    variant: i % 2 === 0 ? ('MX' as const) : ('US' as const),
  }));
  it('holds out each group once and scores every grouped example', () => {
    const r = holdoutValidate(grouped, (e) => e.variant);
    expect(r.groups.map((g) => g.group)).toEqual(['MX', 'US']);
    expect(r.n).toBe(examples.length);
    expect(r.groups.reduce((s, g) => s + g.n, 0)).toBe(examples.length);
  });
  it('groups by id prefix', () => expect(sourceOf({ id: 'y2es-0001' })).toBe('y2es'));
  it('needs two groups', () => expect(() => holdoutValidate(grouped, () => 'one')).toThrow(/two groups/));
});
