/**
 * What every rule carries, whatever its kind, and the outcome encoding shared by all kinds.
 */
import { z } from 'zod';
import { channels, confidences, recipients } from './vocab.js';
import type { EvalContext } from './context.js';
import type { Zone } from '../calendar/zone.js';

/**
 * Bilingual message. Every debtor- or operator-facing text exists in English and Spanish.
 *
 * @example
 * const m: Messages = { en: 'Outside legal hours', es: 'Fuera del horario legal' };
 */
export const Messages = z.object({ en: z.string().min(1), es: z.string().min(1) });
export type Messages = z.infer<typeof Messages>;

/**
 * Severity of a rule: `hard` law, `presumption` (Reg F 7-in-7: rebuttable, denied by
 * default), `policy` (company policy, not law).
 */
export const severities = ['hard', 'presumption', 'policy'] as const;

/**
 * Fields shared by every rule kind (spread into each kind's zod object).
 *
 * @example
 * z.object({ ...ruleBaseShape, kind: z.literal('opt_out') });
 */
export const ruleBaseShape = {
  /** Stable id, e.g. `US-REGF-7IN7`; shown in every refusal. */
  id: z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/, 'rule ids are UPPER-KEBAB'),
  /** Legal citation, or "Saldo policy …" for a policy rule. */
  citation: z.string().min(1),
  confidence: z.enum(confidences),
  severity: z.enum(severities),
  /** Contact channels the rule applies to (default: all). */
  channels: z.array(z.enum(channels)).min(1).optional(),
  /** Recipients the rule applies to (default: all). */
  recipients: z.array(z.enum(recipients)).min(1).optional(),
  /** Override of the generated message. */
  message: Messages.optional(),
  /** The reading taken where the source is uncertain. */
  note: z.string().optional(),
};

/**
 * A rule outcome is a number so that the hot path allocates nothing:
 * {@link PASS} (-1) = not blocking; an instant (epoch ms, > t) = blocked until then;
 * {@link NO_END} (Infinity) = blocked with no known end (re-checking later will not help).
 */
export type RuleOutcome = number;
export const PASS = -1;
export const NO_END = Number.POSITIVE_INFINITY;

/**
 * A compiled rule check: pure, `(context, zone, t) → outcome`. `zone` is one candidate zone of
 * the debtor; `t` is the instant being evaluated (the contact instant, or a later candidate
 * while computing `nextAllowedAt`).
 *
 * @example
 * const check: RuleCheck = (ctx, _zone, _t) => (ctx.optOuts.has(ctx.channel) ? NO_END : PASS);
 */
export type RuleCheck = (ctx: EvalContext, zone: Zone, t: number) => RuleOutcome;
