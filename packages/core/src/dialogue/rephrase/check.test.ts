import { describe, expect, it } from 'vitest';
import { checkRephrasing, mayRephrase, type RephraseCheck } from './check.js';
import { maskReply, unmaskReply } from './mask.js';
import { requiredLines } from './required-lines.js';
import { localeSetups, names, sampleReply, type SampleValues } from './test-replies.js';

const values: SampleValues = {
  balanceMinor: 485000,
  amountMinor: 40417,
  inDays: 3,
  laterDays: 20,
  installments: 12,
  frequency: 'monthly',
  linkToken: 'Xk29Qa',
};
const [mxSetup, , , , , , esUsSetup, enUsSetup] = localeSetups;

const mx = sampleReply(mxSetup!, ['promise_done'], values, { channel: 'sms' });
// "Perfecto, queda anotado: $404.17 el viernes, 27 de noviembre. ¡Gracias! Responda BAJA para no recibir más mensajes."
const us = sampleReply(enUsSetup!, ['disclosure', 'how_to_resolve'], values, { kind: 'disclosure' });

const check = (c: Partial<RephraseCheck> & Pick<RephraseCheck, 'rephrased'>, base = mx) =>
  checkRephrasing({ template: base.reply.text, locale: base.locale, channel: 'sms', names, ...c });

describe('checkRephrasing', () => {
  it('accepts the same facts and required sentences in other words', () => {
    expect(mx.reply.text).toBe(
      'Perfecto, queda anotado: $404.17 el viernes, 27 de noviembre. ¡Gracias! Responda BAJA para no recibir más mensajes.',
    );
    const rephrased =
      'Listo, lo dejo anotado: $404.17 el viernes 27 de noviembre. ¡Muchas gracias! Responda BAJA para no recibir más mensajes.';
    expect(check({ rephrased })).toEqual({ ok: true, text: rephrased });

    const usRephrased = us.reply.text
      .replace('Thank you, your identity is confirmed.', 'Thanks, you are verified.')
      .replace('How would you like to resolve it?', 'How would you like to sort this out?');
    expect(check({ rephrased: usRephrased, channel: 'whatsapp' }, us)).toEqual({
      ok: true,
      text: usRephrased,
    });
  });

  it('refuses an empty rewording, and one more than twice as long', () => {
    expect(check({ rephrased: '  \n' })).toMatchObject({ ok: false, reason: 'empty' });
    expect(
      check({ rephrased: `${mx.reply.text} ${mx.reply.text} ${mx.reply.text}`, channel: 'email' }),
    ).toMatchObject({
      ok: false,
      reason: 'too_long',
    });
  });

  it("refuses a rewording over the channel's limit: more SMS segments than the template", () => {
    // The template is UCS-2 ("más"), two segments of 67; thirty more characters make it three.
    const rephrased = mx.reply.text.replace('¡Gracias!', '¡Muchísimas gracias por su compromiso!');
    expect(check({ rephrased })).toMatchObject({ ok: false, reason: 'over_channel_limit' });
    expect(check({ rephrased, channel: 'whatsapp' })).toMatchObject({ ok: true });
  });

  it('refuses a rewording in another language', () => {
    const rephrased =
      'Great, it is noted: $404.17 on Friday, November 27. Thank you! Responda BAJA para no recibir más mensajes.';
    expect(check({ rephrased, channel: 'email' })).toMatchObject({ ok: false, reason: 'language_changed' });
  });

  it('refuses markers, placeholders or markup the template does not have', () => {
    for (const rephrased of [
      '**Perfecto**, queda anotado: $404.17 el viernes, 27 de noviembre. Responda BAJA para no recibir más mensajes.',
      'Perfecto, {name}: $404.17 el viernes, 27 de noviembre. Responda BAJA para no recibir más mensajes.',
      'Perfecto: $404.17 el viernes, 27 de noviembre. [[1]]',
    ])
      expect(check({ rephrased, channel: 'email' })).toMatchObject({ ok: false, reason: 'markup' });
  });

  it('refuses a rewording without a required sentence word for word, or with them out of order', () => {
    expect(
      check({
        rephrased:
          'Perfecto, queda anotado: $404.17 el viernes, 27 de noviembre. Escriba BAJA si no quiere más mensajes.',
      }),
    ).toMatchObject({ ok: false, reason: 'required_line_missing' });
    const lines = requiredLines(us.reply.text, 'en-US').map((l) => l.text);
    expect(lines).toEqual([
      'This is an attempt to collect a debt, and any information obtained will be used for that purpose.',
      'This message is from a debt collector.',
      'Reply STOP to opt out.',
    ]);
    const swapped = us.reply.text
      .replace(lines[0]!, 'X')
      .replace(lines[1]!, lines[0]!)
      .replace('X', lines[1]!);
    expect(check({ rephrased: swapped, channel: 'email' }, us)).toMatchObject({
      ok: false,
      reason: 'required_line_missing',
    });
  });

  it('keeps the Spanish disclosures of a US debtor word for word too', () => {
    const esUs = sampleReply(esUsSetup!, ['promise_done'], values);
    expect(requiredLines(esUs.reply.text, 'es-US').map((l) => l.key)).toEqual([
      'debt_collector_line',
      'opt_out_line',
    ]);
    const dropped = esUs.reply.text.replace('Este mensaje es de un cobrador de deudas. ', '');
    expect(check({ rephrased: dropped, channel: 'whatsapp' }, esUs)).toMatchObject({
      ok: false,
      reason: 'required_line_missing',
    });
  });

  it('refuses changed facts and says which kinds changed', () => {
    expect(
      check({
        rephrased:
          'Perfecto, queda anotado: $404.17 el jueves, 26 de noviembre. ¡Gracias! Responda BAJA para no recibir más mensajes.',
      }),
    ).toMatchObject({ ok: false, reason: 'facts_changed', kinds: ['date', 'weekday'] });
    expect(
      check({
        rephrased:
          'Perfecto, queda anotado: $404.17 el viernes, 27 de noviembre, sin intereses. ¡Gracias! Responda BAJA para no recibir más mensajes.',
        channel: 'email',
      }),
    ).toMatchObject({ ok: false, reason: 'facts_changed', kinds: ['term'] });
  });

  it('never lets an identity check be reworded', () => {
    expect(mayRephrase('identity_check')).toBe(false);
    expect(mayRephrase('disclosure')).toBe(true);
    expect(mayRephrase('conversation')).toBe(true);
    const plain = { miniMiranda: false, optOutInstructions: true };
    expect(mayRephrase('conversation', { ...plain, acknowledgementOnly: true })).toBe(false);
    expect(mayRephrase('conversation', { ...plain, optOutConfirmation: true })).toBe(false);
    expect(mayRephrase('conversation', plain)).toBe(true);
  });
});

describe('maskReply', () => {
  it('replaces the required sentences and links by markers, and puts them back', () => {
    const link = sampleReply(enUsSetup!, ['payment_link'], values);
    const masked = maskReply(link.reply.text, link.locale);
    expect(masked.text).toBe('Here is the secure link to pay: [[1]] [[2]] [[3]]');
    expect(masked.slots).toEqual([
      'https://pagos.example.com/p/Xk29Qa',
      'This message is from a debt collector.',
      'Reply STOP to opt out.',
    ]);
    expect(unmaskReply('Pay securely here: [[1]] [[2]] [[3]]', masked)).toBe(
      'Pay securely here: https://pagos.example.com/p/Xk29Qa This message is from a debt collector. Reply STOP to opt out.',
    );
  });

  it('refuses a rewording that drops, repeats or invents a marker', () => {
    const masked = maskReply(us.reply.text, us.locale);
    expect(masked.slots).toHaveLength(3);
    expect(unmaskReply(masked.text, masked)).toBe(us.reply.text);
    expect(unmaskReply(masked.text.replace('[[2]]', ''), masked)).toBeNull();
    expect(unmaskReply(`${masked.text} [[1]]`, masked)).toBeNull();
    expect(unmaskReply(`${masked.text} [[4]]`, masked)).toBeNull();
  });
});
