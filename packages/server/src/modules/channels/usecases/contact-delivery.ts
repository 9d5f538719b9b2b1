import type { MessageTemplate, RenderedMessage } from '@saldo/core/channels';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../../../shared/clock/clock.js';
import { isConnectionLost } from '../../../shared/db/connection-lost.js';
import type { NewTimelineEvent, TimelineStore } from '../../record/index.js';
import type { ChannelProvider, OutboundMessage, SendFailure, SendResult } from '../ports/channel-provider.js';
import type {
  ChannelRouter,
  ContactTarget,
  OutboundMessageRecord,
  OutboundMessageStore,
} from '../ports/contact-records.js';
import {
  isOutcomeUnknown,
  OUTCOME_UNKNOWN,
  type ContactOutcome,
  type ContactRequest,
} from '../ports/messaging.js';
import type { SendPathCheckpoint } from '../ports/send-path-checkpoint.js';
import type { ContactRenderer } from './contact-render.js';
import { actorOf, requestedByOf } from './contact-requester.js';

export interface ContactDeliveryDeps {
  outbound: OutboundMessageStore;
  timeline: Pick<TimelineStore, 'append'>;
  router: ChannelRouter;
  clock: Clock;
  renderer: ContactRenderer;
  /** Told when a message to this debtor is recorded (prepared histories before it are stale). */
  onRecorded(debtorId: string): void;
  log: (msg: string, data: Record<string, unknown>) => void;
  /** One transaction around the provider id and its timeline event. */
  tx: <T>(fn: () => Promise<T>) => Promise<T>;
  /** How long a send intent keeps a replay of its key away (see `insertOnce`). */
  sendLeaseMs: number;
  checkpoint?: SendPathCheckpoint | undefined;
  /** Waits before the record of a send is tried again (wall clock; tests shorten it). */
  pause?: (ms: number) => Promise<void>;
}

/** One allowed contact on its way out: what is sent, to whom, by which provider. */
interface Delivery {
  req: ContactRequest;
  target: ContactTarget;
  template: MessageTemplate;
  to: string;
  rendered: RenderedMessage;
  provider: ChannelProvider;
  messageId: string;
  /** Until when this process holds the send intent (domain time): no replay resumes it before. */
  leaseUntil: Date;
  /** The previous attempt's outcome is unknown and nothing reconciled it: this send may duplicate it. */
  afterUnknown: boolean;
}

/**
 * Delivery of an allowed contact: the send intent (the outbound row, under the idempotency key,
 * with a send lease) is written before the provider is called — a key already used is a duplicate,
 * never a second message — then the provider's answer is recorded: sent, the provider id and the
 * timeline event in one transaction; failed, the error, retryable or not. A sender that dies
 * between the intent and that record leaves the row `queued`: once the lease has passed, a replay
 * of the key resumes it under the same message id, the provider's idempotency key.
 *
 * An attempt whose outcome is unknown (a timeout or a reset after the request was written) may
 * have been accepted. Before it is sent again — and before a dead sender's send is resumed — a
 * provider that can look messages up (`reconcile`) is asked first: found, it is recorded as sent
 * without a second message; not found, it is sent; undecidable, it is given up (ADR 0011).
 */
export function createContactDelivery(deps: ContactDeliveryDeps) {
  return { deliver: deliver.bind(null, deps) };
}
export type ContactDelivery = ReturnType<typeof createContactDelivery>;

function outboundMessage(d: Delivery, voiceScriptId: string | undefined): OutboundMessage {
  const { req, rendered, target } = d;
  return {
    messageId: d.messageId,
    orgId: req.orgId,
    channel: req.channel,
    to: d.to,
    text: rendered.text,
    ...(rendered.subject !== undefined ? { subject: rendered.subject } : {}),
    ...(rendered.html !== undefined ? { html: rendered.html } : {}),
    ...(rendered.whatsapp ? { whatsapp: rendered.whatsapp } : {}),
    ...(req.channel === 'whatsapp'
      ? { lastInboundAt: target.lastWhatsAppInboundAt ? new Date(target.lastWhatsAppInboundAt) : null }
      : {}),
    ...(voiceScriptId ? { voiceScriptId } : {}),
  };
}

/** The timeline entry of a contact the provider accepted. */
function sentTimelineEvent(d: Delivery, providerMessageId: string, at: Date): NewTimelineEvent {
  const { req, rendered } = d;
  const voice = req.channel === 'call' || req.channel === 'voicebot';
  return {
    orgId: req.orgId,
    debtorId: d.target.debtor.id,
    accountId: req.accountId,
    occurredAt: at.toISOString(),
    kind: voice ? 'call' : 'message',
    actor: actorOf(req),
    actorId: req.requestedBy.id,
    channel: req.channel,
    direction: 'outbound',
    // The rendered words and the address are personal (sealed, ADR 0010); which template went
    // out, when and through whom is the fact kept in clear.
    summary: voice ? 'call placed' : `${req.channel} message sent (${d.template.id})`,
    data: {
      messageId: d.messageId,
      providerMessageId,
      provider: d.provider.id,
      templateId: d.template.id,
      idempotencyKey: req.idempotencyKey,
      requestedBy: req.requestedBy,
      ...(d.afterUnknown ? { afterUnknownOutcome: true } : {}),
      ...(req.reply?.rephrase ? { rephrase: req.reply.rephrase } : {}),
    },
    personal: {
      summary: (voice
        ? `call placed to ${d.to}`
        : rendered.subject
          ? `${rendered.subject}: ${rendered.text}`
          : rendered.text
      ).slice(0, 280),
      data: { to: d.to },
    },
  };
}

async function deliver(
  deps: ContactDeliveryDeps,
  req: ContactRequest,
  target: ContactTarget,
  template: MessageTemplate,
  to: string,
  now: Date,
  prior: OutboundMessageRecord | null,
): Promise<ContactOutcome> {
  const rendered = deps.renderer.render(req, target, template, now);
  const provider = await deps.router.forChannel(req.orgId, req.channel);
  const leaseUntil = new Date(now.getTime() + deps.sendLeaseMs);
  const row = await deps.outbound.insertOnce({
    orgId: req.orgId,
    debtorId: target.debtor.id,
    accountId: req.accountId,
    channel: req.channel,
    templateId: template.id,
    recipient: to,
    provider: provider.id,
    idempotencyKey: req.idempotencyKey,
    requestedBy: requestedByOf(req),
    at: now,
    leaseUntil,
  });
  if (row.kind === 'duplicate') return { kind: 'duplicate', messageId: row.id };
  deps.onRecorded(target.debtor.id);
  if (deps.checkpoint) await deps.checkpoint('intent_recorded', req.idempotencyKey);
  const doubt = row.kind === 'resumed' || (row.kind === 'claimed' && isOutcomeUnknown(prior?.error));
  const reconcile = doubt && provider.reconcile !== undefined;
  const afterUnknown = doubt && !reconcile && row.kind === 'claimed';
  const d: Delivery = {
    req,
    target,
    template,
    to,
    rendered,
    provider,
    messageId: row.id,
    leaseUntil,
    afterUnknown,
  };
  const voiceScriptId = await deps.renderer.storeVoiceScript(d.req, d.target, d.messageId, d.rendered);
  const msg = outboundMessage(d, voiceScriptId);
  if (reconcile) {
    const settled = await reconcileFirst(deps, d, msg, prior ? new Date(prior.createdAt) : now);
    if (settled) return settled;
  }
  const result = await send(d, msg);
  const at = deps.clock.now();
  if (!result.ok) return recordFailed(deps, d, result, at);
  if (deps.checkpoint) await deps.checkpoint('provider_accepted', req.idempotencyKey);
  const outcome = await recordSent(deps, d, result, at);
  if (deps.checkpoint) await deps.checkpoint('sent_recorded', req.idempotencyKey);
  return outcome;
}

/**
 * Asks the provider about an earlier attempt whose outcome is unknown: the outcome when that
 * settles it (accepted → sent, with its provider id; undecidable → given up), or null to send.
 * A lookup that fails leaves the doubt in place, to be tried again later.
 */
async function reconcileFirst(
  deps: ContactDeliveryDeps,
  d: Delivery,
  msg: OutboundMessage,
  since: Date,
): Promise<ContactOutcome | null> {
  const unknown = (detail: string, retryable: boolean): SendFailure => ({
    ok: false,
    reason: OUTCOME_UNKNOWN,
    detail,
    retryable,
  });
  try {
    const r = await d.provider.reconcile!(msg, since);
    deps.log('unknown outcome reconciled with the provider', { messageId: d.messageId, found: r.kind });
    if (r.kind === 'not_accepted') return null;
    if (r.kind === 'unknown') return recordFailed(deps, d, unknown(r.detail, false), deps.clock.now());
    const sent = { ok: true as const, providerMessageId: r.providerMessageId, status: r.status };
    return recordSent(deps, d, sent, deps.clock.now());
  } catch (e) {
    const detail = `lookup failed: ${e instanceof Error ? e.message : String(e)}`;
    return recordFailed(deps, d, unknown(detail, true), deps.clock.now());
  }
}

async function send(d: Delivery, msg: OutboundMessage): Promise<SendResult> {
  try {
    return await d.provider.send(msg);
  } catch (e) {
    return {
      ok: false,
      reason: 'provider_error',
      detail: e instanceof Error ? e.message : String(e),
      retryable: true,
    };
  }
}

async function recordFailed(
  deps: ContactDeliveryDeps,
  d: Delivery,
  result: SendFailure,
  at: Date,
): Promise<ContactOutcome> {
  await deps.outbound.markFailed(
    d.req.orgId,
    d.messageId,
    `${result.reason}: ${result.detail}`,
    result.retryable,
    at,
  );
  deps.log('contact failed at the provider', {
    messageId: d.messageId,
    provider: d.provider.id,
    reason: result.reason,
    retryable: result.retryable,
  });
  const notBefore =
    result.retryAfterMs !== undefined
      ? new Date(at.getTime() + result.retryAfterMs).toISOString()
      : undefined;
  return {
    kind: 'failed',
    reason: result.reason,
    retryable: result.retryable,
    at: at.toISOString(),
    ...(notBefore ? { retryNotBefore: notBefore } : {}),
  };
}

async function recordSent(
  deps: ContactDeliveryDeps,
  d: Delivery,
  result: Extract<SendResult, { ok: true }>,
  at: Date,
): Promise<ContactOutcome> {
  const { req } = d;
  // The provider took it; only its record is left. Should the database be unreachable (a
  // restart), waiting for it is the one way not to send it twice: an unrecorded acceptance
  // would be resumed — sent again — once the lease passes. So the record is tried again while
  // the lease holds; each retry first checks whether an earlier try committed after all.
  for (let attempt = 1; ; attempt++) {
    try {
      await writeSent(deps, d, result, at, attempt > 1);
      break;
    } catch (e) {
      if (!isConnectionLost(e) || deps.clock.now() >= d.leaseUntil) throw e;
      deps.log('the database is unreachable; recording an accepted send again', {
        messageId: d.messageId,
        attempt,
        error: e instanceof Error ? e.message : String(e),
      });
      await (deps.pause ?? sleep)(Math.min(2_000, 100 * 2 ** attempt));
    }
  }
  return {
    kind: 'sent',
    messageId: d.messageId,
    providerMessageId: result.providerMessageId,
    channel: req.channel,
    at: at.toISOString(),
  };
}

/**
 * The provider id and the timeline event, together or not at all: a row with a provider id is
 * answered as a duplicate from then on, so its event must already be there. `again`: an earlier
 * try may have committed before its connection broke; then there is nothing left to write.
 */
async function writeSent(
  deps: ContactDeliveryDeps,
  d: Delivery,
  result: Extract<SendResult, { ok: true }>,
  at: Date,
  again: boolean,
): Promise<void> {
  const { orgId } = d.req;
  await deps.tx(async () => {
    if (again && (await deps.outbound.get(orgId, d.messageId))?.providerMessageId) return;
    await deps.outbound.markSent(orgId, d.messageId, result.providerMessageId, result.status, at);
    await deps.timeline.append(sentTimelineEvent(d, result.providerMessageId, at));
  });
}
