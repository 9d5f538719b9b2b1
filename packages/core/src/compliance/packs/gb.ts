/**
 * United Kingdom: FCA CONC 7 and the Debt Respite Scheme (England & Wales).
 */
import type { PackInput } from '../pack.js';
import { OBLIGATED, optOutRule, stateBlocks } from './common.js';

/**
 * The GB pack.
 */
export const gbPack: PackInput = {
  code: 'GB',
  version: '2026.05.0',
  kind: 'law',
  title: 'United Kingdom — FCA CONC 7 and Breathing Space',
  effectiveFrom: '2021-05-04T00:00:00Z',
  jurisdiction: { country: 'GB' },
  notes: [
    'CONC gives no hours; MCOB 13.5.4G "usually 8 am–9 pm" is used as the proxy, 21:00:00 refused (conservative). CONC rule numbering ≈ 7.9.4R [?].',
    'Customer requests about when/where/how to be contacted: only channel opt-outs are in the input.',
  ],
  rules: [
    {
      kind: 'time_window',
      id: 'UK-CONC-TIMES',
      citation: 'FCA CONC 7.9 (unreasonable times); MCOB 13.5.4G',
      confidence: 'V1',
      severity: 'hard',
      windows: [
        {
          days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
          start: '08:00',
          end: '21:00',
          endInclusive: false,
        },
      ],
    },
    {
      kind: 'third_party',
      id: 'UK-CONC-EMBARRASS',
      citation: 'FCA CONC 7.9.10R, 7.9.11G',
      confidence: 'V1',
      severity: 'hard',
      allowed: OBLIGATED,
    },
    optOutRule(
      'UK-CONC-HOW',
      'FCA CONC 7.9 (due regard to reasonable requests about how contact is made)',
      'K',
      'hard',
    ),
    ...stateBlocks('GB', {
      dispute_pending: { id: 'UK-CONC-DISPUTE', citation: 'FCA CONC 7.14.1R-7.14.5R', confidence: 'V1' },
      moratorium: {
        id: 'UK-BREATHING',
        citation:
          'Debt Respite Scheme (Breathing Space Moratorium and Mental Health Crisis Moratorium) (England and Wales) Regulations 2020',
        confidence: 'V2',
      },
    }),
  ],
};
