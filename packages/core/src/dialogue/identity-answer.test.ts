import { describe, expect, it } from 'vitest';
import { dobCandidates, last4Answer } from './identity-answer.js';

describe('dobCandidates', () => {
  it.each([
    ['12/04/1988', 'es', '1988-04-12'],
    ['12-04-88', 'es', '1988-04-12'],
    ['12 de abril de 1988', 'es', '1988-04-12'],
    ['nací el 12 de abril del 88', 'es', '1988-04-12'],
    ['abril 12 88', 'es', '1988-04-12'],
    ['1988-04-12', 'es', '1988-04-12'],
    ['my birthday is April 12, 1988', 'en', '1988-04-12'],
    ['apr 12th 1988', 'en', '1988-04-12'],
    ['12th of April 1988', 'en', '1988-04-12'],
    ['04/12/1988', 'en', '1988-04-12'],
    ['12041988', 'es', '1988-04-12'],
    ['el 3 de septiembre del 2001', 'es', '2001-09-03'],
    ['Doce De Abril De 1988', 'es', undefined],
  ] as const)('reads %s', (text, lang, expected) => {
    const got = dobCandidates(text, lang, 2026);
    if (expected === undefined) expect(got).toEqual([]);
    else expect(got[0]).toBe(expected);
  });

  it('gives both readings of an ambiguous numeric date, the language first', () => {
    expect(dobCandidates('12/04/1988', 'en', 2026)).toEqual(['1988-12-04', '1988-04-12']);
    expect(dobCandidates('12/04/1988', 'es', 2026)).toEqual(['1988-04-12', '1988-12-04']);
    expect(dobCandidates('25/04/1988', 'en', 2026)).toEqual(['1988-04-25']);
  });

  it('refuses impossible and future dates, and text without a date', () => {
    expect(dobCandidates('31/02/1988', 'es', 2026)).toEqual([]);
    expect(dobCandidates('2030-01-01', 'es', 2026)).toEqual([]);
    expect(dobCandidates('hola, quién es?', 'es', 2026)).toEqual([]);
    expect(dobCandidates('te pago 500 el viernes', 'es', 2026)).toEqual([]);
  });

  it('reads a two-digit year as the century that makes an adult', () => {
    expect(dobCandidates('5/6/05', 'es', 2026)).toEqual(['2005-06-05', '2005-05-06']);
    expect(dobCandidates('5/6/15', 'es', 2026)[0]).toBe('1915-06-05');
  });
});

describe('last4Answer', () => {
  it('reads the digits when asked for them or when the reply says what they are', () => {
    expect(last4Answer('termina en 4321', false)).toBe('4321');
    expect(last4Answer('4 3 2 1', true)).toBe('4321');
    expect(last4Answer('los ultimos 4 son 0042', false)).toBe('0042');
    expect(last4Answer('last four: 9876', false)).toBe('9876');
  });

  it('ignores numbers that are not four digits of an id', () => {
    expect(last4Answer('4321', false)).toBeUndefined();
    expect(last4Answer('te pago 500', true)).toBeUndefined();
    expect(last4Answer('123456', true)).toBeUndefined();
    expect(last4Answer('12/04/1988', true)).toBeUndefined();
  });
});
