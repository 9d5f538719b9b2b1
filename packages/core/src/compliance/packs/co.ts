/**
 * Colombia: Ley 2300 de 2023 ("Dejen de fregar"), in force 10 Oct 2023, and SFC Concepto
 * 2023080946-002-000 (31 Aug 2023). Holidays: Ley 51 de 1983 (Emiliani) + Ley 2578 de 2026.
 */
import type { PackInput } from '../pack.js';
import { OBLIGATED, REACHED, optOutRule, stateBlocks } from './common.js';

/**
 * The CO pack.
 */
export const coPack: PackInput = {
  code: 'CO',
  version: '2026.05.0',
  kind: 'law',
  title: 'Colombia — Ley 2300 de 2023',
  effectiveFrom: '2023-10-10T05:00:00Z',
  jurisdiction: { country: 'CO' },
  notes: [
    'CO-FREQ-* apply "once direct contact has been achieved"; the trigger is not modelled, so they apply from the first contact (conservative).',
    'Press reports conflict on "several channels in the same week" [?]: read as at most one channel in any rolling 7 days (stricter than a calendar week).',
    'The exceptions (transaction confirmations, requested information, fraud alerts, microcredit) are not modelled: the engine checks collection contacts.',
  ],
  rules: [
    {
      kind: 'time_window',
      id: 'CO-HOURS',
      citation: 'Ley 2300 de 2023, art. 3',
      confidence: 'V2',
      severity: 'hard',
      windows: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '07:00', end: '19:00', endInclusive: true },
        { days: ['sat'], start: '08:00', end: '15:00', endInclusive: true },
      ],
      holidays: true,
      note: 'No contact on Sundays or festivos (Ley Emiliani Monday holidays included).',
    },
    {
      kind: 'consent_required',
      id: 'CO-CHANNELS',
      citation: 'Ley 2300 de 2023',
      confidence: 'V2',
      severity: 'hard',
      unknown: 'deny',
      what: {
        en: 'authorisation of this channel by the consumer',
        es: 'autorización de este canal por el consumidor',
      },
    },
    {
      kind: 'frequency_cap',
      id: 'CO-FREQ-DAY',
      citation: 'Ley 2300 de 2023; SFC Concepto 2023080946-002-000 (31-08-2023)',
      confidence: 'V1',
      severity: 'hard',
      max: 1,
      window: { type: 'calendar_day' },
      unit: 'debtor',
      count: { directions: ['outbound'], outcomes: REACHED },
      what: { en: 'contact', es: 'contacto' },
    },
    {
      kind: 'distinct_channel_cap',
      id: 'CO-FREQ-CHANNELS',
      citation: 'SFC Concepto 2023080946-002-000',
      confidence: 'V1',
      severity: 'hard',
      max: 1,
      window: { type: 'rolling', days: 7 },
      count: { directions: ['outbound'], outcomes: REACHED },
    },
    {
      kind: 'third_party',
      id: 'CO-3P',
      citation: 'Ley 2300 de 2023',
      confidence: 'V2',
      severity: 'hard',
      allowed: OBLIGATED,
      note: 'No personal references; co-debtors and guarantors within legal hours. Relatives and employers are refused too (conservative).',
    },
    optOutRule(
      'CO-OPTOUT',
      'Ley 2300 de 2023 (contact only through channels the consumer authorised)',
      'K',
      'hard',
    ),
    ...stateBlocks('CO', {}),
  ],
};
