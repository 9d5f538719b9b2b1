import { describe, expect, it } from 'vitest';
import { defaultTemplates, findTemplate, templateChannelsFor } from './default-templates.js';
import { MessageTemplate, renderMessage, sampleContext, validateTemplate } from './template.js';
import { templateLocales, templatePurposes } from './types.js';

const countryOf = (locale: string) => locale.split('-')[1] ?? 'MX';

describe('default template set', () => {
  it('has unique ids and passes the schema', () => {
    expect(new Set(defaultTemplates.map((t) => t.id)).size).toBe(defaultTemplates.length);
    for (const t of defaultTemplates) expect(MessageTemplate.safeParse(t).success, t.id).toBe(true);
  });

  it.each(defaultTemplates.map((t) => [t.id, t] as const))('%s validates for its own country', (_id, t) => {
    const v = validateTemplate(t, { country: countryOf(t.locale) });
    expect({ issues: v.issues, content: v.contentViolations }).toEqual({ issues: [], content: [] });
  });

  it('Mexican Spanish templates also satisfy Colombia', () => {
    for (const t of defaultTemplates.filter((x) => x.locale === 'es-MX'))
      expect(validateTemplate(t, { country: 'CO' }).ok, t.id).toBe(true);
  });

  it('covers every purpose in every shipped locale', () => {
    for (const locale of templateLocales)
      for (const purpose of templatePurposes)
        expect(
          defaultTemplates.some((t) => t.locale === locale && t.purpose === purpose),
          `${purpose} ${locale}`,
        ).toBe(true);
  });

  it('renders every template with sample values', () => {
    for (const t of defaultTemplates) {
      const r = renderMessage(t, sampleContext(t.locale, t.channel));
      expect(r.ok, t.id).toBe(true);
      if (r.ok) expect(r.message.text).not.toMatch(/\{\{|\}\}/);
    }
  });

  it('keeps SMS in GSM-7 within two segments and shows the count', () => {
    for (const t of defaultTemplates.filter((x) => x.channel === 'sms')) {
      const v = validateTemplate(t, { country: countryOf(t.locale) });
      expect(v.sms?.encoding, t.id).toBe('gsm7');
      expect(v.sms?.segments, t.id).toBeGreaterThan(0);
      expect(v.sms?.segments, t.id).toBeLessThanOrEqual(2);
    }
  });

  it('the US voicemail is a limited-content message and carries no debt words', () => {
    const vm = findTemplate(defaultTemplates, {
      purpose: 'voicemail',
      channel: 'voicemail',
      locale: 'en-US',
    });
    expect(vm).toBeDefined();
    const r = renderMessage(vm!, sampleContext('en-US', 'voicemail'));
    expect(r.ok && r.message.text).toMatch(
      /^Hello, this is Michael Brown from Saldo Services\. Please call us back at/,
    );
    expect(r.ok && r.message.text).not.toMatch(/debt|owe|balance|pay/i);
  });

  it('falls back by language for other variants', () => {
    expect(findTemplate(defaultTemplates, { purpose: 'reminder', channel: 'sms', locale: 'es-CO' })?.id).toBe(
      'tpl_default_reminder_sms_es-MX',
    );
    expect(findTemplate(defaultTemplates, { purpose: 'reminder', channel: 'sms', locale: 'en-GB' })?.id).toBe(
      'tpl_default_reminder_sms_en-US',
    );
    expect(
      findTemplate(defaultTemplates, { purpose: 'reminder', channel: 'email', locale: 'es-ES' })?.id,
    ).toBe('tpl_default_reminder_email_es-ES');
  });

  it('renders an email with html paragraphs, an anchor for the link and a subject', () => {
    const t = findTemplate(defaultTemplates, { purpose: 'reminder', channel: 'email', locale: 'es-MX' })!;
    const r = renderMessage(t, sampleContext('es-MX', 'email'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.message.subject).toBe('Tu cuenta con Financiera del Valle');
    expect(r.message.html).toContain('<a href="https://pay.saldo.example/p/Ab3dE5gH">');
    expect(r.message.html).toContain('<p>Hola Guadalupe:</p>');
    expect(r.message.text).toContain('$12,345.67');
  });
});

describe('templateChannelsFor', () => {
  it('lets a scripted call template serve calls and voicebot calls, own channel first', () => {
    expect(templateChannelsFor('call')).toEqual(['call', 'voicebot']);
    expect(templateChannelsFor('voicebot')).toEqual(['voicebot', 'call']);
    expect(templateChannelsFor('voicemail')).toEqual(['voicemail']);
    expect(templateChannelsFor('email')).toEqual(['email']);
  });
});
