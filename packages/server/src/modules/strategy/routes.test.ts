import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildHttp } from '../../platform/start-saldo.js';
import type { Db } from '../../shared/db/db.js';
import { describeStorage } from '../../../test/storage.js';
import { importRows, makeRow, newTenant, testPlatform } from '../../../test/fixtures.js';
import { makeTestStrategy } from '../../../test/strategy-support.js';

describeStorage('strategy API', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let app: FastifyInstance;
  let admin: string;
  let agent: string;
  let orgId: string;
  beforeAll(async () => {
    db = await mode.open();
    // The platform registers the strategy routes itself (extra-routes.ts), over its own engine.
    const { platform } = await testPlatform(db);
    app = await buildHttp(platform);
    const t = await newTenant(platform);
    orgId = t.orgId;
    admin = t.key;
    agent = (await platform.auth.createApiKey(orgId, 'agent', 'agent')).key;
    await importRows(platform, orgId, [
      makeRow({ external_ref: 'A1', debtor_ref: 'D1' }),
      makeRow({ external_ref: 'A2', debtor_ref: 'D2' }),
    ]);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });
  const call = (method: 'GET' | 'POST', url: string, key: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${key}` },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  it('validates, creates, publishes and lists versions', async () => {
    const bad = {
      ...makeTestStrategy(),
      segments: [
        {
          id: 'all',
          name: 'All',
          conditions: [],
          journey: { entry: 'nowhere', nodes: { bye: { kind: 'exit' } } },
        },
      ],
    };
    const v = await call('POST', '/v1/strategies/validate', agent, bad);
    expect(v.statusCode).toBe(200);
    expect(v.json().ok).toBe(false);
    expect(v.json().violations.map((x: { code: string }) => x.code)).toContain('missing_entry');
    expect((await call('POST', '/v1/strategies', admin, bad)).statusCode).toBe(400);
    expect((await call('POST', '/v1/strategies', agent, makeTestStrategy())).statusCode).toBe(403);
    const c = await call('POST', '/v1/strategies', admin, makeTestStrategy());
    expect(c.statusCode).toBe(201);
    expect(c.json()).toEqual({ id: 'stg_test', version: 1, status: 'draft' });
    const p = await call('POST', '/v1/strategies/stg_test/publish', admin, { mode: 'move' });
    expect(p.statusCode).toBe(200);
    expect(p.json()).toMatchObject({ version: 1, status: 'published' });
    const p2 = await call('POST', '/v1/strategies/stg_test/publish', admin, {
      mode: 'finish_on_old',
      definition: makeTestStrategy({ name: 'v2' }),
    });
    expect(p2.json()).toMatchObject({ version: 2 });
    const vs = await call('GET', '/v1/strategies/stg_test/versions', agent);
    expect(vs.json().items.map((x: { version: number }) => x.version)).toEqual([1, 2]);
    expect((await call('GET', '/v1/strategies/stg_test/versions/2', agent)).json()).toMatchObject({
      name: 'v2',
      status: 'published',
    });
  });

  it('enrols, shows the journey, previews and un-enrols', async () => {
    const e = await call('POST', '/v1/journeys/enrol', admin, { strategyId: 'stg_test' });
    expect(e.json()).toMatchObject({ strategyId: 'stg_test', enrolled: 2 });
    const accounts = (await call('GET', '/v1/accounts', agent)).json().items as Array<{ id: string }>;
    const id = accounts[0]!.id;
    const j = await call('GET', `/v1/accounts/${id}/journey`, agent);
    expect(j.json()).toMatchObject({ accountId: id, strategyId: 'stg_test', status: 'pending' });
    const pv = await call('GET', `/v1/accounts/${id}/journey/preview`, agent);
    expect(pv.json()).toMatchObject({ segment: 'all', node: 'email', contacts: [{ channel: 'email' }] });
    const u = await call('POST', '/v1/journeys/unenrol', admin, { accountIds: [id] });
    expect(u.json()).toEqual({ unenrolled: 1 });
    expect((await call('GET', `/v1/accounts/${id}/journey`, agent)).json()).toMatchObject({
      status: 'exited',
    });
    expect((await call('GET', '/v1/accounts/acct_nope/journey', agent)).statusCode).toBe(404);
  });
});
