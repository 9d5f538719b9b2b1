import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import complianceRoutes from './check-routes.js';
import { createComplianceChecker } from '../usecases/check-compliance.js';
import { createMemoryOrgPolicyStore } from '../testing/memory-org-policy-store.js';

const contact = {
  id: 'c1',
  at: '2026-03-03T13:59:00Z',
  channel: 'call',
  debtId: 'A',
  recipient: 'debtor',
  debtor: { country: 'US', timezone: 'America/New_York' },
  history: Array.from({ length: 7 }, (_, i) => ({
    at: `2026-0${i < 5 ? 2 : 3}-${String(i < 5 ? 24 + i : i - 4).padStart(2, '0')}T15:00:00Z`,
    channel: 'call',
    direction: 'outbound',
    outcome: 'no_answer',
    debtId: 'A',
  })),
};

async function app(orgId?: string) {
  const a = Fastify();
  a.decorateRequest('auth', null);
  if (orgId)
    a.addHook(
      'onRequest',
      async (req) => void ((req as unknown as { auth: unknown }).auth = { orgId, role: 'agent' }),
    );
  const store = createMemoryOrgPolicyStore({
    org_quiet: {
      quietHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '20:00', end: '12:00' }],
    },
  });
  await a.register(async (x) =>
    complianceRoutes(x, { complianceChecker: createComplianceChecker({ orgPolicyStore: store }) }),
  );
  return a;
}

describe('POST /v1/compliance/check', () => {
  it('one object in → one decision out, keys in interface order', async () => {
    const res = await (await app()).inject({ method: 'POST', url: '/v1/compliance/check', payload: contact });
    expect(res.statusCode).toBe(200);
    const body = res.json() as Record<string, unknown>;
    expect(Object.keys(body).slice(0, 4)).toEqual(['id', 'allowed', 'reasons', 'nextAllowedAt']);
    expect(body).toMatchObject({
      id: 'c1',
      allowed: false,
      nextAllowedAt: '2026-03-03T15:00:00Z',
      reasons: [{ rule: 'US-REGF-7IN7', citation: '12 CFR 1006.14(b)(2)' }],
    });
  });

  it('an array in → an array out, malformed items as {id: null, error}', async () => {
    const res = await (
      await app()
    ).inject({
      method: 'POST',
      url: '/v1/compliance/check',
      payload: [contact, { id: 'x', channel: 'fax' }, { ...contact, id: 'c2', history: [] }],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as Array<Record<string, unknown>>;
    expect(body).toHaveLength(3);
    expect(body[0]).toMatchObject({ id: 'c1', allowed: false });
    expect(body[1]).toMatchObject({ id: null, error: expect.stringContaining('channel') });
    expect(body[2]).toMatchObject({ id: 'c2', allowed: true, reasons: [], nextAllowedAt: null });
  });

  it('a malformed single object → 400 application/problem+json with field errors', async () => {
    const res = await (
      await app()
    ).inject({
      method: 'POST',
      url: '/v1/compliance/check',
      payload: { ...contact, at: 'soon', debtor: { country: 'US', timezone: 'Nowhere/Town' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const p = res.json() as {
      type: string;
      title: string;
      status: number;
      detail: string;
      errors: { path: string; message: string }[];
    };
    expect(p).toMatchObject({
      status: 400,
      title: 'Invalid compliance check',
      type: expect.stringContaining('validation'),
    });
    expect(p.errors.map((e) => e.path).sort()).toEqual(['at', 'debtor.timezone']);
  });

  it("stacks the authenticated organisation's policy", async () => {
    const res = await (
      await app('org_quiet')
    ).inject({ method: 'POST', url: '/v1/compliance/check', payload: { ...contact, history: [] } });
    expect(res.json()).toMatchObject({
      allowed: false,
      nextAllowedAt: '2026-03-03T17:00:00Z',
      reasons: [{ rule: 'ORG-QUIET-HOURS' }],
    });
  });

  it('declares roles and an OpenAPI tag', async () => {
    const a = Fastify();
    const routes: Array<{ config?: unknown; schema?: unknown }> = [];
    a.addHook('onRoute', (r) => void routes.push({ config: r.config, schema: r.schema }));
    await a.register(async (x) =>
      complianceRoutes(x, {
        complianceChecker: createComplianceChecker({ orgPolicyStore: createMemoryOrgPolicyStore() }),
      }),
    );
    await a.ready();
    expect(routes[0]).toMatchObject({
      config: { roles: ['admin', 'strategist', 'agent', 'compliance'] },
      schema: { tags: ['compliance'] },
    });
  });
});
