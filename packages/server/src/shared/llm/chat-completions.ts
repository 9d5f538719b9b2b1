// A client of OpenAI-compatible chat-completions endpoints (OpenAI, Ollama, vLLM, llama.cpp server,
// a gateway): plain fetch, a deadline per call that includes waiting for a slot, no redirects, no
// retries. Used by the NLU's second opinion and the dialogue's rewording of replies.
import { z } from 'zod';
import { createLimiter } from './limiter.js';

export interface ChatCompletionsOptions {
  /** Base URL of the API, e.g. `http://127.0.0.1:11434/v1` (Ollama) — `/chat/completions` is appended. */
  baseUrl: string;
  model: string;
  /** Sent as `Authorization: Bearer …` when set; local servers usually need none. */
  apiKey?: string | undefined;
  /** Requests in flight at once; the others wait for a slot within their deadline. */
  maxConcurrent?: number | undefined;
}

export interface ChatRequest {
  system: string;
  /** The user message: the caller's data, usually a JSON envelope. */
  user: string;
  /** Asks for `response_format: {type: "json_object"}`. */
  json: boolean;
  temperature: number;
  /** The whole call, queueing included. */
  timeoutMs: number;
}

export const llmFailureReasons = ['timeout', 'network', 'http', 'malformed'] as const;
export type LlmFailureReason = (typeof llmFailureReasons)[number];

/** Why a call gave no answer; `detail` is for logs (never the text sent). */
export class LlmFailure extends Error {
  constructor(
    readonly reason: LlmFailureReason,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(reason);
  }
}

const ChatCompletion = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

/** For logs: a base URL may carry user:password. */
function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}

/** Some servers wrap JSON in a Markdown fence even in JSON mode. */
export function unfence(s: string): string {
  const m = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(s);
  return m?.[1] ?? s;
}

export function createChatCompletions(o: ChatCompletionsOptions) {
  const url = `${o.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (o.apiKey) headers.authorization = `Bearer ${o.apiKey}`;
  const limiter = createLimiter(o.maxConcurrent ?? 4);

  async function post(req: ChatRequest, signal: AbortSignal): Promise<string> {
    const body = JSON.stringify({
      model: o.model,
      temperature: req.temperature,
      ...(req.json ? { response_format: { type: 'json_object' } } : {}),
      messages: [
        { role: 'system', content: req.system },
        { role: 'user', content: req.user },
      ],
    });
    let payload: string;
    let res: Response;
    try {
      // No redirects: the text goes to the configured endpoint and nowhere else.
      res = await fetch(url, { method: 'POST', headers, body, signal, redirect: 'error' });
      payload = await res.text();
    } catch (err) {
      throw signal.aborted ? new LlmFailure('timeout') : new LlmFailure('network', { err: String(err) });
    }
    if (!res.ok) throw new LlmFailure('http', { status: res.status });
    let raw: unknown;
    try {
      raw = JSON.parse(payload);
    } catch {
      throw new LlmFailure('malformed', { what: 'response body is not JSON' });
    }
    const completion = ChatCompletion.safeParse(raw);
    if (!completion.success) throw new LlmFailure('malformed', { what: 'not a chat completion' });
    return completion.data.choices[0]!.message.content;
  }

  return {
    /** The endpoint without credentials, for logs. */
    endpoint: withoutCredentials(url),
    model: o.model,
    /** The assistant message's content, or an `LlmFailure`. */
    async complete(req: ChatRequest): Promise<string> {
      const signal = AbortSignal.timeout(req.timeoutMs);
      // A call that would start with less than a quarter of its time (at most 250 ms) left is not sent.
      const startBy = performance.now() + req.timeoutMs - Math.min(250, req.timeoutMs / 4);
      try {
        return await limiter.run(signal, () => post(req, signal), startBy);
      } catch (err) {
        if (err instanceof LlmFailure) throw err;
        const late = err instanceof DOMException && err.name === 'TimeoutError';
        if (signal.aborted || late) throw new LlmFailure('timeout');
        throw new LlmFailure('network', { err: String(err) });
      }
    },
  };
}
export type ChatCompletions = ReturnType<typeof createChatCompletions>;
