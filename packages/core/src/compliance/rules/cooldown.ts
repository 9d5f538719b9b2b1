/**
 * Rule kind `cooldown`: after a matching event (e.g. a telephone conversation about the debt),
 * no contact until the cooldown has run. `localDays` counts the event's local date as day 1
 * (Reg F 1006.14(b)(2)(i)(B): a conversation on Monday blocks calls until the next Monday 00:00
 * local); `hours` counts elapsed time.
 */
import { z } from 'zod';
import { ruleBaseShape, PASS, type Messages, type RuleCheck } from '../rule-base.js';
import { EventFilter, compileFilter, countUnits } from '../event-filter.js';
import { DAY_MS } from '../../calendar/civil.js';

/**
 * The `cooldown` rule.
 *
 * @example
 * const r: CooldownRule = { kind: 'cooldown', id: 'US-REGF-7DAY-CONV', citation: '12 CFR 1006.14(b)(2)(i)(B)', confidence: 'V2', severity: 'presumption',
 *   after: { channels: ['call'], outcomes: ['conversation'] }, unit: 'debt', duration: { localDays: 7 } };
 */
export const CooldownRule = z.object({
  ...ruleBaseShape,
  kind: z.literal('cooldown'),
  after: EventFilter,
  unit: z.enum(countUnits),
  duration: z.union([
    z.object({ localDays: z.number().int().min(1).max(366) }),
    z.object({ hours: z.number().positive().max(8784) }),
  ]),
  what: z.object({ en: z.string(), es: z.string() }).optional(),
});
export type CooldownRule = z.infer<typeof CooldownRule>;

/**
 * Compiles a cooldown: blocked until the latest matching event's cooldown ends.
 *
 * @example
 * // rule: US-REGF-7DAY-CONV above; ctx: a call conversation on 2026-03-02T15:00:00Z
 * compileCooldown(rule)(ctx, zoneOf('America/Chicago'), Date.parse('2026-03-04T15:00:00Z'));
 * // Date.parse('2026-03-09T05:00:00Z'): local midnight ending day 7 (CDT since March 8)
 */
export function compileCooldown(rule: CooldownRule): RuleCheck {
  const match = compileFilter(rule.after, rule.unit);
  const d = rule.duration;
  return (ctx, zone, t) => {
    const h = ctx.history;
    let latest = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < h.n; i++) {
      const e = h.t[i]!;
      if (e <= t && e > latest && match(ctx, i)) latest = e;
    }
    if (latest === Number.NEGATIVE_INFINITY) return PASS;
    const clear =
      'localDays' in d
        ? zone.instant((Math.floor(zone.wall(latest) / DAY_MS) + d.localDays) * DAY_MS)
        : latest + d.hours * 3_600_000;
    return t < clear ? clear : PASS;
  };
}

/**
 * Generated message.
 *
 * @example
 * describeCooldown(rule).en; // 'Cooldown after a conversation: 7 days, the conversation day counting as day 1'
 */
export function describeCooldown(rule: CooldownRule): Messages {
  const what = rule.what ?? { en: 'a matching event', es: 'un evento' };
  const d = rule.duration;
  return 'localDays' in d
    ? {
        en: `Cooldown after ${what.en}: ${d.localDays} days, that day counting as day 1`,
        es: `Período de espera tras ${what.es}: ${d.localDays} días, contando ese día como el día 1`,
      }
    : {
        en: `Cooldown after ${what.en}: ${d.hours} hours`,
        es: `Período de espera tras ${what.es}: ${d.hours} horas`,
      };
}
