/**
 * The global baseline: applied, alone, when no pack covers the debtor's country. A conservative
 * Saldo policy, not law: Mon–Sat 08:00–20:00 local, no public holidays (when date-holidays knows
 * the country), opt-outs, state blocks, no third parties, consent for artificial voice, and a
 * Reg F-like 7-in-7 call cap.
 */
import type { PackInput } from '../pack.js';
import { ELECTRONIC, OBLIGATED, PHONE, PLACED_CALL, optOutRule, stateBlocks } from './common.js';

const POLICY = 'Saldo global baseline policy (country not covered by a law pack); not law';

/**
 * The global baseline pack (`jurisdiction.country = '*'`).
 */
export const globalPack: PackInput = {
  code: 'GLOBAL',
  version: '2026.05.0',
  kind: 'policy',
  title: 'Global baseline — conservative default for countries without a pack',
  effectiveFrom: '2020-01-01T00:00:00Z',
  jurisdiction: { country: '*' },
  notes: [
    "Used only when no law pack covers the debtor's country; research the country before operating there.",
  ],
  rules: [
    {
      kind: 'time_window',
      id: 'BASE-HOURS',
      citation: POLICY,
      confidence: 'K',
      severity: 'policy',
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
      id: 'BASE-CALLS-7IN7',
      citation: POLICY,
      confidence: 'K',
      severity: 'policy',
      channels: PHONE,
      max: 7,
      window: { type: 'rolling', days: 7 },
      unit: 'debt',
      count: { channels: PHONE, directions: ['outbound'], outcomes: PLACED_CALL },
      what: { en: 'placed calls', es: 'llamadas realizadas' },
    },
    {
      kind: 'consent_required',
      id: 'BASE-AI-VOICE-CONSENT',
      citation: POLICY,
      confidence: 'K',
      severity: 'policy',
      channels: ['voicebot', 'voicemail'],
      unknown: 'deny',
      satisfiedBy: { voicemail: ['voicebot'] },
      what: {
        en: 'consent to artificial / prerecorded voice',
        es: 'consentimiento para voz artificial o grabada',
      },
    },
    {
      kind: 'content_required',
      id: 'BASE-EOPTOUT',
      citation: POLICY,
      confidence: 'K',
      severity: 'policy',
      channels: ELECTRONIC,
      items: ['optOutInstructions'],
    },
    {
      kind: 'third_party',
      id: 'BASE-3P',
      citation: POLICY,
      confidence: 'K',
      severity: 'policy',
      allowed: OBLIGATED,
    },
    optOutRule('BASE-OPTOUT', POLICY, 'K', 'policy'),
    ...stateBlocks('BASE', {}),
  ],
};
