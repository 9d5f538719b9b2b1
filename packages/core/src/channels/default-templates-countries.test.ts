import { describe, expect, it } from 'vitest';
import { builtinPacks } from '../compliance/packs/index.js';
import { defaultTemplates, findTemplate } from './default-templates.js';
import { renderMessage, sampleContext, validateTemplate } from './template.js';
import { languageOf, templateLanguages } from './types.js';

/** Every country with a compliance pack of its own: its debtors are the ones Saldo is built for. */
const packCountries = [
  ...new Set(builtinPacks.map((p) => p.jurisdiction.country).filter((c) => c !== '*')),
].sort();

/** Every purpose × channel the default set offers. */
const offered = [...new Map(defaultTemplates.map((t) => [`${t.purpose}/${t.channel}`, t])).values()].map(
  (t) => ({ purpose: t.purpose, channel: t.channel }),
);

const debtors = packCountries.flatMap((country) => templateLanguages.map((lang) => [country, lang] as const));

describe('every default template passes the countries whose debtors receive it', () => {
  it('covers the US and the Spanish-speaking pack countries', () => {
    expect(packCountries).toEqual(expect.arrayContaining(['US', 'MX', 'ES', 'CO', 'CL', 'PE']));
  });

  it.each(debtors)(
    'a debtor in %s speaking %s gets, for every purpose and channel, a template in their language carrying what the country requires',
    (country, lang) => {
      const failures: string[] = [];
      for (const want of offered) {
        const t = findTemplate(defaultTemplates, { ...want, locale: `${lang}-${country}`, country });
        if (!t) {
          failures.push(`${want.purpose}/${want.channel}: no template`);
          continue;
        }
        const v = validateTemplate(t, { country });
        if (!v.ok)
          failures.push(`${t.id}: ${[...v.issues, ...v.contentViolations].map((i) => i.message).join('; ')}`);
        if (languageOf(t.locale) !== lang) failures.push(`${t.id}: not in ${lang}`);
      }
      expect(failures).toEqual([]);
    },
  );
});

describe('Spanish for US debtors (es-US)', () => {
  const esUs = (purpose: 'reminder' | 'voicemail', channel: 'sms' | 'whatsapp' | 'voicemail') =>
    findTemplate(defaultTemplates, { purpose, channel, locale: 'es-US', country: 'US' })!;

  it('is chosen for a Spanish-speaking US debtor, and carries the disclosure and the opt-out in Spanish', () => {
    for (const channel of ['sms', 'whatsapp'] as const) {
      const t = esUs('reminder', channel);
      expect(t.id).toBe(`tpl_default_reminder_${channel}_es-US`);
      const r = renderMessage(t, sampleContext('es-US', channel));
      expect(r.ok && r.message.text).toMatch(/cobrador de deudas/);
      expect(r.ok && r.message.text).toMatch(/Responde BAJA/);
    }
  });

  it('leaves a limited-content voicemail: a name, the business, a callback number, no debt words', () => {
    const vm = esUs('voicemail', 'voicemail');
    const r = renderMessage(vm, sampleContext('es-US', 'voicemail'));
    expect(r.ok && r.message.text).toMatch(
      /^Hola, le habla Mariana López de Saldo Cobranza\. Por favor devuélvanos la llamada al \+1 555/,
    );
    // The fixed text; the business name is the organisation's own (1006.2(j) asks it not to reveal collection).
    expect(vm.body).not.toMatch(/deuda|cobr|saldo|pag/i);
    expect(vm.body).not.toMatch(/\{\{(amount|dueDate|creditor\.name|debtor\.\w+|paymentLink)\}\}/);
  });

  it('WhatsApp uses Meta\'s generic "es" language: Meta has no es_US', () => {
    expect(esUs('reminder', 'whatsapp').whatsapp).toMatchObject({
      name: 'saldo_reminder_es_us',
      language: 'es',
    });
  });
});

describe('the country decides between templates', () => {
  const withoutEsUs = defaultTemplates.filter((t) => t.locale !== 'es-US');
  const reminderSms = { purpose: 'reminder', channel: 'sms' } as const;

  it('never picks a template failing the country when another passes: es-MX lacks the US disclosure, en-US has it', () => {
    expect(findTemplate(withoutEsUs, { ...reminderSms, locale: 'es-US', country: 'US' })?.id).toBe(
      'tpl_default_reminder_sms_en-US',
    );
    // By language alone it would be es-MX, which the US refuses.
    const byLanguage = findTemplate(withoutEsUs, { ...reminderSms, locale: 'es-US' })!;
    expect(byLanguage.id).toBe('tpl_default_reminder_sms_es-MX');
    expect(validateTemplate(byLanguage, { country: 'US' }).contentViolations.map((v) => v.ruleId)).toEqual([
      'US-REGF-MIRANDA',
    ]);
  });

  it('keeps the language order when the language passes, and falls back to it when nothing passes', () => {
    expect(findTemplate(defaultTemplates, { ...reminderSms, locale: 'es-CO', country: 'CO' })?.id).toBe(
      'tpl_default_reminder_sms_es-MX',
    );
    const mxOnly = defaultTemplates.filter((t) => t.locale === 'es-MX');
    expect(findTemplate(mxOnly, { ...reminderSms, locale: 'es-US', country: 'US' })?.id).toBe(
      'tpl_default_reminder_sms_es-MX',
    );
  });
});
