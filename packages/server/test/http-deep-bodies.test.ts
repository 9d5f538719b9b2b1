import { expect, it } from 'vitest';
import { MAX_BODY_DEPTH, nestsDeeperThan } from '../src/shared/http/reject-deep.js';
import { httpHarness, newTenant } from './fixtures.js';
import { describeStorage } from './storage.js';

/** `{"weeklyCaps": [[[…]]]}` with `levels` arrays, as text (building it as an object would recurse). */
const nested = (levels: number) => `{"weeklyCaps":${'['.repeat(levels)}${']'.repeat(levels)}}`;

it('measures nesting without recursion, up to the limit and one past it', () => {
  expect(nestsDeeperThan(JSON.parse(nested(MAX_BODY_DEPTH - 1)), MAX_BODY_DEPTH)).toBe(false);
  expect(nestsDeeperThan(JSON.parse(nested(MAX_BODY_DEPTH)), MAX_BODY_DEPTH)).toBe(true);
  expect(nestsDeeperThan(JSON.parse(nested(200_000)), MAX_BODY_DEPTH)).toBe(true);
  expect(nestsDeeperThan({ a: [1, { b: 'x' }], c: null }, 3)).toBe(false);
});

// A body nested far deeper than any real one overflowed the stack of whatever walked it (the audit
// trail's canonical JSON, the validators): a 503 or 500 found by the fuzz drill. It is a 400 now.
describeStorage('deeply nested bodies', (mode) => {
  const h = httpHarness(mode);

  it('are refused with a 400 that says so, change nothing and leave no audit entry', async () => {
    const t = await newTenant(h.platform);
    const headers = { authorization: `Bearer ${t.key}`, 'content-type': 'application/json' };
    for (const [method, url] of [
      ['PUT', '/v1/compliance/policy'],
      ['POST', '/v1/users/usr_missing/unlock'],
      ['PUT', '/v1/offers/policy'],
    ] as const) {
      const r = await h.app.inject({ method, url, headers, payload: nested(100_000) });
      expect(r.statusCode, url).toBe(400);
      expect(r.json().detail).toMatch(/nested deeper than 64 levels/);
    }
    expect((await h.app.inject({ url: '/v1/compliance/policy', headers })).json()).toEqual({ policy: null });
    expect(await h.platform.audit.list(t.orgId, { limit: 10 })).toEqual([]);
    const ok = await h.app.inject({
      method: 'PUT',
      url: '/v1/compliance/policy',
      headers,
      payload: { weeklyCaps: { sms: 2 } },
    });
    expect(ok.statusCode).toBe(200);
  });
});
