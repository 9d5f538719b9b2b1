/**
 * The result of a compliance check. Key order is part of the interface (CLI / HTTP output):
 * `id, allowed, reasons, nextAllowedAt`, then `packs`. In a reason, `message` is the English
 * text (always English, so logs and checks are stable); `messageEn` / `messageEs` follow.
 */
import type { Confidence } from './vocab.js';

/**
 * Why a contact is refused: one blocking rule.
 *
 * @example
 * const r: Reason = { rule: 'US-REGF-7IN7', citation: '12 CFR 1006.14(b)(2)', message: '…', messageEn: '…', messageEs: '…',
 *   pack: 'US@2026.05.0', confidence: 'V2', severity: 'presumption' };
 */
export interface Reason {
  rule: string;
  citation: string;
  message: string;
  messageEn: string;
  messageEs: string;
  pack: string;
  confidence: Confidence;
  severity: 'hard' | 'presumption' | 'policy';
}

/**
 * A decision. When allowed, `reasons` is `[]` and `nextAllowedAt` null. When refused,
 * `nextAllowedAt` is the earliest instant (ISO UTC, whole seconds) at which a re-check allows,
 * or null when a blocking rule has no end (state block, opt-out, missing consent or content).
 *
 * @example
 * const d: Decision = { id: 'c1', allowed: true, reasons: [], nextAllowedAt: null, packs: ['US@2026.05.0'] };
 */
export interface Decision {
  id: string;
  allowed: boolean;
  reasons: Reason[];
  nextAllowedAt: string | null;
  packs: string[];
}

/**
 * The output line for an input that could not be read.
 *
 * @example
 * const e: CheckError = { id: null, error: 'at: Invalid ISO datetime' };
 */
export interface CheckError {
  id: null;
  error: string;
}
