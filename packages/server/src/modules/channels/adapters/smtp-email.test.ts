import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { ManualClock } from '../../../shared/clock/manual-clock.js';
import { channelProviderContract } from '../testing/channel-provider.contract.js';
import { SmtpEmailProvider } from './smtp-email.js';
import { firstTextPart, parseHeaders } from './email-inbound.js';
import { verifyTrackingToken } from './email-tracking.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on 127.0.0.1 that keeps what arrives. */
async function startSmtpSink(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (address.address.endsWith('@nowhere.invalid')) return cb(new Error('550 5.1.1 mailbox unavailable'));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

const PUBLIC_URL = 'https://saldo.example.com';
const SECRET = 'tracking-secret-for-tests';

function provider(url: string, clock = new ManualClock('2026-11-24T18:00:00Z')) {
  return new SmtpEmailProvider({
    orgId: 'org_mail',
    settings: { url, from: 'Saldo Cobranza <cobranza@saldo.example.com>' },
    publicUrl: PUBLIC_URL,
    trackingSecret: SECRET,
    clock,
    timeoutMs: 5_000,
    transport: { ignoreTLS: true },
  });
}

/** Decodes the parts of a received mail well enough for assertions. */
function parts(raw: string): { headers: Map<string, string>; html: string; text: string } {
  const headers = parseHeaders(raw.replace(/\r\n/g, '\n').split('\n\n')[0] ?? '');
  const htmlMatch =
    /Content-Type: text\/html[^\n]*\r?\n(?:Content-Transfer-Encoding: ([^\r\n]+)\r?\n)?\r?\n([\s\S]*?)\r?\n--/i.exec(
      raw,
    );
  const enc = htmlMatch?.[1]?.trim().toLowerCase();
  const body = htmlMatch?.[2] ?? '';
  const html =
    enc === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : enc === 'quoted-printable'
        ? Buffer.from(
            body
              .replace(/=\r?\n/g, '')
              .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8')
        : body;
  return { headers, html, text: firstTextPart(raw) };
}

channelProviderContract({
  name: 'smtp (email)',
  channel: 'email',
  orgId: 'org_mail',
  recipient: 'ana@example.com',
  invalidRecipient: 'not-an-address',
  async setup() {
    const sink = await startSmtpSink();
    const p = provider(sink.url);
    return {
      provider: p,
      delivered: async () => sink.received.map((r) => ({ to: r.to.join(','), text: firstTextPart(r.raw) })),
      async statusFor(id: string) {
        const mail = sink.received.find((r) => r.raw.includes(id));
        const pixel =
          /\/v1\/track\/open\.gif\?t=([A-Za-z0-9_.-]+)/.exec(parts(mail?.raw ?? '').html)?.[1] ?? '';
        const e = p.tracking.open(pixel);
        return e ? [e] : [];
      },
      replyFrom: (from: string, text: string) =>
        p.ingestRaw(
          `From: Ana <${from}>\r\nTo: cobranza@saldo.example.com\r\nSubject: Re: Tu cuenta\r\nMessage-ID: <reply-1@example.com>\r\nIn-Reply-To: <msg_contract_1@saldo.example.com>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n\r\nEl lun, 24 nov 2026 escribió:\r\n> Hola Ana\r\n`,
        ),
      async teardown() {
        await p.close();
        await sink.close();
      },
    };
  },
});

describe('SMTP email: what actually arrives', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeEach(async () => {
    sink = await startSmtpSink();
  });
  afterEach(() => sink.close());

  it('arrives with HTML + text, List-Unsubscribe one-click, a signed pixel and signed click links', async () => {
    const p = provider(sink.url);
    const r = await p.send({
      messageId: 'msg_42',
      orgId: 'org_mail',
      channel: 'email',
      to: 'ana@example.com',
      subject: 'Tu cuenta con Financiera del Valle',
      text: 'Hola Ana, paga aquí: https://pay.example/p/abc',
      html: '<html><body><p>Hola Ana, <a href="https://pay.example/p/abc?x=1&amp;y=2">paga aquí</a>. <a href="https://saldo.example.com/u/tok">Darte de baja</a></p></body></html>',
      unsubscribeUrl: 'https://saldo.example.com/u/tok',
    });
    expect(r).toEqual({ ok: true, providerMessageId: 'msg_42@saldo.example.com', status: 'sent' });
    expect(sink.received).toHaveLength(1);
    const mail = parts(sink.received[0]!.raw);
    expect(mail.headers.get('list-unsubscribe')).toBe('<https://saldo.example.com/u/tok> (Unsubscribe)');
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.headers.get('message-id')).toBe('<msg_42@saldo.example.com>');
    expect(mail.headers.get('subject')).toMatch(/Tu cuenta con Financiera del Valle|=\?UTF-8\?/);
    expect(mail.text).toContain('paga aquí');
    // The payment link is rewritten to a signed click URL that decodes back to the original target…
    const click = /href="https:\/\/saldo\.example\.com\/v1\/track\/click\?t=([^"]+)"/.exec(mail.html)?.[1];
    expect(click).toBeDefined();
    expect(verifyTrackingToken(SECRET, click!)).toEqual({
      o: 'org_mail',
      m: 'msg_42@saldo.example.com',
      u: 'https://pay.example/p/abc?x=1&y=2',
    });
    const hit = p.tracking.click(click!);
    expect(hit).toMatchObject({
      url: 'https://pay.example/p/abc?x=1&y=2',
      event: { type: 'status', status: 'clicked', outboundId: 'msg_42@saldo.example.com', orgId: 'org_mail' },
    });
    // …the unsubscribe link is left alone, and the open pixel works.
    expect(mail.html).toContain('href="https://saldo.example.com/u/tok"');
    const pixel = /\/v1\/track\/open\.gif\?t=([^"]+)"/.exec(mail.html)?.[1];
    expect(p.tracking.open(pixel!)).toMatchObject({
      status: 'opened',
      outboundId: 'msg_42@saldo.example.com',
    });
    // A tampered token is refused.
    expect(p.tracking.click(click!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).toBeNull();
    await p.close();
  });

  it('records bounces (DSN) and complaints (ARF), ignoring delays', async () => {
    const p = provider(sink.url);
    const dsn = (status: string) =>
      `From: MAILER-DAEMON@mx.example.com\r\nTo: bounces@saldo.example.com\r\nMessage-ID: <dsn-${status}@mx>\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n--b1\r\nContent-Type: message/delivery-status\r\n\r\nFinal-Recipient: rfc822; ana@example.com\r\nAction: failed\r\nStatus: ${status}\r\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\r\n--b1\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <msg_42@saldo.example.com>\r\nX-Saldo-Message-Id: msg_42@saldo.example.com\r\n--b1--\r\n`;
    expect(await p.ingestRaw(dsn('5.1.1'))).toMatchObject([
      {
        type: 'status',
        status: 'bounced',
        outboundId: 'msg_42@saldo.example.com',
        errorCode: '5.1.1',
        detail: 'smtp; 550 5.1.1 user unknown',
      },
    ]);
    expect(await p.ingestRaw(dsn('4.4.1'))).toEqual([]);
    const arf = `From: fbl@isp.example\r\nMessage-ID: <arf-1@isp>\r\nContent-Type: multipart/report; report-type=feedback-report; boundary="b2"\r\n\r\n--b2\r\nContent-Type: message/feedback-report\r\n\r\nFeedback-Type: abuse\r\n--b2\r\nContent-Type: text/rfc822-headers\r\n\r\nX-Saldo-Message-Id: msg_42@saldo.example.com\r\n--b2--\r\n`;
    expect(await p.ingestRaw(arf)).toMatchObject([
      { type: 'status', status: 'complained', outboundId: 'msg_42@saldo.example.com' },
    ]);
    await p.close();
  });

  it('a recipient the server refuses is a failure value', async () => {
    const p = provider(sink.url);
    const r = await p.send({
      messageId: 'm',
      orgId: 'o',
      channel: 'email',
      to: 'x@nowhere.invalid',
      subject: 's',
      text: 't',
    });
    expect(r.ok).toBe(false);
    await p.close();
  });
});
