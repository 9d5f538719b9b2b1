import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../src/platform/composition-root.js';
import type { Db } from '../src/shared/db/db.js';
import { buildHttp } from '../src/platform/start-saldo.js';
import { newTenant, testPlatform } from './fixtures.js';
import { storageModes } from './storage.js';

// Request size limits and event-loop fairness. Nothing here depends on the storage mode, so it runs
// on PGlite only (the storage contract is covered by the record and import suites).
describe('HTTP resource limits', () => {
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
  const KiB = 1024;

  it('unauthenticated routes refuse an oversized body with 413 before parsing it', async () => {
    const big = 'x'.repeat(200 * KiB);
    const login = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'a@example.com', password: big },
    });
    expect(login.statusCode, login.body).toBe(413);
    expect(login.headers['content-type']).toMatch(/application\/problem\+json/);
    const twilio = await app.inject({
      method: 'POST',
      url: '/v1/webhooks/twilio/messages',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `Body=${big}`,
    });
    expect(twilio.statusCode, twilio.body).toBe(413);
    const meta = await app.inject({
      method: 'POST',
      url: '/v1/webhooks/whatsapp',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ entry: [{ text: big.repeat(6) }] }),
    });
    expect(meta.statusCode, meta.body).toBe(413);
  });

  it('an ordinary authenticated route takes at most 1 MiB; the compliance batch 8 MiB', async () => {
    const t = await newTenant(p);
    const keys = await app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: auth(t.key),
      payload: { name: 'x'.repeat(2 * 1024 * KiB), role: 'agent' },
    });
    expect(keys.statusCode).toBe(413);
    const huge = Array.from({ length: 9_000 }, (_, i) => ({ id: `c${i}`, pad: 'x'.repeat(1000) }));
    const check = await app.inject({
      method: 'POST',
      url: '/v1/compliance/check',
      headers: auth(t.key),
      payload: huge,
    });
    expect(check.statusCode).toBe(413);
  });

  const contacts = (n: number) => {
    const history = Array.from({ length: 5 }, (_, i) => ({
      at: `2026-11-${String(1 + i).padStart(2, '0')}T15:00:00Z`,
      channel: 'sms',
      direction: 'outbound',
      outcome: 'delivered',
    }));
    return Array.from({ length: n }, (_, i) => ({
      id: `c${i}`,
      at: '2026-11-26T01:30:00Z',
      channel: 'sms',
      debtor: { country: 'MX', timezone: 'America/Mexico_City', consents: { sms: true } },
      history,
      content: { optOutInstructions: true },
    }));
  };

  /**
   * Probes /health every few milliseconds until `work` settles. Returns the gaps between answered
   * probes: a blocked event loop delays the probe's timer as much as the probe itself, so the
   * longest gap is the longest any request was held back.
   */
  async function probeWhile<T>(work: Promise<T>) {
    let done = false;
    const started = performance.now();
    const result = work.finally(() => (done = true));
    const answered: number[] = [];
    while (!done) {
      await app.inject('/health');
      answered.push(performance.now());
      await new Promise((r) => setTimeout(r, 5));
    }
    await result;
    const total = performance.now() - started;
    await app.inject('/health'); // the gap up to the end of the work counts too
    answered.push(performance.now());
    const gaps = answered.map((at, i) => at - (answered[i - 1] ?? started));
    return { result: await result, gaps, total, probes: answered.length - 1 };
  }

  it('a large valid compliance batch over HTTP leaves room for other requests', async () => {
    const t = await newTenant(p);
    const payload = JSON.stringify(contacts(10_000));
    expect(payload.length).toBeLessThan(8 * 1024 * KiB);
    const { result, probes, total } = await probeWhile(
      app.inject({
        method: 'POST',
        url: '/v1/compliance/check',
        headers: { ...auth(t.key), 'content-type': 'application/json' },
        payload,
      }),
    );
    expect(result.statusCode).toBe(200);
    expect(result.json()).toHaveLength(10_000);
    // Evaluated in one go, the batch answered one or two probes (before it started evaluating).
    expect(probes, `${probes} probes answered during a ${total.toFixed(0)} ms batch`).toBeGreaterThan(5);
  });

  it('batch evaluation yields: no request waits for more than a fraction of the batch', async () => {
    // The use case alone (no body parsing, which the body limit bounds): the longest wait is one
    // chunk of checks, never the whole batch. Generous bound for a loaded machine.
    const t = await newTenant(p);
    const batch = contacts(10_000);
    const { result, gaps, total } = await probeWhile(p.compliance.checker.checkMany(batch, t.orgId));
    expect(result).toHaveLength(10_000);
    const worst = Math.max(...gaps);
    const context = `worst wait ${worst.toFixed(0)} ms, ${gaps.length} probes, ${total.toFixed(0)} ms batch`;
    expect(worst, context).toBeLessThan(Math.max(100, total / 4));
  });
});
