import { expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock/manual-clock.js';
import { buildEngine } from './create-strategy.js';
import { describeStorage } from '../../../test/storage.js';
import { importRows, makeRow, newTenant, testPlatform, T0 } from '../../../test/fixtures.js';
import { FakeMessaging, makeTestStrategy } from '../../../test/strategy-support.js';

const N = 600;

describeStorage('two workers and two dispatchers at once', (mode) => {
  it(
    'never process a journey twice in one tick, nor send a contact twice',
    { timeout: 120_000 },
    async () => {
      const db = await mode.open();
      try {
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
        const messaging = new FakeMessaging(clock);
        // Two engines = two workers with their own owners (on Postgres each has its own connections).
        const a = buildEngine({
          db,
          clock,
          messaging,
          owner: 'a',
          worker: { batchSize: 37 },
          dispatcher: { batchSize: 29, concurrency: 4 },
        });
        const b = buildEngine({
          db,
          clock,
          messaging,
          owner: 'b',
          worker: { batchSize: 41 },
          dispatcher: { batchSize: 31, concurrency: 4 },
        });
        await a.strategies.publish(t.orgId, 'stg_test', { mode: 'move', input: makeTestStrategy() });
        await a.strategies.enrol(t.orgId, { strategyId: 'stg_test' });
        const [ra, rb] = await Promise.all([a.worker.drain(), b.worker.drain()]);
        expect(ra.decisions + rb.decisions).toBe(N);
        expect(ra.saved + rb.saved).toBe(N);
        expect(ra.conflicts + rb.conflicts).toBe(0);
        if (mode.name === 'postgres') expect(Math.min(ra.decisions, rb.decisions)).toBeGreaterThan(0); // both really worked
        const [da, dbb] = await Promise.all([a.dispatcher.drain(), b.dispatcher.drain()]);
        expect(da.sent + dbb.sent).toBe(N);
        expect(messaging.calls).toHaveLength(N);
        expect(new Set(messaging.calls.map((c) => c.idempotencyKey)).size).toBe(N);
        const r = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM journeys WHERE (state->'attempts'->>'email')::int = 1 AND rev = 2`,
        );
        expect(r.rows[0]!.n).toBe(N); // started once (rev 1), contact result applied once (rev 2)
      } finally {
        await db.drop();
      }
    },
  );
});
