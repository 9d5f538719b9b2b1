import { expect, it } from 'vitest';
import { httpHarness, newTenant } from './fixtures.js';
import { describeStorage } from './storage.js';

// PostgreSQL text and jsonb cannot hold NUL: a NUL anywhere in a request is a client error (400),
// caught at the boundary, never a database error (500).
describeStorage('NUL characters at the HTTP boundary', (mode) => {
  const h = httpHarness(mode);
  const auth = (key: string) => ({ authorization: `Bearer ${key}` });
  const expectNul = (
    res: { statusCode: number; body: string; json(): { detail: string } },
    where: RegExp,
  ) => {
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().detail).toMatch(/NUL/);
    expect(res.json().detail).toMatch(where);
  };

  it('in a body string, a nested value or a key', async () => {
    const t = await newTenant(h.platform);
    const post = (url: string, payload: unknown) =>
      h.app.inject({ method: 'POST', url, headers: auth(t.key), payload: payload as object });
    expectNul(await post('/v1/api-keys', { name: 'erp\u0000', role: 'agent' }), /name/);
    const definition = {
      id: 'stg_nul',
      name: 'N\u0000',
      version: 1,
      segments: [
        {
          id: 'all',
          name: 'All',
          conditions: [],
          journey: { entry: 'done', nodes: { done: { kind: 'exit' } } },
        },
      ],
    };
    expectNul(await post('/v1/strategies', definition), /name/);
    expectNul(await post('/v1/journeys/unenrol', { accountIds: ['acct_1', 'acct\u00002'] }), /accountIds\.1/);
    expectNul(await post('/v1/compliance/check', [{ ['i\u0000d']: 'x' }]), /body/);
  });

  it('in a path parameter or a query string', async () => {
    const t = await newTenant(h.platform);
    expectNul(await h.app.inject({ url: '/v1/accounts/acct_%00x', headers: auth(t.key) }), /path/);
    expectNul(await h.app.inject({ url: '/v1/debtors/dbt_1%00/timeline', headers: auth(t.key) }), /path/);
    expectNul(
      await h.app.inject({ url: '/v1/accounts?portfolioId=pf%00', headers: auth(t.key) }),
      /portfolioId/,
    );
  });

  it('in a raw JSON body kept as text (signed webhooks), as its JSON escape', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/webhooks/whatsapp',
      headers: { 'content-type': 'application/json' },
      payload: '{"entry":[{"text":"a\\u0000b"}]}',
    });
    expectNul(res, /body/);
  });

  it('in a login (public route)', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'a\u0000@example.com', password: 'x' },
    });
    expectNul(res, /email/);
  });
});

describeStorage('NUL in a CSV upload', (mode) => {
  const h = httpHarness(mode);

  it('refuses the file naming the row and column, not with a database error', async () => {
    const t = await newTenant(h.platform);
    const headers = { authorization: `Bearer ${t.key}` };
    const csv =
      'external_ref,debtor_ref,last_name,country,region,currency,principal\nC-1,D-1,Ru\u0000iz,MX,MX-JAL,MXN,10.00\n';
    const up = await h.app.inject({
      method: 'POST',
      url: '/v1/imports?portfolio=nul&mode=valid_rows',
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: csv,
    });
    // Row 1 is read before the import starts (it gives the portfolio's defaults), so the upload
    // itself is refused; a later row fails the started import with the same message.
    expect(up.statusCode, up.body).toBe(400);
    expect(up.json().detail).toMatch(/row 1, last_name: a NUL character/);
  });
});
