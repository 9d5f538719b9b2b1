import { describe, expect, it } from 'vitest';
import { applicableContentRules } from './required-content.js';
import { validateTemplate, type MessageTemplate } from './template.js';

const sms = (body: string): MessageTemplate => ({
  id: 'tpl_t',
  purpose: 'reminder',
  channel: 'sms',
  locale: 'en-US',
  body,
});

describe('required content per country', () => {
  it('US SMS needs opt-out instructions and the debt-collector disclosure', () => {
    const v = validateTemplate(sms('Hi {{debtor.firstName}}, pay {{amount}} at {{paymentLink}}'), {
      country: 'US',
    });
    expect(v.ok).toBe(false);
    expect(v.contentViolations.map((c) => c.ruleId).sort()).toEqual(['US-REGF-EOPTOUT', 'US-REGF-MIRANDA']);
    expect(v.contentViolations.every((c) => c.basis === 'law')).toBe(true);
  });

  it('fixed phrases satisfy the US rules as well as variables', () => {
    expect(
      validateTemplate(
        sms('Hi {{debtor.firstName}}. This is from a debt collector. Reply STOP to opt out.'),
        { country: 'US' },
      ).ok,
    ).toBe(true);
    expect(
      validateTemplate(sms('Hi {{debtor.firstName}}. {{debtCollectorDisclosure}} {{optOutInstructions}}'), {
        country: 'US',
      }).ok,
    ).toBe(true);
  });

  it('a requirement inside a conditional does not count: it may not render', () => {
    const v = validateTemplate(
      sms('Hi. {{debtCollectorDisclosure}} {{#if optOutLink}}{{optOutInstructions}}{{/if}}'),
      { country: 'US' },
    );
    expect(v.contentViolations.map((c) => c.ruleId)).toEqual(['US-REGF-EOPTOUT']);
  });

  it('Spain needs the creditor named (law) and an opt-out (policy)', () => {
    const v = validateTemplate({ ...sms('Hola {{debtor.firstName}}'), locale: 'es-ES' }, { country: 'ES' });
    expect(v.contentViolations.map((c) => [c.ruleId, c.basis])).toEqual([
      ['ES-PROCESSOR', 'law'],
      ['POLICY-EOPTOUT', 'policy'],
    ]);
  });

  it('Mexico needs both the creditor and the agency named', () => {
    const v = validateTemplate(
      { ...sms('Hola {{debtor.firstName}} de {{creditor.name}}. {{optOutInstructions}}'), locale: 'es-MX' },
      { country: 'MX' },
    );
    expect(v.contentViolations.map((c) => c.ruleId)).toEqual(['MX-ID-FIRST-AGENCY']);
  });

  it('a US voicemail may not carry the amount, the creditor or debt words', () => {
    const vm: MessageTemplate = {
      id: 'tpl_vm',
      purpose: 'voicemail',
      channel: 'voicemail',
      locale: 'en-US',
      body: 'This is {{agentName}} about your {{amount}} debt with {{creditor.name}}. Call {{callbackNumber}}.',
    };
    const v = validateTemplate(vm, { country: 'US' });
    const msgs = v.contentViolations.map((c) => c.message);
    expect(msgs[0]).toContain('{{amount}}');
    expect(msgs[0]).toContain('{{creditor.name}}');
    expect(msgs[1]).toContain('"debt"');
    // …and needs no mini-Miranda: an LCM is not a communication.
    expect(v.contentViolations.every((c) => c.ruleId === 'US-REGF-LCM')).toBe(true);
  });

  it('unknown countries get the policy defaults', () => {
    expect(applicableContentRules('PE', 'email').map((r) => r.id)).toEqual([
      'POLICY-EOPTOUT',
      'POLICY-IDENTITY',
    ]);
    expect(applicableContentRules('PE', 'voicemail')).toEqual([]);
  });
});
