import { z } from 'zod';
import { SaldoError } from '@saldo/core';

/** The optional LLM second opinion for low-confidence NLU replies (docs/nlu.md, "LLM fallback"). */
export interface NluLlmConfig {
  /** e.g. `http://127.0.0.1:11434/v1`; `/chat/completions` is appended. */
  baseUrl: string;
  model: string;
  apiKey: string | undefined;
  /** Consulted only when the local confidence is below this. */
  threshold: number;
  timeoutMs: number;
}

const Env = z.object({
  SALDO_NLU_LLM_URL: z.url({
    protocol: /^https?$/,
    error: 'must be an http(s) base URL, e.g. http://127.0.0.1:11434/v1',
  }),
  SALDO_NLU_LLM_MODEL: z.string({
    error: 'is required when SALDO_NLU_LLM_URL is set (the model name the endpoint serves, e.g. llama3.1:8b)',
  }),
  SALDO_NLU_LLM_API_KEY: z.string().optional(),
  SALDO_NLU_LLM_THRESHOLD: z.coerce
    .number({ error: 'must be a number from 0 to 1' })
    .min(0, 'must be a number from 0 to 1')
    .max(1, 'must be a number from 0 to 1')
    .default(0.5),
  SALDO_NLU_LLM_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a whole number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(100, 'must be at least 100 ms')
    .max(120_000, 'must be at most 120000 ms')
    .default(3000),
});

const keys = [
  'SALDO_NLU_LLM_URL',
  'SALDO_NLU_LLM_MODEL',
  'SALDO_NLU_LLM_API_KEY',
  'SALDO_NLU_LLM_THRESHOLD',
  'SALDO_NLU_LLM_TIMEOUT_MS',
] as const;

/**
 * Reads the `SALDO_NLU_LLM_*` variables. Off by default: without `SALDO_NLU_LLM_URL` the answer is
 * `undefined` and the other variables are not read. With it, everything is validated at boot and
 * a bad value stops the process with one message per variable (a half-configured fallback that
 * silently does nothing is worse than a clear error).
 */
export function loadNluLlmConfig(env: Record<string, string | undefined>): NluLlmConfig | undefined {
  // An empty variable (`SALDO_NLU_LLM_URL=` in a .env file) means "not set".
  const raw: Record<string, string | undefined> = {};
  for (const k of keys) raw[k] = env[k]?.trim() ? env[k]!.trim() : undefined;
  if (raw.SALDO_NLU_LLM_URL === undefined) return undefined;
  const parsed = Env.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new SaldoError(
      'validation',
      `invalid LLM fallback configuration: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
      issues,
    );
  }
  const c = parsed.data;
  return {
    baseUrl: c.SALDO_NLU_LLM_URL,
    model: c.SALDO_NLU_LLM_MODEL,
    apiKey: c.SALDO_NLU_LLM_API_KEY,
    threshold: c.SALDO_NLU_LLM_THRESHOLD,
    timeoutMs: c.SALDO_NLU_LLM_TIMEOUT_MS,
  };
}
