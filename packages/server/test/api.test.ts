import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../src/platform/composition-root.js';
import type { Db } from '../src/shared/db/db.js';
import { buildHttp } from '../src/platform/start-saldo.js';
import { makeRow, newTenant, testPlatform } from './fixtures.js';
import { storageModes } from './storage.js';

// HTTP is tested in-process (inject, no port) on PGlite; the storage contract is covered by the
// record and import suites on both storage modes.
describe('REST API', () => {
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
  const auth = (key: string) => ({ authorization: `Bearer ${key}` });

  it('health, readiness and the OpenAPI document are public', async () => {
    expect((await app.inject('/health')).json()).toMatchObject({ status: 'ok' });
    expect((await app.inject('/ready')).json()).toEqual({ status: 'ready', storage: 'pglite' });
    const doc = (await app.inject('/docs/json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/accounts',
        '/v1/accounts/{id}/timeline',
        '/v1/debtors/{id}/timeline',
        '/v1/imports',
        '/v1/payments',
        '/v1/api-keys',
      ]),
    );
    const page = await app.inject('/');
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('Saldo');
  });

  it('refuses missing and invalid credentials with a JSON problem', async () => {
    const none = await app.inject('/v1/accounts');
    expect(none.statusCode).toBe(401);
    expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(none.json()).toMatchObject({
      status: 401,
      title: 'Unauthenticated',
      detail: expect.stringMatching(/Authorization: Bearer/),
    });
    expect((await app.inject({ url: '/v1/accounts', headers: auth('sk_not-a-key') })).statusCode).toBe(401);
  });

  it('checks the role on every route', async () => {
    const t = await newTenant(p);
    const keys = {
      admin: t.key,
      strategist: (await p.auth.createApiKey(t.orgId, 's', 'strategist')).key,
      agent: (await p.auth.createApiKey(t.orgId, 'a', 'agent')).key,
      compliance: (await p.auth.createApiKey(t.orgId, 'c', 'compliance')).key,
    };
    const matrix: [string, string, object | undefined, string[]][] = [
      ['GET', '/v1/accounts', undefined, ['admin', 'strategist', 'agent', 'compliance']],
      ['GET', '/v1/users', undefined, ['admin']],
      ['GET', '/v1/api-keys', undefined, ['admin']],
      ['POST', '/v1/api-keys', { name: 'x', role: 'agent' }, ['admin']],
      [
        'POST',
        '/v1/imports',
        { portfolio: { code: 'p', currency: 'MXN', country: 'MX' }, rows: [] },
        ['admin', 'strategist'],
      ],
      [
        'POST',
        '/v1/payments',
        { accountId: 'acct_missing', amountMinor: 100, currency: 'MXN' },
        ['admin', 'agent'],
      ],
      ['GET', '/v1/status', undefined, ['admin', 'strategist', 'agent', 'compliance']],
      [
        'POST',
        '/v1/accounts/acct_missing/promises',
        { amountMinor: 100, dueDate: '2026-12-01' },
        ['admin', 'agent'],
      ],
      [
        'POST',
        '/v1/accounts/acct_missing/agreements',
        { proposal: { kind: 'settlement', amountMinor: 100 } },
        ['admin', 'agent'],
      ],
      ['POST', '/v1/settlement-offers/stl_missing/approve', undefined, ['admin', 'strategist']],
      ['POST', '/v1/settlement-offers/stl_missing/accept', {}, ['admin', 'agent']],
      ['GET', '/v1/offers/policy', undefined, ['admin', 'strategist', 'agent', 'compliance']],
      ['PUT', '/v1/offers/policy', {}, ['admin', 'strategist']],
      ['GET', '/v1/offers/policy/versions', undefined, ['admin', 'strategist', 'agent', 'compliance']],
      [
        'GET',
        '/v1/portfolios/pf_missing/offer-policy',
        undefined,
        ['admin', 'strategist', 'agent', 'compliance'],
      ],
      ['PUT', '/v1/portfolios/pf_missing/offer-policy', {}, ['admin', 'strategist']],
      ['GET', '/v1/accounts/acct_missing/offers', undefined, ['admin', 'strategist', 'agent', 'compliance']],
      [
        'POST',
        '/v1/accounts/acct_missing/offers/check',
        { kind: 'pause', days: 1 },
        ['admin', 'strategist', 'agent', 'compliance'],
      ],
    ];
    for (const [method, url, payload, allowed] of matrix) {
      for (const [role, key] of Object.entries(keys)) {
        const res = await app.inject({ method: method as 'GET', url, headers: auth(key), payload });
        if (allowed.includes(role)) expect(res.statusCode, `${role} ${method} ${url}`).not.toBe(403);
        else {
          expect(res.statusCode, `${role} ${method} ${url}`).toBe(403);
          expect(res.json().detail).toMatch(new RegExp(`role ${role} may not`));
        }
      }
    }
  });

  it('every registered route declares roles or is explicitly public', async () => {
    // buildApp throws at boot otherwise; prove the guard fires.
    const { buildApp } = await import('../src/platform/http/build-app.js');
    await expect(
      buildApp({
        authenticate: (token) => p.auth.authenticate(token),
        version: 'test',
        routes: [...p.routes, async (a) => void a.get('/v1/oops', async () => 'x')],
        audit: p.httpAudit,
      }),
    ).rejects.toThrow(/declares no roles/);
  });

  it('the bootstrap key, API keys stored hashed, revocation', async () => {
    const boot = 'bootstrap-key-for-tests-0123456789';
    await p.auth.ensureBootstrapKey(p.defaultOrgId, boot);
    await p.auth.ensureBootstrapKey(p.defaultOrgId, boot); // every start: no duplicate
    expect((await app.inject({ url: '/v1/auth/me', headers: auth(boot) })).json()).toMatchObject({
      orgId: p.defaultOrgId,
      role: 'admin',
      kind: 'api_key',
    });
    const created = await app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: auth(boot),
      payload: { name: 'erp', role: 'agent' },
    });
    expect(created.statusCode).toBe(201);
    const { key, info } = created.json();
    expect(key).toMatch(/^sk_/);
    const stored = await db.query<{ key_hash: string }>('SELECT key_hash FROM api_keys WHERE id = $1', [
      info.id,
    ]);
    expect(stored.rows[0]!.key_hash).not.toContain(key);
    expect(
      JSON.stringify((await app.inject({ url: '/v1/api-keys', headers: auth(boot) })).json()),
    ).not.toContain(key);
    expect((await app.inject({ url: '/v1/accounts', headers: auth(key) })).statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'DELETE', url: `/v1/api-keys/${info.id}`, headers: auth(boot) }))
        .statusCode,
    ).toBe(204);
    expect((await app.inject({ url: '/v1/accounts', headers: auth(key) })).statusCode).toBe(401);
  });

  it('password login gives a session cookie for people; logout ends it', async () => {
    const t = await newTenant(p);
    const bad = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: t.email, password: 'wrong password!' },
    });
    expect(bad.statusCode).toBe(401);
    const ok = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: t.email, password: t.password },
    });
    expect(ok.statusCode).toBe(200);
    const cookie = ok.cookies.find((c) => c.name === 'saldo_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const me = await app.inject({ url: '/v1/auth/me', cookies: { saldo_session: cookie.value } });
    expect(me.json()).toMatchObject({ orgId: t.orgId, role: 'admin', kind: 'session' });
    await app.inject({ method: 'POST', url: '/v1/auth/logout', cookies: { saldo_session: cookie.value } });
    expect(
      (await app.inject({ url: '/v1/auth/me', cookies: { saldo_session: cookie.value } })).statusCode,
    ).toBe(401);
  });

  it('organizations: only the operator creates tenants; tenants never see each other', async () => {
    const t = await newTenant(p);
    const forbidden = await app.inject({
      method: 'POST',
      url: '/v1/organizations',
      headers: auth(t.key),
      payload: {
        slug: 'evil-co',
        name: 'x',
        admin: { email: 'e@example.com', name: 'e', password: '0123456789ab' },
      },
    });
    expect(forbidden.statusCode).toBe(403);
    const other = await newTenant(p);
    await p.imports.importRows(other.orgId, [makeRow()], {
      portfolio: { code: 'p', currency: 'MXN', country: 'MX' },
      mode: 'all_or_nothing',
      sourceName: 't',
    });
    const theirs = (await p.record.listAccounts(other.orgId, { limit: 1 })).items[0]!;
    expect((await app.inject({ url: '/v1/accounts', headers: auth(t.key) })).json().items).toEqual([]);
    expect((await app.inject({ url: `/v1/accounts/${theirs.id}`, headers: auth(t.key) })).statusCode).toBe(
      404,
    );
    expect(
      (await app.inject({ url: `/v1/debtors/${theirs.debtorId}/timeline`, headers: auth(t.key) })).statusCode,
    ).toBe(404);
  });

  it('imports JSON rows and CSV bodies asynchronously, with status and row errors', async () => {
    const t = await newTenant(p);
    const start = await app.inject({
      method: 'POST',
      url: '/v1/imports',
      headers: auth(t.key),
      payload: {
        portfolio: { code: 'mx1', currency: 'MXN', country: 'MX' },
        rows: [
          makeRow(),
          { ...makeRow({ external_ref: 'ACC-2' }), principal: 12.5 /* JSON numbers are accepted */ },
        ],
      },
    });
    expect(start.statusCode).toBe(202);
    const { importId } = start.json();
    const status = await waitFor(
      () => app.inject({ url: `/v1/imports/${importId}`, headers: auth(t.key) }).then((r) => r.json()),
      (s) => s.status !== 'running',
    );
    expect(status).toMatchObject({ status: 'succeeded', inserted: 2, format: 'json' });

    const csv =
      'external_ref,debtor_ref,last_name,country,region,currency,principal,email\nC-1,D-1,Ruiz,MX,MX-JAL,MXN,10.00,bad-email\nC-2,D-2,Paz,MX,MX-JAL,MXN,11.00,\n';
    const up = await app.inject({
      method: 'POST',
      url: '/v1/imports?portfolio=mx2',
      headers: { ...auth(t.key), 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(up.statusCode).toBe(202);
    const failed = await waitFor(
      () =>
        app.inject({ url: `/v1/imports/${up.json().importId}`, headers: auth(t.key) }).then((r) => r.json()),
      (s) => s.status !== 'running',
    );
    expect(failed).toMatchObject({ status: 'failed', rejected: 1, inserted: 0, format: 'csv' });
    const errors = await app.inject({
      url: `/v1/imports/${up.json().importId}/errors`,
      headers: auth(t.key),
    });
    expect(errors.json().items).toEqual([
      { row: 1, field: 'email', message: '"bad-email" is not a valid email address' },
    ]);
  });

  it('validates bodies at the boundary with field paths', async () => {
    const t = await newTenant(p);
    const r = await app.inject({
      method: 'POST',
      url: '/v1/payments',
      headers: auth(t.key),
      payload: { accountId: 'x', amountMinor: -5, currency: 'mxn' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['amountMinor']),
    );
    const q = await app.inject({ url: '/v1/accounts?bucket=91-120', headers: auth(t.key) });
    expect(q.statusCode).toBe(400);
    expect(q.json().detail).toMatch(/bucket/);
  });

  it('records a payment over HTTP and shows it in the account timeline', async () => {
    const t = await newTenant(p);
    await p.imports.importRows(t.orgId, [makeRow()], {
      portfolio: { code: 'p', currency: 'MXN', country: 'MX' },
      mode: 'all_or_nothing',
      sourceName: 't',
    });
    const acc = (
      await app.inject({ url: '/v1/accounts?bucket=31-60&country=MX', headers: auth(t.key) })
    ).json().items[0];
    expect(acc).toMatchObject({ externalRef: 'ACC-1', bucket: '31-60', balanceMinor: 1060000 });
    const ptp = await app.inject({
      method: 'POST',
      url: `/v1/accounts/${acc.id}/promises`,
      headers: auth(t.key),
      payload: { amountMinor: 60000, dueDate: '2026-11-30' },
    });
    expect(ptp.statusCode).toBe(201);
    const pay = await app.inject({
      method: 'POST',
      url: '/v1/payments',
      headers: auth(t.key),
      payload: { accountId: acc.id, amountMinor: 60000, currency: 'MXN', externalId: 'bank-77' },
    });
    expect(pay.statusCode).toBe(201);
    expect(pay.json()).toMatchObject({
      balanceMinor: 1000000,
      promisesKept: [ptp.json().id],
      status: 'active',
    });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/v1/payments',
          headers: auth(t.key),
          payload: { accountId: acc.id, amountMinor: 60000, currency: 'MXN', externalId: 'bank-77' },
        })
      ).statusCode,
    ).toBe(200);
    const tl = (await app.inject({ url: `/v1/accounts/${acc.id}/timeline`, headers: auth(t.key) })).json();
    expect(tl.items.map((e: { kind: string }) => e.kind)).toEqual([
      'promise',
      'status_change',
      'payment',
      'promise',
      'status_change',
    ]);
  });
});

async function waitFor<T>(get: () => Promise<T>, done: (v: T) => boolean, tries = 800): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await get();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('timed out waiting');
}
