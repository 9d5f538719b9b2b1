import { describe, expect, it } from 'vitest';
import {
  toWhatsAppBody,
  whatsAppLanguageCode,
  whatsAppParameterValues,
  WhatsAppTemplateFields,
} from './whatsapp-template.js';
import { isInsideServiceWindow, whatsAppSendDecision } from './whatsapp-window.js';
import { defaultTemplates } from './default-templates.js';
import { renderMessage, sampleContext } from './template.js';

describe('WhatsApp template fields', () => {
  it('turns named variables into positional parameters, reusing repeated ones and inlining fixed phrases', () => {
    const r = toWhatsAppBody(
      'Hola {{debtor.firstName}}, debes {{amount}}. {{debtor.firstName}}, paga en {{paymentLink}}. {{optOutInstructions}}',
      'es_MX',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.body.text).toBe(
      'Hola {{1}}, debes {{2}}. {{1}}, paga en {{3}}. Responde BAJA si no quieres recibir más mensajes por WhatsApp.',
    );
    expect(r.body.parameters).toEqual(['debtor.firstName', 'amount', 'paymentLink']);
    expect(
      whatsAppParameterValues(r.body, {
        'debtor.firstName': 'Ana',
        amount: '$1.00',
        paymentLink: 'https://x',
      }),
    ).toEqual({ ok: true, values: ['Ana', '$1.00', 'https://x'] });
    expect(whatsAppParameterValues(r.body, { 'debtor.firstName': 'Ana' })).toEqual({
      ok: false,
      missing: ['amount', 'paymentLink'],
    });
  });

  it('refuses conditionals and a parameter at the start or end', () => {
    expect(toWhatsAppBody('{{#if amount}}x{{/if}} hola', 'es_MX').ok).toBe(false);
    expect(toWhatsAppBody('{{debtor.firstName}}, hola', 'es_MX').ok).toBe(false);
    expect(toWhatsAppBody('Paga en {{paymentLink}}', 'es_MX').ok).toBe(false);
  });

  it('validates Meta naming rules', () => {
    expect(
      WhatsAppTemplateFields.safeParse({ name: 'Saldo Reminder', language: 'es_MX', category: 'UTILITY' })
        .success,
    ).toBe(false);
    expect(
      WhatsAppTemplateFields.safeParse({ name: 'saldo_reminder', language: 'es_MX', category: 'UTILITY' })
        .success,
    ).toBe(true);
    expect(whatsAppLanguageCode('es-MX')).toBe('es_MX');
  });

  it('keeps a Twilio Content SID beside the Meta name, and renders it with the positional values', () => {
    const base = { name: 'saldo_reminder', language: 'es_MX', category: 'UTILITY' };
    const sid = `HX${'a1'.repeat(16)}`;
    expect(WhatsAppTemplateFields.safeParse({ ...base, twilioContentSid: sid }).success).toBe(true);
    expect(WhatsAppTemplateFields.safeParse({ ...base, twilioContentSid: 'HX123' }).success).toBe(false);
    expect(
      WhatsAppTemplateFields.safeParse({ ...base, twilioContentSid: `MG${'a1'.repeat(16)}` }).success,
    ).toBe(false);
    const t = defaultTemplates.find((x) => x.id === 'tpl_default_reminder_whatsapp_es-MX')!;
    const r = renderMessage(
      { ...t, whatsapp: { ...t.whatsapp!, status: 'approved', twilioContentSid: sid } },
      sampleContext('es-MX', 'whatsapp'),
    );
    expect(r.ok && r.message.whatsapp).toMatchObject({
      name: t.whatsapp!.name,
      approved: true,
      twilioContentSid: sid,
      parameters: expect.arrayContaining(['Guadalupe']),
    });
  });
});

describe('24-hour customer-service window', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  it('free-form only within 24 h of the last inbound', () => {
    expect(isInsideServiceWindow(now, new Date('2026-11-23T12:00:01Z'))).toBe(true);
    expect(isInsideServiceWindow(now, new Date('2026-11-23T12:00:00Z'))).toBe(false);
    expect(isInsideServiceWindow(now, null)).toBe(false);
    expect(whatsAppSendDecision({ now, lastInboundAt: null, hasTemplate: false })).toEqual({
      allowed: false,
      reason: 'outside_service_window',
    });
    expect(whatsAppSendDecision({ now, lastInboundAt: null, hasTemplate: true })).toEqual({
      allowed: true,
      kind: 'template',
    });
    expect(
      whatsAppSendDecision({ now, lastInboundAt: new Date('2026-11-24T11:00:00Z'), hasTemplate: false }),
    ).toEqual({ allowed: true, kind: 'free_form' });
  });
});
