import { expect, it } from 'vitest';
import { httpHarness, newTenant } from './fixtures.js';
import { describeStorage } from './storage.js';

// Numbers read from text (query strings, path parameters) are finite or refused: `1e309` reads as
// Infinity, which the schema's `integer` let through and the database then refused with a 500.
describeStorage('numbers in query strings', (mode) => {
  const h = httpHarness(mode);

  it('an infinite number is a 400 naming the parameter; a finite one is read', async () => {
    const t = await newTenant(h.platform);
    const headers = { authorization: `Bearer ${t.key}` };
    for (const [url, name] of [
      ['/v1/audit?fromSeq=1e309', 'fromSeq'],
      ['/v1/accounts?maxBalance=1e309', 'maxBalance'],
      ['/v1/accounts?maxBalance=-1e309', 'maxBalance'],
    ] as const) {
      const r = await h.app.inject({ url, headers });
      expect(r.statusCode, url).toBe(400);
      expect(r.body).toContain(name);
      expect(r.body).toContain('finite');
    }
    expect((await h.app.inject({ url: '/v1/audit?fromSeq=2', headers })).statusCode).toBe(200);
    expect((await h.app.inject({ url: '/v1/accounts?maxBalance=100000', headers })).statusCode).toBe(200);
  });
});
