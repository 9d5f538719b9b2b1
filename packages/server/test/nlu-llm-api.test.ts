import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { parse } from '@saldo/core/nlu';
import { train } from '@saldo/models/nlu';
import { ManualClock } from '../src/shared/clock/manual-clock.js';
import {
  startFakeOpenAiServer,
  verdict,
  type FakeOpenAiServer,
} from '../src/modules/nlu/testing/fake-openai-server.js';
import { buildPlatform, type Platform } from '../src/platform/composition-root.js';
import { loadConfig } from '../src/platform/config.js';
import { buildHttp } from '../src/platform/start-saldo.js';
import type { Db } from '../src/shared/db/db.js';
import { newTenant, T0 } from './fixtures.js';
import { storageModes } from './storage.js';

// POST /v1/nlu/parse through the real app, with the LLM fallback configured from the environment.
const model = train([
  { text: 'te pago el viernes', intent: 'promise_to_pay' },
  { text: "I'll pay on Friday", intent: 'promise_to_pay' },
  { text: 'ya pagué', intent: 'already_paid' },
  { text: 'I already paid', intent: 'already_paid' },
  { text: 'STOP', intent: 'stop_contact' },
  { text: 'dejen de llamarme', intent: 'stop_contact' },
  { text: 'hola', intent: 'smalltalk' },
  { text: 'hello', intent: 'smalltalk' },
]);
const now = '2026-11-24T10:00:00';
const timezone = 'America/Mexico_City';

describe('POST /v1/nlu/parse with the LLM fallback', () => {
  let db: Db & { drop(): Promise<void> };
  let fake: FakeOpenAiServer;
  let p: Platform;
  let app: FastifyInstance;
  const logged: Array<{ level: string; msg: string }> = [];
  beforeAll(async () => {
    db = await storageModes[0]!.open();
    fake = await startFakeOpenAiServer();
    const modelPath = join(await mkdtemp(join(tmpdir(), 'saldo-nlu-api-')), 'model.json');
    await writeFile(modelPath, JSON.stringify(model.toJSON()));
    // The same path as `saldo start`: environment → validated config → platform.
    const config = loadConfig({
      SALDO_SECRET_KEY: 'test-secret-0123456789abcdef',
      SALDO_NLU_LLM_URL: fake.baseUrl,
      SALDO_NLU_LLM_MODEL: 'fake-model',
      SALDO_NLU_LLM_API_KEY: 'sk-api',
      SALDO_NLU_MODEL: modelPath,
    });
    p = await buildPlatform({
      db,
      clock: new ManualClock(T0),
      config,
      log: (level, msg) => logged.push({ level, msg }),
    });
    // The platform registers its own routes (the NLU route included): no `extra` here.
    app = await buildHttp(p);
  });
  afterAll(async () => {
    await app.close();
    await fake.close();
    await db.drop();
  });
  beforeEach(() => {
    fake.requests.length = 0;
    logged.length = 0;
  });

  it('uses the endpoint for a low-confidence reply only, and never for an opt-out', async () => {
    const t = await newTenant(p, 'agent');
    const low = 'el clima esta raro';
    expect(parse(low, { model, now, timezone }).confidence).toBeLessThan(0.5);
    fake.respond(() => verdict('smalltalk', 0.83));
    const res = await app.inject({
      method: 'POST',
      url: '/v1/nlu/parse',
      headers: { authorization: `Bearer ${t.key}` },
      payload: [
        { text: low, now, timezone },
        { text: 'te pago el viernes', now, timezone },
        { text: 'dejen de llamarme' },
        { text: 'STOP' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const [first, second, optOut, stop] = res.json() as Array<Record<string, unknown>>;
    // Exactly the documented wire object: no extra keys such as `source`.
    expect(first).toEqual({ intent: 'smalltalk', confidence: 0.83, lang: 'es', entities: {} });
    expect(second).toMatchObject({ intent: 'promise_to_pay', entities: { date: '2026-11-27' } });
    expect(optOut).toMatchObject({ intent: 'stop_contact' });
    expect(stop).toMatchObject({ intent: 'stop_contact', confidence: 1 });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.headers.authorization).toBe('Bearer sk-api');
    expect(logged.filter((l) => l.msg.startsWith('nlu:'))).toEqual([
      { level: 'info', msg: 'nlu: LLM second opinion used' },
    ]);
  });

  it('answers with the local result when the endpoint fails', async () => {
    const t = await newTenant(p, 'agent');
    fake.respond(() => ({ status: 500, body: { error: 'boom' } }));
    const res = await app.inject({
      method: 'POST',
      url: '/v1/nlu/parse',
      headers: { authorization: `Bearer ${t.key}` },
      payload: { text: 'el clima esta raro', now, timezone },
    });
    expect(res.statusCode).toBe(200);
    const { intent, confidence } = parse('el clima esta raro', { model, now, timezone });
    expect(res.json()).toMatchObject({ intent, confidence });
    expect(logged.filter((l) => l.msg.startsWith('nlu:')).map((l) => l.level)).toEqual(['warn']);
  });
});
