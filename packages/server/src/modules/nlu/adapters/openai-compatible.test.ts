import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { intents } from '@saldo/core/nlu';
import {
  createOpenAiCompatibleFallback,
  systemPrompt,
  type OpenAiCompatibleOptions,
} from './openai-compatible.js';
import {
  chatCompletion,
  startFakeOpenAiServer,
  verdict,
  type FakeOpenAiServer,
} from '../testing/fake-openai-server.js';

let fake: FakeOpenAiServer;
const warnings: Array<{ obj: Record<string, unknown>; msg: string }> = [];
const logger = {
  warn: (obj: object, msg: string) => warnings.push({ obj: obj as Record<string, unknown>, msg }),
  info: () => {},
};

beforeAll(async () => {
  fake = await startFakeOpenAiServer();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  warnings.length = 0;
  fake.respond(() => verdict('unknown'));
});

const fallback = (o: Partial<OpenAiCompatibleOptions> = {}) =>
  createOpenAiCompatibleFallback({
    baseUrl: fake.baseUrl,
    model: 'llama-test',
    timeoutMs: 2000,
    logger,
    ...o,
  });

describe('OpenAI-compatible NLU fallback', () => {
  it('posts a chat completion request in JSON mode and returns the validated verdict', async () => {
    fake.respond(() => verdict('hardship', 0.8));
    const answer = await fallback({ apiKey: 'sk-test-123' }).classify('se me complicó todo este mes');
    expect(answer).toEqual({ intent: 'hardship', confidence: 0.8 });
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe('Bearer sk-test-123');
    expect(req.headers['content-type']).toBe('application/json');
    const body = req.body as {
      model: string;
      temperature: number;
      response_format: unknown;
      messages: Array<{ role: string; content: string }>;
    };
    expect(body).toMatchObject({
      model: 'llama-test',
      temperature: 0,
      response_format: { type: 'json_object' },
    });
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[0]!.content).toBe(systemPrompt());
    // The reply travels as data in a JSON envelope, and nothing else about the debtor is sent.
    expect(JSON.parse(body.messages[1]!.content)).toEqual({ reply: 'se me complicó todo este mes' });
  });

  it('lists exactly the closed intent set in the system prompt and asks for intent + confidence', () => {
    const prompt = systemPrompt();
    const listed = [...prompt.matchAll(/^- ([a-z_]+): /gm)].map((m) => m[1]);
    expect(listed).toEqual([...intents]);
    expect(prompt).toMatch(/"intent"/);
    expect(prompt).toMatch(/"confidence"/);
  });

  it('sends no Authorization header without a key and tolerates a trailing slash in the base URL', async () => {
    fake.respond(() => verdict('affirm'));
    expect(await fallback({ baseUrl: `${fake.baseUrl}/` }).classify('sale')).toEqual({
      intent: 'affirm',
      confidence: 0.9,
    });
    expect(fake.requests[0]!.path).toBe('/v1/chat/completions');
    expect(fake.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('clips the reply to 2,000 characters and accepts a JSON answer wrapped in a Markdown fence', async () => {
    fake.respond(() => ({
      body: chatCompletion('```json\n{"intent": "request_info", "confidence": 0.7}\n```'),
    }));
    expect(await fallback().classify('a'.repeat(5000))).toEqual({ intent: 'request_info', confidence: 0.7 });
    const body = fake.requests[0]!.body as { messages: Array<{ content: string }> };
    expect((JSON.parse(body.messages[1]!.content) as { reply: string }).reply).toHaveLength(2000);
  });

  it.each([
    ['a body that is not JSON', { body: 'oops' }, 'malformed'],
    ['a body that is not a chat completion', { body: { result: 'affirm' } }, 'malformed'],
    [
      'message content that is not JSON',
      { body: chatCompletion('I think it is a promise to pay') },
      'malformed',
    ],
    ['a verdict without confidence', { body: chatCompletion({ intent: 'affirm' }) }, 'malformed'],
    ['a confidence outside 0..1', { body: chatCompletion({ intent: 'affirm', confidence: 7 }) }, 'malformed'],
    [
      'a label outside the closed set',
      { body: chatCompletion({ intent: 'wants_refund', confidence: 0.99 }) },
      'unknown_label',
    ],
    ['HTTP 500', { status: 500, body: { error: { message: 'model crashed' } } }, 'http'],
    ['HTTP 401', { status: 401, body: { error: { message: 'bad key' } } }, 'http'],
  ] as const)('answers undefined and logs a warning on %s', async (_what, reply, reason) => {
    fake.respond(() => reply);
    await expect(fallback().classify('mmm no sé')).resolves.toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.obj.reason).toBe(reason);
    expect(warnings[0]!.msg).toMatch(/keeping the local result/);
    // Debtor text is never logged.
    expect(JSON.stringify(warnings)).not.toContain('no sé');
  });

  it('does not follow a redirect (the reply text goes to the configured endpoint only)', async () => {
    fake.respond((req) =>
      req.path.startsWith('/v1/')
        ? { status: 307, headers: { location: '/elsewhere/chat/completions' } }
        : verdict('affirm'),
    );
    await expect(fallback().classify('si')).resolves.toBeUndefined();
    expect(fake.requests.map((r) => r.path)).toEqual(['/v1/chat/completions']);
    expect(warnings[0]!.obj.reason).toBe('network');
  });

  it('gives up after the timeout', async () => {
    fake.respond(() => ({ ...verdict('affirm'), delayMs: 1500 }));
    const t0 = performance.now();
    await expect(fallback({ timeoutMs: 150 }).classify('eh')).resolves.toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(1200);
    expect(warnings[0]!.obj.reason).toBe('timeout');
  });

  it('answers undefined when nothing listens (connection refused)', async () => {
    const gone = await startFakeOpenAiServer();
    const baseUrl = gone.baseUrl;
    await gone.close();
    await expect(fallback({ baseUrl }).classify('eh')).resolves.toBeUndefined();
    expect(warnings[0]!.obj.reason).toBe('network');
  });

  it('keeps at most maxConcurrent requests in flight, and the deadline also bounds queueing', async () => {
    // Earlier tests may leave an abandoned response behind: start from an idle server.
    for (let i = 0; i < 80 && fake.load.inFlight > 0; i++) await new Promise((r) => setTimeout(r, 25));
    fake.resetPeak();
    fake.respond(() => ({ ...verdict('affirm'), delayMs: 100 }));
    const f = fallback({ maxConcurrent: 2, timeoutMs: 2000 });
    const answers = await Promise.all(Array.from({ length: 6 }, () => f.classify('si')));
    expect(answers.every((a) => a?.intent === 'affirm')).toBe(true);
    expect(fake.load.peak).toBe(2);

    // One slot, 900 ms per answer, 1.5 s deadline: the second reply times out in flight, the third
    // in the queue, unsent.
    fake.requests.length = 0;
    fake.respond(() => ({ ...verdict('affirm'), delayMs: 900 }));
    const slow = fallback({ maxConcurrent: 1, timeoutMs: 1500 });
    const res = await Promise.all([slow.classify('a'), slow.classify('b'), slow.classify('c')]);
    expect(res).toEqual([{ intent: 'affirm', confidence: 0.9 }, undefined, undefined]);
    expect(fake.requests.length).toBeLessThanOrEqual(2);
  });
});
