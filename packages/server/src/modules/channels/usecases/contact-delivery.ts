import type { MessageTemplate, RenderedMessage } from '@saldo/core/channels';
import type { Clock } from '../../../shared/clock/clock.js';
import type { NewTimelineEvent, TimelineStore } from '../../record/index.js';
import type { ChannelProvider, OutboundMessage, SendResult } from '../ports/channel-provider.js';
import type { ChannelRouter, ContactTarget, OutboundMessageStore } from '../ports/contact-records.js';
import type { ContactOutcome, ContactRequest } from '../ports/messaging.js';
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
}

/**
 * Delivery of an allowed contact: the send intent (the outbound row, under the idempotency key,
 * with a send lease) is written before the provider is called — a key already used is a duplicate,
 * never a second message — then the provider's answer is recorded: sent, the provider id and the
 * timeline event in one transaction; failed, the error, retryable or not. A sender that dies
 * between the intent and that record leaves the row `queued`: once the lease has passed, a replay
 * of the key resumes it under the same message id, the provider's idempotency key.
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
): Promise<ContactOutcome> {
  const rendered = deps.renderer.render(req, target, template, now);
  const provider = await deps.router.forChannel(req.orgId, req.channel);
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
    leaseUntil: new Date(now.getTime() + deps.sendLeaseMs),
  });
  if (row.kind === 'duplicate') return { kind: 'duplicate', messageId: row.id };
  deps.onRecorded(target.debtor.id);
  if (deps.checkpoint) await deps.checkpoint('intent_recorded', req.idempotencyKey);
  const d: Delivery = { req, target, template, to, rendered, provider, messageId: row.id };
  const result = await send(deps, d);
  const at = deps.clock.now();
  if (!result.ok) return recordFailed(deps, d, result, at);
  if (deps.checkpoint) await deps.checkpoint('provider_accepted', req.idempotencyKey);
  const outcome = await recordSent(deps, d, result, at);
  if (deps.checkpoint) await deps.checkpoint('sent_recorded', req.idempotencyKey);
  return outcome;
}

async function send(deps: ContactDeliveryDeps, d: Delivery): Promise<SendResult> {
  const voiceScriptId = await deps.renderer.storeVoiceScript(d.req, d.target, d.messageId, d.rendered);
  const msg = outboundMessage(d, voiceScriptId);
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
  result: Extract<SendResult, { ok: false }>,
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
  return { kind: 'failed', reason: result.reason, retryable: result.retryable, at: at.toISOString() };
}

async function recordSent(
  deps: ContactDeliveryDeps,
  d: Delivery,
  result: Extract<SendResult, { ok: true }>,
  at: Date,
): Promise<ContactOutcome> {
  const { req } = d;
  // Together or not at all: a row with a provider id is answered as a duplicate from then on, so
  // its timeline event must already be there.
  await deps.tx(async () => {
    await deps.outbound.markSent(req.orgId, d.messageId, result.providerMessageId, result.status, at);
    await deps.timeline.append(sentTimelineEvent(d, result.providerMessageId, at));
  });
  return {
    kind: 'sent',
    messageId: d.messageId,
    providerMessageId: result.providerMessageId,
    channel: req.channel,
    at: at.toISOString(),
  };
}
