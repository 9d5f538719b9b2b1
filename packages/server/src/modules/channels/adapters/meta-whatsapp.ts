import { whatsAppSendDecision } from '@saldo/core/channels';
import type {
  ChannelProvider,
  InboundListener,
  OutboundMessage,
  SendResult,
} from '../ports/channel-provider.js';
import type { MetaWhatsAppSettings } from '../ports/channel-settings.js';
import type { Clock } from '../../../shared/clock/clock.js';

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.facebook.com/v21.0';

export interface MetaWhatsAppOptions {
  orgId: string;
  settings: MetaWhatsAppSettings;
  clock: Clock;
  fetch?: typeof fetch;
}

/**
 * WhatsApp through the Meta Cloud API (plain fetch to the Graph API). Free-form text only within
 * 24 hours of the debtor's last message; outside it only an approved template (core
 * `whatsAppSendDecision`). Inbound and statuses arrive as webhooks (webhooks/meta-webhook.ts).
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
    let res: Response;
    try {
      res = await (this.opts.fetch ?? fetch)(
        `${base}/${encodeURIComponent(settings.phoneNumberId)}/messages`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${settings.token}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(graphMessage(msg)),
        },
      );
    } catch (e) {
      return {
        ok: false,
        reason: 'provider_error',
        detail: `Graph API unreachable: ${e instanceof Error ? e.message : String(e)}`,
        retryable: true,
      };
    }
    return sendResult(res);
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

/** The Graph API's answer as a send result: its error codes decide the reason and whether to retry. */
async function sendResult(res: Response): Promise<SendResult> {
  const json = (await res.json().catch(() => ({}))) as {
    messages?: { id?: string }[];
    error?: { code?: number; message?: string };
  };
  const id = json.messages?.[0]?.id;
  if (res.ok && id) return { ok: true, providerMessageId: id, status: 'sent' };
  const code = json.error?.code;
  const detail = `${res.status} ${code ?? ''} ${json.error?.message ?? ''}`.trim();
  // 131047: re-engagement message (outside the window); 131026: undeliverable; 130429/80007: throughput.
  if (code === 131047) return { ok: false, reason: 'outside_service_window', detail, retryable: false };
  if (code === 131026 || code === 100)
    return { ok: false, reason: 'invalid_recipient', detail, retryable: false };
  if (res.status === 429 || code === 130429 || code === 80007)
    return { ok: false, reason: 'rate_limited', detail, retryable: true };
  return { ok: false, reason: 'provider_error', detail, retryable: res.status >= 500 };
}
