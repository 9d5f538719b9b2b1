/**
 * Rule kind `distinct_channel_cap`: at most `max` different channels (counting the one being
 * checked) among the counted events in a window, per debtor. Colombia (SFC Concepto
 * 2023080946-002-000): once direct contact is made, no several channels in the same week.
 */
import { z } from 'zod';
import { ruleBaseShape, PASS, NO_END, type Messages, type RuleCheck } from '../rule-base.js';
import { EventFilter, compileFilter } from '../event-filter.js';
import { CountWindow, compileWindow, describeWindow } from '../window.js';
import { channels } from '../vocab.js';

const CHANNEL_BITS = (1 << channels.length) - 1;

/**
 * The `distinct_channel_cap` rule (channels are compared as given: voicemail ≠ call, stricter).
 *
 * @example
 * const r: DistinctChannelCapRule = { kind: 'distinct_channel_cap', id: 'CO-FREQ-CHANNELS', citation: 'SFC Concepto 2023080946-002-000', confidence: 'V1', severity: 'hard',
 *   max: 1, window: { type: 'rolling', days: 7 }, count: { directions: ['outbound'] } };
 */
export const DistinctChannelCapRule = z.object({
  ...ruleBaseShape,
  kind: z.literal('distinct_channel_cap'),
  max: z.number().int().min(1),
  window: CountWindow,
  count: EventFilter,
});
export type DistinctChannelCapRule = z.infer<typeof DistinctChannelCapRule>;

/**
 * Compiles a distinct-channel cap. Blocked → the instant enough other channels have left the window.
 *
 * @example
 * // rule: CO-FREQ-CHANNELS above (1 channel in 7 days); ctx: an SMS after an email on 2026-03-02T15:00:00Z
 * compileDistinctChannelCap(rule)(ctx, zone, Date.parse('2026-03-04T15:00:00Z'));
 * // Date.parse('2026-03-09T15:00:00Z'), when the email leaves the window (a second email: PASS)
 */
export function compileDistinctChannelCap(rule: DistinctChannelCapRule): RuleCheck {
  const match = compileFilter(rule.count, 'debtor');
  const win = compileWindow(rule.window);
  return (ctx, zone, t) => {
    const h = ctx.history;
    const lo = win.start(zone, t);
    const last = new Float64Array(channels.length);
    let others = 0;
    for (let i = 0; i < h.n; i++) {
      const e = h.t[i]!;
      const c = 31 - Math.clz32(h.meta[i]! & CHANNEL_BITS);
      if (c === ctx.channelIdx || e > t || e <= lo || !match(ctx, i)) continue;
      if (last[c] === 0) others++;
      if (e > last[c]!) last[c] = e;
    }
    if (others + 1 <= rule.max) return PASS;
    const drops: number[] = [];
    for (let c = 0; c < last.length; c++) if (last[c]! > 0) drops.push(win.dropOut(zone, t, last[c]!));
    drops.sort((a, b) => a - b);
    const clear = drops[others - rule.max];
    return clear === undefined ? NO_END : Math.max(t + 1, clear);
  };
}

/**
 * Generated message.
 *
 * @example
 * describeDistinctChannelCap(rule).en; // 'No more than 1 channel in any 7 consecutive days'
 */
export function describeDistinctChannelCap(rule: DistinctChannelCapRule): Messages {
  const w = describeWindow(rule.window);
  return {
    en: `No more than ${rule.max} channel${rule.max === 1 ? '' : 's'} ${w.en}; another channel was already used`,
    es: `No más de ${rule.max} canal${rule.max === 1 ? '' : 'es'} ${w.es}; ya se usó otro canal`,
  };
}
