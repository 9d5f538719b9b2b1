import { describe, expect, it } from 'vitest';
import { defaultTemplates } from '@saldo/core/channels';
import { chooseTemplate } from './contact-debtor-input.js';

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
