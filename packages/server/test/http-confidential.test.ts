import { tmpdir } from 'node:os';
import { expect, it } from 'vitest';
import { httpHarness, importRows, makeRow, newTenant } from './fixtures.js';
import { describeStorage } from './storage.js';

// What anonymous callers and other tenants must not learn.
describeStorage('confidential data at the HTTP boundary', (mode) => {
  const h = httpHarness(mode);
  const auth = (key: string) => ({ authorization: `Bearer ${key}` });

  it("the status page tells anonymous visitors only that Saldo is up; signed in, the caller's own book", async () => {
    await importRows(h.platform, h.platform.defaultOrgId, [
      makeRow({ external_ref: 'OP-1', principal: '777777.00' }),
    ]);
    const t = await newTenant(h.platform);
    await importRows(h.platform, t.orgId, [
      makeRow({ external_ref: 'T-1', principal: '1234.00' }),
      makeRow({ external_ref: 'T-2', debtor_ref: 'DEB-2', principal: '10.00' }),
    ]);

    const anonymous = await h.app.inject('/');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toMatch(/Saldo/);
    expect(anonymous.body).toMatch(/\bup\b/);
    expect(anonymous.body).not.toMatch(/accounts|debtors|Balance|MXN|storage|pglite|postgres/i);

    const withKey = await h.app.inject({ url: '/', headers: auth(t.key) });
    expect(withKey.body).toMatch(/<strong>2<\/strong> accounts/);
    expect(withKey.body).not.toMatch(/777/); // the operator's book is not the tenant's
    expect(withKey.headers['cache-control']).toMatch(/no-store/);

    const login = await h.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: t.email, password: t.password },
    });
    const session = String(login.headers['set-cookie']).split(';')[0]!;
    const withSession = await h.app.inject({ url: '/', headers: { cookie: session } });
    expect(withSession.body).toMatch(/<strong>2<\/strong> accounts/);

    const badKey = await h.app.inject({ url: '/', headers: auth('sk_not-a-key') });
    expect(badKey.body).not.toMatch(/accounts/);
  });

  it('creating a user does not reveal that the email exists in another organization', async () => {
    const a = await newTenant(h.platform);
    const b = await newTenant(h.platform);
    const email = `shared-${a.slug}@example.com`;
    const create = (key: string, password: string, address = email) =>
      h.app.inject({
        method: 'POST',
        url: '/v1/users',
        headers: auth(key),
        payload: { email: address, name: 'Sam', role: 'agent', password },
      });
    const inA = await create(a.key, 'password-of-a-1');
    expect(inA.statusCode, inA.body).toBe(201);
    // In another organization the same address is simply a new user: the answer a fresh one gets.
    const inB = await create(b.key, 'password-of-b-1');
    expect(inB.statusCode, inB.body).toBe(201);
    expect(inB.body).not.toMatch(/exist|taken/i);
    // Within one organization it is a conflict, whatever the case.
    const again = await create(a.key, 'password-of-a-2', email.toUpperCase());
    expect(again.statusCode, again.body).toBe(409);

    // Login finds the organization whose user the password opens.
    const login = (password: string, organization?: string) =>
      h.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email, password, ...(organization ? { organization } : {}) },
      });
    const me = async (res: { json(): { token: string } }) =>
      (await h.app.inject({ url: '/v1/auth/me', headers: auth(res.json().token) })).json().orgId;
    expect(await me(await login('password-of-a-1'))).toBe(a.orgId);
    expect(await me(await login('password-of-b-1'))).toBe(b.orgId);
    expect((await login('wrong-password-1')).statusCode).toBe(401);
    expect((await login('password-of-a-1', b.slug)).statusCode).toBe(401);
    expect(await me(await login('password-of-a-1', a.slug))).toBe(a.orgId);
  });

  it("an uploaded CSV's errors name the upload, never the server's temp file", async () => {
    const t = await newTenant(h.platform);
    const upload = (csv: string) =>
      h.app.inject({
        method: 'POST',
        url: '/v1/imports?portfolio=tmp',
        headers: { ...auth(t.key), 'content-type': 'text/csv' },
        payload: csv,
      });
    for (const csv of ['\n', 'external_ref,name\nA-1,x\n', 'external_ref,debtor_ref,external_ref\n']) {
      const res = await upload(csv);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().detail).toMatch(/^upload\.csv: /);
      expect(res.body).not.toMatch(new RegExp(`${tmpdir()}|saldo-upload-`));
    }
  });

  it('the same email and password in two organizations: login asks which one', async () => {
    const a = await newTenant(h.platform);
    const b = await newTenant(h.platform);
    const email = `twice-${a.slug}@example.com`;
    for (const t of [a, b])
      expect(
        (
          await h.app.inject({
            method: 'POST',
            url: '/v1/users',
            headers: auth(t.key),
            payload: { email, name: 'Sam', role: 'agent', password: 'same-password-1' },
          })
        ).statusCode,
      ).toBe(201);
    const ambiguous = await h.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password: 'same-password-1' },
    });
    expect(ambiguous.statusCode, ambiguous.body).toBe(400);
    expect(ambiguous.json().errors).toEqual([expect.objectContaining({ path: 'organization' })]);
    const chosen = await h.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password: 'same-password-1', organization: b.slug },
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json().user.orgId).toBe(b.orgId);
  });
});
