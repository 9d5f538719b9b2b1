import { whatsAppSendDecision } from '@saldo/core/channels';
import type {
  ChannelProvider,
  InboundListener,
  OutboundMessage,
  SendResult,
} from '../ports/channel-provider.js';
import type { MetaWhatsAppSettings } from '../ports/channel-settings.js';
import type { Clock } from '../../../shared/clock/clock.js';
import { noAnswerFailure, retryAfterMs } from './provider-failures.js';

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.facebook.com/v21.0';

export interface MetaWhatsAppOptions {
  orgId: string;
  settings: MetaWhatsAppSettings;
  clock: Clock;
  /** SALDO_PROVIDER_TIMEOUT_MS: the deadline of each request, answer body included. */
  timeoutMs: number;
  fetch?: typeof fetch;
}

/**
 * WhatsApp through the Meta Cloud API (plain fetch to the Graph API). Free-form text only within
 * 24 hours of the debtor's last message; outside it only an approved template (core
 * `whatsAppSendDecision`). Inbound and statuses arrive as webhooks (webhooks/meta-webhook.ts).
 *
 * The Cloud API takes no idempotency key and has no way to look a message up, so a request that
 * timed out or lost its connection after it was written is given up as `outcome_unknown` (not
 * retryable) for a person to decide: a second WhatsApp message is never sent blindly (ADR 0011).
 */
export class MetaWhatsAppProvider implements ChannelProvider {
  readonly id = 'meta' as const;
  readonly channels = ['whatsapp'] as const;
  constructor(private readonly opts: MetaWhatsAppOptions) {}

  async send(msg: OutboundMessage): Promise<SendResult> {
    const refused = refusal(msg, this.opts.clock.now());
    if (refused) return refused;
    const { settings } = this.opts;
    const base = (settings.graphBaseUrl ?? DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, '');
    // The deadline aborts the request and its socket, and covers reading the answer's body too.
    const signal = AbortSignal.timeout(this.opts.timeoutMs);
    try {
      const res = await (this.opts.fetch ?? fetch)(
        `${base}/${encodeURIComponent(settings.phoneNumberId)}/messages`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${settings.token}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(graphMessage(msg)),
          signal,
        },
      );
      return await sendResult(res, this.opts.clock.now());
    } catch (e) {
      return noAnswerFailure(timeoutAsCode(e), 'no answer from the Graph API', false);
    }
  }

  onEvent(_listener: InboundListener): () => void {
    return () => {};
  }
  async close(): Promise<void> {}
}

/** Why a message cannot go through Meta at all (channel, number, template, 24-hour window), or null. */
function refusal(msg: OutboundMessage, now: Date): SendResult | null {
  if (msg.channel !== 'whatsapp')
    return {
      ok: false,
      reason: 'unsupported_channel',
      detail: `Meta sends WhatsApp only, not ${msg.channel}`,
      retryable: false,
    };
  if (!/^\+[1-9]\d{6,14}$/.test(msg.to))
    return {
      ok: false,
      reason: 'invalid_recipient',
      detail: `not an E.164 number: ${msg.to}`,
      retryable: false,
    };
  if (msg.whatsapp && !msg.whatsapp.approved)
    return {
      ok: false,
      reason: 'template_not_approved',
      detail: `WhatsApp template "${msg.whatsapp.name}" is not approved by Meta yet`,
      retryable: false,
    };
  const decision = whatsAppSendDecision({
    now,
    lastInboundAt: msg.lastInboundAt ?? null,
    hasTemplate: !!msg.whatsapp,
  });
  if (!decision.allowed)
    return {
      ok: false,
      reason: 'outside_service_window',
      detail:
        'free-form WhatsApp messages are allowed only within 24 hours of the debtor’s last message; send an approved template instead',
      retryable: false,
    };
  return null;
}

/** The Graph API message: the approved template with its parameters, else free-form text. */
function graphMessage(msg: OutboundMessage) {
  const to = msg.to.replace(/^\+/, '');
  return msg.whatsapp
    ? {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to,
        type: 'template',
        template: {
          name: msg.whatsapp.name,
          language: { code: msg.whatsapp.language },
          components: msg.whatsapp.parameters.length
            ? [
                {
                  type: 'body',
                  parameters: msg.whatsapp.parameters.map((text) => ({ type: 'text', text })),
                },
              ]
            : [],
        },
      }
    : {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to,
        type: 'text',
        text: { preview_url: true, body: msg.text },
      };
}

/** An aborted fetch (our deadline) carries no network code; give it one, so it reads as no answer. */
function timeoutAsCode(e: unknown): unknown {
  const name = (e as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError'
    ? Object.assign(new Error((e as Error).message), { code: 'ETIMEDOUT' })
    : e;
}

/** The Graph API's answer as a send result: its error codes decide the reason and whether to retry. */
async function sendResult(res: Response, now: Date): Promise<SendResult> {
  const text = await res.text();
  const json = parseJson(text) as {
    messages?: { id?: string }[];
    error?: { code?: number; message?: string };
  };
  const id = json.messages?.[0]?.id;
  if (res.ok && id) return { ok: true, providerMessageId: id, status: 'sent' };
  const code = json.error?.code;
  const detail = `${res.status} ${code ?? ''} ${json.error?.message ?? ''}`.trim();
  const wait = retryAfterMs(res.headers.get('retry-after'), now);
  const after = wait !== undefined ? { retryAfterMs: wait } : {};
  // 131047: re-engagement message (outside the window); 131026: undeliverable; 130429/80007: throughput.
  if (code === 131047) return { ok: false, reason: 'outside_service_window', detail, retryable: false };
  if (code === 131026 || code === 100)
    return { ok: false, reason: 'invalid_recipient', detail, retryable: false };
  if (res.status === 429 || code === 130429 || code === 80007)
    return { ok: false, reason: 'rate_limited', detail, retryable: true, ...after };
  return { ok: false, reason: 'provider_error', detail, retryable: res.status >= 500, ...after };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
}
