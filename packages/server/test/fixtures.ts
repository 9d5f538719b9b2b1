import type { RawImportRow } from '@saldo/core/record';
import { ManualClock } from '../src/shared/clock/manual-clock.js';
import { buildPlatform, type Platform } from '../src/platform/composition-root.js';
import type { Db } from '../src/shared/db/db.js';
import { loadConfig, type Config } from '../src/platform/config.js';
import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildHttp } from '../src/platform/start-saldo.js';
import { uniqueSlug, type StorageMode } from './storage.js';
import { openTimelineRows } from '../src/modules/record/index.js';
import { testVault } from '../src/shared/crypto/test-vault.js';

export const T0 = '2026-11-24T15:00:00Z';

/**
 * The configuration tests run with: a fixed secret, and webhooks allowed to loopback receivers
 * (tests run them on 127.0.0.1), unless `env` says more.
 */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    SALDO_SECRET_KEY: 'test-secret-0123456789abcdef',
    SALDO_WEBHOOKS_ALLOW_HTTP_LOOPBACK: '1',
    ...env,
  });
}

/** A platform over an open test database, with a manual clock at T0 (`env` over the test configuration). */
export async function testPlatform(
  db: Db,
  clock = new ManualClock(T0),
  env: Record<string, string> = {},
): Promise<{ platform: Platform; clock: ManualClock }> {
  const platform = await buildPlatform({ db, clock, config: testConfig(env) });
  return { platform, clock };
}

/** A fresh tenant for one test: organization + admin API key. */
export async function newTenant(
  p: Platform,
  role: 'admin' | 'strategist' | 'agent' | 'compliance' = 'admin',
) {
  const def = p.defaultOrgId;
  const slug = uniqueSlug();
  const { organization } = await p.organizations.create(
    { orgId: def, role: 'admin' },
    {
      slug,
      name: slug,
      admin: { email: `${slug}@example.com`, name: 'Admin', password: 'correct horse battery' },
    },
  );
  const { key } = await p.auth.createApiKey(organization.id, 'test', role);
  return {
    orgId: organization.id,
    key,
    slug,
    email: `${slug}@example.com`,
    password: 'correct horse battery',
  };
}

/** A valid import row; override any column. */
export function makeRow(over: Partial<RawImportRow> = {}): RawImportRow {
  return {
    external_ref: 'ACC-1',
    debtor_ref: 'DEB-1',
    first_name: 'Ana',
    last_name: 'García López',
    language: 'es',
    country: 'MX',
    region: 'MX-CMX',
    timezone: 'America/Mexico_City',
    phone: '+525512345678',
    email: 'ana@example.com',
    consent_sms: 'true',
    product: 'credit_card',
    currency: 'MXN',
    principal: '10000.00',
    interest: '500.00',
    fees: '100.00',
    delinquent_since: '2026-10-10',
    ...over,
  };
}

export async function importRows(
  p: Platform,
  orgId: string,
  rows: RawImportRow[],
  mode: 'all_or_nothing' | 'valid_rows' = 'all_or_nothing',
  code = 'pf1',
) {
  return p.imports.importRows(orgId, rows, {
    portfolio: { code, currency: 'MXN', country: 'MX' },
    mode,
    sourceName: 'test',
  });
}

/**
 * The HTTP test harness of a `describeStorage` suite: a fresh database, a platform over it and its
 * HTTP app, opened before the suite's tests and closed after. Read the parts once the tests run.
 */
export function httpHarness(mode: StorageMode) {
  const h = {} as { db: Db & { drop(): Promise<void> }; platform: Platform; app: FastifyInstance };
  beforeAll(async () => {
    h.db = await mode.open();
    h.platform = (await testPlatform(h.db)).platform;
    h.app = await buildHttp(h.platform);
  });
  afterAll(async () => {
    await h.app.close();
    await h.db.drop();
  });
  return h;
}

/** The Authorization header of an API key. */
export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/**
 * Timeline rows as the API reads them: the personal part (sealed under the debtor's key, ADR 0010)
 * opened and merged over the clear summary and data. `where` filters `timeline_events`, ordered by seq.
 */
export async function openedTimeline(
  db: Db,
  where: string,
  params: unknown[],
  secret = 'test-secret-0123456789abcdef',
) {
  const rows = await db.query<Parameters<typeof openTimelineRows>[2][number]>(
    `SELECT * FROM timeline_events WHERE ${where} ORDER BY seq`,
    params,
  );
  return openTimelineRows(db, testVault(secret), rows.rows);
}

/** Rows that carry a timeline entry's columns (`t.*`) beside others: each with its opened summary. */
export async function withOpenedSummary<R extends Record<string, unknown>>(
  db: Db,
  rows: R[],
  secret = 'test-secret-0123456789abcdef',
): Promise<(R & { text: string })[]> {
  const opened = await openTimelineRows(
    db,
    testVault(secret),
    rows as unknown as Parameters<typeof openTimelineRows>[2],
  );
  return rows.map((r, i) => ({ ...r, text: opened[i]!.summary }));
}
