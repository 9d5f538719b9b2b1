import { allocateReplyPromise, replyPromiseDueDate } from '@saldo/core/record';
import { preferenceChannelOf } from '@saldo/core/channels';
import type { JourneyEvent } from '@saldo/core/strategy';
import type { ChannelDomainEvent } from '../../channels/ports/channel-records.js';
import type { Clock } from '../../../shared/clock/clock.js';
import type { JourneyStore, OutboxStore, RecordFeed } from '../ports.js';
import { decide, type Definitions } from './decide.js';

export interface EventRouterOptions {
  journeys: JourneyStore;
  outbox: OutboxStore;
  feed: RecordFeed;
  definitions: Definitions;
  clock: Clock;
  /**
   * Reads a free-text reply (the NLU): its intent and the date it names, resolved in the debtor's
   * zone. A simulated reply carries its intent and is not read; without `classify` a reply is `unknown`.
   */
  classify?: (q: { text: string; orgId: string; at: string; timezone?: string }) => Promise<ReplyReading>;
  /**
   * A `promise_to_pay` reply becomes a `promised` event for the full balance, due on the date the
   * reply names (today or later), else this many days later. 0 disables it.
   */
  promiseDays?: number;
  /**
   * Writes a promise made in a reply into the record (promises table, account `promised`, timeline),
   * so agents, dashboards, promise expiry and payment matching see it like any other promise. Null:
   * the record refused it (account closed, …). Without it the promise only advances the journey.
   */
  recordPromise?: (p: {
    orgId: string;
    accountId: string;
    amountMinor: number;
    dueDate: string;
    channel: string;
  }) => Promise<{ id: string } | null>;
  log?: (msg: string, data: Record<string, unknown>) => void;
}

export interface ReplyReading {
  intent: string;
  /** Other intents in the reply (the NLU's secondary): an opt-out or a dispute there counts too. */
  secondary?: string[];
  /** ISO date named in the reply ("el viernes" → the coming Friday), if any. */
  date?: string;
  /** Amount named in the reply, in major units as written ("te pago 500" → 500). */
  amount?: { value: number; currency?: string };
}

const FEED_LOOKBACK_MS = 5 * 60_000;

/**
 * Turns what happens to an account into journey events, applied at once and exactly once: each
 * event has a key (`inboundId` + account, payment id, promise id) stored in the journey inbox in
 * the same transaction as the new state, so a redelivered webhook or a re-polled payment is a no-op.
 */
export function createEventRouter(o: EventRouterOptions) {
  const log = o.log ?? (() => {});
  const promiseDays = o.promiseDays ?? 7;

  async function apply(
    orgId: string,
    accountId: string,
    key: string,
    events: (balanceMinor: number) => JourneyEvent[],
  ): Promise<string> {
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

  async function forDebtor(
    orgId: string,
    debtorId: string,
    key: string,
    events: (balanceMinor: number) => JourneyEvent[],
  ): Promise<void> {
    for (const accountId of await o.journeys.accountsOfDebtor(orgId, debtorId))
      await apply(orgId, accountId, `${key}:${accountId}`, events);
  }

  async function read(
    orgId: string,
    debtorId: string,
    m: { text: string; occurredAt: string; raw: unknown },
  ): Promise<ReplyReading> {
    const raw = m.raw as { intent?: unknown } | null;
    if (raw && typeof raw.intent === 'string') return { intent: raw.intent };
    if (!o.classify) return { intent: 'unknown' };
    // The debtor's zone, so "mañana" and "el viernes" are their days, not the server's.
    const [account] = await o.journeys.accountsOfDebtor(orgId, debtorId);
    const facts = account ? await o.journeys.facts(orgId, account, o.clock.now()) : null;
    return o.classify({
      text: m.text,
      orgId,
      at: m.occurredAt,
      ...(facts ? { timezone: facts.timezone } : {}),
    });
  }

  /**
   * A promise named in a reply, into the record. The amount named goes to the oldest debt first
   * (the usual allocation); no amount, or another currency than the account's, promises each
   * balance in full. Each promise then advances its journey under its own key (`ptp:<id>`), the
   * key the record feed would use, so the feed sees it as already applied.
   */
  async function recordReplyPromise(
    orgId: string,
    accountIds: string[],
    reading: ReplyReading,
    dueDate: string,
    channel: string,
  ): Promise<void> {
    const now = o.clock.now();
    const accounts = [];
    for (const id of accountIds) {
      const f = await o.journeys.facts(orgId, id, now);
      if (f && f.facts.balanceMinor > 0) accounts.push({ id, ...f.facts });
    }
    for (const { accountId, amountMinor } of allocateReplyPromise(accounts, reading.amount)) {
      try {
        const p = await o.recordPromise!({ orgId, accountId, amountMinor, dueDate, channel });
        if (p) await promiseRecorded({ orgId, accountId, promiseId: p.id, dueDate, amountMinor });
      } catch (err) {
        log('promise from a reply not recorded', {
          accountId,
          error: err instanceof Error ? err.message : String(err),
        });
      }
    }
  }

  async function handle(e: ChannelDomainEvent): Promise<void> {
    switch (e.type) {
      case 'channel.message_received': {
        if (e.debtorId === null || e.event.type !== 'message') return;
        const reading = await read(e.orgId, e.debtorId, e.event);
        const intent = reading.intent;
        const dueDate = replyPromiseDueDate(e.event.occurredAt, reading.date, promiseDays);
        const promise = intent === 'promise_to_pay' && promiseDays > 0;
        const inJourney = promise && !o.recordPromise;
        const applied: string[] = [];
        for (const accountId of await o.journeys.accountsOfDebtor(e.orgId, e.debtorId)) {
          const r = await apply(e.orgId, accountId, `in:${e.inboundId}:${accountId}`, (balance) => [
            {
              type: 'replied',
              intent,
              ...(reading.secondary && reading.secondary.length > 0 ? { also: reading.secondary } : {}),
            },
            ...(inJourney && balance > 0
              ? [{ type: 'promised' as const, date: dueDate, amountMinor: balance }]
              : []),
          ]);
          if (r === 'applied') applied.push(accountId);
        }
        // Only for a reply applied now: a redelivered message records no second promise.
        if (promise && o.recordPromise && applied.length > 0)
          await recordReplyPromise(e.orgId, applied, reading, dueDate, e.event.channel);
        return;
      }
      case 'channel.status_changed': {
        if (e.event.type !== 'status') return;
        const status = e.event.status;
        const type =
          status === 'opened' || status === 'read' ? 'opened' : status === 'clicked' ? 'clicked' : null;
        if (type === null) return;
        const c = await o.outbox.byProviderMessage(e.orgId, e.event.outboundId);
        if (!c) return;
        await apply(e.orgId, c.accountId, `in:${e.inboundId}:${c.accountId}`, () => [
          { type, nodeId: c.nodeId },
        ]);
        return;
      }
      case 'channel.opted_out': {
        // An opt-out of a voicebot or voicemail is an opt-out of calls (the debtor's channel choice).
        const channel = preferenceChannelOf(e.channel);
        if (channel === null) return;
        await forDebtor(e.orgId, e.debtorId, `in:${e.inboundId}`, () => [{ type: 'opted_out', channel }]);
        return;
      }
      case 'channel.call_progress':
        // Voicebot answers arrive as classified replies; call progress itself does not move journeys.
        return;
    }
  }

  /** A payment booked in the record (balance already reduced). */
  const paymentRecorded = (p: { orgId: string; accountId: string; paymentId: string; amountMinor: number }) =>
    apply(p.orgId, p.accountId, `pay:${p.paymentId}`, () => [{ type: 'paid', amountMinor: p.amountMinor }]);

  /** A promise recorded in the record (by an agent, the portal or the bot). */
  const promiseRecorded = (p: {
    orgId: string;
    accountId: string;
    promiseId: string;
    dueDate: string;
    amountMinor: number;
  }) =>
    apply(p.orgId, p.accountId, `ptp:${p.promiseId}`, () => [
      { type: 'promised', date: p.dueDate, amountMinor: p.amountMinor },
    ]);

  /** Polls payments and promises since the last watermark (any source: API, feed, sandbox). */
  async function pollRecord(limit = 10_000): Promise<{ payments: number; promises: number }> {
    const out = { payments: 0, promises: 0 };
    for (const name of ['payments', 'promises'] as const) {
      const since = (await o.feed.watermark(name)) ?? new Date(0);
      // A small overlap: rows committed late with an earlier created_at are still seen (inbox dedupes).
      const from = new Date(Math.max(0, since.getTime() - FEED_LOOKBACK_MS));
      const rows =
        name === 'payments' ? await o.feed.payments(from, limit) : await o.feed.promises(from, limit);
      for (const r of rows) {
        try {
          const res =
            'dueDate' in r
              ? await promiseRecorded({
                  orgId: r.orgId,
                  accountId: r.accountId,
                  promiseId: r.id,
                  dueDate: r.dueDate,
                  amountMinor: r.amountMinor,
                })
              : await paymentRecorded({
                  orgId: r.orgId,
                  accountId: r.accountId,
                  paymentId: r.id,
                  amountMinor: r.amountMinor,
                });
          if (res === 'applied') out[name]++;
        } catch (e) {
          log('record event not applied', {
            feed: name,
            id: r.id,
            error: e instanceof Error ? e.message : String(e),
          });
        }
      }
      const last = rows[rows.length - 1];
      if (last) await o.feed.setWatermark(name, new Date(last.createdAt));
    }
    return out;
  }

  return { handle, paymentRecorded, promiseRecorded, pollRecord };
}
export type EventRouter = ReturnType<typeof createEventRouter>;
