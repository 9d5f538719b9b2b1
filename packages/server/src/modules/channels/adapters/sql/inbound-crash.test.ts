// THE CRASH TEST: an inbound event acknowledged to the provider must survive the process dying
// before it is processed, be picked up by a new processor from the database, and reach the
// debtor's timeline exactly once — also when the provider redelivers it.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../../../shared/clock/manual-clock.js';
import { MemoryEventBus } from '../../testing/memory-channel-records.js';
import type { Platform } from '../../../../platform/composition-root.js';
import type { OrgInboundEvent } from '../../ports/channel-provider.js';
import type { ChannelDomainEvent } from '../../ports/channel-records.js';
import type { Db } from '../../../../shared/db/db.js';
import type { InboundStore } from '../../ports/inbound-store.js';
import { createReceiveInbound } from '../../usecases/receive-inbound.js';
import { describeStorage, TEST_PG_URL } from '../../../../../test/storage.js';
import {
  importRows,
  makeRow,
  newTenant,
  openedTimeline,
  T0,
  testPlatform,
} from '../../../../../test/fixtures.js';
import { openPgliteDb } from '../../../../shared/db/pglite-db.js';
import {
  createSqlContactPointLookup,
  createSqlOptOutRecorder,
  createSqlTimelineWriter,
} from './channel-records.js';
import { createSqlInboundStore } from './inbound-store.js';
import { testVault } from '../../../../shared/crypto/test-vault.js';

const CHILD = fileURLToPath(new URL('../../testing/store-then-hang.ts', import.meta.url));

const reply = (orgId: string, id: string): OrgInboundEvent => ({
  type: 'message',
  orgId,
  provider: 'twilio',
  providerMessageId: id,
  channel: 'sms',
  occurredAt: T0,
  from: '+525512345678',
  to: '+15005550006',
  text: 'ya lo pague, revisen por favor',
  mediaUrls: [],
  raw: {},
});

/** A processor as a fresh process would build it: nothing shared with the previous one but the database. */
function newProcessor(db: Db, clock: ManualClock, wrap: (s: InboundStore) => InboundStore = (s) => s) {
  const bus = new MemoryEventBus();
  const published: ChannelDomainEvent[] = bus.published;
  const inbound = createReceiveInbound({
    store: wrap(createSqlInboundStore(db, clock)),
    contacts: createSqlContactPointLookup(db),
    timeline: createSqlTimelineWriter(db, testVault()),
    events: bus,
    optOuts: createSqlOptOutRecorder(db),
    clock,
  });
  return { inbound, published };
}

async function timelineOf(db: Db, debtorId: string) {
  return (await openedTimeline(db, "debtor_id = $1 AND kind = 'message'", [debtorId])).map((e) => ({
    summary: e.summary,
    direction: e.direction,
  }));
}

async function seed(p: Platform, db: Db) {
  const t = await newTenant(p);
  await importRows(p, t.orgId, [makeRow()]);
  const debtorId = (await db.query<{ id: string }>('SELECT id FROM debtors WHERE org_id = $1', [t.orgId]))
    .rows[0]!.id;
  return { orgId: t.orgId, debtorId };
}

/** Runs the child until it reports the event stored, then kills it with SIGKILL. */
function storeInChildThenKill(mode: string, target: string, event: OrgInboundEvent): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, target, JSON.stringify(event)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /STORED (\S+)\n/.exec(out);
      if (m) {
        child.kill('SIGKILL');
        child.once('exit', (_code, signal) =>
          signal === 'SIGKILL' ? resolve(m[1]!) : reject(new Error(`child exited with ${signal}`)),
        );
      }
    });
    child.stderr.on('data', (b: Buffer) => void (err += b.toString()));
    child.once('exit', (code, signal) => {
      if (!/STORED/.test(out)) reject(new Error(`child exited (${code ?? signal}) before storing: ${err}`));
    });
  });
}

describeStorage('inbound crash safety', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let p: Platform;
  let clock: ManualClock;
  beforeAll(async () => {
    db = await mode.open();
    ({ platform: p, clock } = await testPlatform(db));
  });
  afterAll(() => db.drop());

  it('a processor that dies after storing: the next one processes the event exactly once; redelivery is a no-op', async () => {
    const { orgId, debtorId } = await seed(p, db);
    // Processor A: the webhook stored the event and acknowledged; the process dies before processing.
    const a = newProcessor(db, clock);
    expect((await a.inbound.store([reply(orgId, 'SM-crash-1')])).ids).toHaveLength(1);
    expect(await timelineOf(db, debtorId)).toEqual([]);

    // Processor B starts from the database alone.
    const b = newProcessor(db, clock);
    expect(await b.inbound.processPending(1000)).toMatchObject({ processed: expect.any(Number), failed: 0 });
    expect(await timelineOf(db, debtorId)).toEqual([
      { summary: 'ya lo pague, revisen por favor', direction: 'inbound' },
    ]);
    expect(b.published).toMatchObject([
      { type: 'channel.message_received', orgId, debtorId, unknownSender: false },
    ]);

    // The provider redelivers; a third processor runs pending work: nothing new anywhere.
    const c = newProcessor(db, clock);
    expect(await c.inbound.store([reply(orgId, 'SM-crash-1')])).toEqual({ ids: [], duplicates: 1 });
    await c.inbound.processPending(1000);
    expect(await timelineOf(db, debtorId)).toHaveLength(1);
    expect(c.published.filter((e) => 'debtorId' in e && e.debtorId === debtorId)).toEqual([]);
  });

  it('a crash between the timeline write and markProcessed does not duplicate the timeline entry', async () => {
    const { orgId, debtorId } = await seed(p, db);
    // The process "dies" right after the timeline write: neither markProcessed nor markFailed runs.
    const killed = async () => {
      throw new Error('process killed');
    };
    const dying = newProcessor(db, clock, (s) => ({ ...s, markProcessed: killed, markFailed: killed }));
    const { ids } = await dying.inbound.store([reply(orgId, 'SM-crash-2')]);
    await expect(dying.inbound.process(ids[0]!)).rejects.toThrow('process killed');
    expect(await timelineOf(db, debtorId)).toHaveLength(1);

    const next = newProcessor(db, clock);
    expect(await next.inbound.process(ids[0]!)).toBe('processed');
    expect(await timelineOf(db, debtorId)).toHaveLength(1);
    expect(next.published).toHaveLength(1); // the bus is at-least-once: consumers dedupe by inboundId
    expect(next.published[0]).toMatchObject({ inboundId: ids[0] });
  });

  it('SIGKILL: a child process stores the event and is killed; a new processor here picks it up', async () => {
    let target: string;
    let work: Db;
    let seeded: { orgId: string; debtorId: string };
    let cleanup = async () => {};
    if (mode.name === 'postgres') {
      const schema = (await db.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
      const url = new URL(TEST_PG_URL);
      url.searchParams.set('options', `-c search_path=${schema}`);
      target = url.toString();
      work = db;
      seeded = await seed(p, db);
    } else {
      // PGlite is single-process: the child gets its own on-disk database, reopened here after the kill.
      const dir = await mkdtemp(join(tmpdir(), 'saldo-crash-'));
      const first = await openPgliteDb(dir);
      const { platform } = await testPlatform(first, new ManualClock(T0));
      seeded = await seed(platform, first);
      await first.close();
      target = dir;
      work = null as unknown as Db;
      cleanup = () => rm(dir, { recursive: true, force: true });
    }
    try {
      const storedId = await storeInChildThenKill(mode.name, target, reply(seeded.orgId, 'SM-sigkill'));
      if (mode.name === 'pglite') work = await openPgliteDb(target);
      const proc = newProcessor(work, clock);
      expect(await proc.inbound.store([reply(seeded.orgId, 'SM-sigkill')])).toEqual({
        ids: [],
        duplicates: 1,
      }); // redelivery after the crash
      await proc.inbound.processPending(1000);
      expect(await timelineOf(work, seeded.debtorId)).toEqual([
        { summary: 'ya lo pague, revisen por favor', direction: 'inbound' },
      ]);
      expect(proc.published).toMatchObject([
        { type: 'channel.message_received', inboundId: storedId, debtorId: seeded.debtorId },
      ]);
      await proc.inbound.processPending(1000);
      expect(await timelineOf(work, seeded.debtorId)).toHaveLength(1);
    } finally {
      if (mode.name === 'pglite') await work?.close();
      await cleanup();
    }
  });
});
