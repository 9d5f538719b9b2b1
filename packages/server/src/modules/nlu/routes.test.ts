import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { train } from '@saldo/models/nlu';
import { createNluService } from './adapters/nlu-service.js';
import { ManualClock } from '../../shared/clock/manual-clock.js';
import nluRoutes from './routes.js';

const model = train([
  { text: 'te pago el viernes', intent: 'promise_to_pay' },
  { text: "I'll pay on Friday", intent: 'promise_to_pay' },
  { text: 'ya pagué', intent: 'already_paid' },
  { text: 'I already paid', intent: 'already_paid' },
  { text: 'STOP', intent: 'stop_contact' },
  { text: 'hola', intent: 'smalltalk' },
]);

async function app() {
  const a = Fastify();
  await a.register(nluRoutes, { nlu: createNluService(model, new ManualClock('2026-11-24T16:00:00Z')) });
  return a;
}

describe('POST /v1/nlu/parse', () => {
  it('answers an object with an object', async () => {
    const res = await (
      await app()
    ).inject({
      method: 'POST',
      url: '/v1/nlu/parse',
      payload: {
        text: 'te pago 500 pesos el viernes',
        timezone: 'America/Mexico_City',
        now: '2026-11-24T10:00:00',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      intent: 'promise_to_pay',
      lang: 'es',
      entities: { amount: { value: 500, currency: 'MXN' }, date: '2026-11-27' },
    });
  });

  it('answers an array with an array, using the clock when now is absent', async () => {
    const res = await (
      await app()
    ).inject({
      method: 'POST',
      url: '/v1/nlu/parse',
      payload: [{ text: 'STOP' }, { text: 'te pago mañana', timezone: 'America/Mexico_City' }],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toHaveLength(2);
    expect(body[0].intent).toBe('stop_contact');
    expect(body[1].entities.date).toBe('2026-11-25');
  });

  it('rejects a malformed body with problem+json', async () => {
    const res = await (await app()).inject({ method: 'POST', url: '/v1/nlu/parse', payload: { lang: 'fr' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const body = res.json();
    expect(body).toMatchObject({
      status: 400,
      title: expect.any(String),
      type: expect.any(String),
      detail: expect.any(String),
    });
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['text', 'lang']),
    );
  });

  it('reports the index of a bad array item', async () => {
    const res = await (
      await app()
    ).inject({ method: 'POST', url: '/v1/nlu/parse', payload: [{ text: 'ok' }, { text: 5 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('1.text');
  });
});
