/**
 * Massachusetts: 940 CMR 7.04(1)(f) (creditors) and 209 CMR 18.16(1)(d) (debt collectors).
 */
import type { PackInput } from '../pack.js';
import { PHONE, REACHED, TEXTS } from './common.js';

/**
 * The US-MA pack (stacked on US).
 */
export const usMaPack: PackInput = {
  code: 'US-MA',
  version: '2026.05.0',
  kind: 'law',
  title: 'United States — Massachusetts debt-collection regulations',
  effectiveFrom: '2021-11-30T05:00:00Z',
  jurisdiction: { country: 'US', regions: ['US-MA'] },
  notes: [
    'The number type (personal vs other, e.g. work) is not in the input: every number is treated as personal (2 per 7 days). The 2-per-30-days cap for other numbers is not applied — a known gap.',
  ],
  rules: [
    {
      kind: 'frequency_cap',
      id: 'US-MA-2IN7',
      citation: '940 CMR 7.04(1)(f); 209 CMR 18.16(1)(d)',
      confidence: 'V1',
      severity: 'hard',
      channels: [...PHONE, ...TEXTS],
      max: 2,
      window: { type: 'rolling', days: 7 },
      unit: 'debt',
      count: { channels: [...PHONE, ...TEXTS], directions: ['outbound'], outcomes: REACHED },
      what: {
        en: 'collector-initiated telephone communications (live, text or recorded)',
        es: 'comunicaciones telefónicas iniciadas por el cobrador (en vivo, texto o grabadas)',
      },
      note: 'AG guidance (V2): attempts that neither reach the debtor nor leave a message do not count; voicemails and texts do. WhatsApp counted as a text (conservative).',
    },
  ],
};
