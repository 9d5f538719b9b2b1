import { connect } from 'node:net';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../shared/clock/manual-clock.js';
import {
  MemoryContactPoints,
  MemoryEventBus,
  MemoryOptOuts,
  MemoryTimeline,
} from '../testing/memory-channel-records.js';
import { MemoryInboundStore } from '../testing/memory-inbound-store.js';
import type { InboundStore } from '../ports/inbound-store.js';
import type { OutboundMessageLocator } from '../ports/inbound-mail.js';
import { createReceiveInbound } from '../usecases/receive-inbound.js';
import { createReceiveInboundMail } from '../usecases/receive-inbound-mail.js';
import { parseInboundEmail } from './email-inbound.js';
import { startInboundSmtpServer, type RunningInboundSmtp } from './inbound-smtp-server.js';

// The SMTP conversation itself, over 127.0.0.1 with nodemailer as the sending MTA: what is
// refused (550, 552), what is stored before the 250, and what a storage failure answers (451).
// inbound-mail.test.ts (database, both storage modes) covers the whole path to the timeline.
const DOMAIN = 'reply.saldo.example.com';
const MSG = 'msg_0123456789abcdef0123456789abcdef';

function rig(opts: { store?: InboundStore; maxMessageBytes?: number } = {}) {
  const clock = new ManualClock('2026-11-24T18:00:00Z');
  const store = opts.store ?? new MemoryInboundStore();
  const contacts = new MemoryContactPoints().add('org_a', 'ana@example.com', {
    debtorId: 'dbt_1',
    accountId: 'acct_1',
  });
  const timeline = new MemoryTimeline();
  const events = new MemoryEventBus();
  const inbound = createReceiveInbound({
    store,
    contacts,
    timeline,
    events,
    optOuts: new MemoryOptOuts(),
    clock,
  });
  const locator: OutboundMessageLocator = {
    locate: async (id) =>
      id === MSG
        ? { orgId: 'org_a', channel: 'email', providerMessageId: `${MSG}@financiera.example` }
        : null,
  };
  const receiver = createReceiveInboundMail({
    domains: [DOMAIN],
    locator,
    parse: parseInboundEmail,
    inbound,
    clock,
  });
  return { store, timeline, events, receiver, maxMessageBytes: opts.maxMessageBytes };
}

let running: RunningInboundSmtp | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

async function listen(r: ReturnType<typeof rig>) {
  running = await startInboundSmtpServer({
    host: '127.0.0.1',
    port: 0,
    receiver: r.receiver,
    ...(r.maxMessageBytes ? { maxMessageBytes: r.maxMessageBytes } : {}),
  });
  return running.port;
}

/** Sends like an MTA would; resolves to the SMTP reply code (250 or the refusal's). */
async function send(port: number, to: string[], raw: string): Promise<{ code: number; message: string }> {
  const t = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    const info = await t.sendMail({ envelope: { from: 'ana@example.com', to }, raw });
    return { code: Number(/^(\d{3})/.exec(info.response)?.[1] ?? 0), message: info.response };
  } catch (e) {
    const err = e as { responseCode?: number; response?: string; message: string };
    return { code: err.responseCode ?? 0, message: err.response ?? err.message };
  } finally {
    t.close();
  }
}

/** Speaks SMTP line by line (no SIZE parameter); returns the final reply line of each step. */
function rawSession(port: number, commands: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const replies: string[] = [];
    let buf = '';
    const queue = [...commands];
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      buf += d;
      let i: number;
      while ((i = buf.indexOf('\r\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (/^\d{3} /.test(line)) {
          replies.push(line);
          const next = queue.shift();
          if (next !== undefined) socket.write(`${next}\r\n`);
        }
      }
    });
    socket.on('close', () => resolve(replies));
    socket.on('error', reject);
  });
}

const reply = (id = 'reply-1@mail.example.com', text = 'Pago el viernes') =>
  `From: Ana <ana@example.com>\r\nTo: reply+${MSG}@${DOMAIN}\r\nSubject: Re: Tu cuenta\r\nMessage-ID: <${id}>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n`;

describe('inbound SMTP listener', () => {
  it('accepts a reply to a Saldo address, stores it before the 250, then processes it', async () => {
    const r = rig();
    const port = await listen(r);
    const res = await send(port, [`reply+${MSG}@${DOMAIN}`], reply());
    expect(res.code).toBe(250);
    expect(res.message).toMatch(/1 new/);
    await expect.poll(() => r.timeline.forDebtor('dbt_1').length).toBe(1);
    expect(r.timeline.forDebtor('dbt_1')[0]).toMatchObject({
      channel: 'email',
      direction: 'inbound',
      summary: 'Pago el viernes',
    });
    expect(r.events.published).toMatchObject([
      {
        type: 'channel.message_received',
        orgId: 'org_a',
        debtorId: 'dbt_1',
        event: {
          provider: 'smtp',
          providerMessageId: 'reply-1@mail.example.com',
          raw: { saldoMessageId: MSG },
        },
      },
    ]);
  });

  it('refuses recipients that are not Saldo addresses at the domain, or name no known message, with 550', async () => {
    const port = await listen(rig());
    for (const to of [
      `reply+${MSG}@elsewhere.example`,
      `cobranza@${DOMAIN}`,
      `reply+msg_ffffffffffffffffffffffffffffffff@${DOMAIN}`,
    ]) {
      const res = await send(port, [to], reply());
      expect(res.code, to).toBe(550);
      expect(res.message).toMatch(/5\.1\.1/);
    }
  });

  it('stores a message redelivered with the same Message-ID once', async () => {
    const r = rig();
    const port = await listen(r);
    expect((await send(port, [`reply+${MSG}@${DOMAIN}`], reply('dup@mail.example.com'))).code).toBe(250);
    const again = await send(
      port,
      [`reply+${MSG}@${DOMAIN}`, `bounce+${MSG}@${DOMAIN}`],
      reply('dup@mail.example.com', 'Pago el viernes (again)'),
    );
    expect(again.code).toBe(250);
    expect(again.message).toMatch(/0 new, 1 already stored/);
    await expect.poll(() => r.timeline.forDebtor('dbt_1').length).toBe(1);
    expect((await r.store.listUnprocessed(10)).length + r.timeline.forDebtor('dbt_1').length).toBe(1);
  });

  it('answers 451 when the message cannot be stored, so the sending MTA keeps it and retries', async () => {
    const failing = new MemoryInboundStore();
    failing.storeOnce = async () => {
      throw new Error('database unavailable');
    };
    const r = rig({ store: failing });
    const res = await send(await listen(r), [`reply+${MSG}@${DOMAIN}`], reply());
    expect(res.code).toBe(451);
    expect(res.message).toMatch(/4\.3\.0/);
  });

  it('refuses a message over the size limit with 552 and keeps nothing', async () => {
    const r = rig({ maxMessageBytes: 4096 });
    const res = await send(
      await listen(r),
      [`reply+${MSG}@${DOMAIN}`],
      reply('big@mail.example.com', 'x'.repeat(10_000)),
    );
    expect(res.code).toBe(552);
    expect(await r.store.listUnprocessed(10)).toHaveLength(0);
  });

  it('also refuses an oversized message from a client that did not declare its SIZE (552 at the end of DATA)', async () => {
    const r = rig({ maxMessageBytes: 4096 });
    const port = await listen(r);
    const replies = await rawSession(port, [
      'EHLO mta.example.com',
      'MAIL FROM:<ana@example.com>',
      `RCPT TO:<reply+${MSG}@${DOMAIN}>`,
      'DATA',
      `${reply('big2@mail.example.com', 'y'.repeat(10_000))}\r\n.`,
      'QUIT',
    ]);
    expect(replies.some((l) => l.startsWith('552'))).toBe(true);
    expect(await r.store.listUnprocessed(10)).toHaveLength(0);
  });

  it('refuses a report to fbl@ that quotes no Saldo message (550 after DATA)', async () => {
    const res = await send(
      await listen(rig()),
      [`fbl@${DOMAIN}`],
      'From: fbl@isp.example\r\nMessage-ID: <arf-x@isp>\r\nContent-Type: text/plain\r\n\r\nsomething\r\n',
    );
    expect(res.code).toBe(550);
  });
});
