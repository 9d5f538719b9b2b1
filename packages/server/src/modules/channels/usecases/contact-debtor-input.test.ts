import { describe, expect, it } from 'vitest';
import { defaultTemplates } from '@saldo/core/channels';
import type { ContactTarget } from '../ports/contact-records.js';
import type { ContactRequest } from '../ports/messaging.js';
import { chooseTemplate, recipientFor } from './contact-debtor-input.js';

describe('chooseTemplate (the send path without a catalogue, and the strategy preview)', () => {
  const asked = 'tpl_default_reminder_sms_es-MX';

  it('serves the debtor their language and country: es-US for a Spanish-speaking US debtor', () => {
    expect(chooseTemplate(defaultTemplates, asked, 'sms', 'es-US').id).toBe('tpl_default_reminder_sms_es-US');
    expect(chooseTemplate(defaultTemplates, asked, 'sms', 'es-CO').id).toBe('tpl_default_reminder_sms_es-MX');
  });

  it("takes the locale's region as the country: a template lacking the US disclosure is not chosen while one has it", () => {
    const noEsUs = defaultTemplates.filter((t) => t.locale !== 'es-US');
    expect(chooseTemplate(noEsUs, asked, 'sms', 'es-US').id).toBe('tpl_default_reminder_sms_en-US');
    expect(chooseTemplate(noEsUs, asked, 'sms', 'es').id).toBe('tpl_default_reminder_sms_es-MX');
  });
});

describe('recipientFor (where a contact goes)', () => {
  type Point = ContactTarget['contactPoints'][number];
  const point = (value: string, over: Partial<Point> = {}): Point => ({
    kind: 'phone',
    value,
    lineType: 'mobile',
    verified: false,
    bounced: false,
    wrongParty: false,
    ...over,
  });
  const target = (contactPoints: Point[]) => ({ contactPoints }) as ContactTarget;
  const request = (over: Partial<ContactRequest> = {}): ContactRequest => ({
    orgId: 'org_1',
    accountId: 'acct_1',
    channel: 'sms',
    templateId: 'tpl',
    idempotencyKey: 'k',
    requestedBy: { kind: 'dialogue', id: 'conv_1' },
    ...over,
  });
  const reply = (to: string, acknowledgementOnly = false): ContactRequest['reply'] => ({
    text: 'hola',
    kind: 'conversation',
    content: { miniMiranda: false, optOutInstructions: false, acknowledgementOnly },
    to,
  });

  it('sends collection to the first usable number, never to one a wrong party answered on', () => {
    const t = target([point('+1', { wrongParty: true }), point('+2')]);
    expect(recipientFor(t, request({ requestedBy: { kind: 'strategy', id: 's' } }))).toBe('+2');
    expect(recipientFor(target([point('+1', { wrongParty: true })]), request())).toBeNull();
  });

  it('answers a reply where the person wrote from, when that address is the debtor’s', () => {
    const t = target([point('+1'), point('+2')]);
    expect(recipientFor(t, request({ reply: reply('+2') }))).toBe('+2');
    // An address that is not the debtor's for this channel: the usual choice.
    expect(recipientFor(t, request({ reply: reply('+9') }))).toBe('+1');
    expect(recipientFor(t, request({ channel: 'email', reply: reply('+2') }))).toBeNull();
  });

  it('lets only the apology reach a point a wrong party answered on', () => {
    const t = target([point('+1', { wrongParty: true }), point('+2')]);
    expect(recipientFor(t, request({ reply: reply('+1', true) }))).toBe('+1');
    expect(recipientFor(t, request({ reply: reply('+1', false) }))).toBeNull();
  });

  it('addresses WhatsApp to a WhatsApp point or a phone', () => {
    const t = target([point('+1', { kind: 'whatsapp' }), point('+2')]);
    expect(recipientFor(t, request({ channel: 'whatsapp', reply: reply('+2') }))).toBe('+2');
    expect(recipientFor(t, request({ channel: 'whatsapp' }))).toBe('+1');
  });
});
