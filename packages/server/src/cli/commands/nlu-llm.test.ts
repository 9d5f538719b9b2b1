import { PassThrough } from 'node:stream';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from '@saldo/core/nlu';
import { train } from '@saldo/models/nlu';
import { buildProgram, runCli } from '../main.js';
import type { CliIo } from '../io.js';
import {
  startFakeOpenAiServer,
  verdict,
  type FakeOpenAiServer,
} from '../../modules/nlu/testing/fake-openai-server.js';

// A small saved model (fast to load, low confidence on unfamiliar replies) and a fake endpoint.
const model = train([
  { text: 'te pago el viernes', intent: 'promise_to_pay' },
  { text: "I'll pay on Friday", intent: 'promise_to_pay' },
  { text: 'ya pagué', intent: 'already_paid' },
  { text: 'I already paid', intent: 'already_paid' },
  { text: 'STOP', intent: 'stop_contact' },
  { text: 'dejen de llamarme', intent: 'stop_contact' },
  { text: 'hola', intent: 'smalltalk' },
  { text: 'hello', intent: 'smalltalk' },
  { text: 'perdí mi trabajo', intent: 'hardship' },
  { text: 'I lost my job', intent: 'hardship' },
]);
const now = '2026-11-24T10:00:00';
const timezone = 'America/Mexico_City';
const local = (text: string) => parse(text, { model, now, timezone });

let fake: FakeOpenAiServer;
let modelPath: string;
beforeAll(async () => {
  fake = await startFakeOpenAiServer();
  modelPath = join(await mkdtemp(join(tmpdir(), 'saldo-nlu-llm-')), 'model.json');
  await writeFile(modelPath, JSON.stringify(model.toJSON()));
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

function makeIo(env: Record<string, string>) {
  const stdin = new PassThrough();
  let out = '';
  let err = '';
  let code = 0;
  const stdout = new PassThrough();
  stdout.on('data', (d) => (out += String(d)));
  const stderr = new PassThrough();
  stderr.on('data', (d) => (err += String(d)));
  const io: CliIo & { exitCode(): number } = {
    stdin,
    stdout,
    stderr,
    env,
    setExitCode: (c) => (code = Math.max(code, c)),
    exitCode: () => code,
  };
  return { io, stdin, out: () => out, err: () => err };
}

const llmEnv = () => ({
  SALDO_NLU_LLM_URL: fake.baseUrl,
  SALDO_NLU_LLM_MODEL: 'fake-model',
  SALDO_NLU_LLM_THRESHOLD: '0.5',
  SALDO_NLU_LLM_TIMEOUT_MS: '3000',
});
const replyOf = (body: unknown) =>
  (JSON.parse((body as { messages: Array<{ content: string }> }).messages[1]!.content) as { reply: string })
    .reply;

describe('saldo nlu parse with SALDO_NLU_LLM_URL', () => {
  it('asks the endpoint only about low-confidence replies and writes the results in input order', async () => {
    const slow = 'el clima esta raro';
    const fast = 'mmm quizas algun dia';
    for (const t of [slow, fast]) expect(local(t).confidence).toBeLessThan(0.5);
    expect(local('te pago el viernes').confidence).toBeGreaterThanOrEqual(0.5);
    // The first low-confidence reply is answered last: the output must still follow the input.
    fake.respond((req) =>
      replyOf(req.body) === slow ? { ...verdict('smalltalk', 0.81), delayMs: 400 } : verdict('refuse', 0.66),
    );
    const h = makeIo(llmEnv());
    h.stdin.end(
      [
        { text: slow, now, timezone },
        { text: 'te pago el viernes', now, timezone },
        'not json',
        { text: 'STOP' },
        { text: fast, now, timezone },
      ]
        .map((l) => (typeof l === 'string' ? l : JSON.stringify(l)))
        .join('\n'),
    );
    const program = await buildProgram(h.io, ['nlu', 'parse']);
    await program.parseAsync(['nlu', 'parse', '--model', modelPath], { from: 'user' });
    const lines = h
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toEqual({ intent: 'smalltalk', confidence: 0.81, lang: 'es', entities: {} });
    expect(lines[1]).toMatchObject({ intent: 'promise_to_pay', entities: { date: '2026-11-27' } });
    expect(lines[2]).toEqual({ error: 'invalid JSON' });
    expect(lines[3]).toMatchObject({ intent: 'stop_contact', confidence: 1 });
    expect(lines[4]).toMatchObject({ intent: 'refuse', confidence: 0.66 });
    expect(fake.requests.map((r) => replyOf(r.body)).sort()).toEqual([slow, fast].sort());
    expect(h.io.exitCode()).toBe(1);
  });

  it('streams: a result is written before stdin ends', async () => {
    fake.respond(() => verdict('smalltalk', 0.7));
    const h = makeIo(llmEnv());
    const program = await buildProgram(h.io, ['nlu', 'parse']);
    const done = program.parseAsync(['nlu', 'parse', '--model', modelPath], { from: 'user' });
    h.stdin.write(`${JSON.stringify({ text: 'el clima esta raro' })}\n`);
    for (let i = 0; i < 200 && !h.out().includes('\n'); i++) await new Promise((r) => setTimeout(r, 25));
    expect(JSON.parse(h.out())).toMatchObject({ intent: 'smalltalk' });
    h.stdin.end(`${JSON.stringify({ text: 'hola' })}\n`);
    await done;
    expect(h.out().trim().split('\n')).toHaveLength(2);
  });

  it('keeps the local result and warns on stderr when the endpoint fails', async () => {
    fake.respond(() => ({ status: 503, body: { error: 'overloaded' } }));
    const h = makeIo(llmEnv());
    h.stdin.end(JSON.stringify({ text: 'el clima esta raro', now, timezone }));
    const program = await buildProgram(h.io, ['nlu', 'parse']);
    await program.parseAsync(['nlu', 'parse', '--model', modelPath], { from: 'user' });
    const { intent, confidence } = local('el clima esta raro');
    expect(JSON.parse(h.out())).toMatchObject({ intent, confidence });
    expect(h.err()).toMatch(/LLM fallback failed \(http\)/);
    expect(h.io.exitCode()).toBe(0);
  });

  it('stops with a clear error when SALDO_NLU_LLM_URL is set without a model', async () => {
    const h = makeIo({ SALDO_NLU_LLM_URL: fake.baseUrl });
    h.stdin.end('');
    expect(await runCli(['nlu', 'parse', '--model', modelPath], h.io)).toBe(1);
    expect(h.err()).toMatch(/SALDO_NLU_LLM_MODEL is required when SALDO_NLU_LLM_URL is set/);
    expect(h.out()).toBe('');
  });
});
