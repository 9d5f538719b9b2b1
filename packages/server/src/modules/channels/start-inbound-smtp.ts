// Starts Saldo's inbound SMTP listener (MX for SALDO_INBOUND_EMAIL_DOMAIN) in the api/all role.
// Part of the composition root: it reads the TLS files and wires the listener to the channels'
// inbound-mail receiver (docs/channels.md, "Receiving replies and bounces").
import { readFileSync } from 'node:fs';
import { SaldoError } from '@saldo/core';
import { startInboundSmtpServer, type RunningInboundSmtp } from './adapters/inbound-smtp-server.js';
import type { InboundSmtpConfig } from './inbound-mail-config.js';
import type { InboundMailReceiver } from './ports/inbound-mail.js';

export async function startInboundSmtp(
  config: InboundSmtpConfig,
  receiver: InboundMailReceiver | null,
  log: (level: 'info' | 'warn' | 'error', msg: string, data: Record<string, unknown>) => void,
): Promise<RunningInboundSmtp> {
  // loadInboundSmtpConfig requires the domain with the port; this guards a platform built from another env.
  if (!receiver)
    throw new SaldoError(
      'validation',
      'SALDO_INBOUND_SMTP_PORT is set but the platform has no SALDO_INBOUND_EMAIL_DOMAIN: set the domain whose MX points here',
    );
  const read = (path: string, what: string) => {
    try {
      return readFileSync(path);
    } catch (e) {
      throw new SaldoError(
        'validation',
        `cannot read the inbound SMTP TLS ${what} ${path}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  };
  const tls =
    config.tlsKeyPath && config.tlsCertPath
      ? { key: read(config.tlsKeyPath, 'key'), cert: read(config.tlsCertPath, 'certificate') }
      : undefined;
  const smtp = await startInboundSmtpServer({
    host: config.host,
    port: config.port,
    maxMessageBytes: config.maxMessageBytes,
    receiver,
    log,
    ...(tls ? { tls } : {}),
  });
  log('info', 'inbound SMTP listening', {
    host: config.host,
    port: smtp.port,
    starttls: Boolean(tls),
    maxMessageBytes: config.maxMessageBytes,
  });
  return smtp;
}
