import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock/manual-clock.js';
import { openPostgresDb } from '../../shared/db/postgres-db.js';
import { buildEngine } from './create-strategy.js';
import type { Db } from '../../shared/db/db.js';
import { importRows, makeRow, newTenant, testPlatform, T0 } from '../../../test/fixtures.js';
import { pgAvailable, TEST_PG_URL } from '../../../test/storage.js';
import { createTableMessaging, makeTestStrategy } from '../../../test/strategy-support.js';

const N = 300;
const child = fileURLToPath(new URL('../../../test/strategy-crash-child.ts', import.meta.url));
if (!pgAvailable)
  console.warn(
    `SKIPPING the crash test: it needs the real PostgreSQL at ${TEST_PG_URL} (a child process is killed with SIGKILL mid-batch).`,
  );

/** Runs the child until it reaches its crash point, then SIGKILLs it. */
function runAndKill(
  url: string,
  role: 'worker' | 'dispatcher',
  crashAfter: number,
): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child], {
      env: {
        ...process.env,
        SALDO_CRASH_DB: url,
        SALDO_CRASH_ROLE: role,
        SALDO_CRASH_AT: T0,
        SALDO_CRASH_AFTER: String(crashAfter),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('CRASH_POINT')) p.kill('SIGKILL');
    });
    p.stderr.on('data', (b: Buffer) => (err += b.toString()));
    p.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve('killed');
      else if (out.includes('FINISHED_WITHOUT_CRASH')) resolve('finished');
      else reject(new Error(`child exited without reaching the crash point: ${err.slice(-2000)}`));
    });
  });
}

describe.skipIf(!pgAvailable)('crash: kill -9 of a worker and of a dispatcher mid-batch [postgres]', () => {
  let db: Db;
  let url: string;
  let schema: string;
  beforeAll(async () => {
    schema = `t_crash_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const u = new URL(TEST_PG_URL);
    u.searchParams.set('options', `-c search_path=${schema}`);
    url = u.toString();
    db = await openPostgresDb(url, { max: 4 });
  });
  afterAll(async () => {
    await db.close();
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  });

  it('loses no journey and no contact, and sends none twice', { timeout: 120_000 }, async () => {
    const { platform } = await testPlatform(db);
    const t = await newTenant(platform);
    await importRows(
      platform,
      t.orgId,
      Array.from({ length: N }, (_, i) =>
        makeRow({ external_ref: `ACC-${i}`, debtor_ref: `DEB-${i}`, email: `d${i}@example.com` }),
      ),
    );
    const clock = new ManualClock(T0);
    const messaging = await createTableMessaging(db, clock);
    const engine = buildEngine({ db, clock, messaging, owner: 'survivor' });
    await engine.strategies.publish(t.orgId, 'stg_test', { mode: 'move', input: makeTestStrategy() });
    expect((await engine.strategies.enrol(t.orgId, { strategyId: 'stg_test' })).enrolled).toBe(N);

    // 1. The worker dies after committing 2 chunks of 50 out of a claimed batch of 300.
    expect(await runAndKill(url, 'worker', 2)).toBe('killed');
    const mid = await db.query<{ started: number; leased: number }>(
      `SELECT count(*) FILTER (WHERE state IS NOT NULL)::int AS started, count(*) FILTER (WHERE lease_owner IS NOT NULL)::int AS leased FROM journeys`,
    );
    expect(mid.rows[0]).toEqual({ started: 100, leased: 200 });
    // Before the lease passes nobody takes the orphaned rows; after it, the survivor does.
    expect((await engine.worker.drain()).claimed).toBe(0);
    clock.advance(61_000);
    expect(await engine.worker.drain()).toMatchObject({ claimed: 200, saved: 200, conflicts: 0 });
    const j = await db.query<{ n: number; once: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE (state->'attempts'->>'email')::int = 1 AND jsonb_array_length(state->'history') >= 2 AND state->>'nodeId' = 'await_answer')::int AS once FROM journeys`,
    );
    expect(j.rows[0]).toEqual({ n: N, once: N });
    const ob = await db.query<{ n: number; keys: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT idempotency_key)::int AS keys FROM outbox WHERE kind = 'contact'`,
    );
    expect(ob.rows[0]).toEqual({ n: N, keys: N });

    // 2. The dispatcher dies after the provider accepted contacts it had not yet marked sent.
    clock.advance(1_000);
    expect(await runAndKill(url, 'dispatcher', 40)).toBe('killed');
    const before = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM fake_sends`);
    expect(before.rows[0]!.n).toBeGreaterThanOrEqual(40);
    expect(before.rows[0]!.n).toBeLessThan(N);
    clock.advance(121_000); // past the child's lease
    const d = await engine.dispatcher.drain();
    expect(d.duplicates).toBeGreaterThan(0); // the contacts in flight at the kill: replayed, not re-sent
    expect(d.sent + d.duplicates).toBe(
      N -
        (
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM outbox WHERE status = 'sent' AND updated_at < $1`,
            [clock.now()],
          )
        ).rows[0]!.n,
    );
    const sends = await db.query<{ n: number; keys: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT key)::int AS keys FROM fake_sends`,
    );
    expect(sends.rows[0]).toEqual({ n: N, keys: N });
    const st = await db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM outbox WHERE kind = 'contact' GROUP BY status`,
    );
    expect(st.rows).toEqual([{ status: 'sent', n: N }]);
    // Every journey got exactly one contact result: one write to start it (rev 1), one for the result
    // (fed in the transaction that marks the contact sent, which succeeds once per contact).
    const fed = await db.query<{ rev: number; n: number }>(
      `SELECT rev::int AS rev, count(*)::int AS n FROM journeys GROUP BY rev`,
    );
    expect(fed.rows).toEqual([{ rev: 2, n: N }]);
  });
});
