import { z } from 'zod';
import { SaldoError } from '@saldo/core';

/**
 * Inbound email (docs/channels.md, "Receiving replies and bounces"): the domain(s) Saldo receives
 * mail for, read by the channels composition (outgoing Reply-To / VERP, accepted recipients), and
 * the SMTP listener the api/all process starts.
 */
export interface InboundSmtpConfig {
  host: string;
  port: number;
  maxMessageBytes: number;
  /** PEM file paths for STARTTLS; both or neither. */
  tlsKeyPath: string | undefined;
  tlsCertPath: string | undefined;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const Domains = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((d) => d.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z
          .string()
          .regex(DOMAIN, 'must be domain names, e.g. reply.example.com (comma-separated for several)'),
      )
      .min(1, 'must name at least one domain'),
  );

const Listener = z
  .object({
    SALDO_INBOUND_SMTP_PORT: z.coerce
      .number({ error: 'must be a port number' })
      .int('must be a port number')
      .min(0, 'must be 0–65535')
      .max(65535, 'must be 0–65535'),
    SALDO_INBOUND_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
    SALDO_INBOUND_SMTP_MAX_BYTES: z.coerce
      .number({ error: 'must be a number of bytes' })
      .int('must be a whole number of bytes')
      .min(1024, 'must be at least 1024 bytes')
      .max(100 * 1024 * 1024, 'must be at most 100 MiB')
      .default(10 * 1024 * 1024),
    SALDO_INBOUND_SMTP_TLS_KEY: z.string().min(1).optional(),
    SALDO_INBOUND_SMTP_TLS_CERT: z.string().min(1).optional(),
    SALDO_INBOUND_EMAIL_DOMAIN: z.string({
      error: 'is required when SALDO_INBOUND_SMTP_PORT is set: the domain whose MX points at this listener',
    }),
  })
  .refine((e) => !!e.SALDO_INBOUND_SMTP_TLS_KEY === !!e.SALDO_INBOUND_SMTP_TLS_CERT, {
    path: ['SALDO_INBOUND_SMTP_TLS_CERT'],
    message: 'set both SALDO_INBOUND_SMTP_TLS_KEY and SALDO_INBOUND_SMTP_TLS_CERT, or neither',
  });

const blankToUndefined = (env: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));

function fail(error: z.ZodError): never {
  const issues = error.issues.map((i) => ({ path: String(i.path[0] ?? ''), message: i.message }));
  throw new SaldoError(
    'validation',
    `inbound email configuration: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
    issues,
  );
}

/** SALDO_INBOUND_EMAIL_DOMAIN, comma-separated; [] when unset (no Reply-To / VERP on outgoing mail). */
export function inboundEmailDomains(env: Record<string, string | undefined>): string[] {
  const raw = env.SALDO_INBOUND_EMAIL_DOMAIN;
  if (raw === undefined || raw.trim() === '') return [];
  const r = Domains.safeParse(raw);
  if (!r.success)
    fail(new z.ZodError(r.error.issues.map((i) => ({ ...i, path: ['SALDO_INBOUND_EMAIL_DOMAIN'] }))));
  return r.data;
}

/** The listener, when SALDO_INBOUND_SMTP_PORT is set; null otherwise. */
export function loadInboundSmtpConfig(env: Record<string, string | undefined>): InboundSmtpConfig | null {
  const e = blankToUndefined(env);
  if (e.SALDO_INBOUND_SMTP_PORT === undefined) return null;
  const r = Listener.safeParse(e);
  if (!r.success) fail(r.error);
  inboundEmailDomains(e); // validated here too, so a bad domain stops the boot with the rest
  return {
    host: r.data.SALDO_INBOUND_SMTP_HOST,
    port: r.data.SALDO_INBOUND_SMTP_PORT,
    maxMessageBytes: r.data.SALDO_INBOUND_SMTP_MAX_BYTES,
    tlsKeyPath: r.data.SALDO_INBOUND_SMTP_TLS_KEY,
    tlsCertPath: r.data.SALDO_INBOUND_SMTP_TLS_CERT,
  };
}
