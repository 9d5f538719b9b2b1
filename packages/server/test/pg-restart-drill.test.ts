// The PostgreSQL-restart drill: a real worker process (startSaldo, role worker, its periodic jobs
// and its pg pool; test/pg-restart-drill-child.ts) works a demo book on a private PostgreSQL
// cluster, which is stopped with `pg_ctl stop -m immediate` (every backend killed, crash recovery
// at the next start) twice while work is in flight. The worker must survive, every job must resume,
// and once domain time stops and the work drains the database must be consistent.
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresBinDir, startPrivateCluster, type PrivateCluster } from './private-postgres.js';

const bin = postgresBinDir();
const required = process.env.SALDO_REQUIRE_POSTGRES === '1';
if (!bin && !required)
  console.warn('SKIPPING the PostgreSQL restart drill: no PostgreSQL binaries (initdb, pg_ctl) here.');

const child = fileURLToPath(new URL('./pg-restart-drill-child.ts', import.meta.url));
const AT = '2026-11-24T15:00:00.000Z'; // a Tuesday: 09:00 in Mexico City, within every contact window
const SPEED = 10; // domain time runs 10× the wall clock …
const RUN_MS = 34_000; // … for 34 s (≈ 6 simulated minutes), then stops
/** The dispatcher's lease (120 s of domain time) in wall-clock time. */
const DISPATCH_LEASE_WALL_MS = 120_000 / SPEED;
const FROZEN = new Date(Date.parse(AT) + RUN_MS * SPEED);

/** One query on a fresh connection (the server may be down: null then). */
async function query<R extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await c.connect();
    return (await c.query<R>(sql, params)).rows;
  } catch {
    return null;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const count = async (url: string, sql: string, params: unknown[] = []) =>
  (await query<{ n: number }>(url, `SELECT (${sql})::int AS n`, params))?.[0]?.n ?? null;

async function until(what: string, ms: number, test: () => Promise<boolean>) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await test()) return;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Work left to do at the frozen instant: due journeys, due or leased outbox rows, pending events. */
const BACKLOG = `
  (SELECT count(*) FROM journeys WHERE next_run_at <= $1) +
  (SELECT count(*) FROM outbox WHERE status = 'in_flight' OR (status = 'pending' AND next_attempt_at <= $1)) +
  (SELECT count(*) FROM domain_events WHERE processed_at IS NULL) +
  (SELECT count(*) FROM inbound_events WHERE processed_at IS NULL)`;

describe.skipIf(!bin && !required)('PostgreSQL restart in the middle of work [private cluster]', () => {
  let cluster: PrivateCluster | undefined;
  let worker: ChildProcess | undefined;
  afterAll(() => {
    worker?.kill('SIGKILL');
    cluster?.destroy();
  });

  it(
    'the worker survives two crash-like stops; every job resumes; nothing lost, nothing doubled',
    { timeout: 115_000 },
    async () => {
      if (!bin)
        throw new Error(
          'PostgreSQL binaries (initdb, pg_ctl) not found; SALDO_REQUIRE_POSTGRES=1 needs them',
        );
      cluster = await startPrivateCluster(bin);
      const url = cluster.url;
      let out = '';
      let err = '';
      const p = spawn(process.execPath, ['--import', 'tsx', child], {
        env: {
          ...process.env,
          DATABASE_URL: url,
          SALDO_SECRET_KEY: 'drill-secret-0123456789abcdef',
          LOG_LEVEL: 'warn',
          SALDO_DRILL_AT: AT,
          SALDO_DRILL_SPEED: String(SPEED),
          SALDO_DRILL_RUN_MS: String(RUN_MS),
          SALDO_DRILL_DEBTORS: '400',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      worker = p;
      p.stdout.on('data', (b: Buffer) => (out += b.toString()));
      p.stderr.on('data', (b: Buffer) => (err += b.toString()));
      const exited = new Promise<{ code: number | null; signal: string | null }>((r) =>
        p.on('exit', (code, signal) => r({ code, signal })),
      );
      const alive = () => p.exitCode === null && p.signalCode === null;
      await until('the worker to be ready', 45_000, async () => {
        if (!alive()) throw new Error(`worker exited before READY:\n${err.slice(-3000)}`);
        return out.includes('READY');
      });
      const started = Date.now(); // domain time runs from here

      const sent = () =>
        count(url, 'SELECT count(*) FROM outbound_messages WHERE provider_message_id IS NOT NULL');
      const handled = () => count(url, 'SELECT count(*) FROM domain_events WHERE processed_at IS NOT NULL');
      const progress = async () => ((await sent()) ?? 0) + ((await handled()) ?? 0);
      // Two crash-like stops while contacts go out and events are handled; the last one a
      // dispatcher lease before domain time stops (so a lease taken before it expires in time).
      for (const downMs of [2_500, 1_500]) {
        const before = await progress();
        await until('work to flow', 15_000, async () => (await progress()) > before + 5);
        cluster.stopImmediately();
        await sleep(downMs);
        expect(alive(), `the worker died while PostgreSQL was down:\n${err.slice(-3000)}`).toBe(true);
        cluster.start();
      }
      const afterRestart = { sent: (await sent()) ?? 0, handled: (await handled()) ?? 0, log: err.length };
      expect(Date.now() - started).toBeLessThan(RUN_MS - DISPATCH_LEASE_WALL_MS - 1_000);

      // Domain time stops; the worker drains what is due at that instant.
      await sleep(Math.max(0, RUN_MS - (Date.now() - started)));
      await until('the backlog to drain', 30_000, async () => (await count(url, BACKLOG, [FROZEN])) === 0);
      expect(alive(), `the worker died:\n${err.slice(-3000)}`).toBe(true);
      p.kill('SIGTERM');
      expect(await exited).toEqual({ code: 0, signal: null });
      const metrics = JSON.parse(/^METRICS (.*)$/m.exec(out)?.[1] ?? '[]') as Array<{
        provider: string;
        metric: string;
        value: number;
      }>;

      // The jobs met the outage (failed runs, logged, retried) and came back: after the last
      // restart the dispatcher sent, the sandbox fired, the event consumer handled events.
      expect(err).toMatch(/job failed; will retry .*ECONNREFUSED/);
      expect(err).toMatch(/a PostgreSQL connection was lost/);
      const ranSince = (job: string) =>
        err
          .slice(afterRestart.log)
          .split('\n')
          .some((l) => l.startsWith('job ran') && l.includes(`"job":"${job}"`));
      expect(
        ['strategy-dispatcher', 'channels-sandbox-tick', 'domain-events'].filter((j) => !ranSince(j)),
      ).toEqual([]);
      expect((await sent())!).toBeGreaterThan(afterRestart.sent);
      expect((await handled())!).toBeGreaterThan(afterRestart.handled);
      // No duplicate send: what the sandbox accepted is exactly what is recorded as sent.
      const accepted = metrics
        .filter((m) => m.provider === 'sandbox' && m.metric === 'sent')
        .reduce((a, m) => a + m.value, 0);
      expect(accepted).toBe(
        await count(
          url,
          "SELECT count(*) FROM outbound_messages WHERE provider = 'sandbox' AND provider_message_id IS NOT NULL",
        ),
      );
      // Every message with a provider id has exactly one timeline event; none without one has any.
      expect(
        await query(
          url,
          `SELECT m.id, count(t.id)::int AS events FROM outbound_messages m
             LEFT JOIN timeline_events t ON t.org_id = m.org_id AND t.direction = 'outbound' AND t.data->>'messageId' = m.id
            GROUP BY m.id, m.provider_message_id
           HAVING count(t.id) <> CASE WHEN m.provider_message_id IS NULL THEN 0 ELSE 1 END`,
        ),
      ).toEqual([]);
      // Every contact of the outbox is settled once: sent with its message, or failed/dead/refused
      // with a reason; nothing in flight, nothing due left behind.
      expect(
        await query(
          url,
          `SELECT o.id, o.status, o.last_error, m.provider_message_id FROM outbox o
             LEFT JOIN outbound_messages m ON m.org_id = o.org_id AND m.idempotency_key = o.idempotency_key
            WHERE o.kind = 'contact' AND (
              o.status = 'in_flight' OR (o.status = 'pending' AND o.next_attempt_at <= $1)
              OR (o.status = 'sent' AND m.provider_message_id IS NULL)
              OR (o.status IN ('failed', 'dead') AND o.last_error IS NULL))`,
          [FROZEN],
        ),
      ).toEqual([]);
      // No domain event or inbound event left unprocessed; no journey due or holding a lease.
      expect(await count(url, BACKLOG, [FROZEN])).toBe(0);
      expect(
        await count(
          url,
          'SELECT count(*) FROM journeys WHERE lease_owner IS NOT NULL AND lease_until <= $1',
          [FROZEN],
        ),
      ).toBe(0);
      expect((await sent())!).toBeGreaterThan(20);
    },
  );
});
