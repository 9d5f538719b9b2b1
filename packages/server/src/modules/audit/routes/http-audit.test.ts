import { expect, it } from 'vitest';
import Fastify from 'fastify';
import { bearer, httpHarness, newTenant } from '../../../../test/fixtures.js';
import { describeStorage } from '../../../../test/storage.js';
import { httpAuditHooks } from './http-audit.js';
import type { AuditTrail } from '../usecases/audit-trail.js';

describeStorage('the audit trail over HTTP', (mode) => {
  const h = httpHarness(mode);
  const auth = bearer;
  const policy = { weeklyCaps: { sms: 2 } };

  it('records a change before and after it: who, what, on what, the redacted body, the outcome', async () => {
    const t = await newTenant(h.platform);
    const put = await h.app.inject({
      method: 'PUT',
      url: '/v1/compliance/policy',
      headers: auth(t.key),
      payload: policy,
    });
    expect(put.statusCode).toBe(200);
    const { entries } = (await h.app.inject({ url: '/v1/audit', headers: auth(t.key) })).json();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      seq: 1,
      actor: { kind: 'api_key', role: 'admin' },
      action: 'PUT /v1/compliance/policy',
      target: '/v1/compliance/policy',
      outcome: 'requested',
      detail: { body: policy },
    });
    expect(entries[1]).toMatchObject({ seq: 2, outcome: 'completed 200', detail: { requested: 1 } });
    expect(entries[1].prevHash).toBe(entries[0].hash);
    // Reads are not changes: listing the trail added nothing.
    expect((await h.platform.audit.verify(t.orgId)).entries).toBe(2);
  });

  it('records a refused change as failed, and keeps secrets out of the trail', async () => {
    const t = await newTenant(h.platform);
    const bad = await h.app.inject({
      method: 'PUT',
      url: '/v1/compliance/policy',
      headers: auth(t.key),
      payload: { weeklyCaps: { sms: -1 } },
    });
    expect(bad.statusCode).toBe(400);
    const user = await h.app.inject({
      method: 'POST',
      url: '/v1/users',
      headers: auth(t.key),
      payload: {
        email: `new-${t.slug}@example.com`,
        name: 'New',
        role: 'agent',
        password: 'a secret password 1',
      },
    });
    expect(user.statusCode).toBe(201);
    const entries = await h.platform.audit.list(t.orgId, { limit: 10 });
    expect(entries.map((e) => `${e.action} ${e.outcome}`)).toEqual([
      'PUT /v1/compliance/policy requested',
      'PUT /v1/compliance/policy failed 400',
      'POST /v1/users requested',
      'POST /v1/users completed 201',
    ]);
    expect(entries[2]!.detail).toContain('"password":"[redacted]"');
    expect(entries.map((e) => e.detail).join()).not.toContain('a secret password 1');
  });

  it("keeps only field names for debtors' personal data", async () => {
    const t = await newTenant(h.platform);
    await h.app.inject({
      method: 'POST',
      url: '/v1/accounts/acc_missing/promises',
      headers: auth(t.key),
      payload: { amountMinor: 1000, dueDate: '2026-12-01', channel: 'sms' },
    });
    const [requested] = await h.platform.audit.list(t.orgId, { limit: 1 });
    expect(JSON.parse(requested!.detail).body).toMatchObject({
      fields: ['amountMinor', 'dueDate', 'channel'],
    });
    expect(requested!.detail).not.toContain('2026-12-01');
  });

  it('is read by compliance officers and admins only, per organisation', async () => {
    const t = await newTenant(h.platform);
    const other = await newTenant(h.platform);
    await h.app.inject({
      method: 'PUT',
      url: '/v1/compliance/policy',
      headers: auth(t.key),
      payload: policy,
    });
    const agent = await h.platform.auth.createApiKey(t.orgId, 'agent', 'agent');
    const officer = await h.platform.auth.createApiKey(t.orgId, 'officer', 'compliance');
    expect((await h.app.inject({ url: '/v1/audit', headers: auth(agent.key) })).statusCode).toBe(403);
    expect(
      (await h.app.inject({ url: '/v1/audit', headers: auth(officer.key) })).json().entries,
    ).toHaveLength(2);
    expect((await h.app.inject({ url: '/v1/audit', headers: auth(other.key) })).json().entries).toEqual([]);
    const verify = await h.app.inject({ url: '/v1/audit/verify', headers: auth(officer.key) });
    expect(verify.json()).toMatchObject({ entries: 2, intact: true, breaks: [] });
  });

  it('leaves no trace of a request that changes nothing (a check, a parse, a validation)', async () => {
    const t = await newTenant(h.platform);
    const headers = auth(t.key);
    const check = await h.app.inject({
      method: 'POST',
      url: '/v1/nlu/parse',
      headers,
      payload: { text: 'te pago el viernes', lang: 'es' },
    });
    expect(check.statusCode).toBe(200);
    const validate = await h.app.inject({
      method: 'POST',
      url: '/v1/strategies/validate',
      headers,
      payload: {},
    });
    expect(validate.statusCode).toBeLessThan(500);
    expect(await h.platform.audit.list(t.orgId, { limit: 10 })).toEqual([]);
  });

  it('keeps one gapless chain under concurrent changes', async () => {
    const t = await newTenant(h.platform);
    const puts = Array.from({ length: 12 }, (_, i) =>
      h.app.inject({
        method: 'PUT',
        url: '/v1/compliance/policy',
        headers: auth(t.key),
        payload: { weeklyCaps: { sms: i + 1 } },
      }),
    );
    expect((await Promise.all(puts)).map((r) => r.statusCode)).toEqual(Array(12).fill(200));
    const r = await h.platform.audit.verify(t.orgId);
    expect(r).toMatchObject({ entries: 24, lastSeq: 24, breaks: [] });
  });

  it('refuses to edit or delete an entry in the database, and verify finds an edit made behind its back', async () => {
    const t = await newTenant(h.platform);
    await h.app.inject({
      method: 'PUT',
      url: '/v1/compliance/policy',
      headers: auth(t.key),
      payload: policy,
    });
    await expect(
      h.db.query(`UPDATE audit_log SET outcome = 'completed 200' WHERE org_id = $1 AND seq = 1`, [t.orgId]),
    ).rejects.toThrow(/append-only/);
    await expect(h.db.query('DELETE FROM audit_log WHERE org_id = $1', [t.orgId])).rejects.toThrow(
      /append-only/,
    );

    // Someone with the database owner's rights switches the guard off and rewrites history.
    await h.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    try {
      await h.db.query(`UPDATE audit_log SET detail = '{}' WHERE org_id = $1 AND seq = 1`, [t.orgId]);
      await h.db.query('DELETE FROM audit_log WHERE org_id = $1 AND seq = 2', [t.orgId]);
    } finally {
      await h.db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    }
    expect((await h.platform.audit.verify(t.orgId)).breaks).toEqual([
      { seq: 1, problem: 'edited' },
      { seq: 1, problem: 'truncated', headSeq: 2 },
    ]);
  });
});

it('refuses a change when the trail cannot be written, and the handler never runs', async () => {
  const failing: AuditTrail = {
    record: () => Promise.reject(new Error('disk full')),
    list: async () => [],
    verify: () => Promise.reject(new Error('unused')),
    verifyAll: async () => [],
    anchor: async () => [],
    anchorLocation: null,
  };
  const hooks = httpAuditHooks(failing);
  const app = Fastify();
  let changed = false;
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    req.auth = { orgId: 'org_1', role: 'admin', kind: 'api_key', subjectId: 'key_1' };
  });
  app.addHook('preHandler', hooks.preHandler);
  app.addHook('onSend', hooks.onSend);
  app.post('/v1/thing', async () => {
    changed = true;
    return { ok: true };
  });
  app.get('/v1/thing', async () => ({ ok: true }));
  const post = await app.inject({ method: 'POST', url: '/v1/thing', payload: {} });
  expect(post.statusCode).toBe(500); // no error handler here: the platform's maps `unavailable` to 503
  expect(changed).toBe(false);
  expect((await app.inject({ url: '/v1/thing' })).statusCode).toBe(200); // reads are not audited
  await app.close();
});
