import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { InboundMailReceiver } from '../ports/inbound-mail.js';

export const DEFAULT_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

export interface InboundSmtpOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  receiver: InboundMailReceiver;
  /** Larger messages are refused with 552 (advertised with SIZE). Default 10 MiB. */
  maxMessageBytes?: number;
  /** STARTTLS with this key and certificate (PEM); without them STARTTLS is not offered. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** The name in the greeting; default the machine's host name. */
  serverName?: string;
  maxRecipients?: number;
  maxClients?: number;
  log?: (level: 'info' | 'warn' | 'error', msg: string, data: Record<string, unknown>) => void;
}

export interface RunningInboundSmtp {
  port: number;
  close(): Promise<void>;
}

/** An SMTP reply: smtp-server sends `responseCode` and the message. Enhanced codes per RFC 3463. */
const reply = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * Saldo's MX: a receive-only SMTP server (no AUTH, no relaying). It accepts RCPT only for Saldo's
 * own addresses (550 otherwise) and answers 250 to DATA only after the receiver has stored the
 * message; a storage failure is a 451, so the sending MTA keeps the message and retries. Processing
 * (debtor, timeline, event) starts after the 250, as for webhooks.
 */
export async function startInboundSmtpServer(o: InboundSmtpOptions): Promise<RunningInboundSmtp> {
  const log = o.log ?? (() => {});
  const maxBytes = o.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const maxRecipients = o.maxRecipients ?? 50;
  const server = new SMTPServer({
    ...(o.serverName ? { name: o.serverName } : {}),
    banner: 'Saldo inbound mail',
    logger: false,
    authOptional: true,
    disabledCommands: o.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(o.tls ? { key: o.tls.key, cert: o.tls.cert } : {}),
    size: maxBytes,
    rejectOversized: true,
    maxClients: o.maxClients ?? 100,
    socketTimeout: 60_000,
    onRcptTo(address, session, cb) {
      if (session.envelope.rcptTo.length >= maxRecipients) return cb(reply(452, '4.5.3 Too many recipients'));
      o.receiver.recipient(address.address).then(
        (v) => {
          if (v.ok) return cb();
          log('info', 'inbound mail recipient refused', {
            to: address.address,
            reason: v.reason,
            ip: session.remoteAddress,
          });
          cb(reply(550, `5.1.1 <${address.address}>: no such mailbox here`));
        },
        (err: unknown) => {
          log('error', 'inbound mail recipient check failed', { to: address.address, error: String(err) });
          cb(reply(451, '4.3.0 Temporary failure, try again later'));
        },
      );
    },
    onData(stream, session, cb) {
      const recipients = session.envelope.rcptTo.map((r) => r.address);
      void readMessage(stream, maxBytes).then(
        async (raw) => {
          if (raw === null)
            return cb(reply(552, `5.3.4 Message exceeds the maximum size of ${maxBytes} bytes`));
          let receipt;
          try {
            receipt = await o.receiver.receive({ raw, recipients });
          } catch (err) {
            log('error', 'inbound mail not stored; the sender will retry', {
              recipients,
              error: String(err),
            });
            return cb(reply(451, '4.3.0 Temporary failure storing the message, try again later'));
          }
          if (receipt.kind === 'rejected') {
            log('info', 'inbound mail refused', {
              recipients,
              reason: receipt.reason,
              ip: session.remoteAddress,
            });
            return cb(reply(550, `5.7.1 ${receipt.reason}`));
          }
          cb(null, `2.0.0 Stored (${receipt.stored} new, ${receipt.duplicates} already stored)`);
          // After the 250: a failure here leaves the stored events for processPending to retry.
          receipt
            .process()
            .catch((err: unknown) =>
              log('error', 'inbound mail processing failed; will retry', { error: String(err) }),
            );
        },
        (err: unknown) => {
          log('warn', 'inbound mail stream failed', { error: String(err) });
          cb(reply(451, '4.3.0 Error reading the message, try again later'));
        },
      );
    },
  });
  server.on('error', (err) => log('error', 'inbound SMTP server error', { error: String(err) }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The whole message as text, or null once it went over the limit (the rest is drained, not kept). */
function readMessage(stream: SMTPServerDataStream, maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= maxBytes && !stream.sizeExceeded) chunks.push(c);
    });
    stream.on('end', () =>
      resolve(stream.sizeExceeded || size > maxBytes ? null : Buffer.concat(chunks).toString('utf8')),
    );
    stream.on('error', reject);
  });
}
