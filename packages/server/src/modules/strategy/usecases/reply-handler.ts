import { replyPromiseDueDate } from '@saldo/core/record';
import type { Clock } from '../../../shared/clock/clock.js';
import type {
  InboundMessage,
  JourneyStore,
  PromiseBook,
  ReplyReader,
  ReplyReading,
  UnitOfWork,
} from '../ports.js';
import type { JourneyEvents } from './journey-events.js';
import { recordReplyPromises } from './reply-promises.js';

export interface ReplyHandlerOptions {
  journeys: JourneyStore;
  events: JourneyEvents;
  clock: Clock;
  tx: UnitOfWork;
  /** Reads free-text replies (the NLU); without it a reply is `unknown`. */
  replies?: ReplyReader;
  /** Without it a promise in a reply only advances the journey. */
  promises?: PromiseBook;
  /**
   * A `promise_to_pay` reply promises the full balance, due on the date the reply names (today or
   * later), else this many days later. 0 disables it.
   */
  promiseDays: number;
  /**
   * Channels whose replies the dialogue answers: it writes the agreements they reach (after the
   * identity check, through the offer gate), so a reply on them records no promise here.
   */
  conversationChannels?: ReadonlySet<string>;
  log: (msg: string, data: Record<string, unknown>) => void;
}

/**
 * A debtor's reply: read it (outside any transaction — the NLU may take a while), then, in one
 * transaction, apply `replied` to each of the debtor's journeys and record the promise it makes, so
 * a crash cannot leave a journey that heard a promise the record never got. Returns whether any
 * journey took it (a redelivered reply takes none and records no second promise).
 */
export function createReplyHandler(o: ReplyHandlerOptions) {
  async function read(orgId: string, debtorId: string, m: InboundMessage): Promise<ReplyReading> {
    if (!o.replies) return { intent: 'unknown' };
    // The debtor's zone, so "mañana" and "el viernes" are their days, not the server's.
    const [account] = await o.journeys.accountsOfDebtor(orgId, debtorId);
    const facts = account ? await o.journeys.facts(orgId, account, o.clock.now()) : null;
    return o.replies.read({
      orgId,
      text: m.text,
      at: m.occurredAt,
      ...(facts ? { timezone: facts.timezone } : {}),
      message: m,
    });
  }

  return async function handleReply(e: {
    inboundId: string;
    orgId: string;
    debtorId: string;
    message: InboundMessage;
  }): Promise<boolean> {
    const reading = await read(e.orgId, e.debtorId, e.message);
    const { intent } = reading;
    const dueDate = replyPromiseDueDate(e.message.occurredAt, reading.date, o.promiseDays);
    const promise =
      intent === 'promise_to_pay' && o.promiseDays > 0 && !o.conversationChannels?.has(e.message.channel);
    const inJourney = promise && !o.promises;
    return o.tx(async () => {
      const applied = await o.events.forDebtor(e.orgId, e.debtorId, `in:${e.inboundId}`, (balance) => [
        {
          type: 'replied',
          intent,
          ...(reading.secondary && reading.secondary.length > 0 ? { also: reading.secondary } : {}),
        },
        ...(inJourney && balance > 0
          ? [{ type: 'promised' as const, date: dueDate, amountMinor: balance }]
          : []),
      ]);
      // Only for a reply applied now: a redelivered message records no second promise.
      if (promise && o.promises && applied.length > 0)
        await recordReplyPromises(
          { journeys: o.journeys, events: o.events, promises: o.promises, clock: o.clock, log: o.log },
          { orgId: e.orgId, accountIds: applied, reading, dueDate, channel: e.message.channel },
        );
      return applied.length > 0;
    });
  };
}
