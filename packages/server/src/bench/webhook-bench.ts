// Inbound-webhook load: the real server (`saldo start --role api`, PostgreSQL in its own schema) takes
// correctly signed Twilio inbound SMS webhooks at a fixed rate over keep-alive connections; every
// acknowledgement's latency is measured, then every MessageSid is looked up: stored exactly once,
// none lost, none doubled. `saldo bench --only webhooks [--rate 500] [--seconds 60]` → docs/benchmarks.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Db } from '../shared/db/db.js';
import { openPostgresDb } from '../shared/db/postgres-db.js';
import { quantile, sendSignedWebhooks, type WebhookLoadResult } from './webhook-load.js';

/** The tenant's Twilio account in every run (the auth token is what signs the load). */
export const BENCH_TWILIO = {
  accountSid: 'AC0000000000000000000000000000be0c',
  authToken: 'saldo-bench-twilio-auth-token',
  fromSms: '+15005550006',
};
const BENCH_PUBLIC_URL = 'https://saldo-bench.example.com';
const saldoBin = fileURLToPath(new URL('../../bin/saldo.mjs', import.meta.url));

async function call(baseUrl: string, method: string, path: string, token: string | null, body: unknown) {
  const res = await fetch(new URL(path, baseUrl), {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/**
 * A tenant created by the operator (the default organisation reads its providers from the
 * environment, so the bench's settings belong to a tenant), signed in as its first admin.
 */
async function provisionTenant(baseUrl: string, operatorKey: string): Promise<string> {
  const slug = `bench-${randomBytes(4).toString('hex')}`;
  const admin = { email: `${slug}@example.com`, name: 'Bench', password: randomBytes(12).toString('hex') };
  await call(baseUrl, 'POST', '/v1/organizations', operatorKey, { slug, name: 'Webhook bench', admin });
  const session = await call(baseUrl, 'POST', '/v1/auth/login', null, {
    email: admin.email,
    password: admin.password,
  });
  return String(session.token);
}

/** Saves the bench's Twilio settings for the organisation of `adminKey` (a key or session), through the API. */
export async function provisionTwilio(baseUrl: string, adminKey: string): Promise<void> {
  await call(baseUrl, 'PUT', '/v1/channels/settings/twilio', adminKey, BENCH_TWILIO);
}

export interface StoredCheck {
  /** Sent, never stored. */
  lost: number;
  /** Stored more than once. */
  doubled: number;
  /** Stored, never sent (another run's, or a corrupted id). */
  unexpected: number;
}

/** How many times each MessageSid of the run is stored as a Twilio inbound message. */
export async function checkStored(db: Db, sidPrefix: string, sids: readonly string[]): Promise<StoredCheck> {
  const { rows } = await db.query<{ sid: string; n: number }>(
    `SELECT provider_message_id AS sid, count(*)::int AS n FROM inbound_events
      WHERE provider = 'twilio' AND type = 'message' AND starts_with(provider_message_id, $1)
      GROUP BY 1`,
    [sidPrefix],
  );
  const stored = new Map(rows.map((r) => [r.sid, r.n]));
  const sent = new Set(sids);
  return {
    lost: sids.filter((s) => !stored.has(s)).length,
    doubled: rows.filter((r) => r.n > 1).length,
    unexpected: rows.filter((r) => !sent.has(r.sid)).length,
  };
}

/** The JSON summary of a run. */
export function summarise(
  load: WebhookLoadResult,
  stored: StoredCheck,
  o: { rate: number; seconds: number },
) {
  const ms = (v: number) => +v.toFixed(1);
  return {
    rate: o.rate,
    seconds: o.seconds,
    sent: load.sids.length,
    acked: load.acked,
    errors: load.errors,
    ...stored,
    achievedRate: Math.round(load.sids.length / load.wallSeconds),
    ackLatencyMs: {
      p50: ms(quantile(load.latenciesMs, 0.5)),
      p95: ms(quantile(load.latenciesMs, 0.95)),
      p99: ms(quantile(load.latenciesMs, 0.99)),
      max: ms(load.latenciesMs.at(-1) ?? NaN),
    },
    maxSendLagMs: ms(load.maxSendLagMs),
    wallSeconds: +load.wallSeconds.toFixed(1),
  };
}

/** `saldo start --role api` on an ephemeral port; resolves with its address once it listens. */
function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; baseUrl: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [saldoBin, 'start', '--role', 'api', '--port', '0'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Saldo is up: (http:\/\/\S+?) /.exec(out);
      if (m?.[1]) resolve({ child, baseUrl: m[1].replace('//localhost:', '//127.0.0.1:') });
    });
    child.on('exit', (code) => reject(new Error(`saldo start exited ${code} before listening:\n${out}`)));
  });
}

export async function runWebhookBench(
  log: (line: string) => void,
  o: { rate?: number; seconds?: number; url?: string } = {},
) {
  const rate = o.rate ?? 500;
  const seconds = o.seconds ?? 60;
  if (!(rate > 0 && seconds > 0))
    throw new Error(`--rate and --seconds must be positive (${rate}, ${seconds})`);
  const base = o.url ?? process.env.SALDO_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${schema}`);
  const adminKey = `sk_bench_${randomBytes(16).toString('hex')}`;
  let server: ChildProcess | undefined;
  try {
    const started = await startServer({
      DATABASE_URL: u.toString(),
      SALDO_SECRET_KEY: 'saldo-bench-secret-key',
      SALDO_BOOTSTRAP_API_KEY: adminKey,
      SALDO_PUBLIC_URL: BENCH_PUBLIC_URL,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    });
    server = started.child;
    await provisionTwilio(started.baseUrl, await provisionTenant(started.baseUrl, adminKey));
    const loadBefore = loadavg()[0]!;
    log(
      `webhooks bench: ${rate}/s for ${seconds} s to ${started.baseUrl} (load average ${loadBefore.toFixed(1)})`,
    );
    const sidPrefix = `SMbench${randomBytes(4).toString('hex')}`;
    const load = await sendSignedWebhooks({
      baseUrl: started.baseUrl,
      publicUrl: BENCH_PUBLIC_URL,
      accountSid: BENCH_TWILIO.accountSid,
      authToken: BENCH_TWILIO.authToken,
      to: BENCH_TWILIO.fromSms,
      rate,
      seconds,
      sidPrefix,
    });
    const loadAfter = loadavg()[0]!;
    const db = await openPostgresDb(u.toString(), { max: 2 });
    const stored = await checkStored(db, sidPrefix, load.sids);
    await db.close();
    const out = {
      bench: 'webhooks',
      storage: 'postgres',
      ...summarise(load, stored, { rate, seconds }),
      loadAverage: { before: +loadBefore.toFixed(2), after: +loadAfter.toFixed(2) },
    };
    log(`webhooks bench: ${JSON.stringify(out)}`);
    return out;
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    if (process.env.SALDO_BENCH_KEEP) log(`webhooks bench: schema ${schema} kept`);
    else await admin.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await admin.end();
  }
}
