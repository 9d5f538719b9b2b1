/**
 * Brazil: CDC (Lei 8.078/1990) art. 42 and 71, market-practice hours, and São Paulo's state law.
 */
import type { PackInput } from '../pack.js';
import { OBLIGATED, optOutRule, stateBlocks } from './common.js';

/**
 * The BR pack (national).
 */
export const brPack: PackInput = {
  code: 'BR',
  version: '2026.05.0',
  kind: 'law',
  title: 'Brasil — CDC art. 42/71 e prática de mercado',
  effectiveFrom: '2020-01-01T03:00:00Z',
  jurisdiction: { country: 'BR' },
  notes: [
    'No federal hours law: BR-DEFAULT-HOURS is market practice (policy), with national holidays added (conservative). PL 752/19 is not law.',
  ],
  rules: [
    {
      kind: 'time_window',
      id: 'BR-DEFAULT-HOURS',
      citation: 'Market practice without a state law (efic; CDLUDI); CDC art. 71 (rest and leisure)',
      confidence: 'V2',
      severity: 'policy',
      windows: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '20:00', endInclusive: false },
        { days: ['sat'], start: '08:00', end: '14:00', endInclusive: false },
      ],
      holidays: true,
    },
    {
      kind: 'third_party',
      id: 'BR-CDC-42',
      citation: 'CDC (Lei 8.078/1990) art. 42 and 71',
      confidence: '?',
      severity: 'hard',
      allowed: OBLIGATED,
      note: 'Exposing the debtor to third parties is read as a breach of art. 42/71 (interpretation).',
    },
    optOutRule('BR-OPTOUT', 'LGPD (Lei 13.709/2018) art. 18 (opposition); Saldo policy', 'K', 'policy'),
    ...stateBlocks('BR', {}),
  ],
};

/**
 * São Paulo state (stacked on BR).
 */
export const brSpPack: PackInput = {
  code: 'BR-SP',
  version: '2026.05.0',
  kind: 'law',
  title: 'Brasil — São Paulo, lei estadual de horários de cobrança',
  effectiveFrom: '2014-07-01T03:00:00Z',
  jurisdiction: { country: 'BR', regions: ['BR-SP'] },
  notes: [
    'Law number and text to verify [?] (Lei 15.426/2014 per efic): 20:00:00 and 14:00:00 are refused (conservative).',
  ],
  rules: [
    {
      kind: 'time_window',
      id: 'BR-SP-HOURS',
      citation: 'Lei estadual SP 15.426/2014 (number to verify)',
      confidence: '?',
      severity: 'hard',
      windows: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '20:00', endInclusive: false },
        { days: ['sat'], start: '08:00', end: '14:00', endInclusive: false },
      ],
      holidays: true,
    },
  ],
};
