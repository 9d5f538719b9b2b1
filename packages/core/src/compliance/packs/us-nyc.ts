/**
 * New York City: DCWP debt-collection rules, 6 RCNY 5-77 as amended (final rule; effective
 * 1 Sep 2026 per the latest source — the date slipped several times [?]).
 */
import type { PackInput } from '../pack.js';
import { ELECTRONIC } from './common.js';

/**
 * The US-NYC pack (region `US-NYC` or `US-NY-NYC`), in force from 2026-09-01 00:00 New York time.
 *
 * @example
 * usNycPack.effectiveFrom; // '2026-09-01T04:00:00Z'
 */
export const usNycPack: PackInput = {
  code: 'US-NYC',
  version: '2026.05.0',
  kind: 'law',
  title: 'United States — New York City DCWP rules (6 RCNY 5-77, as amended)',
  effectiveFrom: '2026-09-01T04:00:00Z',
  jurisdiction: { country: 'US', regions: ['US-NYC', 'US-NY-NYC'] },
  notes: [
    'Effective date [?]: 1 Sep 2026 per Americollect (Apr 2026). If it slips later the pack is stricter than the law; an organisation can apply the cap earlier with its own policy layer.',
    'What counts as an "attempt" is unverified [?]: every outbound event counts, whatever its outcome (conservative). "Per account" is read as per debtId.',
  ],
  rules: [
    {
      kind: 'frequency_cap',
      id: 'US-NYC-3IN7',
      citation: '6 RCNY 5-77 (as amended)',
      confidence: 'V2',
      severity: 'hard',
      max: 3,
      window: { type: 'rolling', days: 7 },
      unit: 'debt',
      count: { directions: ['outbound'] },
      what: { en: 'contacts or attempts (all channels)', es: 'contactos o intentos (todos los canales)' },
    },
    {
      kind: 'consent_required',
      id: 'US-NYC-ECONSENT',
      citation: '6 RCNY 5-77 (as amended): electronic communications',
      confidence: 'V2',
      severity: 'hard',
      channels: ELECTRONIC,
      unknown: 'deny',
      what: {
        en: 'written, revocable consent to electronic communications',
        es: 'consentimiento escrito y revocable para comunicaciones electrónicas',
      },
    },
    {
      kind: 'content_required',
      id: 'US-NYC-EOPTOUT',
      citation: '6 RCNY 5-77 (as amended): one-word opt-out',
      confidence: 'V2',
      severity: 'hard',
      channels: ELECTRONIC,
      items: ['optOutInstructions'],
    },
    {
      kind: 'opt_out',
      id: 'US-NYC-OPTOUT',
      citation: '6 RCNY 5-77 (as amended): medium-specific opt-out',
      confidence: 'V2',
      severity: 'hard',
    },
  ],
};
