/**
 * Rule kind `opt_out`: a channel the person opted out of (or `all`) is never used. No end. The one
 * exception is the reply that confirms the opt-out itself, declared `optOutConfirmation` by the
 * dialogue engine: a single confirmation with nothing else in it is what people expect, and in the US
 * the FCC allows it (SoundBite Communications Declaratory Ruling, FCC 12-143, CG Docket 02-278).
 */
import { z } from 'zod';
import { ruleBaseShape, PASS, NO_END, type Messages, type RuleCheck } from '../rule-base.js';

/**
 * The `opt_out` rule.
 *
 * @example
 * const r: OptOutRule = { kind: 'opt_out', id: 'US-REGF-MEDIUM-OPTOUT', citation: '12 CFR 1006.14(h)', confidence: 'K', severity: 'hard' };
 */
export const OptOutRule = z.object({ ...ruleBaseShape, kind: z.literal('opt_out') });
export type OptOutRule = z.infer<typeof OptOutRule>;

/**
 * Compiles an opt-out block.
 *
 * @example
 * compileOptOut(rule)(ctx, zone, t); // NO_END when ctx.optOuts has the channel
 */
export function compileOptOut(_rule: OptOutRule): RuleCheck {
  return (ctx) => {
    if (!ctx.optOuts.has(ctx.channel) && !ctx.optOuts.has('all')) return PASS;
    return ctx.content.optOutConfirmation === true ? PASS : NO_END;
  };
}

/**
 * Generated message.
 *
 * @example
 * describeOptOut(rule).es; // 'La persona pidió no ser contactada por este canal'
 */
export function describeOptOut(_rule: OptOutRule): Messages {
  return {
    en: 'The person opted out of this channel',
    es: 'La persona pidió no ser contactada por este canal',
  };
}
