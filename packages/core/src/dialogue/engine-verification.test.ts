import { describe, expect, it } from 'vitest';
import { newConversation } from './conversation.js';
import { step } from './engine.js';
import { nlu, play, testAccount, testContext, texts, usAccount } from './testing.js';

describe('identity verification', () => {
  it('says who writes and asks for the date of birth, disclosing nothing (es)', () => {
    const p = play(testContext(), [['Hola, ¿qué necesitan?', nlu('request_info')]]);
    const [reply] = p.replies[0]!;
    expect(reply?.kind).toBe('identity_check');
    expect(reply?.text).toContain('Grupo Norte');
    expect(reply?.text).toMatch(/fecha de nacimiento/);
    expect(reply?.text).not.toMatch(/Banco Ejemplo|\d|deuda|saldo/i);
    expect(p.conversation.state).toBe('verifying');
  });

  it('verifies with the date of birth in the turn that gives it, then discloses the account', () => {
    const p = play(testContext(), [
      ['hola', nlu('smalltalk')],
      ['12 de abril de 1988', nlu('unknown')],
    ]);
    expect(p.conversation.verification.verifiedAtTurn).toBe(2);
    expect(p.conversation.state).toBe('open');
    const reply = p.replies[1]![0]!;
    expect(reply.kind).toBe('disclosure');
    expect(reply.text).toContain('Banco Ejemplo');
    expect(reply.text).toContain('$4,850.00');
    expect(reply.text).toMatch(/Al martes, 24 de noviembre, su saldo es de/);
    // WhatsApp is electronic: every message says how to opt out.
    expect(reply.text).toContain('BAJA');
    expect(reply.content.optOutInstructions).toBe(true);
    // Mexico has no mini-Miranda.
    expect(reply.content.miniMiranda).toBe(false);
  });

  it('locks after three wrong answers, hands over and never discloses afterwards', () => {
    const p = play(testContext(), [
      ['hola', nlu('smalltalk')],
      ['01/01/1990', nlu('unknown')],
      ['02/01/1990', nlu('unknown')],
      ['03/01/1990', nlu('unknown')],
      ['12/04/1988', nlu('unknown')],
      ['cuanto debo', nlu('request_info')],
    ]);
    expect(p.perTurn[1]).toEqual([]);
    expect(texts(p)[1]).toMatch(/no coincide.*dos intentos/);
    expect(texts(p)[2]).toMatch(/un intento/);
    expect(p.perTurn[3]!.map((a) => a.type)).toEqual(['verification_failed', 'handoff']);
    expect(p.perTurn[3]![1]).toMatchObject({ type: 'handoff', queue: 'general' });
    expect(p.conversation.state).toBe('locked');
    expect(p.conversation.verification.verifiedAtTurn).toBeNull();
    for (const t of texts(p)) expect(t).not.toMatch(/Banco Ejemplo|4,850|saldo|deuda/);
  });

  it('asks for the last four characters when that is what the record holds (digits where ids are digits)', () => {
    const p = play(testContext(undefined, { last4: '4321' }), [
      ['buenas', nlu('smalltalk')],
      ['termina en 4321', nlu('unknown')],
    ]);
    // A CURP ends in letters and digits; a Colombian cédula is digits.
    expect(texts(p)[0]).toMatch(/últimos cuatro caracteres \(números o letras\) de su documento/);
    const co = play(testContext(testAccount({ country: 'CO', currency: 'COP' }), { last4: '4321' }), [
      ['buenas', nlu('smalltalk')],
    ]);
    expect(texts(co)[0]).toMatch(/últimos cuatro dígitos/);
    expect(p.conversation.verification.verifiedAtTurn).toBe(2);
  });

  it('verifies an id that ends in letters, written as people write it (es)', () => {
    for (const [last4, answer] of [
      ['678K', 'termina en 5.678-k'], // Chile, RUT
      ['678K', 'los últimos son 678K'],
      ['678Z', 'mi DNI es 12345678Z'], // Spain, DNI
      ['567L', 'X1234567L'], // Spain, NIE
      ['RN09', 'mi curp termina en RN09'], // Mexico, CURP
    ] as const) {
      const p = play(testContext(undefined, { last4 }), [
        ['buenas', nlu('smalltalk')],
        [answer, nlu('unknown')],
      ]);
      expect(p.conversation.verification.verifiedAtTurn, answer).toBe(2);
      expect(p.replies[1]![0]!.kind).toBe('disclosure');
    }
  });

  it('refuses a wrong id ending in letters, and reads two characters as no answer (es)', () => {
    const p = play(testContext(undefined, { last4: '678K' }), [
      ['buenas', nlu('smalltalk')],
      ['termina en 678J', nlu('unknown')],
      ['8K', nlu('unknown')],
    ]);
    expect(p.conversation.verification).toMatchObject({ tries: 1, verifiedAtTurn: null });
    expect(texts(p)[1]).toMatch(/no coincide/);
    expect(texts(p)[2]).not.toMatch(/no coincide/);
    for (const t of texts(p)) expect(t).not.toMatch(/Banco Ejemplo|4,850|saldo|deuda/);
  });

  it('verifies an id that ends in a letter and refuses a wrong one (en)', () => {
    const right = play(
      testContext(usAccount(), { last4: '678Z' }),
      [
        ['hi', nlu('smalltalk')],
        ['it ends in 678-Z', nlu('unknown')],
      ],
      { lang: 'en', channel: 'sms' },
    );
    expect(right.conversation.verification.verifiedAtTurn).toBe(2);
    const wrong = play(
      testContext(usAccount(), { last4: '678Z' }),
      [
        ['hi', nlu('smalltalk')],
        ['the last four are 678Y', nlu('unknown')],
      ],
      { lang: 'en', channel: 'sms' },
    );
    expect(wrong.conversation.verification).toMatchObject({ tries: 1, verifiedAtTurn: null });
  });

  it('keeps verifying digits-only ids as before', () => {
    const p = play(testContext(undefined, { last4: '4321' }), [
      ['buenas', nlu('smalltalk')],
      ['termina en 4321 y ya', nlu('unknown')],
    ]);
    expect(p.conversation.verification.verifiedAtTurn).toBe(2);
  });

  it('does not count a reply without an answer as a try', () => {
    const p = play(testContext(), [
      ['hola', nlu('smalltalk')],
      ['para que?', nlu('unknown')],
      ['12/04/1988', nlu('unknown')],
    ]);
    expect(p.conversation.verification.tries).toBe(1);
    expect(p.conversation.verification.verifiedAtTurn).toBe(3);
  });

  it('keeps a request made before verification and answers it right after', () => {
    const p = play(testContext(), [
      ['ya pague la semana pasada', nlu('already_paid')],
      ['12/04/1988', nlu('unknown')],
    ]);
    expect(p.perTurn[0]).toEqual([]);
    expect(texts(p)[0]).not.toMatch(/pag/);
    expect(p.perTurn[1]!.map((a) => a.type)).toContain('already_paid_claim');
    expect(p.perTurn[1]!.at(-1)).toMatchObject({ type: 'handoff', queue: 'payments' });
  });

  it('gives the US mini-Miranda after verification and the debt-collector line after that (en)', () => {
    const p = play(
      testContext(usAccount()),
      [
        ['who is this', nlu('request_info')],
        ['April 12 1988', nlu('unknown')],
        ['how much do I owe', nlu('request_info')],
      ],
      { lang: 'en', channel: 'sms' },
    );
    const [ask, disclosure, later] = p.replies.map((r) => r[0]!);
    expect(ask!.text).toMatch(/^Hi, this is Grupo Norte\. To protect/);
    expect(ask!.text).not.toMatch(/debt|collect|\$/i);
    expect(ask!.content.miniMiranda).toBe(false);
    expect(disclosure!.text).toContain('attempt to collect a debt');
    expect(disclosure!.text).toContain('$1,250.00');
    expect(disclosure!.content).toEqual({
      miniMiranda: true,
      optOutInstructions: true,
      acknowledgementOnly: false,
      optOutConfirmation: false,
    });
    expect(later!.text).toContain('This message is from a debt collector.');
    expect(later!.text).toContain('Reply STOP');
    expect(later!.kind).toBe('conversation');
  });

  it('gives the mini-Miranda in Spanish to a Spanish-speaking US debtor', () => {
    const p = play(testContext(usAccount()), [
      ['hola', nlu('smalltalk')],
      ['12/04/1988', nlu('unknown')],
    ]);
    expect(texts(p)[1]).toContain('intento de cobrar una deuda');
    expect(texts(p)[1]).toContain('cobrador de deudas');
    expect(texts(p)[1]).toMatch(/US\$|\$1,250\.00|1250/);
  });

  it('never changes the conversation it was given', () => {
    const c0 = newConversation('es');
    const frozen = JSON.stringify(c0);
    step(c0, { text: 'hola', channel: 'sms', understanding: nlu('smalltalk') }, testContext());
    expect(JSON.stringify(c0)).toBe(frozen);
  });

  it('on a call, says no opt-out line (not electronic) but still verifies first', () => {
    const p = play(testContext(), [['bueno?', nlu('smalltalk')]], { channel: 'voicebot' });
    expect(texts(p)[0]).not.toContain('BAJA');
    expect(p.replies[0]![0]!.content.optOutInstructions).toBe(false);
  });
});

describe('"who is this?" before verification', () => {
  it('is answered by the introduction the first time, and by who writes later', () => {
    const p = play(testContext(), [
      ['quien es?', nlu('request_info')],
      ['quien habla?', nlu('request_info')],
    ]);
    expect(texts(p)[0]).toMatch(/^Hola, le escribe Grupo Norte\. Para proteger/);
    expect(texts(p)[0]!.match(/Grupo Norte/g)).toHaveLength(1);
    expect(texts(p)[1]).toMatch(/^Le escribe Grupo Norte\. Por seguridad/);
  });
});
