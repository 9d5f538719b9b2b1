import nodemailer, { type Transporter } from 'nodemailer';
import { saldoMailAddress } from '@saldo/core/channels';
import type {
  ChannelProvider,
  EmailTracking,
  InboundListener,
  OrgInboundEvent,
  OutboundMessage,
  SendFailure,
  SendResult,
} from '../ports/channel-provider.js';
import type { SmtpSettings } from '../ports/channel-settings.js';
import type { Clock } from '../../../shared/clock/clock.js';
import { parseInboundEmail } from './email-inbound.js';
import { noAnswerFailure } from './provider-failures.js';
import { addTracking, createEmailTracking } from './email-tracking.js';

export interface SmtpEmailOptions {
  orgId: string;
  settings: SmtpSettings;
  /** SALDO_PUBLIC_URL: base of tracking URLs. */
  publicUrl: string;
  /** SALDO_TRACKING_SECRET: signs pixel and click URLs. */
  trackingSecret: string;
  clock: Clock;
  /**
   * SALDO_PROVIDER_TIMEOUT_MS: the whole send's deadline (nodemailer's abort signal), and its
   * connection and greeting (half of it) and socket inactivity timeouts; each closes the connection.
   */
  timeoutMs: number;
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
 *
 * No answer after the greeting (the socket timeout, a dropped connection) may come after the server
 * took the message, so it is an unknown outcome; email sends it again under the same `Message-ID`,
 * a duplicate this channel tolerates (ADR 0011). No connection or no greeting: nothing was sent.
 */
export class SmtpEmailProvider implements ChannelProvider {
  readonly id = 'smtp' as const;
  readonly channels = ['email'] as const;
  readonly tracking: EmailTracking;
  readonly #transport: Transporter;
  readonly #listeners = new Set<InboundListener>();

  constructor(private readonly opts: SmtpEmailOptions) {
    // Connecting and the greeting get half the deadline, so a server that never greets us fails
    // as "not sent" before the whole send's deadline (the abort signal in `send`) can fire.
    const setup = Math.ceil(opts.timeoutMs / 2);
    this.#transport = nodemailer.createTransport({
      url: opts.settings.url,
      connectionTimeout: setup,
      greetingTimeout: setup,
      dnsTimeout: setup,
      socketTimeout: opts.timeoutMs,
      ...opts.transport,
    });
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
        // nodemailer 10 closes the connection on abort (its types do not know the option yet).
        ...({ signal: AbortSignal.timeout(this.opts.timeoutMs) } as object),
      });
      return { ok: true, providerMessageId, status: 'sent' };
    } catch (e) {
      return smtpFailure(e);
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

/** Timeouts before the server greeted us: no message was sent. */
const BEFORE_GREETING = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);

/**
 * A nodemailer error as a send failure. An SMTP reply decides by its code (5xx final, 4xx later);
 * a connection never made or never greeted sent nothing (retryable); a timeout or a dropped
 * connection after that may have come after the server took the message: an unknown outcome,
 * sent again under the same Message-ID (email tolerates the duplicate, ADR 0011).
 */
export function smtpFailure(e: unknown): SendFailure {
  const err = e as {
    responseCode?: number;
    message?: string;
    code?: string;
    originalCode?: string;
    command?: string;
    timeoutType?: string;
  };
  const detail = `${err.responseCode ?? err.code ?? ''} ${err.message ?? String(e)}`.trim();
  if (err.responseCode) {
    if (err.responseCode >= 500 && err.responseCode < 600 && /recipient|mailbox|user/i.test(detail))
      return { ok: false, reason: 'invalid_recipient', detail, retryable: false };
    return { ok: false, reason: 'provider_error', detail, retryable: err.responseCode < 500 };
  }
  // Our deadline (the abort signal) ends the send at any step: after DATA as likely as before.
  const aborted = err.code === 'EABORT';
  const notSent =
    (!aborted && err.command !== 'CONN') ||
    (err.timeoutType !== undefined && BEFORE_GREETING.has(err.timeoutType)) ||
    err.originalCode === 'ECONNREFUSED';
  if (notSent) return { ok: false, reason: 'provider_error', detail, retryable: true };
  return noAnswerFailure(
    Object.assign(new Error(detail), { code: err.originalCode ?? err.code ?? 'ECONNECTION' }),
    'no answer from the SMTP server',
    true,
  );
}
