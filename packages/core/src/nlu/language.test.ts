import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';
import { canonicalTokens, foldText } from './normalize.js';

describe('normalisation', () => {
  it('folds case, accents, emojis and repeated letters', () => {
    expect(foldText('¡¡SIIII, MAÑANA pago 👍!!')).toBe('si, manana pago emojiok');
    expect(canonicalTokens('Ya pagué la lana x transferencia')).toEqual([
      'ya',
      'pague',
      'la',
      'dinero',
      'por',
      'transferencia',
    ]);
    expect(canonicalTokens('te pago 500 mañana')).toEqual(['te', 'pago', '<num>', 'manana']);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['ya pague el viernes', 'es'],
    ['dejen de llamarme', 'es'],
    ['no tengo lana', 'es'],
    ['che, el lunes les deposito', 'es'],
    ['please stop texting me', 'en'],
    ['I paid last Friday', 'en'],
    ['wrong number', 'en'],
  ] as const)('%s → %s', (text, lang) => expect(detectLanguage(text).lang).toBe(lang));
  it('flags other languages and uses the fallback on ties', () => {
    expect(detectLanguage('je ne comprends pas, merci').foreign).toBe(true);
    expect(detectLanguage('你好').foreign).toBe(true);
    expect(detectLanguage('Xin chào, ai vậy?').foreign).toBe(true);
    expect(detectLanguage('salamat po, sino po ito?').foreign).toBe(true);
    expect(detectLanguage('👍', 'en').lang).toBe('en');
  });
});
