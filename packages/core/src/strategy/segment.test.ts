import { describe, expect, it } from 'vitest';
import type { Condition } from './definition.js';
import { defaultStrategy } from './default-strategy.js';
import { bucketOf, evaluateCondition, matchSegment } from './segment.js';
import { makeFacts, makeStrategy } from './testing.js';

describe('bucketOf', () => {
  it.each([
    [-5, 'current'],
    [0, 'current'],
    [1, '1-30'],
    [30, '1-30'],
    [31, '31-60'],
    [60, '31-60'],
    [61, '61-90'],
    [90, '61-90'],
    [91, '90+'],
    [400, '90+'],
  ] as const)('dpd %i → %s', (dpd, bucket) => {
    expect(bucketOf(dpd)).toBe(bucket);
  });
});

describe('evaluateCondition', () => {
  const facts = makeFacts({
    dpd: 45,
    balanceMinor: 500_00,
    product: 'credit_card',
    tags: ['vip', 'mx_north'],
    score: 620,
  });
  it.each<[Condition, boolean]>([
    [{ field: 'dpd', op: 'between', value: [31, 60] }, true],
    [{ field: 'dpd', op: 'between', value: [1, 30] }, false],
    [{ field: 'bucket', op: 'eq', value: '31-60' }, true],
    [{ field: 'bucket', op: 'in', value: ['61-90', '90+'] }, false],
    [{ field: 'balanceMinor', op: 'gte', value: 500_00 }, true],
    [{ field: 'balanceMinor', op: 'lte', value: 499_99 }, false],
    [{ field: 'product', op: 'in', value: ['credit_card', 'bnpl'] }, true],
    [{ field: 'country', op: 'eq', value: 'ES' }, false],
    [{ field: 'tags', op: 'contains', value: 'vip' }, true],
    [{ field: 'tags', op: 'in', value: ['other', 'mx_north'] }, true],
    [{ field: 'tags', op: 'eq', value: 'nope' }, false],
    [{ field: 'score', op: 'gte', value: 600 }, true],
    [{ field: 'status', op: 'eq', value: 'active' }, true],
  ])('%j → %s', (c, expected) => {
    expect(evaluateCondition(c, facts)).toBe(expected);
  });

  it('a missing fact never matches (an unscored account is not "score ≤ 500")', () => {
    expect(evaluateCondition({ field: 'score', op: 'lte', value: 500 }, makeFacts({ score: null }))).toBe(
      false,
    );
    expect(evaluateCondition({ field: 'product', op: 'eq', value: 'bnpl' }, makeFacts())).toBe(false);
  });

  it('journey facts are read from the journey, not the account', () => {
    const c: Condition = { field: 'lastIntent', op: 'in', value: ['payment_plan'] };
    expect(evaluateCondition(c, facts, { lastIntent: 'payment_plan' })).toBe(true);
    expect(evaluateCondition(c, facts)).toBe(false);
  });
});

describe('matchSegment', () => {
  it('takes the first matching segment in order', () => {
    const def = makeStrategy({ x: { kind: 'exit' } }, 'x', {
      segments: [
        {
          id: 'vip',
          name: 'VIP',
          conditions: [{ field: 'tags', op: 'contains', value: 'vip' }],
          journey: { entry: 'x', nodes: { x: { kind: 'exit' } } },
        },
        { id: 'rest', name: 'Rest', conditions: [], journey: { entry: 'x', nodes: { x: { kind: 'exit' } } } },
      ],
    });
    expect(matchSegment(def, makeFacts({ tags: ['vip'] }))?.id).toBe('vip');
    expect(matchSegment(def, makeFacts())?.id).toBe('rest');
  });

  it('returns null when nothing matches', () => {
    const def = makeStrategy({ x: { kind: 'exit' } }, 'x', {
      segments: [
        {
          id: 'es',
          name: 'Spain',
          conditions: [{ field: 'country', op: 'eq', value: 'ES' }],
          journey: { entry: 'x', nodes: { x: { kind: 'exit' } } },
        },
      ],
    });
    expect(matchSegment(def, makeFacts({ country: 'MX' }))).toBeNull();
  });

  it('routes every bucket of the default strategy to its own segment', () => {
    const seg = (dpd: number): string | undefined => matchSegment(defaultStrategy, makeFacts({ dpd }))?.id;
    expect([0, 1, 30, 31, 60, 61, 90, 91, 720].map(seg)).toEqual([
      'current',
      'early',
      'early',
      'mid',
      'mid',
      'late',
      'late',
      'severe',
      'severe',
    ]);
  });
});
