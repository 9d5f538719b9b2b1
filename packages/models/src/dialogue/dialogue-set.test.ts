import { describe, expect, it } from 'vitest';
import type { ReplayResult } from '@saldo/core/dialogue';
import { parseDialogueSet, readDialogueSet } from './read-set.js';
import { dialogueReport, scoreCase } from './score.js';

const line = {
  id: 'x-1',
  path: 'promise',
  lang: 'es',
  country: 'MX',
  channel: 'whatsapp',
  account: { balanceMinor: 485000, currency: 'MXN', dpd: 12 },
  identity: { dob: '1988-04-12' },
  turns: ['hola', '12/04/1988', 'el viernes pago todo'],
  expect: {
    verifiedAtTurn: 2,
    actions: [{ type: 'promise', date: '2026-11-27', amountMinor: 485000 }],
    state: 'open',
  },
};

function result(over: Partial<ReplayResult> = {}): ReplayResult {
  return {
    id: 'x-1',
    replies: [],
    verifiedAtTurn: 2,
    actions: [{ type: 'promise', date: '2026-11-27', amountMinor: 485000, currency: 'MXN' }],
    state: 'open',
    ...over,
  };
}

describe('the dialogue set', () => {
  it('has at least 150 conversations in Spanish and English, about 30 % held out, every path in both splits', async () => {
    const [dev, heldout] = await Promise.all([readDialogueSet('dev'), readDialogueSet('heldout')]);
    const all = [...dev, ...heldout];
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(heldout.length / all.length).toBeGreaterThan(0.25);
    expect(heldout.length / all.length).toBeLessThan(0.35);
    expect(new Set(all.map((c) => c.input.id)).size).toBe(all.length);
    for (const lang of ['es', 'en'])
      expect(all.filter((c) => c.input.lang === lang).length).toBeGreaterThan(50);
    const paths = new Set(all.map((c) => c.path));
    for (const path of paths) {
      expect(
        dev.some((c) => c.path === path),
        path,
      ).toBe(true);
      expect(
        heldout.some((c) => c.path === path),
        path,
      ).toBe(true);
    }
  });

  it('refuses a line without its expectation or with an unknown input field', () => {
    expect(() => parseDialogueSet(JSON.stringify({ ...line, expect: undefined }), 'f.jsonl')).toThrow(
      /f\.jsonl:1/,
    );
    expect(() => parseDialogueSet(JSON.stringify({ ...line, extra: 1 }), 'f.jsonl')).toThrow(/extra/);
  });
});

describe('scoring', () => {
  const [c] = parseDialogueSet(JSON.stringify(line), 'f.jsonl');

  it('is right when verification, actions (the fields given) and state match', () => {
    expect(scoreCase(c!, result())).toMatchObject({ correct: true, problems: [] });
  });

  it('is wrong on another verification turn, another action, another field or state', () => {
    expect(scoreCase(c!, result({ verifiedAtTurn: 3 })).correct).toBe(false);
    expect(scoreCase(c!, result({ actions: [] })).problems[0]).toMatch(/actions \[\] ≠ \[promise\]/);
    const late = result({
      actions: [{ type: 'promise', date: '2026-11-28', amountMinor: 485000, currency: 'MXN' }],
    });
    expect(scoreCase(c!, late).problems[0]).toMatch(/promise\.date/);
    expect(scoreCase(c!, result({ state: 'closed' })).correct).toBe(false);
  });

  it('reports accuracy per path and language', () => {
    const r = dialogueReport(
      [c!],
      [scoreCase(c!, result()), { id: 'x-1', path: 'promise', correct: false, problems: ['p'] }],
    );
    expect(r).toMatchObject({ n: 2, correct: 1, accuracy: 0.5, byPath: { promise: { n: 2, correct: 1 } } });
    expect(r.byLanguage.es).toEqual({ n: 2, correct: 1, accuracy: 0.5 });
  });
});
