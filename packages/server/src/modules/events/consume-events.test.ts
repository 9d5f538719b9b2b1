import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock/manual-clock.js';
import type { Db } from '../../shared/db/db.js';
import { migrate } from '../../shared/db/migrate.js';
import { describeStorage } from '../../../test/storage.js';
import { createSqlDomainEventStore, createSqlEventOutbox } from './adapters/sql-domain-event-store.js';
import type { DomainEvent } from './ports.js';
import { createEventConsumer, type DomainEventHandler } from './usecases/consume-events.js';

type TestEvent = DomainEvent & { n: number };

describeStorage('domain-event outbox and consumer', (mode) => {
  let db: Db & { drop(): Promise<void> };
  const clock = new ManualClock('2026-11-24T15:00:00Z');
  beforeAll(async () => {
    db = await mode.open();
    await migrate(db, clock.now());
  });
  afterAll(() => db.drop());

  let orgs = 0;
  const newOrg = () => `org_ev${++orgs}`;
  const outbox = () => createSqlEventOutbox<TestEvent>(db);
  const event = (orgId: string, n: number): TestEvent => ({ type: 'test.happened', orgId, n });
  const consumer = (owner: string, handle: DomainEventHandler, over: { batchSize?: number } = {}) =>
    createEventConsumer({
      store: createSqlDomainEventStore(db),
      handle,
      clock,
      owner,
      leaseMs: 60_000,
      backoffMs: () => 10_000,
      maxAttempts: 3,
      tallies: ['seen'],
      ...over,
    });
  /** Handles only this test's organisation (consumers share the table with the other tests). */
  const recorder = (orgId: string, seen: number[]) => async (e: DomainEvent) => {
    if (e.orgId !== orgId) return null;
    seen.push((e as TestEvent).n);
    return 'seen';
  };
  const drainAll = async () => consumer('sweeper', async () => null).drain();

  it('hands events over in sequence order, once; a key written twice is one event', async () => {
    await drainAll();
    const org = newOrg();
    await outbox().append(
      [1, 2, 3].map((n) => ({ key: `k${n}`, event: event(org, n) })),
      clock.now(),
    );
    await outbox().append([{ key: 'k2', event: event(org, 99) }], clock.now()); // the same fact again
    await outbox().append([{ key: null, event: event(org, 4) }], clock.now());
    const seen: number[] = [];
    const c = consumer('c1', recorder(org, seen));
    expect(await c.drain()).toMatchObject({ claimed: 4, processed: 4, failed: 0, seen: 4 });
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(await c.drain()).toMatchObject({ claimed: 0, seen: 0 });
  });

  it('is written with the transaction of its fact: a rollback leaves no event', async () => {
    await drainAll();
    const org = newOrg();
    await expect(
      db.transaction(async () => {
        await outbox().append([{ key: 'gone', event: event(org, 1) }], clock.now());
        throw new Error('the fact failed');
      }),
    ).rejects.toThrow('the fact failed');
    const seen: number[] = [];
    expect(await consumer('c2', recorder(org, seen)).drain()).toMatchObject({ claimed: 0 });
    expect(seen).toEqual([]);
  });

  it('two consumers at once never handle one event twice', async () => {
    await drainAll();
    const org = newOrg();
    await outbox().append(
      Array.from({ length: 60 }, (_, i) => ({ key: `c${i}`, event: event(org, i) })),
      clock.now(),
    );
    const seen: number[] = [];
    const a = consumer('a', recorder(org, seen), { batchSize: 7 });
    const b = consumer('b', recorder(org, seen), { batchSize: 7 });
    await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]);
    expect(seen.sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i));
  });

  it('a failing event waits for its retry without holding back the others, and is left after maxAttempts', async () => {
    await drainAll();
    const org = newOrg();
    await outbox().append(
      [1, 2].map((n) => ({ key: `f${n}`, event: event(org, n) })),
      clock.now(),
    );
    const seen: number[] = [];
    const failing = async (e: DomainEvent) => {
      if (e.orgId === org && (e as TestEvent).n === 1) throw new Error('handler down');
      return recorder(org, seen)(e);
    };
    const c = consumer('c3', failing);
    expect(await c.drain()).toMatchObject({ claimed: 2, processed: 1, failed: 1 });
    expect(seen).toEqual([2]);
    expect(await c.drain()).toMatchObject({ claimed: 0 }); // not before its retry time
    clock.advance(10_000);
    expect(await c.drain()).toMatchObject({ claimed: 1, failed: 1 });
    clock.advance(10_000);
    expect(await c.drain()).toMatchObject({ claimed: 1, failed: 1 }); // third failure: maxAttempts
    clock.advance(10_000);
    expect(await c.drain()).toMatchObject({ claimed: 0 });
    const [row] = (
      await db.query<{ attempts: number; last_error: string; processed_at: Date | null }>(
        `SELECT attempts, last_error, processed_at FROM domain_events WHERE org_id = $1 AND event_key = 'f1'`,
        [org],
      )
    ).rows;
    expect(row).toEqual({ attempts: 3, last_error: 'handler down', processed_at: null });
  });

  it('a consumer that dies after claiming: its events are delivered again when the lease passes', async () => {
    await drainAll();
    const org = newOrg();
    await outbox().append([{ key: 'l1', event: event(org, 1) }], clock.now());
    const store = createSqlDomainEventStore(db);
    const claimed = await store.claim({
      owner: 'dead',
      now: clock.now(),
      leaseMs: 60_000,
      limit: 10,
      maxAttempts: 3,
    });
    expect(claimed.map((e) => e.payload)).toEqual([event(org, 1)]);
    const seen: number[] = [];
    const c = consumer('c4', recorder(org, seen));
    expect(await c.drain()).toMatchObject({ claimed: 0 });
    clock.advance(60_000);
    expect(await c.drain()).toMatchObject({ claimed: 1, seen: 1 });
    expect(seen).toEqual([1]);
    await store.markProcessed('dead', [claimed[0]!.seq], clock.now()); // the old owner's late mark is ignored
  });

  it('hands each event to every handler in order, with its seq; one failing handler retries it for all', async () => {
    await drainAll();
    const org = newOrg();
    await outbox().append(
      [1, 2].map((n) => ({ key: `h${n}`, event: event(org, n) })),
      clock.now(),
    );
    const first: number[] = [];
    const second: Array<{ n: number; seq: number }> = [];
    let secondDown = true;
    const c = createEventConsumer({
      store: createSqlDomainEventStore(db),
      clock,
      owner: 'fan',
      leaseMs: 60_000,
      backoffMs: () => 10_000,
      maxAttempts: 3, // as every consumer of this file: an earlier test left an event failed 3 times
      tallies: ['seen'],
      handle: [
        recorder(org, first),
        async (e, meta) => {
          if (e.orgId !== org) return null;
          if (secondDown && (e as TestEvent).n === 2) throw new Error('second handler down');
          second.push({ n: (e as TestEvent).n, seq: meta.seq });
          return null;
        },
      ],
    });
    expect(await c.drain()).toMatchObject({ claimed: 2, processed: 1, failed: 1, seen: 2 });
    secondDown = false;
    clock.advance(10_000);
    expect(await c.drain()).toMatchObject({ claimed: 1, processed: 1, failed: 0, seen: 1 });
    expect(first).toEqual([1, 2, 2]); // the first handler sees the retried event again: it must be idempotent
    expect(second.map((s) => s.n)).toEqual([1, 2]);
    const seqs = (
      await db.query<{ seq: string }>(`SELECT seq FROM domain_events WHERE org_id = $1 ORDER BY seq`, [org])
    ).rows.map((r) => Number(r.seq));
    expect(second.map((s) => s.seq)).toEqual(seqs);
  });

  it('an event committed after a later one is still delivered (no cursor to skip it)', async () => {
    if (mode.name !== 'postgres') return; // needs two open transactions at once
    await drainAll();
    const org = newOrg();
    let commitFirst!: () => void;
    const held = new Promise<void>((r) => (commitFirst = r));
    let inserted!: () => void;
    const insertedFirst = new Promise<void>((r) => (inserted = r));
    // The first transaction takes the lower sequence number, then waits.
    const first = db.transaction(async () => {
      await outbox().append([{ key: 'late', event: event(org, 1) }], clock.now());
      inserted();
      await held;
    });
    await insertedFirst;
    await outbox().append([{ key: 'early', event: event(org, 2) }], clock.now());
    const seen: number[] = [];
    const c = consumer('c5', recorder(org, seen));
    expect(await c.drain()).toMatchObject({ seen: 1 });
    commitFirst();
    await first;
    expect(await c.drain()).toMatchObject({ seen: 1 });
    expect(seen).toEqual([2, 1]);
  });
});
