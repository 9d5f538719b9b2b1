/**
 * Peru: Código de Protección y Defensa del Consumidor (Ley 29571), art. 61–62.
 */
import type { PackInput } from '../pack.js';
import { OBLIGATED, optOutRule, stateBlocks } from './common.js';

/**
 * The PE pack.
 */
export const pePack: PackInput = {
  code: 'PE',
  version: '2026.05.0',
  kind: 'law',
  title: 'Perú — Ley 29571, art. 62 (métodos abusivos en el cobro)',
  effectiveFrom: '2010-10-02T05:00:00Z',
  jurisdiction: { country: 'PE' },
  notes: [
    '"Between 20:00 and 07:00" is prohibited: 07:00:00 allowed, 20:00:00 refused (endInclusive false [?]).',
    'The article names visits and calls; SMS, WhatsApp, email and letters get the same hours (conservative [?]).',
    'The 2025 "one call per 24 h" bill is not law and is not applied.',
  ],
  rules: [
    {
      kind: 'time_window',
      id: 'PE-HOURS',
      citation: 'Ley 29571, art. 62',
      confidence: 'V2',
      severity: 'hard',
      windows: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '07:00', end: '20:00', endInclusive: false },
      ],
      holidays: true,
    },
    {
      kind: 'third_party',
      id: 'PE-3P',
      citation: 'Saldo policy (Ley 29571 art. 62 names the debtor and the guarantor)',
      confidence: '?',
      severity: 'policy',
      allowed: OBLIGATED,
    },
    optOutRule('PE-OPTOUT', 'Saldo policy: channel opt-outs are always honoured', 'K', 'policy'),
    ...stateBlocks('PE', {}),
  ],
};
