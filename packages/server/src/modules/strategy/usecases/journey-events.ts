import type { JourneyEvent } from '@saldo/core/strategy';
import type { Clock } from '../../../shared/clock/clock.js';
import type { ApplyOutcome, JourneyStore } from '../ports.js';
import { decide, type Definitions } from './decide.js';

/** Journey events computed from the account's balance when the journey is loaded (a promise of the whole balance). */
export type EventsFor = (balanceMinor: number) => JourneyEvent[];

/**
 * Applies events to journeys exactly once: each call has a key (`in:<inboundId>:<account>`,
 * `pay:<paymentId>`, `ptp:<promiseId>`) stored in the journey inbox in the same transaction as the
 * new state, so a redelivered event is a `duplicate` and changes nothing.
 */
export function createJourneyEvents(o: { journeys: JourneyStore; definitions: Definitions; clock: Clock }) {
  async function apply(
    orgId: string,
    accountId: string,
    key: string,
    events: EventsFor,
  ): Promise<ApplyOutcome> {
    const now = o.clock.now();
    const first = events(1)[0];
    const type = first?.type === 'replied' ? `replied:${first.intent}` : (first?.type ?? 'event');
    return o.journeys.apply(orgId, accountId, now, key, type, async (j) => {
      if (j.status === 'done' || j.status === 'exited') return null;
      const definition = await o.definitions.get(
        j.orgId,
        j.strategyId,
        j.state?.strategyVersion ?? j.version,
      );
      let cur = j;
      let out = null as ReturnType<typeof decide> | null;
      for (const ev of events(j.facts.balanceMinor)) {
        const w = decide(cur, definition, ev, now);
        out = out
          ? {
              state: w.state,
              commands: [...out.commands, ...w.commands],
              cancelPending: Boolean(out.cancelPending || w.cancelPending),
            }
          : w;
        cur = { ...cur, state: w.state };
      }
      return out;
    });
  }

  /** The same events on every journey of a debtor, each under `<key>:<accountId>`; the accounts applied. */
  async function forDebtor(
    orgId: string,
    debtorId: string,
    key: string,
    events: EventsFor,
  ): Promise<string[]> {
    const applied: string[] = [];
    for (const accountId of await o.journeys.accountsOfDebtor(orgId, debtorId))
      if ((await apply(orgId, accountId, `${key}:${accountId}`, events)) === 'applied')
        applied.push(accountId);
    return applied;
  }

  /** A payment booked in the record (balance already reduced). */
  const paid = (p: { orgId: string; accountId: string; paymentId: string; amountMinor: number }) =>
    apply(p.orgId, p.accountId, `pay:${p.paymentId}`, () => [{ type: 'paid', amountMinor: p.amountMinor }]);

  /** A promise recorded in the record (by an agent, the portal, the bot or a reply). */
  const promised = (p: {
    orgId: string;
    accountId: string;
    promiseId: string;
    dueDate: string;
    amountMinor: number;
  }) =>
    apply(p.orgId, p.accountId, `ptp:${p.promiseId}`, () => [
      { type: 'promised', date: p.dueDate, amountMinor: p.amountMinor },
    ]);

  return { apply, forDebtor, paid, promised };
}
export type JourneyEvents = ReturnType<typeof createJourneyEvents>;
