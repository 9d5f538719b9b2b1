/**
 * United States, federal: FDCPA (15 U.S.C. 1692 et seq.), CFPB Regulation F (12 CFR 1006) and
 * the TCPA (47 U.S.C. 227; 47 CFR 64.1200).
 */
import type { PackInput } from '../pack.js';
import {
  ELECTRONIC,
  OBLIGATED,
  PHONE,
  PLACED_CALL,
  TEXTS,
  WRITTEN,
  optOutRule,
  stateBlocks,
} from './common.js';

/**
 * The US federal pack.
 *
 * @example
 * usPack.rules.find((r) => r.id === 'US-REGF-7IN7')?.citation; // '12 CFR 1006.14(b)(2)'
 */
export const usPack: PackInput = {
  code: 'US',
  version: '2026.05.0',
  kind: 'law',
  title: 'United States — FDCPA / Regulation F and TCPA (federal)',
  effectiveFrom: '2021-11-30T05:00:00Z',
  jurisdiction: { country: 'US' },
  notes: [
    'Reg F binds FDCPA debt collectors; the engine applies it to every US contact (conservative for first-party creditors).',
    'Reg F 7-in-7 is a rebuttable presumption: denied by default (severity "presumption").',
    'Direct-prior-consent exclusions (1006.14(b)(3)(i)) and consumer-designated inconvenient times (1006.6(b)(1)) are not in the input: not modelled.',
    'Line type is not in the input: every number is treated as wireless for the TCPA (conservative).',
  ],
  rules: [
    {
      kind: 'time_window',
      id: 'US-REGF-HOURS',
      citation: '12 CFR 1006.6(b)(1)(i); 15 U.S.C. 1692c(a)(1)',
      confidence: 'V1',
      severity: 'hard',
      windows: [
        {
          days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
          start: '08:00',
          end: '21:00',
          endInclusive: true,
        },
      ],
      note: '"Before 8:00 a.m. and after 9:00 p.m." is inconvenient: 08:00:00 and 21:00:00 are allowed, 21:00:01 is not. Applied to every channel, letters included (conservative).',
    },
    {
      kind: 'frequency_cap',
      id: 'US-REGF-7IN7',
      citation: '12 CFR 1006.14(b)(2)',
      confidence: 'V2',
      severity: 'presumption',
      channels: PHONE,
      recipients: OBLIGATED,
      max: 7,
      window: { type: 'rolling', days: 7 },
      unit: 'debt',
      count: { channels: PHONE, directions: ['outbound'], outcomes: PLACED_CALL },
      what: { en: 'placed telephone calls', es: 'llamadas telefónicas realizadas' },
      note: '1006.14(b)(2)(i)(A). Counts outbound placed calls about this debt incl. unanswered calls and voicemails (ringless too) and voicebot calls; busy, not_connected and failed calls do not connect and are excluded (1006.14(b)(3)). Calls to the attorney are excluded. Rolling window: at least 7×24 h and 7 local days.',
    },
    {
      kind: 'cooldown',
      id: 'US-REGF-7DAY-CONV',
      citation: '12 CFR 1006.14(b)(2)(i)(B)',
      confidence: 'V2',
      severity: 'presumption',
      channels: PHONE,
      recipients: OBLIGATED,
      after: { channels: PHONE, outcomes: ['conversation'] },
      unit: 'debt',
      duration: { localDays: 7 },
      what: {
        en: 'a telephone conversation about this debt',
        es: 'una conversación telefónica sobre esta deuda',
      },
      note: 'The conversation date is day 1: a conversation on Monday blocks calls until the next Monday 00:00 local. Inbound conversations count (Comment 14(b)(4)-1.ii).',
    },
    optOutRule('US-REGF-MEDIUM-OPTOUT', '12 CFR 1006.14(h)', 'K', 'hard'),
    optOutRule('US-TCPA-REVOKE', '47 CFR 64.1200(a)(10); FCC 24-18', 'V2', 'hard', [
      ...TEXTS,
      'voicebot',
      'voicemail',
    ]),
    {
      kind: 'content_required',
      id: 'US-REGF-EOPTOUT',
      citation: '12 CFR 1006.6(e)',
      confidence: 'V2',
      severity: 'hard',
      channels: ELECTRONIC,
      items: ['optOutInstructions'],
    },
    {
      kind: 'content_required',
      id: 'US-REGF-MIRANDA',
      citation: '15 U.S.C. 1692e(11); 12 CFR 1006.18(e)',
      confidence: 'K',
      severity: 'hard',
      channels: WRITTEN,
      items: ['miniMiranda'],
      note: 'Checked on written channels only (calls disclose orally; a limited-content voicemail needs none).',
    },
    {
      kind: 'consent_required',
      id: 'US-TCPA-MOBILE-CONSENT',
      citation: '47 U.S.C. 227(b)(1)(A)(iii); 47 CFR 64.1200(a)(1); FCC 07-232',
      confidence: 'V1',
      severity: 'hard',
      channels: [...TEXTS, 'voicemail'],
      unknown: 'deny',
      satisfiedBy: { voicemail: ['voicebot'] },
      what: { en: 'prior express consent (TCPA)', es: 'consentimiento previo expreso (TCPA)' },
      note: 'Texts to a cell need prior express consent; WhatsApp is treated as a text and a voicemail drop as a prerecorded call (conservative). Unknown consent = no consent.',
    },
    {
      kind: 'consent_required',
      id: 'US-TCPA-AI-VOICE',
      citation: '47 U.S.C. 227(b)(1)(A); 47 CFR 64.1200(a)(1); FCC 24-17',
      confidence: 'V1',
      severity: 'hard',
      channels: ['voicebot'],
      unknown: 'deny',
      what: {
        en: 'prior express consent for an artificial / AI voice call (TCPA)',
        es: 'consentimiento previo expreso para llamadas con voz artificial o IA (TCPA)',
      },
    },
    {
      kind: 'consent_required',
      id: 'US-REGF-EMAIL-SAFEHARBOR',
      citation: '12 CFR 1006.6(d)(3)-(4)',
      confidence: 'V2',
      severity: 'hard',
      channels: ['email'],
      unknown: 'deny',
      what: {
        en: 'email safe-harbor basis (consumer used or consented to the address)',
        es: 'base de puerto seguro para email (el consumidor usó o autorizó la dirección)',
      },
      note: 'consents.email = true records a 1006.6(d)(4) basis; the creditor-notice procedure is not modelled.',
    },
    {
      kind: 'third_party',
      id: 'US-REGF-3P',
      citation: '15 U.S.C. 1692c(b); 12 CFR 1006.6(d)(1)',
      confidence: 'V1',
      severity: 'hard',
      allowed: [...OBLIGATED, 'attorney'],
      note: 'Guarantors and co-debtors are obligated ("consumers"). Location-information contacts (1692b; 1006.10) are not modelled, so references, relatives and employers are refused.',
    },
    ...stateBlocks('US', {
      dispute_pending: {
        id: 'US-REGF-DISPUTE',
        citation: '15 U.S.C. 1692g(b); 12 CFR 1006.38(c)-(d)',
        confidence: 'V1',
      },
      cease_requested: {
        id: 'US-REGF-CEASE',
        citation: '15 U.S.C. 1692c(c); 12 CFR 1006.6(c)',
        confidence: 'V1',
        note: 'The three permitted notices are not modelled: every contact is refused.',
      },
      attorney: {
        id: 'US-REGF-ATTY',
        citation: '12 CFR 1006.6(b)(2); 15 U.S.C. 1692c(a)(2)',
        confidence: 'V1',
        exceptRecipients: ['attorney'],
      },
      bankruptcy: {
        id: 'US-BANKRUPTCY-STAY',
        citation: '11 U.S.C. 362(a)(6)',
        confidence: 'K',
        exceptRecipients: ['attorney'],
        note: 'Automatic stay; not in the research (background knowledge).',
      },
      deceased: {
        id: 'US-REGF-DECEASED',
        citation: '12 CFR 1006 Comment 34(a)(1)-1',
        confidence: '?',
        note: 'No estate-representative recipient in the input: every contact is refused (conservative).',
      },
    }),
  ],
};
