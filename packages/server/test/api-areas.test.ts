import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../src/platform/composition-root.js';
import type { Db } from '../src/shared/db/db.js';
import { buildHttp } from '../src/platform/start-saldo.js';
import { newTenant, testPlatform } from './fixtures.js';
import { storageModes } from './storage.js';

// The compliance and NLU endpoints through the real app: authentication, roles, org policy layer.
describe('compliance and NLU over HTTP', () => {
  let db: Db & { drop(): Promise<void> };
  let p: Platform;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await storageModes[0]!.open();
    p = (await testPlatform(db)).platform;
    app = await buildHttp(p);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  const contact = (at: string) => ({
    id: 'c1',
    at,
    channel: 'sms',
    debtId: 'A',
    recipient: 'debtor',
    debtor: {
      country: 'MX',
      timezone: 'America/Mexico_City',
      consents: { sms: true },
      optOuts: [],
      flags: [],
    },
    history: [],
    content: { optOutInstructions: true, miniMiranda: true },
  });

  it('checks a contact, and an organization policy layer only makes it stricter', async () => {
    const t = await newTenant(p, 'admin');
    const h = { authorization: `Bearer ${t.key}` };
    // Wednesday 2026-11-25 19:30 in Mexico City (UTC-6): inside the legal window.
    const at = '2026-11-26T01:30:00Z';
    const before = (
      await app.inject({ method: 'POST', url: '/v1/compliance/check', headers: h, payload: contact(at) })
    ).json();
    expect(before).toMatchObject({ id: 'c1', allowed: true, reasons: [], nextAllowedAt: null });
    const put = await app.inject({
      method: 'PUT',
      url: '/v1/compliance/policy',
      headers: h,
      payload: {
        quietHours: [
          { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '19:00', end: '09:00' },
        ],
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = (
      await app.inject({ method: 'POST', url: '/v1/compliance/check', headers: h, payload: contact(at) })
    ).json();
    expect(after.allowed).toBe(false);
    expect(after.nextAllowedAt).toBe('2026-11-26T15:00:00Z');
    // Another tenant is not affected by this organization's policy.
    const other = await newTenant(p, 'agent');
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/v1/compliance/check',
          headers: { authorization: `Bearer ${other.key}` },
          payload: contact(at),
        })
      ).json().allowed,
    ).toBe(true);
    // Only admin and compliance may change a policy.
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: '/v1/compliance/policy',
          headers: { authorization: `Bearer ${other.key}` },
          payload: {},
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses an invalid policy with field paths and keeps the old one', async () => {
    const t = await newTenant(p, 'admin');
    const h = { authorization: `Bearer ${t.key}` };
    const bad = await app.inject({
      method: 'PUT',
      url: '/v1/compliance/policy',
      headers: h,
      payload: { quietHours: [{ days: ['someday'], start: '25:00', end: 'x' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.length).toBeGreaterThan(0);
    expect((await app.inject({ url: '/v1/compliance/policy', headers: h })).json()).toEqual({ policy: null });
  });

  it('parses a reply with the NLU over HTTP', async () => {
    const t = await newTenant(p, 'agent');
    const r = await app.inject({
      method: 'POST',
      url: '/v1/nlu/parse',
      headers: { authorization: `Bearer ${t.key}` },
      payload: {
        text: 'te pago 500 pesos el viernes',
        timezone: 'America/Mexico_City',
        now: '2026-11-24T10:00:00',
      },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      intent: 'promise_to_pay',
      lang: 'es',
      entities: { amount: { value: 500, currency: 'MXN' }, date: '2026-11-27' },
    });
    expect(
      (await app.inject({ method: 'POST', url: '/v1/nlu/parse', payload: { text: 'hola' } })).statusCode,
    ).toBe(401);
  });
});
