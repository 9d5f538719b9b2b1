// The PostgreSQL-restart drill: a real worker process (startSaldo, role worker, its periodic jobs
// and its pg pool; test/pg-restart-drill-child.ts) and a real api process (`saldo start --role
// api`) work a demo book on a private PostgreSQL
// cluster, which is stopped with `pg_ctl stop -m immediate` (every backend killed, crash recovery
// at the next start) twice while work is in flight. The worker must survive, every job must resume,
// and once domain time stops and the work drains the database must be consistent.
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { makeRow } from './fixtures.js';
import { postgresBinDir, startPrivateCluster, type PrivateCluster } from './private-postgres.js';

const bin = postgresBinDir();
const required = process.env.SALDO_REQUIRE_POSTGRES === '1';
if (!bin && !required)
  console.warn('SKIPPING the PostgreSQL restart drill: no PostgreSQL binaries (initdb, pg_ctl) here.');

const child = fileURLToPath(new URL('./pg-restart-drill-child.ts', import.meta.url));
const API_KEY = 'drill-bootstrap-key-0123456789abcdef';
const AT = '2026-11-24T15:00:00.000Z'; // a Tuesday: 09:00 in Mexico City, within every contact window
const SPEED = 10; // domain time runs 10× the wall clock …
const RUN_MS = 55_000; // … for 55 s (≈ 9 simulated minutes), then stops: room for the restarts on a busy machine
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

async function until(what: string, ms: number, test: () => Promise<boolean>, context = () => '') {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await test()) return;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}\n${context()}`);
}

const LATE = 30;

/** Imports LATE accounts through the api and enrols them. */
async function giveLateWork(apiUrl: string, dbUrl: string): Promise<string[]> {
  const headers = { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' };
  const rows = Array.from({ length: LATE }, (_, i) =>
    makeRow({
      external_ref: `LATE-${i}`,
      debtor_ref: `LATE-D-${i}`,
      phone: `+52551999${String(i).padStart(4, '0')}`,
      email: `late${i}@example.com`,
    }),
  );
  const started = await fetch(`${apiUrl}/v1/imports`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ portfolio: { code: 'late', currency: 'MXN', country: 'MX' }, rows }),
  });
  expect(started.status).toBe(202);
  const { importId } = (await started.json()) as { importId: string };
  await until('the late import', 20_000, async () => {
    const r = (await (await fetch(`${apiUrl}/v1/imports/${importId}`, { headers })).json()) as {
      status: string;
    };
    if (r.status === 'failed') throw new Error(`late import failed: ${JSON.stringify(r)}`);
    return r.status === 'succeeded';
  });
  const accountIds = (await query<{ id: string }>(
    dbUrl,
    "SELECT id FROM accounts WHERE external_ref LIKE 'LATE-%'",
  ))!.map((a) => a.id);
  const enrol = await fetch(`${apiUrl}/v1/journeys/enrol`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ accountIds }),
  });
  expect(await enrol.json()).toMatchObject({ enrolled: LATE });
  return accountIds;
}

/** A drill process in `role` on the cluster at `url`; its output so far, and whether it runs. */
function spawnDrill(role: 'worker' | 'api', url: string) {
  let out = '';
  let err = '';
  const proc = spawn(process.execPath, ['--import', 'tsx', child], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      SALDO_SECRET_KEY: 'drill-secret-0123456789abcdef',
      SALDO_BOOTSTRAP_API_KEY: API_KEY,
      LOG_LEVEL: 'warn',
      SALDO_DRILL_ROLE: role,
      SALDO_DRILL_AT: AT,
      SALDO_DRILL_SPEED: String(SPEED),
      SALDO_DRILL_RUN_MS: String(RUN_MS),
      SALDO_DRILL_DEBTORS: '400',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  proc.stdout.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((r) =>
    proc.on('exit', (code, signal) => r({ code, signal })),
  );
  return {
    proc,
    out: () => out,
    err: () => err,
    alive: () => proc.exitCode === null && proc.signalCode === null,
    exited,
  };
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
  let api: ChildProcess | undefined;
  afterAll(() => {
    worker?.kill('SIGKILL');
    api?.kill('SIGKILL');
    cluster?.destroy();
  });

  it(
    'the worker survives two crash-like stops; every job resumes; nothing lost, nothing doubled',
    { timeout: 150_000 },
    async () => {
      if (!bin)
        throw new Error(
          'PostgreSQL binaries (initdb, pg_ctl) not found; SALDO_REQUIRE_POSTGRES=1 needs them',
        );
      cluster = await startPrivateCluster(bin);
      const url = cluster.url;
      const w = spawnDrill('worker', url);
      worker = w.proc;
      await until('the book to be loaded', 60_000, async () => {
        if (!w.alive()) throw new Error(`worker exited before LOADED:\n${w.err().slice(-3000)}`);
        return w.out().includes('LOADED');
      });
      // The api process, built once the worker migrated the database.
      const a = spawnDrill('api', url);
      api = a.proc;
      await until('the api to be built', 60_000, async () => {
        if (!a.alive()) throw new Error(`api exited before LOADED:\n${a.err().slice(-3000)}`);
        return a.out().includes('LOADED');
      });
      // Both clocks start together: domain time runs from here.
      w.proc.stdin!.write('GO\n');
      a.proc.stdin!.write('GO\n');
      const started = Date.now();
      await until(
        'both to be ready',
        15_000,
        async () => /READY/.test(w.out()) && /READY http/.test(a.out()),
      );
      const apiUrl = /READY (http\S+)/.exec(a.out())![1]!;
      /** The HTTP status of an authenticated read (which needs the database), or the error. */
      const apiStatus = async () => {
        try {
          const r = await fetch(`${apiUrl}/v1/accounts?limit=1`, {
            headers: { authorization: `Bearer ${API_KEY}` },
            signal: AbortSignal.timeout(5_000),
          });
          return r.status;
        } catch (e) {
          return e instanceof Error ? e.name : 'error';
        }
      };
      expect(await apiStatus()).toBe(200);

      const sent = () =>
        count(url, 'SELECT count(*) FROM outbound_messages WHERE provider_message_id IS NOT NULL');
      const handled = () => count(url, 'SELECT count(*) FROM domain_events WHERE processed_at IS NOT NULL');
      const progress = async () => ((await sent()) ?? 0) + ((await handled()) ?? 0);
      // Two crash-like stops while contacts go out and events are handled; the last one a
      // dispatcher lease before domain time stops (so a lease taken before it expires in time).
      for (const downMs of [2_500, 1_500]) {
        const before = await progress();
        await until(
          'work to flow',
          15_000,
          async () => (await progress()) > before + 5,
          () => `progress ${before}; worker:\n${w.err().slice(-4000)}`,
        );
        cluster.stopImmediately();
        // The api answers at once, with an error, while the database is away; it does not hang or die.
        expect(await apiStatus()).toBeGreaterThanOrEqual(500);
        await sleep(downMs);
        expect(w.alive(), `the worker died while PostgreSQL was down:\n${w.err().slice(-3000)}`).toBe(true);
        expect(a.alive(), `the api died while PostgreSQL was down:\n${a.err().slice(-3000)}`).toBe(true);
        cluster.start();
        await until('the api to answer again', 10_000, async () => (await apiStatus()) === 200);
      }
      const afterRestart = {
        sent: (await sent()) ?? 0,
        handled: (await handled()) ?? 0,
        log: w.err().length,
      };
      // Work given after the last restart, through the api: a new book, imported and enrolled.
      // Its journeys must start and its first contacts go out: the worker's jobs all came back.
      const late = await giveLateWork(apiUrl, url);
      expect(Date.now() - started).toBeLessThan(RUN_MS - DISPATCH_LEASE_WALL_MS - 1_000);

      // Domain time stops; the worker drains what is due at that instant.
      await sleep(Math.max(0, RUN_MS - (Date.now() - started)));
      await until('the backlog to drain', 30_000, async () => (await count(url, BACKLOG, [FROZEN])) === 0);
      expect(w.alive(), `the worker died:\n${w.err().slice(-3000)}`).toBe(true);
      expect(
        a.alive(),
        `the api died (${a.proc.exitCode} ${a.proc.signalCode}):\n${a.err().slice(-3000)}`,
      ).toBe(true);
      expect(await apiStatus()).toBe(200);
      w.proc.kill('SIGTERM');
      a.proc.kill('SIGTERM');
      expect(await w.exited).toEqual({ code: 0, signal: null });
      expect(await a.exited).toEqual({ code: 0, signal: null });
      const metrics = JSON.parse(/^METRICS (.*)$/m.exec(w.out())?.[1] ?? '[]') as Array<{
        provider: string;
        metric: string;
        value: number;
      }>;

      // The jobs met the outage (failed runs, logged, retried) and came back: after the last
      // restart the dispatcher sent, the sandbox fired, the event consumer handled events.
      expect(w.err()).toMatch(/job failed; will retry .*ECONNREFUSED/);
      expect(w.err()).toMatch(/a PostgreSQL connection was lost/);
      const ranSince = (job: string) =>
        w
          .err()
          .slice(afterRestart.log)
          .split('\n')
          .some((l) => l.startsWith('job ran') && l.includes(`"job":"${job}"`));
      expect(
        ['strategy-journey-worker', 'strategy-dispatcher', 'channels-sandbox-tick', 'domain-events'].filter(
          (j) => !ranSince(j),
        ),
      ).toEqual([]);
      // The late book: every journey started; every contact it made is settled, most went out.
      const lateWork = await query<{
        journeys: number;
        unstarted: number;
        contacts: number;
        open: number;
        sent: number;
      }>(
        url,
        `SELECT count(*)::int AS journeys, count(*) FILTER (WHERE j.state IS NULL OR j.rev = 0)::int AS unstarted,
                (SELECT count(*)::int FROM outbox o WHERE o.account_id = ANY($1::text[]) AND o.kind = 'contact') AS contacts,
                (SELECT count(*)::int FROM outbox o WHERE o.account_id = ANY($1::text[]) AND o.kind = 'contact'
                    AND o.status IN ('pending', 'in_flight') AND o.next_attempt_at <= $2) AS open,
                (SELECT count(*)::int FROM outbox o WHERE o.account_id = ANY($1::text[]) AND o.status = 'sent') AS sent
           FROM journeys j WHERE j.account_id = ANY($1::text[])`,
        [late, FROZEN],
      );
      expect(lateWork?.[0]).toMatchObject({ journeys: LATE, unstarted: 0, open: 0 });
      expect(lateWork![0]!.sent).toBeGreaterThan(LATE / 2);
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
