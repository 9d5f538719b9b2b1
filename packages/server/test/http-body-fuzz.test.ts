import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../src/platform/composition-root.js';
import type { Db } from '../src/shared/db/db.js';
import { newTenant, testPlatform } from './fixtures.js';
import { storageModes } from './storage.js';
import {
  appWithRoutes,
  bodyArb,
  fillPath,
  paramArb,
  queryArb,
  tableCounter,
  type FuzzBody,
  type FuzzRoute,
} from './fuzz/http-fuzz-support.js';

// The fuzz drill (issue 13): random and malicious values sent to every route of the real app must
// give 4xx, never 5xx, and a refused request must write nothing. Routes are discovered as the app
// registers them, so a new route is fuzzed without being listed here. Seeded: a failure prints its
// seed and counterexample; SALDO_FUZZ_SEED / SALDO_FUZZ_RUNS explore further locally. PGlite only:
// what is tested is the HTTP boundary, the same on both databases, and this keeps CI to a few minutes.
const SEED = Number(process.env.SALDO_FUZZ_SEED ?? 20_261_124);
const RUNS = Number(process.env.SALDO_FUZZ_RUNS ?? 25);
const pglite = storageModes.find((m) => m.name === 'pglite')!;

interface Sent {
  method: FuzzRoute['method'];
  url: string;
  body?: FuzzBody;
  key?: string;
}

describe('fuzzing every HTTP route: 4xx, never 5xx, and nothing written when refused', () => {
  let db: Db & { drop(): Promise<void> };
  let p: Platform;
  let app: FastifyInstance;
  let routes: FuzzRoute[];
  let counts: () => Promise<Record<string, number>>;
  const keys = new Map<string, string>();
  let orgId: string;

  beforeAll(async () => {
    db = await pglite.open();
    p = (await testPlatform(db)).platform;
    ({ app, routes } = await appWithRoutes(p));
    counts = await tableCounter(db);
    const t = await newTenant(p);
    orgId = t.orgId;
    keys.set('admin', t.key);
    for (const role of ['strategist', 'agent', 'compliance'] as const)
      keys.set(role, (await p.auth.createApiKey(t.orgId, `fuzz-${role}`, role)).key);
  });
  afterAll(async () => {
    await app.close();
    await p.channels.close();
    await db.drop();
  });

  /** Admin of a fresh tenant, or the route's first role when admin may not call it. */
  const keyFor = (r: FuzzRoute) => keys.get(r.roles.includes('admin') ? 'admin' : r.roles[0]!)!;

  /** Sends one request; returns a description of what went wrong, or null. */
  async function send(s: Sent): Promise<string | null> {
    const before = await counts();
    const res = await app.inject({
      method: s.method,
      url: s.url,
      headers: {
        ...(s.key ? { authorization: `Bearer ${s.key}` } : {}),
        ...(s.body?.contentType ? { 'content-type': s.body.contentType } : {}),
      },
      ...(s.body ? { payload: s.body.payload } : {}),
    });
    if (res.statusCode >= 500) return `${res.statusCode} ${res.body.slice(0, 300)}`;
    if (res.statusCode < 400) return null;
    const after = await counts();
    const written = Object.keys(after).filter((t) => after[t] !== before[t]);
    return written.length ? `${res.statusCode} but rows written in ${written.join(', ')}` : null;
  }

  /** Runs the property for one route; a failure is reported with its seed and counterexample. */
  async function fuzzRoute(r: FuzzRoute, key: string | undefined): Promise<string | null> {
    const hasBody = r.method === 'POST' || r.method === 'PUT' || r.method === 'PATCH';
    const result = await fc.check(
      fc.asyncProperty(
        fc.array(paramArb, { minLength: 1, maxLength: 3 }),
        queryArb(r.fieldNames),
        hasBody ? bodyArb(r.fieldNames) : fc.constant(undefined),
        async (params, query, body) => {
          const url = fillPath(r.url, params) + (query && !hasBody ? `?${query}` : '');
          const problem = await send({
            method: r.method,
            url,
            ...(body ? { body } : {}),
            ...(key ? { key } : {}),
          });
          if (problem) throw new Error(`${r.method} ${url}: ${problem}`);
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    if (!result.failed) return null;
    const body = result.counterexample?.[2] as FuzzBody | undefined;
    const shown = body
      ? ` content-type ${String(body.contentType)} body ${JSON.stringify(String(body.payload).slice(0, 200))}`
      : '';
    return `${r.method} ${r.url} (seed ${SEED}): ${String(result.errorInstance)}${shown}`;
  }

  it('finds the routes of every module', () => {
    const urls = new Set(routes.map((r) => `${r.method} ${r.url}`));
    // A sample from each module: if discovery broke, the drills below would pass on nothing.
    for (const known of [
      'POST /v1/auth/login',
      'PUT /v1/compliance/policy',
      'POST /v1/payments',
      'POST /v1/imports',
      'POST /v1/webhooks/twilio/messages',
      'POST /v1/webhook-subscriptions',
      'POST /v1/strategies',
    ])
      expect(urls, known).toContain(known);
    expect(routes.length).toBeGreaterThan(60);
  });

  it('the row counter sees a write, and leaves out only the tables that record refusals', async () => {
    const before = await counts();
    await p.auth.createApiKey(orgId, 'fuzz-probe', 'agent');
    const after = await counts();
    expect(after.api_keys).toBe(before.api_keys! + 1);
    expect(Object.keys(after)).toEqual(expect.arrayContaining(['accounts', 'payments', 'inbound_events']));
    expect(Object.keys(after)).not.toContain('audit_log');
  });

  it('authenticated: every route refuses hostile input with 4xx and writes nothing', async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => !x.public)) {
      const f = await fuzzRoute(r, keyFor(r));
      if (f) failures.push(f);
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('unauthenticated: public routes (login, provider webhooks) refuse unsigned garbage with 4xx and write nothing', async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => x.public && x.url !== '/' && !x.url.startsWith('/docs'))) {
      const f = await fuzzRoute(r, undefined);
      if (f) failures.push(f);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
