import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/translate.js';
import { explainBreak, outcomeText, roleText } from './audit-words.js';
import { apiPathOf, readQuery, searchOf } from './audit-query.js';

const en = translator('en');
const es = translator('es');

describe('the audit trail in words', () => {
  it('explains every problem verification reports, with its numbers', () => {
    expect(explainBreak({ seq: 4, problem: 'edited' }, en, 'en')).toBe(
      'Entry 4 was edited: its recorded fields no longer give its hash.',
    );
    expect(explainBreak({ seq: 9, problem: 'missing', expectedSeq: 7 }, en, 'en')).toMatch(
      /before entry 9.*was 7/,
    );
    expect(explainBreak({ seq: 5, problem: 'relinked' }, es, 'es')).toMatch(/entrada 5 no lleva el hash/);
    expect(explainBreak({ seq: 10, problem: 'truncated', headSeq: 12 }, es, 'es')).toMatch(
      /termina en la entrada 10.*entrada 12/,
    );
  });

  it('explains a chain rewritten past an anchor, with the anchor time in the viewer zone', () => {
    const b = { seq: 40, problem: 'diverged', anchoredAt: '2026-11-24T15:00:00Z' } as const;
    expect(explainBreak(b, en, 'en-GB', 'Europe/Madrid')).toMatch(
      /^Entry 40 was anchored outside the database on 24 Nov 2026, 16:00:00 CET, and no longer has the anchored hash/,
    );
    expect(explainBreak(b, es, 'es-MX', 'America/Mexico_City')).toMatch(
      /entrada 40 se ancló .*09:00:00.*se reescribió/,
    );
  });

  it('says outcomes and roles in the viewer language', () => {
    expect(outcomeText('requested', es)).toBe('solicitado');
    expect(outcomeText('completed 201', en)).toBe('completed (201)');
    expect(outcomeText('failed 403', es)).toBe('fallido (403)');
    expect(outcomeText('something new', en)).toBe('something new');
    expect(roleText('compliance', es)).toBe('responsable de cumplimiento');
    expect(roleText(undefined, en)).toBe('—');
  });
});

describe('the audit query in the address', () => {
  it('round-trips filters and the first entry, and asks the API the same', () => {
    const q = { fromSeq: 51, action: 'POST /v1/users', actorId: 'usr_1' };
    expect(readQuery(searchOf(q))).toEqual(q);
    expect(searchOf({ fromSeq: 1, action: '', actorId: '' })).toBe('');
    expect(apiPathOf(q)).toBe('/v1/audit?fromSeq=51&limit=50&action=POST+%2Fv1%2Fusers&actorId=usr_1');
  });

  it('reads a hand-edited address safely', () => {
    expect(readQuery('?fromSeq=-3&action=%20x%20')).toEqual({ fromSeq: 1, action: 'x', actorId: '' });
    expect(readQuery('?fromSeq=abc').fromSeq).toBe(1);
  });
});
