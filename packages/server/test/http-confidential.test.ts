import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../src/platform/composition-root.js';
import type { Db } from '../src/shared/db/db.js';
import { buildHttp } from '../src/platform/start-saldo.js';
import { importRows, makeRow, newTenant, testPlatform } from './fixtures.js';
import { describeStorage } from './storage.js';

// What anonymous callers and other tenants must not learn.
describeStorage('confidential data at the HTTP boundary', (mode) => {
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

  it("the status page tells anonymous visitors only that Saldo is up; signed in, the caller's own book", async () => {
    await importRows(p, p.defaultOrgId, [makeRow({ external_ref: 'OP-1', principal: '777777.00' })]);
    const t = await newTenant(p);
    await importRows(p, t.orgId, [
      makeRow({ external_ref: 'T-1', principal: '1234.00' }),
      makeRow({ external_ref: 'T-2', debtor_ref: 'DEB-2', principal: '10.00' }),
    ]);

    const anonymous = await app.inject('/');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toMatch(/Saldo/);
    expect(anonymous.body).toMatch(/\bup\b/);
    expect(anonymous.body).not.toMatch(/accounts|debtors|Balance|MXN|storage|pglite|postgres/i);

    const withKey = await app.inject({ url: '/', headers: auth(t.key) });
    expect(withKey.body).toMatch(/<strong>2<\/strong> accounts/);
    expect(withKey.body).not.toMatch(/777/); // the operator's book is not the tenant's
    expect(withKey.headers['cache-control']).toMatch(/no-store/);

    const login = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: t.email, password: t.password },
    });
    const session = String(login.headers['set-cookie']).split(';')[0]!;
    const withSession = await app.inject({ url: '/', headers: { cookie: session } });
    expect(withSession.body).toMatch(/<strong>2<\/strong> accounts/);

    const badKey = await app.inject({ url: '/', headers: auth('sk_not-a-key') });
    expect(badKey.body).not.toMatch(/accounts/);
  });
});
