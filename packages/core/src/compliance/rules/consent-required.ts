/**
 * Rule kind `consent_required`: the contact's channel needs consent / channel authorisation on
 * record (`consents[channel] === true`). `false` = none on record; a missing channel is unknown
 * and treated as `unknown` says (every shipped pack: `deny`, the conservative reading).
 */
import { z } from 'zod';
import { ruleBaseShape, PASS, NO_END, type Messages, type RuleCheck } from '../rule-base.js';
import { channels, type Channel } from '../vocab.js';

/**
 * The `consent_required` rule. `satisfiedBy` lists other consent keys that also satisfy a
 * channel (e.g. a voicemail drop is prerecorded voice, so `voicebot` consent covers it).
 *
 * @example
 * const r: ConsentRequiredRule = { kind: 'consent_required', id: 'CO-CHANNELS', citation: 'Ley 2300 de 2023', confidence: 'V2', severity: 'hard', unknown: 'deny' };
 */
export const ConsentRequiredRule = z.object({
  ...ruleBaseShape,
  kind: z.literal('consent_required'),
  unknown: z.enum(['deny', 'allow']).default('deny'),
  satisfiedBy: z.partialRecord(z.enum(channels), z.array(z.enum(channels))).optional(),
  what: z.object({ en: z.string(), es: z.string() }).optional(),
});
export type ConsentRequiredRule = z.infer<typeof ConsentRequiredRule>;

/**
 * Compiles a consent requirement (no end: consent must be recorded first → `NO_END`).
 *
 * @example
 * compileConsentRequired(rule)(ctx, zone, t); // PASS when ctx.consents[ctx.channel] === true
 */
export function compileConsentRequired(rule: ConsentRequiredRule): RuleCheck {
  const alt: Partial<Record<Channel, readonly Channel[]>> = rule.satisfiedBy ?? {};
  return (ctx) => {
    const own = ctx.consents[ctx.channel];
    if (own === true) return PASS;
    for (const c of alt[ctx.channel] ?? []) if (ctx.consents[c] === true) return PASS;
    if (own === undefined && rule.unknown === 'allow') return PASS;
    return NO_END;
  };
}

/**
 * Generated message.
 *
 * @example
 * describeConsentRequired(rule).en; // 'No consent / channel authorisation on record for this channel'
 */
export function describeConsentRequired(rule: ConsentRequiredRule): Messages {
  const what = rule.what ?? {
    en: 'consent / channel authorisation',
    es: 'consentimiento / autorización del canal',
  };
  return { en: `No ${what.en} on record for this channel`, es: `No consta ${what.es} para este canal` };
}
