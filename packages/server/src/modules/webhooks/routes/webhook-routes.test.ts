import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Platform } from '../../../platform/composition-root.js';
import { buildHttp } from '../../../platform/start-saldo.js';
import type { Db } from '../../../shared/db/db.js';
import { importRows, makeRow, newTenant, testConfig, testPlatform } from '../../../../test/fixtures.js';
import { describeStorage } from '../../../../test/storage.js';
import { createWebhooksModule } from '../create-webhooks-module.js';

describeStorage('webhook subscription API', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let p: Platform;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await mode.open();
    p = (await testPlatform(db)).platform;
    app = await buildHttp(p);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });
  const auth = (key: string) => ({ authorization: `Bearer ${key}` });
  const hook = 'http://127.0.0.1:9/hooks';
  const call = (key: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, headers: auth(key), ...(payload ? { payload } : {}) });

  it('creates a subscription and shows its secret once; reads never show it', async () => {
    const t = await newTenant(p);
    const created = await call(t.key, 'POST', '/v1/webhook-subscriptions', {
      url: hook,
      events: ['promise.broken', 'payment.recorded', 'payment.recorded'],
      description: 'ERP',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { subscription, secret } = created.json();
    expect(secret).toMatch(/^whsec_/);
    expect(subscription).toMatchObject({
      id: expect.stringMatching(/^wh_/),
      url: hook,
      events: ['payment.recorded', 'promise.broken'],
      description: 'ERP',
      enabled: true,
    });
    const list = await call(t.key, 'GET', '/v1/webhook-subscriptions');
    expect(list.json().items).toEqual([subscription]);
    const one = await call(t.key, 'GET', `/v1/webhook-subscriptions/${subscription.id}`);
    expect(one.json()).toEqual(subscription);
    for (const body of [list.body, one.body]) {
      expect(body).not.toContain(secret);
      expect(body).not.toMatch(/secretEnc|whsec_/);
    }
  });

  it('refuses unknown fields, unknown event types and URLs outside the rules, naming them', async () => {
    const t = await newTenant(p);
    const post = (payload: object) => call(t.key, 'POST', '/v1/webhook-subscriptions', payload);
    const unknown = await post({ url: hook, events: ['payment.recorded'], secret: 'mine' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toMatch(/secret/);
    expect((await post({ url: hook, events: ['payment.refunded'] })).statusCode).toBe(400);
    expect((await post({ url: hook, events: [] })).statusCode).toBe(400);
    for (const [url, why] of [
      ['https://169.254.169.254/latest/meta-data/', /link-local/],
      ['https://10.0.0.8/hooks', /private/],
      ['https://[::ffff:169.254.169.254]/', /link-local/],
      ['http://93.184.216.34/hooks', /only to loopback/],
      ['ftp://example.com/hooks', /https/],
      ['https://user:pw@127.0.0.1/hooks', /password/],
    ] as const) {
      const res = await post({ url, events: ['payment.recorded'] });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().detail, url).toMatch(why);
    }
    expect((await call(t.key, 'GET', '/v1/webhook-subscriptions')).json().items).toEqual([]);
  });

  it('refuses loopback receivers when the deployment does not allow them', async () => {
    const t = await newTenant(p);
    const strict = createWebhooksModule(
      { db, clock: p.clock, rootSecret: testConfig().secrets.secretKey!, version: 'test' },
      testConfig({ SALDO_WEBHOOKS_ALLOW_HTTP_LOOPBACK: '0' }).webhooks,
    );
    await expect(
      strict.subscriptions.create(t.orgId, { url: hook, events: ['payment.recorded'] }),
    ).rejects.toThrow(/https/);
    await expect(
      strict.subscriptions.create(t.orgId, { url: 'https://localhost/hooks', events: ['payment.recorded'] }),
    ).rejects.toThrow(/loopback/);
  });

  it('updates, disables, rotates the secret and deletes; another organisation sees none of it', async () => {
    const t = await newTenant(p);
    const other = await newTenant(p);
    const { subscription: s, secret } = (
      await call(t.key, 'POST', '/v1/webhook-subscriptions', { url: hook, events: ['payment.recorded'] })
    ).json();
    const path = `/v1/webhook-subscriptions/${s.id}`;
    const patched = await call(t.key, 'PATCH', path, { enabled: false, events: ['promise.made'] });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ enabled: false, events: ['promise.made'], url: hook });
    expect((await call(t.key, 'PATCH', path, {})).statusCode).toBe(400);
    expect((await call(t.key, 'PATCH', path, { url: 'https://192.168.1.10/' })).statusCode).toBe(400);
    expect((await call(t.key, 'PATCH', path, { enabled: 'yes' })).statusCode).toBe(400);

    const rotated = await call(t.key, 'POST', `${path}/rotate-secret`, { previousValidHours: 0 });
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.json().secret).toMatch(/^whsec_/);
    expect(rotated.json().secret).not.toBe(secret);
    expect(rotated.json().subscription.previousSecretExpiresAt).toBeNull();
    expect(
      (await call(t.key, 'POST', `${path}/rotate-secret`, { previousValidHours: 1000 })).statusCode,
    ).toBe(400);
    const byDefault = await call(t.key, 'POST', `${path}/rotate-secret`, {});
    expect(byDefault.statusCode, byDefault.body).toBe(200);
    expect(byDefault.json().subscription.previousSecretExpiresAt).toBe(
      new Date(p.clock.now().getTime() + 24 * 3_600_000).toISOString(),
    );
    const cleared = await call(t.key, 'PATCH', path, { description: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().description).toBeNull();

    for (const [method, url, payload] of [
      ['GET', path],
      ['PATCH', path, { enabled: true }],
      ['POST', `${path}/rotate-secret`, {}],
      ['GET', `${path}/deliveries`],
      ['POST', `${path}/replay`, { since: '2026-11-01T00:00:00Z' }],
      ['DELETE', path],
    ] as const)
      expect((await call(other.key, method, url, payload)).statusCode, `${method} ${url}`).toBe(404);

    expect((await call(t.key, 'DELETE', path)).statusCode).toBe(204);
    expect((await call(t.key, 'GET', path)).statusCode).toBe(404);
    expect((await call(t.key, 'DELETE', path)).statusCode).toBe(404);
  });

  it('lists deliveries by status and replays one or a whole period', async () => {
    const t = await newTenant(p);
    const { subscription: s } = (
      await call(t.key, 'POST', '/v1/webhook-subscriptions', { url: hook, events: ['payment.recorded'] })
    ).json();
    await importRows(p, t.orgId, [makeRow()]);
    const acc = (await p.record.listAccounts(t.orgId, { limit: 1 })).items[0]!;
    for (const n of [1, 2])
      await p.record.recordPayment(t.orgId, {
        accountId: acc.id,
        amountMinor: 100 * n,
        currency: 'MXN',
        paidAt: p.clock.now().toISOString(),
        externalId: `api-${n}`,
        source: 'test',
        actor: 'system',
      });
    await p.events.drain();
    const path = `/v1/webhook-subscriptions/${s.id}/deliveries`;
    const pending = (await call(t.key, 'GET', `${path}?status=pending`)).json();
    expect(pending.items).toHaveLength(2);
    expect(pending.items[0].eventId > pending.items[1].eventId).toBe(true);
    expect((await call(t.key, 'GET', `${path}?status=delivered`)).json().items).toEqual([]);
    const page = (await call(t.key, 'GET', `${path}?limit=1`)).json();
    expect(page.items).toHaveLength(1);
    const rest = (await call(t.key, 'GET', `${path}?limit=1&before=${page.next}`)).json();
    expect(rest.items.map((d: { id: string }) => d.id)).toEqual([pending.items[1].id]);
    expect((await call(t.key, 'GET', `${path}?status=lost`)).statusCode).toBe(400);

    const one = await call(t.key, 'POST', `/v1/webhook-deliveries/${pending.items[0].id}/replay`);
    expect(one.statusCode, one.body).toBe(202);
    expect(one.json()).toMatchObject({ id: pending.items[0].id, status: 'pending', attempts: 0 });
    expect((await call(t.key, 'POST', '/v1/webhook-deliveries/whd_missing/replay')).statusCode).toBe(404);
    const since = await call(t.key, 'POST', `/v1/webhook-subscriptions/${s.id}/replay`, {
      since: '2026-11-01T00:00:00Z',
    });
    expect(since.statusCode, since.body).toBe(202);
    expect(since.json()).toEqual({ queued: 2 });
    const bad = await call(t.key, 'POST', `/v1/webhook-subscriptions/${s.id}/replay`, { since: 'yesterday' });
    expect(bad.statusCode).toBe(400);
  });
});
