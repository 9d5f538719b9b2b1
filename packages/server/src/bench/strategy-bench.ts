// Strategy runner throughput on the real Postgres: N enrolled journeys, 2 worker processes, then
// 2 dispatcher processes delivering through the sandbox provider. `npm run bench` → docs/benchmarks.md.
// Run alone: node --import tsx packages/server/src/bench/strategy-bench.ts [journeys]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { ManualClock } from '../shared/clock/manual-clock.js';
import { openPostgresDb } from '../shared/db/postgres-db.js';
import { SandboxChannelProvider } from '../modules/channels/index.js';
import { buildEngine } from '../modules/strategy/index.js';
import { buildPlatform } from '../platform/composition-root.js';
import { loadConfig } from '../platform/config.js';
import type { Messaging } from '../modules/channels/index.js';
import { traceDb } from './trace-db.js';

const AT = '2026-03-02T15:00:00Z';
const self = fileURLToPath(import.meta.url);

/** The sandbox provider behind a minimal Messaging (no rendering, no compliance: the runner's cost only). */
function sandboxMessaging(clock: ManualClock): Messaging {
  const sandbox = new SandboxChannelProvider({ seed: 1, clock });
  return {
    async contact(req) {
      const r = await sandbox.send({
        messageId: req.idempotencyKey,
        orgId: req.orgId,
        channel: req.channel,
        to: 'bench@example.com',
        text: 'x',
      });
      return r.ok
        ? {
            kind: 'sent',
            messageId: req.idempotencyKey,
            providerMessageId: r.providerMessageId,
            channel: req.channel,
            at: clock.now().toISOString(),
          }
        : { kind: 'failed', reason: r.reason, retryable: false, at: clock.now().toISOString() };
    },
  };
}

async function child(url: string, role: string) {
  const raw = await openPostgresDb(url, { max: 8 });
  const trace = process.env.SALDO_BENCH_TRACE ? traceDb(raw) : null;
  const db = trace?.db ?? raw;
  const clock = new ManualClock(AT);
  const e = buildEngine({
    db,
    clock,
    messaging: sandboxMessaging(clock),
    worker: { batchSize: 2000, chunkSize: 2000 },
    dispatcher: { batchSize: 1000, concurrency: 8 },
  });
  const r = role === 'worker' ? await e.worker.drain() : await e.dispatcher.drain();
  process.stdout.write(`${JSON.stringify(r)}\n`);
  if (trace) process.stderr.write(`${role} ${process.pid} statements:\n${trace.report()}\n`);
  await db.close();
}

function runChild(url: string, role: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // SALDO_BENCH_CHILD_ARGS: extra node flags for the children (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
    const extra = (process.env.SALDO_BENCH_CHILD_ARGS ?? '').split(' ').filter(Boolean);
    const p = spawn(process.execPath, [...extra, '--import', 'tsx', self, '--child', role, url], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    p.on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`${role} exited ${c}`))));
  });
}

export async function runStrategyBench(
  log: (line: string) => void,
  o: { journeys?: number; url?: string } = {},
) {
  const n = o.journeys ?? Number(process.env.SALDO_BENCH_JOURNEYS ?? 1_000_000);
  const base = o.url ?? process.env.SALDO_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${schema}`);
  const url = u.toString();
  try {
    const db = await openPostgresDb(url, { max: 4 });
    const clock = new ManualClock(AT);
    const p = await buildPlatform({
      db,
      clock,
      config: loadConfig({ SALDO_SECRET_KEY: 'saldo-bench-secret-key' }),
    });
    const org = p.defaultOrgId;
    let t = performance.now();
    // Synthetic book straight in SQL (the import path has its own benchmark).
    await db.query(
      `INSERT INTO creditors (id, org_id, name, created_at) VALUES ('cred_b', $1, 'Bench', $2)`,
      [org, clock.now()],
    );
    await db.query(
      `INSERT INTO portfolios (id, org_id, creditor_id, code, name, currency, country, created_at) VALUES ('pf_b', $1, 'cred_b', 'bench', 'Bench', 'MXN', 'MX', $2)`,
      [org, clock.now()],
    );
    await db.query(
      `INSERT INTO debtors (id, org_id, external_ref, last_name, language, country, timezone, created_at, updated_at)
      SELECT 'dbt_b' || i, $1, 'D' || i, 'Bench', 'es', 'MX', 'America/Mexico_City', $2, $2 FROM generate_series(1, $3) i`,
      [org, clock.now(), n],
    );
    await db.query(
      `INSERT INTO accounts (id, org_id, portfolio_id, debtor_id, external_ref, currency, principal_minor, balance_minor, delinquent_since, status, created_at, updated_at)
      SELECT 'acct_b' || i, $1, 'pf_b', 'dbt_b' || i, 'A' || i, 'MXN', 100000, 100000, ($2::date - (i % 120)), 'active', $3, $3 FROM generate_series(1, $4) i`,
      [org, AT.slice(0, 10), clock.now(), n],
    );
    await db.exec('ANALYZE');
    log(`strategy bench: ${n} accounts created in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const engine = buildEngine({ db, clock, messaging: sandboxMessaging(clock) });
    t = performance.now();
    const { enrolled } = await engine.strategies.enrol(org, {});
    log(`strategy bench: ${enrolled} journeys enrolled in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    await Promise.all([runChild(url, 'worker'), runChild(url, 'worker')]);
    const decideS = (performance.now() - t) / 1000;
    const contacts = (
      await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE kind = 'contact'`)
    ).rows[0]!.n;
    t = performance.now();
    await Promise.all([runChild(url, 'dispatcher'), runChild(url, 'dispatcher')]);
    const dispatchS = (performance.now() - t) / 1000;
    const sent = (
      await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE status = 'sent'`)
    ).rows[0]!.n;
    const out = {
      journeys: n,
      decisionsPerSecond: Math.round(n / decideS),
      decideSeconds: +decideS.toFixed(1),
      contacts,
      sent,
      dispatchesPerSecond: Math.round(sent / dispatchS),
      dispatchSeconds: +dispatchS.toFixed(1),
    };
    log(`strategy bench: ${JSON.stringify(out)}`);
    await db.close();
    return out;
  } finally {
    // SALDO_BENCH_KEEP=1 leaves the schema for EXPLAIN (drop it by hand).
    if (process.env.SALDO_BENCH_KEEP) log(`strategy bench: schema ${schema} kept`);
    else await admin.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await admin.end();
  }
}

if (process.argv[1] === self) {
  const i = process.argv.indexOf('--child');
  if (i > 0) await child(process.argv[i + 2]!, process.argv[i + 1]!);
  else await runStrategyBench((l) => console.log(l), { journeys: Number(process.argv[2] ?? 100_000) });
}
