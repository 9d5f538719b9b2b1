import { describe, expect, it } from 'vitest';
import { languageAfter } from './language-switch.js';
import { nlu, play, testContext, texts, usAccount } from './testing.js';

describe('languageAfter (which language the bot answers in)', () => {
  it('keeps the conversation’s language for short, mixed or language-less messages', () => {
    for (const text of [
      'ok',
      'yes',
      'who is this?',
      '12/04/1988',
      'ya pagué, check your records',
      'ok thanks',
    ])
      expect(languageAfter('es', text), text).toBe('es');
    for (const text of ['ok', 'si', '04/12/1988', 'please call me'])
      expect(languageAfter('en', text), text).toBe('en');
  });

  it('follows a debtor who clearly writes in the other language', () => {
    expect(languageAfter('es', 'sorry I dont speak spanish, can you write in english?')).toBe('en');
    expect(languageAfter('es', 'what is this about')).toBe('en');
    expect(languageAfter('en', 'Hola, ¿qué necesitan?')).toBe('es');
    expect(languageAfter('en', 'el viernes le pago todo')).toBe('es');
  });

  it('follows a language asked for by name', () => {
    expect(languageAfter('en', 'en español por favor')).toBe('es');
    expect(languageAfter('es', 'English please')).toBe('en');
    // Both named: no switch on a guess.
    expect(languageAfter('es', 'english o español?')).toBe('es');
  });
});

describe('a conversation that changes language', () => {
  it('answers a Spanish-speaking US debtor recorded in English in Spanish, with the US content in Spanish', () => {
    const p = play(
      testContext(usAccount()),
      [
        ['Hola, no entiendo inglés, ¿me puede escribir en español?', nlu('request_info')],
        ['12/04/1988', nlu('unknown')],
      ],
      { lang: 'en', channel: 'sms' },
    );
    expect(p.conversation.language).toBe('es');
    expect(texts(p)[0]).toMatch(/fecha de nacimiento/);
    // The disclosure in Spanish carries the US mini-Miranda in Spanish.
    expect(texts(p)[1]).toMatch(/cobrador de deudas|cobrar una deuda/i);
    expect(p.replies[1]![0]!.content.miniMiranda).toBe(true);
  });

  it('goes back when the debtor does', () => {
    const p = play(testContext(), [
      ['what is this about', nlu('request_info')],
      ['perdón, mejor en español por favor', nlu('smalltalk')],
    ]);
    expect(texts(p)[0]).toMatch(/date of birth/);
    expect(texts(p)[1]).toMatch(/fecha de nacimiento/);
    expect(p.conversation.language).toBe('es');
  });
});
