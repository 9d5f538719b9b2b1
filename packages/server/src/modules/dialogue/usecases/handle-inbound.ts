import { SaldoError } from '@saldo/core';
import type { ChannelDomainEvent } from '../../channels/index.js';
import type { DomainEvent } from '../../events/index.js';
import type { Messaging } from '../../channels/index.js';
import type { RephraseReplies } from './rephrase-replies.js';
import type { RunTurn } from './run-turn.js';
import { sendReplies } from './send-replies.js';

/**
 * The written two-way channels whose replies leave through Messaging.contact (voice answers in TwiML):
 * the channels the dialogue answers, and so the writer of the agreements their messages reach.
 */
export const answeredChannels: ReadonlySet<string> = new Set(['sms', 'whatsapp', 'email']);
type WrittenChannel = 'sms' | 'whatsapp' | 'email';
const isWritten = (c: string): c is WrittenChannel => answeredChannels.has(c);

/**
 * The worker's handler of a received message (`channel.message_received`): the debtor's turn
 * through the engine, then the bot's replies through the send path. The turn is keyed by the
 * inbound event, so a redelivered event runs nothing twice and only re-sends, under the same
 * keys, replies a crash left unsent — as the engine wrote them: the optional rewording (`rephrase`)
 * is asked for a new turn only, never again for a redelivery.
 */
export function createInboundTurnHandler(d: {
  runTurn: RunTurn;
  messaging: Messaging;
  log: (msg: string, data: Record<string, unknown>) => void;
  rephrase?: RephraseReplies | undefined;
}) {
  return async function handle(event: DomainEvent): Promise<'turn' | null> {
    const e = event as ChannelDomainEvent;
    if (e.type !== 'channel.message_received' || e.debtorId === null) return null;
    const m = e.event;
    if (m.type !== 'message' || !isWritten(m.channel) || m.text.trim() === '') return null;
    const out = await d
      .runTurn({
        orgId: e.orgId,
        debtorId: e.debtorId,
        text: m.text,
        origin: { channel: m.channel, from: m.from },
        sourceKey: `in:${e.inboundId}`,
        debtorOnTimeline: true,
        repliesSent: true,
      })
      .catch((err: unknown) => {
        // A debtor without an account has nothing to talk about; the journeys still see the reply.
        if (err instanceof SaldoError && err.kind === 'not_found') return null;
        throw err;
      });
    if (out === null) return null;
    const rephrase = out.duplicate ? undefined : d.rephrase;
    // `m.from` was normalised where the message came in (the webhook or the mail listener).
    await sendReplies(d.messaging, out.conversation, m.channel, m.from, out.replies, d.log, rephrase);
    return out.duplicate ? null : 'turn';
  };
}
