import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NluParseInput } from '@saldo/core/nlu';
import { train } from '@saldo/models/nlu';
import { ManualClock } from '../../../shared/clock/manual-clock.js';
import { createNluService, toWire, type NluFallback } from './nlu-service.js';
import { createOpenAiCompatibleFallback } from './openai-compatible.js';
import {
  chatCompletion,
  startFakeOpenAiServer,
  verdict,
  type FakeOpenAiServer,
} from '../testing/fake-openai-server.js';

// A deliberately small model: ambiguous replies get low confidence, opt-outs come from the rules.
const model = train([
  { text: 'te pago el viernes', intent: 'promise_to_pay' },
  { text: "I'll pay on Friday", intent: 'promise_to_pay' },
  { text: 'ya pagué', intent: 'already_paid' },
  { text: 'I already paid', intent: 'already_paid' },
  { text: 'STOP', intent: 'stop_contact' },
  { text: 'dejen de llamarme', intent: 'stop_contact' },
  { text: 'hola', intent: 'smalltalk' },
  { text: 'hello', intent: 'smalltalk' },
  { text: "text me, don't call", intent: 'contact_preference' },
  { text: 'mejor por whatsapp', intent: 'contact_preference' },
  { text: 'perdí mi trabajo', intent: 'hardship' },
  { text: 'I lost my job', intent: 'hardship' },
]);
const clock = new ManualClock('2026-11-24T16:00:00Z');
const at = (text: string): NluParseInput => ({
  text,
  timezone: 'America/Mexico_City',
  now: '2026-11-24T10:00:00',
});

let fake: FakeOpenAiServer;
const warnings: string[] = [];
const infos: Array<Record<string, unknown>> = [];
const logger = {
  warn: (_o: object, msg: string) => warnings.push(msg),
  info: (o: object) => infos.push(o as Record<string, unknown>),
};

beforeAll(async () => {
  fake = await startFakeOpenAiServer();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  warnings.length = 0;
  infos.length = 0;
});

function service(threshold: number, timeoutMs = 2000) {
  const fallback = createOpenAiCompatibleFallback({
    baseUrl: fake.baseUrl,
    model: 'fake-model',
    apiKey: 'k-1',
    timeoutMs,
    logger,
  });
  return createNluService(model, clock, { fallback, threshold, logger });
}

describe('NLU service with the LLM fallback', () => {
  it('does not call the endpoint for a confident local result', async () => {
    fake.respond(() => verdict('refuse', 0.99));
    const s = service(0.5);
    const local = s.parse(at('te pago el viernes'));
    expect(local.confidence).toBeGreaterThanOrEqual(0.5);
    expect(await s.parseAsync(at('te pago el viernes'))).toEqual({ ...local, source: 'local' });
    expect(fake.requests).toHaveLength(0);
  });

  it('asks the endpoint about a low-confidence reply and reports its intent with the local entities', async () => {
    const input = at('el clima esta raro desde el viernes');
    const local = createNluService(model, clock).parse(input);
    // Just above the local confidence, so the test does not depend on the model's exact numbers.
    const s = service(local.confidence + 0.01);
    const other = local.intent === 'smalltalk' ? 'request_info' : 'smalltalk';
    fake.respond(() => verdict(other, 0.77));
    const r = await s.parseAsync(input);
    expect(r).toMatchObject({
      intent: other,
      confidence: 0.77,
      lang: local.lang,
      entities: local.entities,
      source: 'llm',
    });
    expect(r.entities.date).toBeDefined();
    // The wire format is unchanged: no `source` key.
    expect(Object.keys(toWire(r)).slice(0, 4)).toEqual(['intent', 'confidence', 'lang', 'entities']);
    expect(toWire(r)).not.toHaveProperty('source');
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0]!;
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe('Bearer k-1');
    const body = req.body as { model: string; messages: Array<{ content: string }> };
    expect(body.model).toBe('fake-model');
    expect(JSON.parse(body.messages[1]!.content)).toEqual({ reply: 'el clima esta raro desde el viernes' });
    expect(infos).toEqual([
      expect.objectContaining({ local: local.intent, intent: other, confidence: 0.77 }),
    ]);
  });

  it.each([
    ['an opt-out rule', 'dejen de llamarme'],
    ['a carrier keyword alone', 'STOP'],
    ['an opt-out as secondary (redirection)', "text me, don't call"],
    ['an opt-out with another intent', 'ya pagué, dejen de molestar'],
    ['a carrier keyword inside a sentence', 'can I cancel the card fee'],
    ['a carrier keyword in an unrelated phrase', 'fin de mes veo'],
  ])('never sends %s to the endpoint, whatever the threshold', async (_what, text) => {
    fake.respond(() => verdict('already_paid', 0.99));
    // Above every possible confidence: only the opt-out guard can keep the endpoint out.
    const s = service(1.01);
    const local = s.parse(at(text));
    const r = await s.parseAsync(at(text));
    expect(r).toEqual({ ...local, source: 'local' });
    expect(fake.requests).toHaveLength(0);
    if (local.intent === 'stop_contact' || local.secondary?.includes('stop_contact'))
      expect([r.intent, ...(r.secondary ?? [])]).toContain('stop_contact');
  });

  it('accepts an opt-out the local model missed (the fallback may add one, never remove one)', async () => {
    fake.respond(() => verdict('stop_contact', 0.95));
    const r = await service(0.5).parseAsync(at('el clima esta raro'));
    expect(r).toMatchObject({ intent: 'stop_contact', confidence: 0.95, source: 'llm' });
  });

  it('keeps an intent found by the local rules as secondary when the fallback overrides it', async () => {
    fake.respond(() => verdict('hardship', 0.8));
    const s = service(1.01);
    expect(s.parse(at('mi mamá falleció')).intent).toBe('deceased');
    const r = await s.parseAsync(at('mi mamá falleció'));
    expect(r.intent).toBe('hardship');
    expect(r.secondary?.[0]).toBe('deceased');
  });

  it.each([
    ['an `unknown` answer (abstention)', () => verdict('unknown', 0.9)],
    ['malformed JSON', () => ({ body: chatCompletion('not json at all') })],
    ['an unknown label', () => verdict('wants_refund', 0.99)],
    ['HTTP 500', () => ({ status: 500, body: { error: 'boom' } })],
    ['a timeout', () => ({ ...verdict('affirm', 0.99), delayMs: 1500 })],
  ])('keeps the local result on %s', async (_what, reply) => {
    fake.respond(reply);
    const s = service(0.5, 200);
    const local = s.parse(at('el clima esta raro'));
    expect(local.confidence).toBeLessThan(0.5);
    expect(await s.parseAsync(at('el clima esta raro'))).toEqual({ ...local, source: 'local' });
    expect(fake.requests).toHaveLength(1);
  });

  it('keeps the local result when a fallback breaks its contract and rejects', async () => {
    const broken: NluFallback = { classify: () => Promise.reject(new Error('bug')) };
    const s = createNluService(model, clock, { fallback: broken, threshold: 1.01, logger });
    const local = s.parse(at('el clima esta raro'));
    expect(await s.parseAsync(at('el clima esta raro'))).toEqual({ ...local, source: 'local' });
    expect(warnings).toHaveLength(1);
  });

  it('is the local parse when no fallback is configured', async () => {
    const s = createNluService(model, clock);
    expect(await s.parseAsync(at('el clima esta raro'))).toEqual({
      ...s.parse(at('el clima esta raro')),
      source: 'local',
    });
  });
});
