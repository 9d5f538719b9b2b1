import { describe, expect, it } from 'vitest';
import { dobCandidates, last4Candidates } from './identity-answer.js';

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

describe('last4Candidates', () => {
  it('reads the digits when asked for them or when the reply says what they are', () => {
    expect(last4Candidates('termina en 4321', false)).toEqual(['4321']);
    expect(last4Candidates('4 3 2 1', true)).toEqual(['4321']);
    expect(last4Candidates('los ultimos 4 son 0042', false)).toEqual(['0042']);
    expect(last4Candidates('last four: 9876', false)).toEqual(['9876']);
  });

  it('ignores numbers that are not four digits of an id', () => {
    expect(last4Candidates('4321', false)).toEqual([]);
    expect(last4Candidates('te pago 500', true)).toEqual([]);
    expect(last4Candidates('123456', true)).toEqual([]);
    expect(last4Candidates('12/04/1988', true)).toEqual([]);
  });

  it.each([
    // Chile's RUT, Spain's DNI and NIE, Mexico's CURP, in the forms people write them (es).
    ['termina en 5678-K', true, '678K'],
    ['termina en 5.678-k', false, '678K'],
    ['los últimos son 678K', false, '678K'],
    ['mi rut es 12.345.678-K', false, '678K'],
    ['mi DNI es 12345678Z', false, '678Z'],
    ['678 z', true, '678Z'],
    ['6 7 8 K', true, '678K'],
    ['es el X1234567L', true, '567L'],
    ['mi curp termina en RN09', false, 'RN09'],
    ['GOMC880412HDFRRN09', true, 'RN09'],
    // en
    ['it ends in 678-Z', false, '678Z'],
    ['the last four are 567l', false, '567L'],
    ['my id is x1234567l', true, '567L'],
  ] as const)('reads an id ending in letters: %s', (text, asked, last4) => {
    expect(last4Candidates(text, asked)[0]).toBe(last4);
  });

  it('reads fewer than four characters as no answer: there is nothing to compare them with', () => {
    expect(last4Candidates('8Z', true)).toEqual([]);
    expect(last4Candidates('termina en 8Z', false)).toEqual([]);
    expect(last4Candidates('ends in 8-K', false)).toEqual([]);
  });

  it('keeps the digits-only reading beside a letter read after them, and needs a cue when not asked', () => {
    // "y" and "a" are words, not the letter of an id.
    expect(last4Candidates('termina en 4321 y ya', false)).toEqual(['4321']);
    // "q" is also SMS shorthand for "que": both readings are checked in one try, like a date read two ways.
    expect(last4Candidates('4321 q onda', true)).toEqual(['321Q', '4321']);
    expect(last4Candidates('678K', false)).toEqual([]);
    expect(last4Candidates('417K', true)).toEqual(['417K']);
    // An amount or an ordinal is not an id, unless the reply says it is one.
    expect(last4Candidates('te pago 100k el viernes', true)).toEqual([]);
    expect(last4Candidates('the 12th of April', true)).toEqual([]);
    expect(last4Candidates('mi rut termina en 100k', false)).toEqual(['100K']);
    expect(last4Candidates('hola buenas tardes', true)).toEqual([]);
  });
});
