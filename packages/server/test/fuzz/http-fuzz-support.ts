// The pieces of the HTTP fuzz drill (test/http-body-fuzz.test.ts): the routes of the real app,
// discovered as they are registered, hostile values from fast-check, and a snapshot of every table's
// row count.
import fc from 'fast-check';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Platform } from '../../src/platform/composition-root.js';
import type { Db } from '../../src/shared/db/db.js';
import { buildHttp } from '../../src/platform/start-saldo.js';

export interface FuzzRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  public: boolean;
  roles: readonly string[];
  /** Every property name its body or query schema declares, at any depth (empty for zod bodies). */
  fieldNames: string[];
}

/** Property names of a JSON schema, at any depth. */
function propertyNames(schema: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const s of schema) propertyNames(s, into);
  else if (schema && typeof schema === 'object') {
    const props = (schema as { properties?: Record<string, unknown> }).properties;
    if (props && typeof props === 'object') for (const k of Object.keys(props)) into.add(k);
    for (const v of Object.values(schema)) propertyNames(v, into);
  }
  return into;
}

/**
 * The HTTP app of `p` and every route it serves, collected by an `onRoute` hook installed in each
 * module's route plugin before its routes are declared: a new route is fuzzed without being listed.
 */
export async function appWithRoutes(p: Platform): Promise<{ app: FastifyInstance; routes: FuzzRoute[] }> {
  const routes: FuzzRoute[] = [];
  const collect = (r: RouteOptions) => {
    const config = (r.config ?? {}) as { public?: boolean; roles?: readonly string[] };
    const schema = (r.schema ?? {}) as { body?: unknown; querystring?: unknown };
    for (const method of [r.method].flat()) {
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue; // HEAD: GET's twin
      routes.push({
        method: method as FuzzRoute['method'],
        url: r.url,
        public: config.public === true,
        roles: config.roles ?? [],
        fieldNames: [...propertyNames([schema.body, schema.querystring])],
      });
    }
  };
  const watched = p.routes.map((plugin) => async (app: FastifyInstance) => {
    app.addHook('onRoute', collect);
    await plugin(app);
  });
  const app = await buildHttp({ ...p, routes: watched });
  await app.ready();
  return { app, routes };
}

/**
 * Tables whose rows a refused request may add, by design:
 * - `audit_log`, `audit_heads`: the audit trail records a refused change as requested, then failed
 *   (docs/security.md "Audit trail"); the head follows the chain.
 * - `login_failures`, `login_ip_buckets`: login throttling counts failed attempts per account and
 *   per client address (a refused login is exactly what they exist to count).
 * A refused provider webhook is logged, not stored, so no table of it is excepted.
 */
export const TABLES_WRITTEN_BY_REFUSALS = new Set([
  'audit_log',
  'audit_heads',
  'login_failures',
  'login_ip_buckets',
]);

/** Row counts of every base table of the current schema, in one statement. */
export async function tableCounter(db: Db): Promise<() => Promise<Record<string, number>>> {
  const tables = (
    await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).rows
    .map((r) => r.name)
    .filter((t) => !TABLES_WRITTEN_BY_REFUSALS.has(t));
  if (tables.length < 30) throw new Error(`only ${tables.length} tables found: wrong schema?`);
  const sql = `SELECT ${tables.map((t) => `(SELECT count(*)::int FROM "${t}") AS "${t}"`).join(', ')}`;
  return async () => (await db.query<Record<string, number>>(sql)).rows[0]!;
}

/** Strings an attacker or a broken client sends. */
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'NaN',
    'Infinity',
    '-0',
    '1e308',
    '9007199254740993',
    "' OR '1'='1' --",
    "'; DROP TABLE accounts; --",
    "=cmd|' /C calc'!A0",
    '+SUM(1,2)',
    '@HYPERLINK("http://x")',
    '-2+3',
    '\u0000',
    'a\u0000b',
    '\u202Eevil\u202C',
    'مرحبا بالعالم',
    '😀👩‍👩‍👧‍👦🏳️‍🌈',
    '\ud800',
    '\udfff\ud800',
    '../../../etc/passwd',
    '<script>alert(1)</script>',
    '{{7*7}}${7*7}',
    '__proto__',
    'constructor',
    '2026-02-30T25:61:00Z',
    '0000-01-01',
    'acct_' + 'x'.repeat(300),
    'x'.repeat(5000),
    '\r\n\t',
  ),
);

/** JSON text of a value: generated JSON, hostile strings, and number literals JSON.stringify cannot write. */
const jsonText: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  hostileString.map((s) => JSON.stringify(s)),
  fc.constantFrom(
    '-0',
    '1e308',
    '1e309',
    '-1e309',
    '1e-400',
    '9007199254740993',
    '123456789012345678901234567890',
    '0.1',
    '-1',
    'true',
    'null',
    '[]',
    '{}',
  ),
  fc.integer({ min: 2, max: 3000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 2, max: 3000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
);

const dangerousKeys = ['__proto__', 'constructor', 'prototype', '', '\u0000', 'a.b', '$where'];

/** A JSON object text whose keys come from the route's own field names, dangerous keys and noise. */
function objectText(fieldNames: string[]): fc.Arbitrary<string> {
  const key = fc.oneof(
    ...(fieldNames.length ? [fc.constantFrom(...fieldNames)] : []),
    fc.constantFrom(...dangerousKeys),
    fc.string({ maxLength: 12 }),
  );
  return fc
    .array(fc.tuple(key, jsonText), { maxLength: 8 })
    .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
}

export interface FuzzBody {
  contentType: string | undefined;
  payload: string | Buffer;
}

/** A request body: mostly JSON objects shaped like the route's, sometimes anything else. */
export function bodyArb(fieldNames: string[]): fc.Arbitrary<FuzzBody> {
  const json = (payload: string) => ({ contentType: 'application/json', payload });
  return fc.oneof(
    { weight: 6, arbitrary: objectText(fieldNames).map(json) },
    { weight: 2, arbitrary: jsonText.map(json) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            undefined,
            'text/plain',
            'application/x-www-form-urlencoded',
            'text/csv',
            'multipart/form-data; boundary=x',
            'application/xml',
            'application/json; charset=utf-16',
          ),
          fc.oneof(objectText(fieldNames), hostileString),
        )
        .map(([contentType, payload]) => ({ contentType, payload })),
    },
    {
      weight: 1,
      // Bytes that are not UTF-8 (lone continuation bytes, overlongs, a truncated sequence).
      arbitrary: fc
        .constantFrom(
          'ff fe 7b 7d',
          '7b 22 61 22 3a 22 c0 af 22 7d',
          '7b 22 61 22 3a 22 e2 82 22 7d',
          '80 81 82',
        )
        .map((hex) => ({
          contentType: 'application/json',
          payload: Buffer.from(hex.replaceAll(' ', ''), 'hex'),
        })),
    },
    { weight: 1, arbitrary: fc.constant({ contentType: 'application/json', payload: '{"a":1' }) },
  );
}

/** Percent-encoding that also takes lone surrogates (encodeURIComponent throws on them). */
function percentEncode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
}

/** A query string from the route's field names and noise, with raw escapes a browser would not send. */
export function queryArb(fieldNames: string[]): fc.Arbitrary<string> {
  const key = fc.oneof(
    ...(fieldNames.length ? [fc.constantFrom(...fieldNames)] : []),
    fc.constantFrom(...dangerousKeys),
  );
  const value = fc.oneof(
    hostileString.map(percentEncode),
    fc.constantFrom('%', '%zz', '%00', '%ff%fe', '%c0%af', '-1', '1e309', '99999999999999999999'),
  );
  return fc
    .array(fc.tuple(key.map(percentEncode), value), { maxLength: 5 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
}

/** A path parameter value: an id that exists nowhere, or a hostile string. */
export const paramArb = fc.oneof(
  fc.constant('x'),
  fc.constant('acct_missing'),
  hostileString.filter((s) => s.length > 0).map(percentEncode),
  fc.constantFrom('%00', '%ff', '%', '..%2f..'),
);

/** The route's URL with each `:param` replaced. */
export function fillPath(url: string, values: string[]): string {
  let i = 0;
  return url.replace(/:[A-Za-z_]+/g, () => values[i++ % values.length] ?? 'x');
}
