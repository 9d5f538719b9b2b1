/**
 * Spain: no statute with numeric hours or frequency limits for collection was found. Two packs:
 * `ES` (law: AEPD third-party doctrine, GDPR objection) and `ES-POLICY`, a
 * clearly labelled conservative company-policy layer — not law.
 */
import type { PackInput } from '../pack.js';
import { OBLIGATED, PHONE, optOutRule, stateBlocks } from './common.js';

/**
 * The ES law pack.
 */
export const esPack: PackInput = {
  code: 'ES',
  version: '2026.05.0',
  kind: 'law',
  title: 'España — protección de datos aplicada al recobro (AEPD, RGPD)',
  effectiveFrom: '2018-05-25T00:00:00Z',
  jurisdiction: { country: 'ES' },
  notes: [
    'Pending: NPL servicer law (transposing Directive 2021/2167) and Ley de Servicios de Atención a la Clientela — re-check before relying on this pack.',
  ],
  rules: [
    {
      kind: 'third_party',
      id: 'ES-3P-AEPD',
      citation: 'AEPD E-13222-2021 (24-01-2022); RGPD art. 6',
      confidence: 'V2',
      severity: 'hard',
      allowed: OBLIGATED,
      note: 'Third parties may be contacted only to locate the debtor without disclosing the debt; that purpose is not modelled, so they are refused.',
    },
    optOutRule('ES-GDPR-OBJECT', 'RGPD (Reglamento (UE) 2016/679) art. 21', 'K', 'hard'),
    ...stateBlocks('ES', {}),
  ],
};

const POLICY =
  'Saldo company policy — no Spanish statute with numeric contact limits found (research §2.2); not law';

/**
 * The ES company-policy layer (kind `policy`): Mon–Fri 09:00–21:00, no weekends or holidays,
 * ≤ 1 call per day, ≤ 3 contacts per rolling week.
 */
export const esPolicyPack: PackInput = {
  code: 'ES-POLICY',
  version: '2026.05.0',
  kind: 'policy',
  title: 'España — capa de política conservadora de Saldo (no es ley)',
  effectiveFrom: '2018-05-25T00:00:00Z',
  jurisdiction: { country: 'ES' },
  notes: [
    'Company policy, not law. Defaults suggested by the research [?]; every attempt counts, whatever the outcome.',
  ],
  rules: [
    {
      kind: 'time_window',
      id: 'ES-POLICY-HOURS',
      citation: POLICY,
      confidence: '?',
      severity: 'policy',
      windows: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '21:00', endInclusive: false },
      ],
      holidays: true,
    },
    {
      kind: 'frequency_cap',
      id: 'ES-POLICY-CALLS-DAY',
      citation: POLICY,
      confidence: '?',
      severity: 'policy',
      channels: PHONE,
      max: 1,
      window: { type: 'calendar_day' },
      unit: 'debtor',
      count: { channels: PHONE, directions: ['outbound'] },
      what: { en: 'call attempt', es: 'intento de llamada' },
    },
    {
      kind: 'frequency_cap',
      id: 'ES-POLICY-WEEK',
      citation: POLICY,
      confidence: '?',
      severity: 'policy',
      max: 3,
      window: { type: 'rolling', days: 7 },
      unit: 'debtor',
      count: { directions: ['outbound'] },
      what: { en: 'contact attempts (all channels)', es: 'intentos de contacto (todos los canales)' },
    },
  ],
};
