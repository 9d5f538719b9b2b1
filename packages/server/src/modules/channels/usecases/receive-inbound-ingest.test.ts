// ReceiveInbound.ingest on the SQL stores: runs of status callbacks are written in bulk, and the
// result must be exactly what storing and processing each event on its own gives.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../../shared/clock/manual-clock.js';
import {
  createSqlContactPointLookup,
  createSqlOptOutRecorder,
  createSqlTimelineWriter,
} from '../adapters/sql/channel-records.js';
import { createSqlInboundStore } from '../adapters/sql/inbound-store.js';
import { createSqlOutboundMessageStore } from '../adapters/sql/outbound-message-store.js';
import { MemoryEventBus } from '../testing/memory-channel-records.js';
import type { Platform } from '../../../platform/composition-root.js';
import type { OrgInboundEvent } from '../ports/channel-provider.js';
import type { ContactPointLookup, TimelineWriter } from '../ports/channel-records.js';
import type { OutboundMessageStore } from '../ports/contact-records.js';
import type { Db } from '../../../shared/db/db.js';
import type { InboundStore } from '../ports/inbound-store.js';
import { describeStorage } from '../../../../test/storage.js';
import {
  importRows,
  makeRow,
  newTenant,
  openedTimeline,
  T0,
  testPlatform,
} from '../../../../test/fixtures.js';
import { createReceiveInbound } from './receive-inbound.js';
import { testVault } from '../../../shared/crypto/test-vault.js';

const AT = '2026-11-24T15:00:00.000Z';

/** Statuses for two messages, a reply, a call step, more statuses, a copy, an unknown sender, a lone status. */
function scenario(orgId: string): OrgInboundEvent[] {
  type Status = Extract<OrgInboundEvent, { type: 'status' }>;
  const status = (
    outboundId: string,
    status: Status['status'],
    channel: 'sms' | 'call',
    suffix = '',
  ): Status => ({
    type: 'status',
    orgId,
    provider: 'twilio',
    providerMessageId: `${outboundId}:${status}${suffix}`,
    channel,
    occurredAt: AT,
    outboundId,
    status,
    raw: {},
  });
  const reply = (pmid: string, from: string, text: string): OrgInboundEvent => ({
    type: 'message',
    orgId,
    provider: 'twilio',
    providerMessageId: pmid,
    channel: 'sms',
    occurredAt: AT,
    from,
    to: '+15005550006',
    text,
    mediaUrls: [],
    raw: {},
  });
  return [
    status('SM-o1', 'sent', 'sms'),
    status('SM-o1', 'delivered', 'sms'),
    status('CA-o2', 'ringing', 'call'),
    reply('SM-in1', '+525512345678', 'Pago el viernes'),
    status('SM-o1', 'read', 'sms'),
    status('CA-o2', 'answered_human', 'call'),
    status('SM-o1', 'delivered', 'sms', ':late'), // late and out of order: the message stays read
    status('SM-zz', 'delivered', 'sms'), // no such outbound message
    { ...status('CA-o2', 'failed', 'call'), errorCode: '30003', detail: 'unreachable' },
    status('SM-o1', 'delivered', 'sms'), // a provider redelivery of the second event
    {
      type: 'call',
      orgId,
      provider: 'twilio',
      providerMessageId: 'CA-o2:menu:0',
      channel: 'voicebot',
      occurredAt: AT,
      callId: 'CA-o2',
      from: '+15005550006',
      to: '+525587654321',
      step: 'menu',
      digits: '1',
      raw: {},
    },
    status('CA-o2', 'completed', 'call'), // a run of one
    reply('SM-in2', '+34600000000', 'quién es?'), // unknown sender
  ];
}

/** Counts calls per method (the bulk path must really be the one taken). */
function counted<T extends object>(target: T, counts: Record<string, number>): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const v = Reflect.get(t, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        counts[String(prop)] = (counts[String(prop)] ?? 0) + 1;
        return (v as (...a: unknown[]) => unknown).apply(t, args);
      };
    },
  });
}

describeStorage('receive inbound: ingest', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let p: Platform;
  const clock = new ManualClock(T0);
  let reference: Awaited<ReturnType<typeof snapshot>>;
  beforeAll(async () => {
    db = await mode.open();
    ({ platform: p } = await testPlatform(db));
    // The reference: every event stored and processed on its own.
    const t = await tenant();
    const uc = receiver(t);
    for (const e of scenario(t.orgId)) {
      const { ids } = await uc.uc.store([e]);
      for (const id of ids) expect(await uc.uc.process(id)).toBe('processed');
    }
    reference = await snapshot(t, uc.bus);
  });
  afterAll(() => db.drop());

  /** Two debtors, an SMS to the first (SM-o1) and a call to the second (CA-o2). */
  async function tenant() {
    const t = await newTenant(p);
    await importRows(p, t.orgId, [
      makeRow(),
      makeRow({ external_ref: 'ACC-2', debtor_ref: 'DEB-2', phone: '+525587654321', email: 'b@example.com' }),
    ]);
    const accounts = (
      await db.query<{ id: string; debtor_id: string }>(
        'SELECT id, debtor_id FROM accounts WHERE org_id = $1 ORDER BY external_ref',
        [t.orgId],
      )
    ).rows;
    const out = createSqlOutboundMessageStore(db);
    for (const [i, [channel, pmid]] of (
      [
        ['sms', 'SM-o1'],
        ['call', 'CA-o2'],
      ] as const
    ).entries()) {
      const a = accounts[i]!;
      const m = await out.insertOnce({
        orgId: t.orgId,
        debtorId: a.debtor_id,
        accountId: a.id,
        channel,
        templateId: 'tpl_x',
        recipient: i === 0 ? '+525512345678' : '+525587654321',
        provider: 'twilio',
        idempotencyKey: `k${i}`,
        requestedBy: 'strategy:test',
        at: clock.now(),
      });
      await out.markSent(t.orgId, m.id, pmid, 'queued', clock.now());
    }
    return { orgId: t.orgId, accounts };
  }
  type Tenant = Awaited<ReturnType<typeof tenant>>;

  function receiver(
    t: Tenant,
    wrap: {
      timeline?: (w: TimelineWriter) => TimelineWriter;
      deliveries?: (d: OutboundMessageStore) => OutboundMessageStore;
    } = {},
  ) {
    const counts: Record<string, number> = {};
    const logs: string[] = [];
    const bus = new MemoryEventBus();
    const timeline = wrap.timeline
      ? wrap.timeline(createSqlTimelineWriter(db, testVault()))
      : createSqlTimelineWriter(db, testVault());
    const deliveries = wrap.deliveries
      ? wrap.deliveries(createSqlOutboundMessageStore(db))
      : createSqlOutboundMessageStore(db);
    // Only what the bulk path logs (an unknown sender is logged too).
    const uc = createReceiveInbound({
      store: counted<InboundStore>(createSqlInboundStore(db, clock), counts),
      contacts: counted<ContactPointLookup>(createSqlContactPointLookup(db), counts),
      timeline: counted(timeline, counts),
      events: bus,
      optOuts: createSqlOptOutRecorder(db),
      deliveries: counted(deliveries, counts),
      clock,
      log: (msg) => {
        if (msg.startsWith('batched')) logs.push(msg);
      },
    });
    return { uc, bus, counts, logs, t };
  }

  /** Timeline entries, outbound statuses, published events and the inbound queue, with ids anonymised. */
  async function snapshot(t: Tenant, bus: MemoryEventBus) {
    const inbound = (
      await db.query<{ id: string; provider: string; provider_message_id: string; processed: boolean }>(
        'SELECT id, provider, provider_message_id, processed_at IS NOT NULL AS processed FROM inbound_events WHERE org_id = $1',
        [t.orgId],
      )
    ).rows;
    const names = new Map<string, string>([[t.orgId, 'ORG']]);
    for (const r of inbound) names.set(r.id, `INBOUND(${r.provider}/${r.provider_message_id})`);
    t.accounts.forEach((a, i) => names.set(a.id, `ACCOUNT${i}`).set(a.debtor_id, `DEBTOR${i}`));
    const anon = <V>(v: V): V =>
      JSON.parse([...names].reduce((s, [id, name]) => s.split(id).join(name), JSON.stringify(v)));
    const timeline = (
      await openedTimeline(db, "org_id = $1 AND kind IN ('message','call','status_change')", [t.orgId])
    ).map((r) => ({
      debtor_id: r.debtorId,
      account_id: r.accountId,
      occurred_at: new Date(r.occurredAt).toISOString(),
      kind: r.kind,
      actor: r.actor,
      channel: r.channel,
      direction: r.direction,
      summary: r.summary,
      data: r.data,
    }));
    const outbound = (
      await db.query<{ idempotency_key: string; status: string; outcome: string | null }>(
        'SELECT idempotency_key, status, outcome FROM outbound_messages WHERE org_id = $1 ORDER BY idempotency_key',
        [t.orgId],
      )
    ).rows;
    return anon({
      timeline,
      outbound,
      published: bus.published,
      inbound: inbound
        .map((r) => ({ key: `${r.provider}/${r.provider_message_id}`, processed: r.processed }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    });
  }

  it('the reference is what the events say', () => {
    // Guards the comparisons below against two equally wrong results.
    expect(reference.outbound).toEqual([
      { idempotency_key: 'k0', status: 'read', outcome: null },
      { idempotency_key: 'k1', status: 'failed', outcome: 'not_connected' },
    ]);
    expect(reference.timeline.map((e) => e.summary)).toEqual([
      'sms sent',
      'sms delivered',
      'call ringing',
      'Pago el viernes',
      'sms read',
      'call answered human',
      'sms delivered',
      'call failed (30003)',
      'call (menu): pressed 1',
      'call completed',
    ]);
    expect(reference.published.map((e) => e.type.replace('channel.', ''))).toEqual([
      'status_changed',
      'status_changed',
      'status_changed',
      'message_received',
      'status_changed',
      'status_changed',
      'status_changed',
      'status_changed',
      'status_changed',
      'call_progress',
      'status_changed',
      'message_received',
    ]);
    expect(reference.inbound).toHaveLength(12);
    expect(reference.inbound.every((x) => x.processed)).toBe(true);
  });

  it('ingesting the batch gives the same timeline, statuses and published events (in order); statuses go in bulk; re-ingesting changes nothing', async () => {
    const t = await tenant();
    const r = receiver(t);
    const events = scenario(t.orgId);
    expect(await r.uc.ingest(events)).toEqual({ processed: 12, failed: 0, duplicates: 1 });
    expect(await snapshot(t, r.bus)).toEqual(reference);
    // The two runs of statuses (3 and 5 events) in bulk; the lone status and the call step one by one.
    expect(r.counts).toMatchObject({
      storeMany: 1,
      findByOutboundIds: 2,
      appendMany: 2,
      applyStatusMany: 2,
      markProcessedMany: 1,
      findByOutboundId: 2,
      applyStatus: 1,
    });
    expect(r.counts.storeOnce ?? 0).toBe(0);
    expect(r.counts.markProcessed ?? 0).toBe(0);
    expect(r.logs).toEqual([]);
    // Again (a provider redelivering everything): all duplicates, nothing written or published.
    expect(await r.uc.ingest(events)).toEqual({ processed: 0, failed: 0, duplicates: 13 });
    expect(await snapshot(t, r.bus)).toEqual(reference);
  });

  it('when the bulk timeline write fails, every event is processed one by one, nothing twice', async () => {
    const t = await tenant();
    const r = receiver(t, {
      timeline: (w) => ({
        append: (e) => w.append(e),
        appendMany: async () => {
          throw new Error('timeline batch unavailable');
        },
      }),
    });
    expect(await r.uc.ingest(scenario(t.orgId))).toEqual({ processed: 12, failed: 0, duplicates: 1 });
    expect(await snapshot(t, r.bus)).toEqual(reference);
    expect(r.logs).toEqual([
      'batched status processing failed; processing one by one',
      'batched status processing failed; processing one by one',
    ]);
    expect(r.counts.applyStatusMany ?? 0).toBe(0);
    expect(r.counts.applyStatus).toBe(9); // every (fresh) status event, one by one
  });

  it('when the bulk status write fails after the timeline was written, the one-by-one pass adds no second entry', async () => {
    const t = await tenant();
    const r = receiver(t, {
      deliveries: (d) => ({
        ...d,
        applyStatusMany: async () => {
          throw new Error('status batch unavailable');
        },
      }),
    });
    expect(await r.uc.ingest(scenario(t.orgId))).toEqual({ processed: 12, failed: 0, duplicates: 1 });
    expect(r.counts.appendMany).toBe(2); // the bulk timeline writes happened…
    expect(await snapshot(t, r.bus)).toEqual(reference); // …and the retry did not duplicate them, nor publish twice
    expect(r.logs).toHaveLength(2);
  });
});
