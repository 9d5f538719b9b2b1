// A fake OpenAI-compatible chat-completions server for tests: loopback only, port chosen by the OS,
// every request recorded. Tests never send traffic anywhere else.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (or the raw text when it is not JSON). */
  body: unknown;
}

export interface FakeReply {
  status?: number;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
  headers?: Record<string, string>;
}

export type Responder = (req: RecordedRequest) => FakeReply;

/** A chat completion whose message content is `content` (an object is JSON-encoded). */
export function chatCompletion(content: unknown): Record<string, unknown> {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    model: 'fake',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: typeof content === 'string' ? content : JSON.stringify(content),
        },
        finish_reason: 'stop',
      },
    ],
  };
}

/** Answers `{"intent", "confidence"}` as a chat completion. */
export const verdict = (intent: string, confidence = 0.9): FakeReply => ({
  body: chatCompletion({ intent, confidence }),
});

export async function startFakeOpenAiServer(initial: Responder = () => verdict('unknown')) {
  const requests: RecordedRequest[] = [];
  let responder = initial;
  const load = { inFlight: 0, peak: 0 };
  const server = createServer((req, res) => {
    // Counted from arrival until the response is finished or the client goes away.
    load.inFlight++;
    load.peak = Math.max(load.peak, load.inFlight);
    res.on('close', () => load.inFlight--);
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // kept as text
      }
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
      };
      requests.push(recorded);
      const reply = responder(recorded);
      const send = () => {
        if (res.destroyed) return;
        const payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
        res.end(payload);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs).unref();
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** What SALDO_NLU_LLM_URL would hold. */
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    /** Requests being answered right now, and the most at once since the last `resetPeak()`. */
    load,
    resetPeak() {
      load.peak = load.inFlight;
    },
    respond(r: Responder) {
      responder = r;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type FakeOpenAiServer = Awaited<ReturnType<typeof startFakeOpenAiServer>>;
