import { SaldoError } from '@saldo/core';
import { allocateReplyPromise } from '@saldo/core/record';
import type { Clock } from '../../../shared/clock/clock.js';
import type { JourneyStore, PromiseBook, ReplyReading } from '../ports.js';
import type { JourneyEvents } from './journey-events.js';

export interface ReplyPromiseDeps {
  journeys: JourneyStore;
  events: JourneyEvents;
  promises: PromiseBook;
  clock: Clock;
  log: (msg: string, data: Record<string, unknown>) => void;
}

/**
 * A promise named in a reply, into the record. The amount named goes to the oldest debt first
 * (the usual allocation); no amount, or another currency than the account's, promises each
 * balance in full. Each promise then advances its journey under its own key (`ptp:<id>`), the
 * key its `promise.made` event carries, so that event finds it already applied.
 */
export async function recordReplyPromises(
  d: ReplyPromiseDeps,
  r: { orgId: string; accountIds: string[]; reading: ReplyReading; dueDate: string; channel: string },
): Promise<void> {
  const now = d.clock.now();
  const accounts = [];
  for (const id of r.accountIds) {
    const f = await d.journeys.facts(r.orgId, id, now);
    if (f && f.facts.balanceMinor > 0) accounts.push({ id, ...f.facts });
  }
  for (const { accountId, amountMinor } of allocateReplyPromise(accounts, r.reading.amount)) {
    const { orgId, dueDate, channel } = r;
    try {
      const p = await d.promises.createPromise(orgId, {
        accountId,
        amountMinor,
        dueDate,
        channel,
        actor: 'debtor',
      });
      if (p) await d.events.promised({ orgId, accountId, promiseId: p.id, dueDate, amountMinor });
    } catch (err) {
      // The record refusing (a closed account, a date already past) is an answer; anything else
      // (a failed statement) aborts the reply's transaction, and the reply is delivered again.
      if (!(err instanceof SaldoError)) throw err;
      d.log('promise from a reply not recorded', { accountId, error: err.message });
    }
  }
}
