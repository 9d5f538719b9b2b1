import { describe, expect, it } from 'vitest';
import { extractChannel } from './channel.js';

describe('extractChannel', () => {
  it.each([
    ['mejor mándame un correo', 'email'],
    ['email me instead', 'email'],
    ['por whats porfa', 'whatsapp'],
    ['escribeme al wasap', 'whatsapp'],
    ["text me, don't call", 'sms'],
    ['mándame un mensaje de texto', 'sms'],
    ['call me after 6', 'call'],
    ['llámame mañana', 'call'],
    ['no me llamen, escríbanme por whatsapp', 'whatsapp'],
    ['me puede marcar un asesor?', 'call'],
    ['no me escriban al correo, mejor al whatsapp', 'whatsapp'],
  ] as const)('%s → %s', (text, channel) => expect(extractChannel(text)).toBe(channel));
  it.each([
    ['stop calling me'],
    ['dejen de llamarme'],
    ['ya pagué'],
    ['whats the amount due'],
    ['quit calling me'],
    ['¿de qué empresa me llaman?'],
    ['me llamo Lucía'],
    ['quiero hablar con la licenciada que me llamó'],
    ['me tienen harta con tantas llamadas'],
    ["you're texting the wrong person"],
    ['this phone is mine now'],
    ['please remove me from your call list'],
    ['no me escribáis más, ni por whatsapp ni por sms'],
    ['si me vuelven a marcar les va a ir mal'],
  ])('none in %s', (text) => expect(extractChannel(text)).toBeUndefined());
  it('reads "mail" as e-mail in Spanish only', () => {
    expect(extractChannel('mándame un mail', 'es')).toBe('email');
    expect(extractChannel('mail it to me', 'en')).toBeUndefined();
    expect(extractChannel('email it to me', 'en')).toBe('email');
  });
  it.each([
    ['can you text me instead', 'sms'],
    ['how do I pay by phone', 'call'],
    ['whatsapp me', 'whatsapp'],
    ['mejor al cel en la mañana', 'call'],
  ] as const)('%s → %s', (text, channel) => expect(extractChannel(text)).toBe(channel));
});
