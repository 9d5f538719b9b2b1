/**
 * Rule kind `min_spacing`: at least `hours` between counted events (Chile, Ley 19.496 art. 37:
 * written/electronic actions "at least 2 days apart", read conservatively as 48 elapsed hours).
 */
import { z } from 'zod';
import { ruleBaseShape, PASS, type Messages, type RuleCheck } from '../rule-base.js';
import { EventFilter, compileFilter, countUnits } from '../event-filter.js';

/**
 * The `min_spacing` rule.
 *
 * @example
 * const r: MinSpacingRule = { kind: 'min_spacing', id: 'CL-OTHER-MEDIA-SPACING', citation: 'Ley 19.496 art. 37', confidence: 'V2', severity: 'hard',
 *   hours: 48, unit: 'debtor', count: { channels: ['sms', 'email'], directions: ['outbound'] } };
 */
export const MinSpacingRule = z.object({
  ...ruleBaseShape,
  kind: z.literal('min_spacing'),
  hours: z.number().positive().max(8784),
  unit: z.enum(countUnits),
  count: EventFilter,
});
export type MinSpacingRule = z.infer<typeof MinSpacingRule>;

/**
 * Compiles a minimum spacing: blocked until `latest + hours`.
 *
 * @example
 * // rule: CL-OTHER-MEDIA-SPACING above (48 h); ctx: an SMS after an email on 2026-03-02T15:00:00Z
 * compileMinSpacing(rule)(ctx, zone, Date.parse('2026-03-03T15:00:00Z')); // Date.parse('2026-03-04T15:00:00Z')
 */
export function compileMinSpacing(rule: MinSpacingRule): RuleCheck {
  const match = compileFilter(rule.count, rule.unit);
  const gap = rule.hours * 3_600_000;
  return (ctx, _zone, t) => {
    const h = ctx.history;
    let latest = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < h.n; i++) {
      const e = h.t[i]!;
      if (e <= t && e > latest && match(ctx, i)) latest = e;
    }
    return t < latest + gap ? latest + gap : PASS;
  };
}

/**
 * Generated message.
 *
 * @example
 * describeMinSpacing(rule).en; // 'At least 48 hours must pass between these contacts'
 */
export function describeMinSpacing(rule: MinSpacingRule): Messages {
  return {
    en: `At least ${rule.hours} hours must pass between these contacts`,
    es: `Deben pasar al menos ${rule.hours} horas entre estos contactos`,
  };
}
