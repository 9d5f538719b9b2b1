import { loadConfig } from '../../../../platform/config.js';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ManualClock } from '../../../../shared/clock/manual-clock.js';
import { parseHeaders } from '../email-inbound.js';
import { startInboundSmtpServer, type RunningInboundSmtp } from '../inbound-smtp-server.js';
import { buildChannels, type Channels } from '../../create-channels.js';
import type { Platform } from '../../../../platform/composition-root.js';
import type { ChannelDomainEvent } from '../../ports/channel-records.js';
import type { Db } from '../../../../shared/db/db.js';
import { describeStorage } from '../../../../../test/storage.js';
import { importRows, makeRow, newTenant, T0, testPlatform } from '../../../../../test/fixtures.js';
import { domainEvents } from '../../../../../test/domain-events.js';
import { createSqlTimelineStore } from '../../../record/adapters/sql-timeline-store.js';
import { testVault } from '../../../../shared/crypto/test-vault.js';

// Email that comes back, end to end on both storage modes: Saldo sends through an organisation's
// SMTP server (a local sink) with its Reply-To and VERP bounce address at the inbound domain; the
// debtor's reply, the DSN and the ARF complaint then reach Saldo's own listener on 127.0.0.1.
const DOMAIN = 'reply.saldo.example.com';

interface Sent {
  mailFrom: string;
  raw: string;
}

async function startSink(): Promise<{ url: string; sent: Sent[]; close(): Promise<void> }> {
  const sent: Sent[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        sent.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, sent, close: () => new Promise((r) => server.close(() => r())) };
}

describeStorage('inbound email through the SMTP listener', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let p: Platform;
  let clock: ManualClock;
  let ch: Channels;
  let sink: Awaited<ReturnType<typeof startSink>>;
  let mx: RunningInboundSmtp;
  const published = () => domainEvents<ChannelDomainEvent>(db);
  beforeAll(async () => {
    db = await mode.open();
    ({ platform: p, clock } = await testPlatform(db));
    sink = await startSink();
    ch = await buildChannels({
      db,
      vault: testVault(),
      clock,
      config: loadConfig({
        SALDO_PUBLIC_URL: 'https://saldo.example.com',
        SALDO_INBOUND_EMAIL_DOMAIN: DOMAIN,
      }).channels,
      secret: 'inbound-mail-secret-key',
      timeline: createSqlTimelineStore(db, testVault()),
      defaultOrgId: p.defaultOrgId,
      record: p.record,
    });
    mx = await startInboundSmtpServer({ host: '127.0.0.1', port: 0, receiver: ch.inboundMail! });
  });
  afterAll(async () => {
    await mx.close();
    await ch.close();
    await sink.close();
    await db.drop();
  });

  /** A tenant with SMTP settings and one debtor, and one reminder email sent to her. */
  async function emailed() {
    clock.set(T0); // Tuesday 09:00 in Mexico City
    const t = await newTenant(p);
    await importRows(p, t.orgId, [makeRow({ email: 'ana@example.com' })]);
    const { id: accountId, debtor_id: debtorId } = (
      await db.query<{ id: string; debtor_id: string }>(
        'SELECT id, debtor_id FROM accounts WHERE org_id = $1',
        [t.orgId],
      )
    ).rows[0]!;
    await ch.admin.settings.put(t.orgId, 'smtp', {
      url: sink.url,
      from: 'Cobranza <cobranza@financiera.example>',
    });
    const r = await ch.messaging.contact({
      orgId: t.orgId,
      accountId,
      channel: 'email',
      templateId: 'tpl_default_reminder_email_es-MX',
      idempotencyKey: `mail:${accountId}`,
      requestedBy: { kind: 'strategy', id: 'str_1' },
    });
    if (r.kind !== 'sent') throw new Error(`expected sent, got ${JSON.stringify(r)}`);
    const mail = sink.sent.find((m) => m.raw.includes(r.messageId))!;
    return { orgId: t.orgId, debtorId, messageId: r.messageId, providerMessageId: r.providerMessageId, mail };
  }

  async function deliver(to: string, raw: string, from = 'ana@example.com') {
    const t = nodemailer.createTransport({
      host: '127.0.0.1',
      port: mx.port,
      secure: false,
      ignoreTLS: true,
    });
    try {
      return await t.sendMail({ envelope: { from, to: [to] }, raw });
    } finally {
      t.close();
    }
  }
  const status = async (orgId: string, id: string) =>
    (
      await db.query<{ status: string }>(
        'SELECT status FROM outbound_messages WHERE org_id = $1 AND id = $2',
        [orgId, id],
      )
    ).rows[0]?.status;
  const inboundRows = async (orgId: string) =>
    (
      await db.query<{ provider_message_id: string; processed_at: Date | null }>(
        "SELECT provider_message_id, processed_at FROM inbound_events WHERE org_id = $1 AND provider = 'smtp' ORDER BY provider_message_id",
        [orgId],
      )
    ).rows;

  it('outgoing email carries the Reply-To and the VERP envelope sender at the inbound domain', async () => {
    const { messageId, mail } = await emailed();
    expect(mail.mailFrom).toBe(`bounce+${messageId}@${DOMAIN}`);
    const headers = parseHeaders(mail.raw.replace(/\r\n/g, '\n').split('\n\n')[0]!);
    expect(headers.get('reply-to')).toBe(`reply+${messageId}@${DOMAIN}`);
    expect(headers.get('from')).toBe('Cobranza <cobranza@financiera.example>');
  });

  it("a reply reaches the debtor's timeline and the event bus once, however often it is delivered", async () => {
    const { orgId, debtorId, messageId, providerMessageId } = await emailed();
    const raw = `From: Ana García <Ana@Example.com>\r\nTo: Cobranza <reply+${messageId}@${DOMAIN}>\r\nSubject: Re: Tu cuenta\r\nMessage-ID: <reply-${messageId}@mail.example.com>\r\nIn-Reply-To: <${providerMessageId}>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPuedo pagar el viernes 5 de diciembre\r\n\r\nEl lun, 24 nov 2026 escribió:\r\n> Hola Ana\r\n`;
    expect((await deliver(`reply+${messageId}@${DOMAIN}`, raw)).response).toMatch(/^250/);
    expect((await deliver(`reply+${messageId}@${DOMAIN}`, raw)).response).toMatch(/^250 .*already stored/);
    await expect
      .poll(
        async () =>
          (await inboundRows(orgId)).every((r) => r.processed_at !== null) &&
          (await inboundRows(orgId)).length,
      )
      .toBe(1);
    const timeline = await createSqlTimelineStore(db, testVault()).forDebtor(orgId, debtorId, { limit: 20 });
    const inboundEntries = timeline.filter((e) => e.direction === 'inbound');
    expect(inboundEntries).toMatchObject([
      { kind: 'message', channel: 'email', summary: 'Puedo pagar el viernes 5 de diciembre' },
    ]);
    expect(
      (await published()).filter((e) => e.orgId === orgId && e.type === 'channel.message_received'),
    ).toMatchObject([
      {
        debtorId,
        unknownSender: false,
        event: {
          from: 'ana@example.com',
          provider: 'smtp',
          raw: { saldoMessageId: messageId, inReplyTo: providerMessageId },
        },
      },
    ]);
  });

  it('a DSN to the VERP address marks the message bounced, even when it quotes no headers', async () => {
    const { orgId, debtorId, messageId } = await emailed();
    const dsn = `From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\r\nTo: bounce+${messageId}@${DOMAIN}\r\nSubject: Undelivered Mail Returned to Sender\r\nMessage-ID: <dsn-${messageId}@mx.example.com>\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; ana@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\r\n--b1--\r\n`;
    expect((await deliver(`bounce+${messageId}@${DOMAIN}`, dsn, '')).response).toMatch(/^250/);
    await expect.poll(() => status(orgId, messageId)).toBe('bounced');
    const timeline = await createSqlTimelineStore(db, testVault()).forDebtor(orgId, debtorId, { limit: 20 });
    expect(timeline.some((e) => e.kind === 'status_change' && /bounced \(5\.1\.1\)/.test(e.summary))).toBe(
      true,
    );
    expect(
      (await published()).some(
        (e) => e.orgId === orgId && e.type === 'channel.status_changed' && e.debtorId === debtorId,
      ),
    ).toBe(true);
  });

  it('an ARF complaint to the feedback-loop mailbox is recorded against the message it quotes', async () => {
    const { orgId, messageId, providerMessageId } = await emailed();
    const arf = `From: fbl@isp.example\r\nTo: fbl@${DOMAIN}\r\nMessage-ID: <arf-${messageId}@isp.example>\r\nContent-Type: multipart/report; report-type=feedback-report; boundary="b2"\r\n\r\n--b2\r\nContent-Type: text/plain\r\n\r\nThis is an abuse report.\r\n--b2\r\nContent-Type: message/feedback-report\r\n\r\nFeedback-Type: abuse\r\nUser-Agent: isp-fbl/1.0\r\nVersion: 1\r\n--b2\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: Cobranza <cobranza@financiera.example>\r\nMessage-ID: <${providerMessageId}>\r\nX-Saldo-Message-Id: ${providerMessageId}\r\n--b2--\r\n`;
    expect((await deliver(`fbl@${DOMAIN}`, arf, 'fbl@isp.example')).response).toMatch(/^250/);
    await expect.poll(() => status(orgId, messageId)).toBe('complained');
    expect((await inboundRows(orgId)).map((r) => r.provider_message_id)).toEqual([
      `${providerMessageId}:complained`,
    ]);
  });
});
