import { describe, expect, it } from 'vitest';
import { inboundEmailDomains, loadInboundSmtpConfig } from './inbound-mail-config.js';
import { loadConfig } from '../../platform/config.js';

describe('inbound email configuration', () => {
  it('is off unless the listener port is set; the domain list is parsed and lower-cased', () => {
    expect(loadInboundSmtpConfig({})).toBeNull();
    expect(loadConfig({}).channels.inboundSmtp).toBeNull();
    expect(inboundEmailDomains({})).toEqual([]);
    expect(
      inboundEmailDomains({ SALDO_INBOUND_EMAIL_DOMAIN: ' Reply.Example.com, in.example.org ' }),
    ).toEqual(['reply.example.com', 'in.example.org']);
    expect(
      loadInboundSmtpConfig({
        SALDO_INBOUND_SMTP_PORT: '2525',
        SALDO_INBOUND_EMAIL_DOMAIN: 'reply.example.com',
      }),
    ).toEqual({
      host: '127.0.0.1',
      port: 2525,
      maxMessageBytes: 10 * 1024 * 1024,
      tlsKeyPath: undefined,
      tlsCertPath: undefined,
    });
    expect(
      loadConfig({
        SALDO_INBOUND_SMTP_PORT: '25',
        SALDO_INBOUND_SMTP_HOST: '0.0.0.0',
        SALDO_INBOUND_SMTP_MAX_BYTES: '2048',
        SALDO_INBOUND_EMAIL_DOMAIN: 'reply.example.com',
        SALDO_INBOUND_SMTP_TLS_KEY: '/k.pem',
        SALDO_INBOUND_SMTP_TLS_CERT: '/c.pem',
      }).channels.inboundSmtp,
    ).toEqual({
      host: '0.0.0.0',
      port: 25,
      maxMessageBytes: 2048,
      tlsKeyPath: '/k.pem',
      tlsCertPath: '/c.pem',
    });
  });

  it('stops the boot with every problem named', () => {
    expect(() => loadInboundSmtpConfig({ SALDO_INBOUND_SMTP_PORT: '2525' })).toThrow(
      /SALDO_INBOUND_EMAIL_DOMAIN is required/,
    );
    expect(() =>
      loadInboundSmtpConfig({
        SALDO_INBOUND_SMTP_PORT: '70000',
        SALDO_INBOUND_EMAIL_DOMAIN: 'reply.example.com',
      }),
    ).toThrow(/SALDO_INBOUND_SMTP_PORT must be 0–65535/);
    expect(() =>
      loadInboundSmtpConfig({
        SALDO_INBOUND_SMTP_PORT: '25',
        SALDO_INBOUND_EMAIL_DOMAIN: 'reply.example.com',
        SALDO_INBOUND_SMTP_TLS_KEY: '/k.pem',
      }),
    ).toThrow(/both SALDO_INBOUND_SMTP_TLS_KEY and SALDO_INBOUND_SMTP_TLS_CERT/);
    expect(() => inboundEmailDomains({ SALDO_INBOUND_EMAIL_DOMAIN: 'not a domain' })).toThrow(
      /SALDO_INBOUND_EMAIL_DOMAIN must be domain names/,
    );
  });
});
