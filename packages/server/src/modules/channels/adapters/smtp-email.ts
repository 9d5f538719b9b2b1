import nodemailer, { type Transporter } from 'nodemailer';
import { saldoMailAddress } from '@saldo/core/channels';
import type {
  ChannelProvider,
  EmailTracking,
  InboundListener,
  OrgInboundEvent,
  OutboundMessage,
  SendResult,
} from '../ports/channel-provider.js';
import type { SmtpSettings } from '../ports/channel-settings.js';
import type { Clock } from '../../../shared/clock/clock.js';
import { parseInboundEmail } from './email-inbound.js';
import { addTracking, createEmailTracking } from './email-tracking.js';

export interface SmtpEmailOptions {
  orgId: string;
  settings: SmtpSettings;
  /** SALDO_PUBLIC_URL: base of tracking URLs. */
  publicUrl: string;
  /** SALDO_TRACKING_SECRET: signs pixel and click URLs. */
  trackingSecret: string;
  clock: Clock;
  /** Extra nodemailer transport options (tests: ignoreTLS). */
  transport?: Record<string, unknown>;
  /**
   * SALDO_INBOUND_EMAIL_DOMAIN: when set, replies and bounces come back to Saldo's inbound listener:
   * `Reply-To: reply+<msg>@domain` and the envelope sender (VERP) `bounce+<msg>@domain`.
   */
  inboundDomain?: string;
}

/**
 * Email over SMTP with nodemailer: HTML + text, List-Unsubscribe (+ one-click POST, RFC 8058), an
 * open pixel and signed click links. Bounces (DSN, RFC 3464), complaints (ARF, RFC 5965) and replies
 * come back to the inbound SMTP listener (inbound-smtp-server.ts) when an inbound domain is set, or
 * can be fed to `ingestRaw` from another mailbox; both come out as normalised events.
 */
export class SmtpEmailProvider implements ChannelProvider {
  readonly id = 'smtp' as const;
  readonly channels = ['email'] as const;
  readonly tracking: EmailTracking;
  readonly #transport: Transporter;
  readonly #listeners = new Set<InboundListener>();

  constructor(private readonly opts: SmtpEmailOptions) {
    this.#transport = nodemailer.createTransport(opts.settings.url, opts.transport ?? {});
    this.tracking = createEmailTracking({ secret: opts.trackingSecret, clock: opts.clock });
  }

  async send(msg: OutboundMessage): Promise<SendResult> {
    if (msg.channel !== 'email')
      return {
        ok: false,
        reason: 'unsupported_channel',
        detail: `SMTP sends email only, not ${msg.channel}`,
        retryable: false,
      };
    if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(msg.to))
      return {
        ok: false,
        reason: 'invalid_recipient',
        detail: `not an email address: ${msg.to}`,
        retryable: false,
      };
    const domain = /@([^>\s]+)>?\s*$/.exec(this.opts.settings.from)?.[1] ?? 'saldo.local';
    const providerMessageId = `${msg.messageId}@${domain}`;
    const html = msg.html
      ? addTracking(msg.html, {
          secret: this.opts.trackingSecret,
          publicUrl: this.opts.publicUrl,
          orgId: msg.orgId,
          providerMessageId,
          ...(msg.unsubscribeUrl ? { keepUrls: [msg.unsubscribeUrl] } : {}),
        })
      : undefined;
    const headers: Record<string, string> = { 'X-Saldo-Message-Id': providerMessageId };
    const inbound = this.opts.inboundDomain;
    // Without an inbound domain, replies and bounces go to the From mailbox (see ingestRaw).
    const routing = inbound
      ? {
          replyTo: saldoMailAddress('reply', msg.messageId, inbound),
          envelope: { from: saldoMailAddress('bounce', msg.messageId, inbound), to: [msg.to] },
        }
      : {};
    try {
      await this.#transport.sendMail({
        from: this.opts.settings.from,
        to: msg.to,
        subject: msg.subject ?? '',
        text: msg.text,
        ...(html ? { html } : {}),
        messageId: `<${providerMessageId}>`,
        ...routing,
        date: this.opts.clock.now(),
        headers,
        ...(msg.unsubscribeUrl
          ? { list: { unsubscribe: { url: msg.unsubscribeUrl, comment: 'Unsubscribe' } } }
          : {}),
        ...(msg.unsubscribeUrl
          ? { headers: { ...headers, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }
          : {}),
      });
      return { ok: true, providerMessageId, status: 'sent' };
    } catch (e) {
      const err = e as { responseCode?: number; message?: string; code?: string };
      const detail = `${err.responseCode ?? err.code ?? ''} ${err.message ?? String(e)}`.trim();
      if (
        err.responseCode &&
        err.responseCode >= 500 &&
        err.responseCode < 600 &&
        /recipient|mailbox|user/i.test(detail)
      )
        return { ok: false, reason: 'invalid_recipient', detail, retryable: false };
      return {
        ok: false,
        reason: 'provider_error',
        detail,
        retryable: !err.responseCode || err.responseCode < 500,
      };
    }
  }

  /** A bounce, complaint or reply that arrived in Saldo's mailbox. Returns the events emitted. */
  async ingestRaw(raw: string): Promise<OrgInboundEvent[]> {
    const events = parseInboundEmail(raw, { orgId: this.opts.orgId, receivedAt: this.opts.clock.now() });
    for (const e of events) for (const l of this.#listeners) await l(e);
    return events;
  }

  onEvent(listener: InboundListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#transport.close();
    this.#listeners.clear();
  }
}
