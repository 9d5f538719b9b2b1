import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Platform } from '../src/platform/composition-root.js';
import type { Db } from '../src/shared/db/db.js';
import { buildHttp } from '../src/platform/start-saldo.js';
import { loadConfig } from '../src/platform/config.js';
import { newTenant, testConfig, testPlatform } from './fixtures.js';
import { storageModes } from './storage.js';

// Security headers on every response, no caching of personal data, and X-Forwarded-* believed only
// from configured proxies. Nothing here depends on the storage mode: PGlite only.
describe('HTTP security headers and proxies', () => {
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

  function expectHardened(res: LightMyRequestResponse, what: string) {
    const h = res.headers;
    expect(h['x-content-type-options'], what).toBe('nosniff');
    expect(h['x-frame-options'], what).toBe('DENY');
    expect(h['referrer-policy'], what).toBe('no-referrer');
    expect(h['content-security-policy'], what).toMatch(/frame-ancestors 'none'/);
    expect(h['x-powered-by'], what).toBeUndefined();
  }

  it('every kind of response carries the security headers, the API a deny-all CSP', async () => {
    const t = await newTenant(p);
    const responses: [string, LightMyRequestResponse][] = [
      ['health', await app.inject('/health')],
      ['api 200', await app.inject({ url: '/v1/accounts', headers: auth(t.key) })],
      ['api 401', await app.inject('/v1/accounts')],
      ['api 400', await app.inject({ url: '/v1/accounts?nope=1', headers: auth(t.key) })],
      ['404', await app.inject('/nowhere')],
      ['status page', await app.inject('/')],
      ['docs', await app.inject('/docs/')],
    ];
    for (const [what, res] of responses) expectHardened(res, what);
    for (const [what, res] of responses.slice(0, 5))
      expect(res.headers['content-security-policy'], what).toMatch(/default-src 'none'/);
  });

  it('a path no route serves is a 404, signed in or not (not an authentication error)', async () => {
    const t = await newTenant(p);
    for (const headers of [{}, auth(t.key)]) {
      for (const url of ['/favicon.ico', '/v1/no-such-thing', '/robots.txt']) {
        const res = await app.inject({ url, headers });
        expect(res.statusCode, url).toBe(404);
        expectHardened(res, url);
      }
    }
  });

  it('the status page allows exactly its own inline style', async () => {
    const page = await app.inject('/');
    const style = /<style>([\s\S]*?)<\/style>/.exec(page.body)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    expect(page.headers['content-security-policy']).toContain(`style-src 'sha256-${hash}'`);
    expect(page.body).not.toMatch(/<script|style="/);
  });

  it('authenticated and /v1 responses are never cached', async () => {
    const t = await newTenant(p);
    for (const res of [
      await app.inject({ url: '/v1/accounts', headers: auth(t.key) }),
      await app.inject({ url: '/v1/auth/me', headers: auth(t.key) }),
      await app.inject('/v1/accounts'),
      await app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email: t.email, password: t.password },
      }),
      await app.inject({ url: '/', headers: auth(t.key) }),
    ])
      expect(res.headers['cache-control'], res.raw.req.url).toMatch(/no-store/);
  });

  it('/docs renders: the page, its scripts and styles load under its own CSP', async () => {
    const page = await app.inject('/docs/');
    expect(page.statusCode).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'(;|$)/); // no inline or eval script
    expect(csp).toMatch(/connect-src 'self'/); // the UI fetches /docs/json
    const assets = [...page.body.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.filter((a) => a.endsWith('.js')).length).toBeGreaterThanOrEqual(3);
    expect(assets.filter((a) => a.endsWith('.css')).length).toBeGreaterThanOrEqual(1);
    for (const a of assets) {
      const res = await app.inject(`/docs/${a}`);
      expect(res.statusCode, a).toBe(200);
      expect(res.headers['x-content-type-options'], a).toBe('nosniff');
    }
    expect((await app.inject('/docs/json')).json().openapi).toBe('3.1.0');
  });

  it('X-Forwarded-* is ignored unless SALDO_TRUST_PROXY names the proxy', async () => {
    const t = await newTenant(p);
    const login = (a: FastifyInstance) =>
      a.inject({
        method: 'POST',
        url: '/v1/auth/login',
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' },
        payload: { email: t.email, password: t.password },
      });
    const cookie = (res: LightMyRequestResponse) => String(res.headers['set-cookie']);
    expect(cookie(await login(app))).not.toMatch(/Secure/);
    for (const [value, secure] of [
      ['127.0.0.1', true], // inject's client address: the configured proxy
      ['1', true],
      ['10.0.0.0/8', false], // someone else's proxy
    ] as const) {
      const proxied = await buildHttp(p, { http: testConfig({ SALDO_TRUST_PROXY: value }).http });
      try {
        expect(cookie(await login(proxied)), value).toMatch(secure ? /Secure/ : /^(?!.*Secure)/);
      } finally {
        await proxied.close();
      }
    }
  });
});

describe('SALDO_TRUST_PROXY', () => {
  const trust = (v?: string) =>
    loadConfig({ SALDO_SECRET_KEY: 'x'.repeat(16), ...(v === undefined ? {} : { SALDO_TRUST_PROXY: v }) })
      .http.trustProxy;
  it('is off by default; a hop count or a list of addresses and CIDRs', () => {
    expect(trust()).toBe(false);
    expect(trust('off')).toBe(false);
    expect(trust('0')).toBe(false);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.1, 192.168.0.0/16,::1,loopback')).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      '::1',
      'loopback',
    ]);
  });
  it('refuses "trust everyone" and malformed entries', () => {
    expect(() => trust('true')).toThrow(/SALDO_TRUST_PROXY/);
    expect(() => trust('10.0.0.0/33')).toThrow(/10\.0\.0\.0\/33/);
    expect(() => trust('proxy.internal')).toThrow(/proxy\.internal/);
  });
});
