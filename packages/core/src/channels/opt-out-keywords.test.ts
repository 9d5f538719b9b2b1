import { describe, expect, it } from 'vitest';
import { matchOptInKeyword, matchOptOutKeyword, optOutKeywords } from './opt-out-keywords.js';

describe('carrier opt-out keywords', () => {
  it.each([
    'STOP',
    'stop',
    ' Stop. ',
    'STOPALL',
    'unsubscribe',
    'Cancel',
    'END',
    'quit',
    'BAJA',
    'baja!',
    'Alto',
    'PARAR',
    'cancelar',
    'Fin',
    'opt out',
    'Opt-Out',
  ])('%s is an opt-out', (t) => {
    expect(matchOptOutKeyword(t)).not.toBeNull();
  });
  it.each([
    'stop calling me at work',
    'no pares',
    'Pago el viernes',
    'finally paid',
    'fine',
    'ya no me escriban',
  ])('%s is not a keyword (the NLU decides)', (t) => {
    expect(matchOptOutKeyword(t)).toBeNull();
  });
  it('includes every keyword of the brief', () => {
    for (const k of [
      'STOP',
      'STOPALL',
      'UNSUBSCRIBE',
      'CANCEL',
      'END',
      'QUIT',
      'BAJA',
      'ALTO',
      'PARAR',
      'CANCELAR',
      'FIN',
    ])
      expect(optOutKeywords).toContain(k);
  });
  it('recognises opt-in keywords', () => {
    expect(matchOptInKeyword('start')).toBe('START');
    expect(matchOptInKeyword('alta')).toBe('ALTA');
  });
});
