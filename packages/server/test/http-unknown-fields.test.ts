import { expect, it } from 'vitest';
import { httpHarness, newTenant } from './fixtures.js';
import { describeStorage } from './storage.js';

// Unknown fields are refused (400 naming them), never dropped: a misspelt stricter setting must not
// silently become "no setting". Bodies are not coerced; query strings still are (they are text).
describeStorage('unknown and mistyped fields at the HTTP boundary', (mode) => {
  const h = httpHarness(mode);
  const auth = (key: string) => ({ authorization: `Bearer ${key}` });
  const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];

  it('a misspelt policy field is refused with 400 naming it, and the stored policy is kept', async () => {
    const t = await newTenant(h.platform);
    const strict = { quietHours: [{ days: weekdays, start: '19:00', end: '09:00' }], weeklyCaps: { sms: 2 } };
    const put = (payload: object) =>
      h.app.inject({ method: 'PUT', url: '/v1/compliance/policy', headers: auth(t.key), payload });
    expect((await put(strict)).statusCode).toBe(200);
    const bad = await put({ quiet_hours: strict.quietHours, weeklycaps: { sms: 1 } });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.json().detail).toMatch(/quiet_hours/);
    expect(bad.json().detail).toMatch(/weeklycaps/);
    const nested = await put({ quietHours: [{ days: weekdays, start: '19:00', end: '09:00', tz: 'x' }] });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().detail).toMatch(/tz/);
    const kept = await h.app.inject({ url: '/v1/compliance/policy', headers: auth(t.key) });
    expect(kept.json().policy).toMatchObject(strict);
  });

  it('JSON-schema bodies name every unknown field, top level and nested', async () => {
    const t = await newTenant(h.platform);
    const key = await h.app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: auth(t.key),
      payload: { name: 'erp', role: 'agent', scope: 'all', expires: '2030-01-01' },
    });
    expect(key.statusCode, key.body).toBe(400);
    expect(key.json().detail).toMatch(/unknown field/);
    expect(key.json().detail).toMatch(/scope/);
    expect(key.json().detail).toMatch(/expires/);
    expect(key.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'scope' }),
        expect.objectContaining({ path: 'expires' }),
      ]),
    );
    const org = await h.app.inject({
      method: 'POST',
      url: '/v1/organizations',
      headers: auth((await h.platform.auth.createApiKey(h.platform.defaultOrgId, 'op', 'admin')).key),
      payload: {
        slug: `${t.slug}-x`,
        name: 'X',
        admin: { email: 'x@example.com', name: 'X', password: 'correct horse battery', roles: ['admin'] },
      },
    });
    expect(org.statusCode, org.body).toBe(400);
    expect(org.json().errors).toEqual([expect.objectContaining({ path: 'admin.roles' })]);
  });

  it('query strings refuse unknown parameters but still read numbers from text', async () => {
    const t = await newTenant(h.platform);
    const ok = await h.app.inject({ url: '/v1/accounts?limit=5', headers: auth(t.key) });
    expect(ok.statusCode, ok.body).toBe(200);
    const bad = await h.app.inject({ url: '/v1/accounts?limit=5&contry=MX', headers: auth(t.key) });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().detail).toMatch(/contry/);
  });

  it('bodies are not coerced: a number sent as a string is refused', async () => {
    const t = await newTenant(h.platform);
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/payments',
      headers: auth(t.key),
      payload: { accountId: 'acct_missing', amountMinor: '100', currency: 'MXN' },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().detail).toMatch(/amountMinor/);
  });

  it('zod-validated bodies (compliance check, NLU, strategies, templates) refuse unknown fields', async () => {
    const t = await newTenant(h.platform);
    const check = await h.app.inject({
      method: 'POST',
      url: '/v1/compliance/check',
      headers: auth(t.key),
      payload: {
        id: 'c1',
        at: '2026-11-26T01:30:00Z',
        channel: 'sms',
        debtor: { country: 'MX', timezone: 'America/Mexico_City', optouts: ['sms'] },
      },
    });
    expect(check.statusCode, check.body).toBe(400);
    expect(check.json().detail).toMatch(/optouts/);

    const nlu = await h.app.inject({
      method: 'POST',
      url: '/v1/nlu/parse',
      headers: auth(t.key),
      payload: { text: 'pago mañana', timezon: 'America/Mexico_City' },
    });
    expect(nlu.statusCode, nlu.body).toBe(400);
    expect(JSON.stringify(nlu.json())).toMatch(/timezon/);

    const strategy = await h.app.inject({
      method: 'POST',
      url: '/v1/strategies/validate',
      headers: auth(t.key),
      payload: {
        id: 'stg_x',
        name: 'X',
        version: 1,
        segments: [
          {
            id: 'all',
            name: 'All',
            conditions: [],
            journey: { entry: 'done', nodes: { done: { kind: 'exit', reasn: 'x' } } },
          },
        ],
      },
    });
    expect(strategy.json().ok, strategy.body).toBe(false);
    expect(JSON.stringify(strategy.json().violations)).toMatch(/reasn/);

    const template = await h.app.inject({
      method: 'POST',
      url: '/v1/channels/templates',
      headers: auth(t.key),
      payload: {
        key: 'reminder',
        channel: 'whatsapp',
        locale: 'es',
        purpose: 'reminder',
        body: 'Hola {{firstName}}',
        whatsapp: { name: 'reminder', language: 'es', category: 'UTILITY', fotter: 'x' },
      },
    });
    expect(template.statusCode, template.body).toBe(400);
    expect(JSON.stringify(template.json())).toMatch(/fotter/);
  });
});
