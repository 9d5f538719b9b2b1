import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock/manual-clock.js';
import { openPostgresDb } from '../../shared/db/postgres-db.js';
import { sendPathSteps } from '../channels/index.js';
import type { Db } from '../../shared/db/db.js';
import { importRows, makeRow, newTenant, testPlatform, T0 } from '../../../test/fixtures.js';
import { pgAvailable, TEST_PG_URL } from '../../../test/storage.js';
import { makeTestStrategy } from '../../../test/strategy-support.js';
import { buildDrillEngine, DRILL_LEASES } from '../../../test/send-path-drill-support.js';

const N = 24;
const child = fileURLToPath(new URL('../../../test/send-path-drill-child.ts', import.meta.url));
if (!pgAvailable)
  console.warn(`SKIPPING the send-path crash drill: it needs the real PostgreSQL at ${TEST_PG_URL}.`);

type Run = { signal: NodeJS.Signals | null; out: string };

/** One dispatcher process; `killAfterMs` SIGKILLs it that long after it is ready (random-timing kills). */
function runChild(url: string, at: Date, crash: string | null, killAfterMs?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child], {
      env: {
        ...process.env,
        SALDO_DRILL_DB: url,
        SALDO_DRILL_AT: at.toISOString(),
        ...(crash ? { SALDO_DRILL_CRASH: crash } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (killAfterMs !== undefined && out.includes('READY') && !p.killed)
        setTimeout(() => p.kill('SIGKILL'), killAfterMs);
    });
    p.stderr.on('data', (b: Buffer) => (err += b.toString()));
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0)
        reject(new Error(`drill child failed (${code}): ${err.slice(-2000)}`));
      else resolve({ signal, out });
    });
  });
}

describe.skipIf(!pgAvailable)(
  'send path crash drill: SIGKILL at every step, then recovery [postgres]',
  () => {
    let db: Db;
    let url: string;
    let schema: string;
    beforeAll(async () => {
      schema = `t_drill_${randomBytes(5).toString('hex')}`;
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

    it(
      'every contact ends sent once (provider id, one timeline event, journey fed once): nothing lost, nothing doubled',
      { timeout: 120_000 },
      async () => {
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
        const engine = await buildDrillEngine({ db, clock, owner: 'survivor' });
        await engine.strategies.publish(t.orgId, 'stg_test', { mode: 'move', input: makeTestStrategy() });
        expect((await engine.strategies.enrol(t.orgId, { strategyId: 'stg_test' })).enrolled).toBe(N);
        expect(await engine.worker.drain()).toMatchObject({ saved: N });

        // Each restart comes after every lease a dead process held: the dispatcher's, and the send intent's.
        const restart = () => clock.advance(DRILL_LEASES.dispatcherMs + 1_000);
        // A kill at every step, mid-batch (the other runner busy), then a few at random instants.
        for (const step of sendPathSteps) {
          restart();
          // A batch step is passed once per batch (or runner): its first pass is mid-batch already.
          const nth = step === 'claimed' || step === 'outcomes_recorded' ? 1 : 3;
          const r = await runChild(url, clock.now(), `${step}:${nth}`);
          expect({ step, signal: r.signal, crashed: r.out.includes(`CRASH ${step}`) }).toEqual({
            step,
            signal: 'SIGKILL',
            crashed: true,
          });
        }
        for (const ms of [15, 60, 150]) {
          restart();
          await runChild(url, clock.now(), null, ms);
        }
        // The survivor runs to completion.
        restart();
        await engine.dispatcher.drain();

        const outbox = await db.query<{ status: string; n: number }>(
          `SELECT status, count(*)::int AS n FROM outbox WHERE kind = 'contact' GROUP BY status`,
        );
        expect(outbox.rows).toEqual([{ status: 'sent', n: N }]);
        // Per contact key: one outbound message, sent, with the provider's id, accepted by the provider once.
        const perKey = await db.query<{ status: string; pmid: string | null; accepted: string[] }>(
          `SELECT m.status, m.provider_message_id AS pmid,
              ARRAY(SELECT a.provider_message_id FROM drill_provider_messages a WHERE a.message_id = m.id) AS accepted
         FROM outbox o LEFT JOIN outbound_messages m ON m.org_id = o.org_id AND m.idempotency_key = o.idempotency_key
        WHERE o.kind = 'contact' ORDER BY o.id`,
        );
        expect(perKey.rows).toHaveLength(N);
        for (const row of perKey.rows) {
          expect(row.pmid).not.toBeNull();
          expect(row).toEqual({ status: 'sent', pmid: row.pmid, accepted: [row.pmid] });
        }
        const accepted = await db.query<{ n: number; orphans: number }>(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM outbound_messages m WHERE m.id = a.message_id))::int AS orphans
         FROM drill_provider_messages a`,
        );
        expect(accepted.rows[0]).toEqual({ n: N, orphans: 0 });
        // Sends resumed after a kill called the provider again, under the same key.
        const retried = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM (SELECT message_id FROM drill_provider_calls GROUP BY message_id HAVING count(*) > 1) x`,
        );
        expect(retried.rows[0]!.n).toBeGreaterThan(0);
        // One outbound timeline event per message, naming the provider id.
        const timeline = await db.query<{ n: number; messages: number; matched: number }>(
          `SELECT count(*)::int AS n, count(DISTINCT data->>'messageId')::int AS messages,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM outbound_messages m WHERE m.id = t.data->>'messageId' AND m.provider_message_id = t.data->>'providerMessageId'))::int AS matched
         FROM timeline_events t WHERE org_id = $1 AND direction = 'outbound'`,
          [t.orgId],
        );
        expect(timeline.rows[0]).toEqual({ n: N, messages: N, matched: N });
        // Each journey was fed its contact's result exactly once: started (rev 1), then delivered (rev 2).
        const journeys = await db.query<{ rev: number; node: string; n: number }>(
          `SELECT rev::int AS rev, state->>'nodeId' AS node, count(*)::int AS n FROM journeys GROUP BY 1, 2`,
        );
        expect(journeys.rows).toEqual([{ rev: 2, node: 'await_answer', n: N }]);
      },
    );
  },
);
