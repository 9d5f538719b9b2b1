/**
 * Chile: Ley 19.496 art. 37 as amended by Ley 21.320 (DO 20 Apr 2021).
 */
import type { PackInput } from '../pack.js';
import { PHONE, WRITTEN, optOutRule, stateBlocks } from './common.js';

const ART37 = 'Ley 19.496, art. 37 (Ley 21.320)';

/**
 * The CL pack.
 */
export const clPack: PackInput = {
  code: 'CL',
  version: '2026.05.0',
  kind: 'law',
  title: 'Chile — Ley 19.496 art. 37 (Ley 21.320)',
  effectiveFrom: '2021-04-20T04:00:00Z',
  jurisdiction: { country: 'CL' },
  notes: [
    'Whether only effective contacts count is disputed [?]: every outbound attempt counts, whatever the outcome (conservative).',
    '"Per week" read as any rolling 7 days (stricter than a calendar week); "2 days apart" as 48 elapsed hours.',
    'Exact hours wording [?]: 20:00:00 is refused (conservative).',
  ],
  rules: [
    {
      kind: 'time_window',
      id: 'CL-HOURS',
      citation: `${ART37}; Código de Procedimiento Civil art. 59`,
      confidence: 'V2',
      severity: 'hard',
      windows: [
        {
          days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
          start: '08:00',
          end: '20:00',
          endInclusive: false,
        },
      ],
      holidays: true,
    },
    {
      kind: 'frequency_cap',
      id: 'CL-PHONE-VISIT',
      citation: ART37,
      confidence: 'V2',
      severity: 'hard',
      channels: PHONE,
      max: 1,
      window: { type: 'rolling', days: 7 },
      unit: 'debtor',
      count: { channels: PHONE, directions: ['outbound'] },
      what: { en: 'telephone contact', es: 'contacto telefónico' },
    },
    {
      kind: 'frequency_cap',
      id: 'CL-OTHER-MEDIA',
      citation: ART37,
      confidence: 'V2',
      severity: 'hard',
      channels: WRITTEN,
      max: 2,
      window: { type: 'rolling', days: 7 },
      unit: 'debtor',
      count: { channels: WRITTEN, directions: ['outbound'] },
      what: { en: 'written or electronic actions', es: 'gestiones escritas o electrónicas' },
    },
    {
      kind: 'min_spacing',
      id: 'CL-OTHER-MEDIA-SPACING',
      citation: ART37,
      confidence: 'V2',
      severity: 'hard',
      channels: WRITTEN,
      hours: 48,
      unit: 'debtor',
      count: { channels: WRITTEN, directions: ['outbound'] },
    },
    {
      kind: 'third_party',
      id: 'CL-3P',
      citation: ART37,
      confidence: 'V2',
      severity: 'hard',
      allowed: ['debtor'],
      note: 'The research reads the rule as "recipient other than the debtor → deny"; guarantors and co-debtors are refused too pending counsel review.',
    },
    optOutRule('CL-OPTOUT', 'Saldo policy: channel opt-outs are always honoured', 'K', 'policy'),
    ...stateBlocks('CL', {}),
  ],
};
