/**
 * Which history events a rule counts: channels × directions × outcomes, compiled to bit masks.
 */
import { z } from 'zod';
import { channels, directions, outcomes } from './vocab.js';
import { DIR_SHIFT, OUT_SHIFT, SAME_DEBT, type EvalContext } from './context.js';
import { assertUnreachable } from '../errors/index.js';

/**
 * Declarative event filter; an omitted list means "any".
 *
 * @example
 * const placedCalls: EventFilter = { channels: ['call'], directions: ['outbound'], outcomes: ['no_answer', 'voicemail', 'connected', 'conversation'] };
 */
export const EventFilter = z.strictObject({
  channels: z.array(z.enum(channels)).min(1).optional(),
  directions: z.array(z.enum(directions)).min(1).optional(),
  outcomes: z.array(z.enum(outcomes)).min(1).optional(),
});
/** @example const f: EventFilter = {}; // every event */
export type EventFilter = z.infer<typeof EventFilter>;

/**
 * Counting unit: the checked debt, the whole debtor, or the contact's channel.
 */
export const countUnits = ['debt', 'debtor', 'channel'] as const;
export type CountUnit = (typeof countUnits)[number];

/**
 * A compiled filter: `(ctx, i) → boolean` for history event `i`.
 */
export type EventMatcher = (ctx: EvalContext, i: number) => boolean;

function mask<T>(all: readonly T[], chosen: readonly T[] | undefined, shift: number): number {
  let m = 0;
  for (const c of chosen ?? all) m |= 1 << (shift + all.indexOf(c));
  return m;
}

/**
 * Compiles a filter plus a counting unit into a matcher (three ANDs on the event's `meta`).
 *
 * @example
 * const outboundThisDebt = compileFilter({ directions: ['outbound'] }, 'debt');
 * outboundThisDebt(ctx, i); // true when history event i is outbound and about the checked debt
 */
export function compileFilter(f: EventFilter, unit: CountUnit): EventMatcher {
  const cm = mask(channels, f.channels, 0);
  const dm = mask(directions, f.directions, DIR_SHIFT);
  const om = mask(outcomes, f.outcomes, OUT_SHIFT);
  switch (unit) {
    case 'debtor':
      return (ctx, i) => {
        const m = ctx.history.meta[i]!;
        return (m & cm) !== 0 && (m & dm) !== 0 && (m & om) !== 0;
      };
    case 'debt':
      return (ctx, i) => {
        const m = ctx.history.meta[i]!;
        return (m & SAME_DEBT) !== 0 && (m & cm) !== 0 && (m & dm) !== 0 && (m & om) !== 0;
      };
    case 'channel':
      return (ctx, i) => {
        const m = ctx.history.meta[i]!;
        return (m & (1 << ctx.channelIdx) & cm) !== 0 && (m & dm) !== 0 && (m & om) !== 0;
      };
    default:
      return assertUnreachable(unit, 'count unit');
  }
}
