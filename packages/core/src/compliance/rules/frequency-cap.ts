/**
 * Rule kind `frequency_cap`: at most `max` counted events in a window; the contact being checked
 * would be the next one, so it is refused when `count >= max`. When refused, the rule clears at
 * the instant enough of the oldest counted events have left the window (computed, not guessed).
 */
import { z } from 'zod';
import { ruleBaseShape, PASS, NO_END, type Messages, type RuleCheck } from '../rule-base.js';
import { EventFilter, compileFilter, countUnits } from '../event-filter.js';
import { CountWindow, compileWindow, describeWindow } from '../window.js';

/**
 * The `frequency_cap` rule.
 *
 * @example
 * const r: FrequencyCapRule = { kind: 'frequency_cap', id: 'US-REGF-7IN7', citation: '12 CFR 1006.14(b)(2)(i)(A)', confidence: 'V2', severity: 'presumption',
 *   channels: ['call', 'voicebot', 'voicemail'], max: 7, window: { type: 'rolling', days: 7 }, unit: 'debt',
 *   count: { channels: ['call', 'voicebot', 'voicemail'], directions: ['outbound'], outcomes: ['no_answer', 'voicemail', 'connected', 'conversation'] } };
 */
export const FrequencyCapRule = z.object({
  ...ruleBaseShape,
  kind: z.literal('frequency_cap'),
  max: z.number().int().min(0),
  window: CountWindow,
  unit: z.enum(countUnits),
  /** Which history events count (attempts, voicemails, conversations, delivered messages…). */
  count: EventFilter,
  /** Plain words for the counted events, used in the generated message. */
  what: z.object({ en: z.string(), es: z.string() }).optional(),
});
export type FrequencyCapRule = z.infer<typeof FrequencyCapRule>;

/**
 * Compiles a frequency cap.
 *
 * @example
 * compileFrequencyCap(rule)(ctx, zone, t); // PASS, or the instant the cap clears
 */
export function compileFrequencyCap(rule: FrequencyCapRule): RuleCheck {
  const match = compileFilter(rule.count, rule.unit);
  const win = compileWindow(rule.window);
  const max = rule.max;
  return (ctx, zone, t) => {
    if (max === 0) return NO_END;
    const h = ctx.history;
    const lo = win.start(zone, t);
    let count = 0;
    for (let i = 0; i < h.n; i++) {
      const e = h.t[i]!;
      if (e <= t && e > lo && match(ctx, i)) count++;
    }
    if (count < max) return PASS;
    const times: number[] = [];
    for (let i = 0; i < h.n; i++) {
      const e = h.t[i]!;
      if (e <= t && e > lo && match(ctx, i)) times.push(e);
    }
    times.sort((a, b) => a - b);
    // Dropping the (count − max + 1) oldest events makes room for this contact.
    return Math.max(t + 1, win.dropOut(zone, t, times[count - max]!));
  };
}

/**
 * Generated message, e.g. "Limit of 7 calls in any 7 consecutive days reached for this debt".
 *
 * @example
 * describeFrequencyCap(rule).en; // 'Limit of 7 contacts in any 7 consecutive days reached for this debt'
 */
export function describeFrequencyCap(rule: FrequencyCapRule): Messages {
  const w = describeWindow(rule.window);
  const what = rule.what ?? { en: 'contacts', es: 'contactos' };
  const unit = {
    debt: { en: 'for this debt', es: 'para esta deuda' },
    debtor: { en: 'for this person', es: 'para esta persona' },
    channel: { en: 'on this channel', es: 'por este canal' },
  }[rule.unit];
  return {
    en: `Limit of ${rule.max} ${what.en} ${w.en} reached ${unit.en}`,
    es: `Se alcanzó el límite de ${rule.max} ${what.es} ${w.es} ${unit.es}`,
  };
}
