import { z } from 'zod';
import { SaldoError } from '@saldo/core';

/** The optional rewording of the bot's replies by a language model (docs/dialogue.md, "Rephrasing"). */
export interface DialogueRephraseConfig {
  /** e.g. `http://127.0.0.1:11434/v1`; `/chat/completions` is appended. */
  baseUrl: string;
  model: string;
  apiKey: string | undefined;
  /** The whole call; a reply whose rewording is not back by then is sent as written. */
  timeoutMs: number;
}

const Settings = z.object({
  url: z.url({
    protocol: /^https?$/,
    error: 'must be an http(s) base URL, e.g. http://127.0.0.1:11434/v1',
  }),
  model: z.string({
    error:
      'is required with SALDO_DIALOGUE_REPHRASE=on (the model name the endpoint serves, e.g. llama3.1:8b)',
  }),
  apiKey: z.string().optional(),
  timeoutMs: z.coerce
    .number({ error: 'must be a whole number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(100, 'must be at least 100 ms')
    .max(10_000, 'must be at most 10000 ms (a reply waits for it)')
    .default(1500),
});

const keys = [
  'SALDO_DIALOGUE_REPHRASE',
  'SALDO_DIALOGUE_REPHRASE_URL',
  'SALDO_DIALOGUE_REPHRASE_MODEL',
  'SALDO_DIALOGUE_REPHRASE_API_KEY',
  'SALDO_DIALOGUE_REPHRASE_TIMEOUT_MS',
  'SALDO_NLU_LLM_URL',
  'SALDO_NLU_LLM_MODEL',
  'SALDO_NLU_LLM_API_KEY',
] as const;
type Key = (typeof keys)[number];

/** Which variable each setting was read from, so an error names the one to fix. */
const sourceOf = (fromNlu: boolean): Record<keyof z.input<typeof Settings>, Key> => ({
  url: fromNlu ? 'SALDO_NLU_LLM_URL' : 'SALDO_DIALOGUE_REPHRASE_URL',
  model: 'SALDO_DIALOGUE_REPHRASE_MODEL',
  apiKey: fromNlu ? 'SALDO_NLU_LLM_API_KEY' : 'SALDO_DIALOGUE_REPHRASE_API_KEY',
  timeoutMs: 'SALDO_DIALOGUE_REPHRASE_TIMEOUT_MS',
});

/**
 * Reads the `SALDO_DIALOGUE_REPHRASE*` variables. Off by default: without
 * `SALDO_DIALOGUE_REPHRASE=on` the answer is `undefined` and nothing else is read. On, the
 * endpoint is `SALDO_DIALOGUE_REPHRASE_URL` with its model and key, or else the NLU's
 * (`SALDO_NLU_LLM_URL`, its model unless `SALDO_DIALOGUE_REPHRASE_MODEL` names another, and its
 * key: a key never goes to another endpoint than its own). A bad or missing value stops the process
 * at start, naming the variable.
 */
export function loadDialogueRephraseConfig(
  env: Readonly<Record<string, string | undefined>>,
): DialogueRephraseConfig | undefined {
  const raw: Partial<Record<Key, string>> = {};
  for (const k of keys) if (env[k]?.trim()) raw[k] = env[k]!.trim();
  const state = raw.SALDO_DIALOGUE_REPHRASE ?? 'off';
  if (state !== 'on' && state !== 'off')
    throw new SaldoError('validation', `SALDO_DIALOGUE_REPHRASE must be on or off (got ${state})`);
  if (state === 'off') return undefined;
  const fromNlu = raw.SALDO_DIALOGUE_REPHRASE_URL === undefined;
  if (fromNlu && raw.SALDO_NLU_LLM_URL === undefined)
    throw new SaldoError(
      'validation',
      'SALDO_DIALOGUE_REPHRASE=on needs an endpoint: SALDO_DIALOGUE_REPHRASE_URL (or SALDO_NLU_LLM_URL)',
      [{ path: 'SALDO_DIALOGUE_REPHRASE_URL', message: 'is required with SALDO_DIALOGUE_REPHRASE=on' }],
    );
  const sources = sourceOf(fromNlu);
  const parsed = Settings.safeParse({
    url: fromNlu ? raw.SALDO_NLU_LLM_URL : raw.SALDO_DIALOGUE_REPHRASE_URL,
    model: raw.SALDO_DIALOGUE_REPHRASE_MODEL ?? (fromNlu ? raw.SALDO_NLU_LLM_MODEL : undefined),
    apiKey: fromNlu ? raw.SALDO_NLU_LLM_API_KEY : raw.SALDO_DIALOGUE_REPHRASE_API_KEY,
    timeoutMs: raw.SALDO_DIALOGUE_REPHRASE_TIMEOUT_MS,
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: sources[i.path[0] as keyof typeof sources],
      message: i.message,
    }));
    throw new SaldoError(
      'validation',
      `invalid reply rephrasing configuration: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
      issues,
    );
  }
  const c = parsed.data;
  return { baseUrl: c.url, model: c.model, apiKey: c.apiKey, timeoutMs: c.timeoutMs };
}
