/**
 * Which history events a rule counts: channels × directions × outcomes, compiled to bit masks.
 */
import { z } from 'zod';
import { channels, directions, outcomes } from './vocab.js';
import type { EvalContext, History } from './context.js';
import { assertUnreachable } from '../errors/index.js';

/**
 * Declarative event filter; an omitted list means "any".
 *
 * @example
 * const placedCalls: EventFilter = { channels: ['call'], directions: ['outbound'], outcomes: ['no_answer', 'voicemail', 'connected', 'conversation'] };
 */
export const EventFilter = z.object({
  channels: z.array(z.enum(channels)).min(1).optional(),
  directions: z.array(z.enum(directions)).min(1).optional(),
  outcomes: z.array(z.enum(outcomes)).min(1).optional(),
});
/** @example const f: EventFilter = {}; // every event */
export type EventFilter = z.infer<typeof EventFilter>;

/**
 * Counting unit: the checked debt, the whole debtor, or the contact's channel.
 *
 * @example
 * countUnits.includes('debt'); // true
 */
export const countUnits = ['debt', 'debtor', 'channel'] as const;
/** @example const u: CountUnit = 'debtor'; */
export type CountUnit = (typeof countUnits)[number];

/**
 * A compiled filter: `(ctx, i) → boolean` for history event `i`.
 *
 * @example
 * const match = compileFilter({ outcomes: ['conversation'] }, 'debt');
 * match(ctx, 0);
 */
export type EventMatcher = (ctx: EvalContext, i: number) => boolean;

function mask<T>(all: readonly T[], chosen: readonly T[] | undefined): number {
  if (!chosen) return (1 << all.length) - 1;
  let m = 0;
  for (const c of chosen) m |= 1 << all.indexOf(c);
  return m;
}

/**
 * Compiles a filter plus a counting unit into a matcher.
 *
 * @example
 * compileFilter({ directions: ['outbound'] }, 'debtor');
 */
export function compileFilter(f: EventFilter, unit: CountUnit): EventMatcher {
  const cm = mask(channels, f.channels);
  const dm = mask(directions, f.directions);
  const om = mask(outcomes, f.outcomes);
  const base = (h: History, i: number): boolean => ((cm >> h.ch[i]!) & 1) === 1 && ((dm >> h.dir[i]!) & 1) === 1 && ((om >> h.out[i]!) & 1) === 1;
  switch (unit) {
    case 'debtor':
      return (ctx, i) => base(ctx.history, i);
    case 'debt':
      return (ctx, i) => ctx.history.sameDebt[i] === 1 && base(ctx.history, i);
    case 'channel':
      return (ctx, i) => ctx.history.ch[i] === ctx.channelIdx && base(ctx.history, i);
    default:
      return assertUnreachable(unit, 'count unit');
  }
}
