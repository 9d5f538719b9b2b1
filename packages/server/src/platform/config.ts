import { SaldoError } from '@saldo/core';
import { loadInboundSmtpConfig, type InboundSmtpConfig } from '../modules/channels/inbound-mail-config.js';
import { loadNluLlmConfig, type NluLlmConfig } from '../modules/nlu/llm-config.js';

export type { NluLlmConfig } from '../modules/nlu/llm-config.js';

export type Role = 'api' | 'worker' | 'all';

/** Everything Saldo reads from the environment, validated once at boot. */
export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  role: Role;
  bootstrapApiKey: string | undefined;
  secretKey: string | undefined;
  publicUrl: string;
  logLevel: string;
  /** The inbound SMTP listener (SALDO_INBOUND_SMTP_*), started in the api/all role; null = off. */
  inboundSmtp: InboundSmtpConfig | null;
  /** SALDO_NLU_MODEL: a model written by `saldo nlu train --out` (default: trained from the corpus). */
  nluModelPath: string | undefined;
  /** The optional LLM second opinion for low-confidence replies; undefined = off (the default). */
  nluLlm: NluLlmConfig | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv, overrides: Partial<Config> = {}): Config {
  const port = Number(overrides.port ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new SaldoError('validation', `PORT must be 0–65535, got ${env.PORT}`);
  const role = (overrides.role ?? env.SALDO_ROLE ?? 'all') as Role;
  if (!['api', 'worker', 'all'].includes(role))
    throw new SaldoError('validation', `--role must be api, worker or all (got ${role})`);
  return {
    databaseUrl: overrides.databaseUrl ?? (env.DATABASE_URL || undefined),
    dataDir: overrides.dataDir ?? env.SALDO_DATA_DIR ?? './data/pglite',
    port,
    host: overrides.host ?? env.HOST ?? '127.0.0.1',
    role,
    bootstrapApiKey: overrides.bootstrapApiKey ?? (env.SALDO_BOOTSTRAP_API_KEY || undefined),
    secretKey: overrides.secretKey ?? (env.SALDO_SECRET_KEY || undefined),
    publicUrl: overrides.publicUrl ?? env.SALDO_PUBLIC_URL ?? `http://localhost:${port}`,
    logLevel: overrides.logLevel ?? env.LOG_LEVEL ?? 'info',
    inboundSmtp: overrides.inboundSmtp !== undefined ? overrides.inboundSmtp : loadInboundSmtpConfig(env),
    nluModelPath: overrides.nluModelPath ?? (env.SALDO_NLU_MODEL || undefined),
    nluLlm: 'nluLlm' in overrides ? overrides.nluLlm : loadNluLlmConfig(env),
  };
}
