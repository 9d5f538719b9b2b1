import { describe, expect, it } from 'vitest';
import { extractChannel } from './channel.js';

describe('extractChannel', () => {
  it.each([
    ['mejor mándame un correo', 'email'], ['email me instead', 'email'], ['por whats porfa', 'whatsapp'], ['escribeme al wasap', 'whatsapp'],
    ['text me, don\'t call', 'sms'], ['mándame un mensaje de texto', 'sms'], ['call me after 6', 'call'], ['llámame mañana', 'call'],
    ['no me llamen, escríbanme por whatsapp', 'whatsapp'], ['me puede marcar un asesor?', 'call'],
  ] as const)('%s → %s', (text, channel) => expect(extractChannel(text)).toBe(channel));
  it.each([['stop calling me'], ['dejen de llamarme'], ['ya pagué']])('none in %s', (text) => expect(extractChannel(text)).toBeUndefined());
});
