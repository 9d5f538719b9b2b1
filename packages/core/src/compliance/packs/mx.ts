/**
 * Mexico: CONDUSEF "Disposiciones de carácter general aplicables a las entidades financieras en
 * materia de despachos de cobranza" (DOF 7 Oct 2014), now in the Disposiciones en materia de
 * registros ante la CONDUSEF.
 */
import type { PackInput } from '../pack.js';
import { OBLIGATED, optOutRule, stateBlocks } from './common.js';

const DISPOSICIONES = 'CONDUSEF, Disposiciones en materia de despachos de cobranza (DOF 07-10-2014)';

/**
 * The MX pack.
 */
export const mxPack: PackInput = {
  code: 'MX',
  version: '2026.05.0',
  kind: 'law',
  title: 'México — CONDUSEF, despachos de cobranza',
  effectiveFrom: '2014-10-08T06:00:00Z',
  jurisdiction: { country: 'MX' },
  notes: [
    "Hours are 07:00–22:00 in the debtor's zone; the boundary is not given, 22:00:00 is refused (conservative).",
    'One outlet claims weekdays only and no holidays [?]; not found in the rule text. The conservative reading is shipped as MX-HOURS-WEEKDAYS (policy).',
    'The rule text names calls and visits; SMS, WhatsApp, email and letters get the same hours (conservative).',
  ],
  rules: [
    {
      kind: 'time_window',
      id: 'MX-HOURS',
      citation: DISPOSICIONES,
      confidence: 'V2',
      severity: 'hard',
      windows: [
        {
          days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
          start: '07:00',
          end: '22:00',
          endInclusive: false,
        },
      ],
    },
    {
      kind: 'time_window',
      id: 'MX-HOURS-WEEKDAYS',
      citation: `${DISPOSICIONES} — conservative reading of an unverified weekday-only claim`,
      confidence: '?',
      severity: 'policy',
      windows: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '07:00', end: '22:00', endInclusive: false },
      ],
      holidays: true,
    },
    {
      kind: 'third_party',
      id: 'MX-3P',
      citation: DISPOSICIONES,
      confidence: 'V2',
      severity: 'hard',
      allowed: OBLIGATED,
      note: "Only obligados solidarios (co_debtor) and avales (guarantor) besides the debtor. The debtor's attorney is not listed as an exception: refused pending counsel review.",
    },
    optOutRule('MX-OPTOUT', 'Saldo policy: channel opt-outs are always honoured', 'K', 'policy'),
    ...stateBlocks('MX', {}),
  ],
};
