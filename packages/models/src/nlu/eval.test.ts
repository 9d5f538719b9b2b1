import { describe, expect, it } from 'vitest';
import { evaluate } from './eval.js';

describe('evaluate', () => {
  it('computes accuracy, per-intent scores, the confusion matrix and entity exact match', () => {
    const r = evaluate([
      {
        gold: 'a',
        predicted: 'a',
        goldEntities: { date: '2026-11-27' },
        predictedEntities: { date: '2026-11-27' },
      },
      {
        gold: 'a',
        predicted: 'b',
        goldEntities: { amount: { value: 5 } },
        predictedEntities: { amount: { value: 5, currency: 'MXN' } },
      },
      { gold: 'stop_contact', predicted: 'stop_contact' },
      { gold: 'b', predicted: 'a', goldSecondary: ['stop_contact'], predictedSecondary: [] },
    ]);
    expect(r.accuracy).toBe(0.5);
    expect(r.confusion.a).toEqual({ a: 1, b: 1, stop_contact: 0 });
    expect(r.perIntent.find((s) => s.intent === 'a')).toMatchObject({ precision: 0.5, recall: 0.5 });
    expect(r.entities.date.accuracy).toBe(1);
    expect(r.entities.amount.accuracy).toBe(0);
    expect(r.stopRecall).toBe(1);
    expect(r.stopAnywhereRecall).toBe(0.5);
  });
});
