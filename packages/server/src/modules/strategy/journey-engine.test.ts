import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildEngine } from './create-strategy.js';
import { buildEvents } from '../events/index.js';
import { sandboxReplyIntent } from '../channels/adapters/sandbox-replies.js';
import type { Db } from '../../shared/db/db.js';
import type { ApplyItem, JourneyStore } from './ports.js';
import { createDefinitions } from './usecases/decide.js';
import { createDispatcher } from './usecases/dispatcher.js';
import { describeStorage } from '../../../test/storage.js';
import { importRows, makeRow, newTenant, testPlatform, T0 } from '../../../test/fixtures.js';
import { FakeMessaging, makeTestStrategy } from '../../../test/strategy-support.js';
import type { ManualClock } from '../../shared/clock/manual-clock.js';
import type { Platform } from '../../platform/composition-root.js';

const HOUR = 3_600_000;

describeStorage('strategy runner', (mode) => {
  let db: Db & { drop(): Promise<void> };
  // Workers and dispatchers serve every tenant: each test gets its own database.
  beforeEach(async () => {
    db = await mode.open();
  });
  afterEach(async () => db.drop());

  async function setup(n = 3) {
    const { platform, clock } = await testPlatform(db);
    const t = await newTenant(platform);
    const rows = Array.from({ length: n }, (_, i) =>
      makeRow({ external_ref: `ACC-${i}`, debtor_ref: `DEB-${i}`, email: `d${i}@example.com` }),
    );
    await importRows(platform, t.orgId, rows);
    const messaging = new FakeMessaging(clock);
    const engine = buildEngine({
      db,
      clock,
      messaging,
      worker: { batchSize: 2 },
      dispatcher: { batchSize: 2, maxAttempts: 3, backoffMs: () => HOUR },
      // No NLU here: a sandbox reply says what it means.
      replies: { read: async (r) => ({ intent: sandboxReplyIntent(r.message) ?? 'unknown' }) },
    });
    // The worker's consumer of the domain events the record writes (payments, promises).
    const events = buildEvents({ db, clock, handle: engine.router.handle, tallies: engine.router.tallies });
    await engine.strategies.publish(t.orgId, 'stg_test', { mode: 'move', input: makeTestStrategy() });
    const { enrolled } = await engine.strategies.enrol(t.orgId, { strategyId: 'stg_test' });
    return { platform, clock, t, messaging, engine, events, enrolled };
  }
  const outbox = (orgId: string) =>
    db
      .query<{
        idempotency_key: string;
        status: string;
        next_attempt_at: Date;
        attempts: number;
        refusals: number;
      }>(
        `SELECT idempotency_key, status, next_attempt_at, attempts, refusals FROM outbox WHERE org_id = $1 ORDER BY id`,
        [orgId],
      )
      .then((r) => r.rows);
  const accountIds = (p: Platform, orgId: string) =>
    p.record.listAccounts(orgId, { limit: 50 }).then((r) => r.items.map((a) => a.id));

  it('enrols collectable accounts, starts journeys and writes their contacts to the outbox once', async () => {
    const { t, engine, enrolled } = await setup(3);
    expect(enrolled).toBe(3);
    const r = await engine.worker.drain();
    expect(r).toMatchObject({ decisions: 3, saved: 3, conflicts: 0, commands: 3 });
    expect((await engine.worker.drain()).claimed).toBe(0); // nothing due until the timeout
    const rows = await outbox(t.orgId);
    expect(rows.map((x) => x.status)).toEqual(['pending', 'pending', 'pending']);
    expect(rows.every((x) => /^contact:acct_\w+:email:1$/.test(x.idempotency_key))).toBe(true);
    // Enrolling again leaves running journeys alone.
    expect((await engine.strategies.enrol(t.orgId, { strategyId: 'stg_test' })).enrolled).toBe(0);
  });

  it('dispatches each contact once through Messaging, then follows the journey to its timeout', async () => {
    const { t, clock, engine, messaging } = await setup(2);
    await engine.worker.drain();
    const d = await engine.dispatcher.drain();
    expect(d).toMatchObject({ claimed: 2, sent: 2 });
    expect((await engine.dispatcher.drain()).claimed).toBe(0);
    expect(messaging.calls).toHaveLength(2);
    expect(messaging.calls.every((c) => c.channel === 'email' && c.requestedBy.kind === 'strategy')).toBe(
      true,
    );
    clock.advance(3 * 24 * HOUR + HOUR);
    expect((await engine.worker.drain()).commands).toBe(4); // per journey: the SMS after 3 days without an answer + exit
    await engine.dispatcher.drain();
    expect([...messaging.sent.values()].map((r) => r.channel).sort()).toEqual([
      'email',
      'email',
      'sms',
      'sms',
    ]);
    const [id] = await accountIds(await testPlatform(db).then((x) => x.platform), t.orgId);
    const j = await engine.strategies.journey(t.orgId, id!);
    expect(j.state).toMatchObject({ status: 'done', exitReason: 'unresolved' });
  });

  it('a refusal reschedules the contact at nextAllowedAt with the same key, counted per rule', async () => {
    const { t, clock, engine, messaging } = await setup(1);
    const later = new Date(Date.parse(T0) + 5 * HOUR).toISOString();
    messaging.decide = (_req, attempt) =>
      attempt === 1
        ? {
            kind: 'refused',
            reasons: [{ rule: 'US.time_window', citation: 'x', message: 'outside hours' }],
            nextAllowedAt: later,
            at: clock.now().toISOString(),
          }
        : null;
    await engine.worker.drain();
    expect(await engine.dispatcher.drain()).toMatchObject({ refused: 1, sent: 0 });
    const [row] = await outbox(t.orgId);
    expect(row).toMatchObject({ status: 'pending', refusals: 1, attempts: 0 });
    expect(row!.next_attempt_at.toISOString()).toBe(later);
    expect((await engine.stores.outbox.stats(t.orgId)).refusalsByRule).toEqual({ 'US.time_window': 1 });
    // The journey's wait is pushed back by the refusal delay (timeout counts from the real send).
    const [acct] = await accountIds((await testPlatform(db)).platform, t.orgId);
    const j = await engine.strategies.journey(t.orgId, acct!);
    expect(j.state!.wakeAt).toBe(new Date(Date.parse(T0) + 5 * HOUR + 3 * 24 * HOUR).toISOString());
    clock.advance(4 * HOUR);
    expect((await engine.dispatcher.drain()).claimed).toBe(0); // not yet
    clock.advance(HOUR);
    expect(await engine.dispatcher.drain()).toMatchObject({ sent: 1 });
    expect(messaging.calls.map((c) => c.idempotencyKey)).toEqual([
      row!.idempotency_key,
      row!.idempotency_key,
    ]);
  });

  it('retries retryable failures with backoff and dead-letters after maxAttempts', async () => {
    const { t, clock, engine, messaging } = await setup(1);
    messaging.decide = () => ({
      kind: 'failed',
      reason: 'provider_error',
      retryable: true,
      at: clock.now().toISOString(),
    });
    await engine.worker.drain();
    expect(await engine.dispatcher.drain()).toMatchObject({ retried: 1 });
    clock.advance(HOUR);
    expect(await engine.dispatcher.drain()).toMatchObject({ retried: 1 });
    clock.advance(HOUR);
    expect(await engine.dispatcher.drain()).toMatchObject({ dead: 1 });
    clock.advance(HOUR);
    expect((await engine.dispatcher.drain()).claimed).toBe(0);
    expect((await outbox(t.orgId))[0]).toMatchObject({ status: 'dead', attempts: 3 });
  });

  it('a reply with promise_to_pay advances the journey at once; a redelivery is a no-op', async () => {
    const { platform, t, engine } = await setup(1);
    await engine.worker.drain();
    await engine.dispatcher.drain();
    const [acct] = await accountIds(platform, t.orgId);
    const debtorId = (await platform.record.getAccount(t.orgId, acct!)).debtorId;
    const event = {
      type: 'channel.message_received' as const,
      inboundId: 'in_1',
      orgId: t.orgId,
      debtorId,
      unknownSender: false,
      event: {
        type: 'message' as const,
        orgId: t.orgId,
        provider: 'sandbox' as const,
        providerMessageId: 'p1',
        channel: 'whatsapp' as const,
        occurredAt: T0,
        from: '+5215512345678',
        to: 'x',
        text: 'pago el viernes',
        mediaUrls: [],
        raw: { intent: 'promise_to_pay' },
      },
    };
    await engine.router.handle(event);
    const j = await engine.strategies.journey(t.orgId, acct!);
    expect(j.state).toMatchObject({
      nodeId: 'promise_wait',
      status: 'waiting',
      lastIntent: 'promise_to_pay',
      lastEvent: 'promised',
    });
    await engine.router.handle(event);
    expect((await engine.strategies.journey(t.orgId, acct!)).state).toEqual(j.state);
  });

  it("a free-text reply is read by `classify` in the debtor's zone; a promise takes the date it names", async () => {
    const { platform, t, clock } = await setup(1);
    const asked: Array<{ text: string; timezone?: string }> = [];
    const engine = buildEngine({
      db,
      clock,
      messaging: new FakeMessaging(clock),
      replies: {
        read: async (q) => {
          asked.push({ text: q.text, ...(q.timezone ? { timezone: q.timezone } : {}) });
          return q.text.includes('viernes')
            ? { intent: 'promise_to_pay', date: '2026-11-27' }
            : { intent: 'promise_to_pay', date: '2026-11-01' };
        },
      },
    });
    await engine.worker.drain();
    await engine.dispatcher.drain();
    const [acct] = await accountIds(platform, t.orgId);
    const account = await platform.record.getAccount(t.orgId, acct!);
    const reply = (id: string, text: string) => ({
      type: 'channel.message_received' as const,
      inboundId: id,
      orgId: t.orgId,
      debtorId: account.debtorId,
      unknownSender: false,
      event: {
        type: 'message' as const,
        orgId: t.orgId,
        provider: 'twilio' as const,
        providerMessageId: id,
        channel: 'sms' as const,
        occurredAt: clock.now().toISOString(),
        from: '+5215512345678',
        to: 'x',
        text,
        mediaUrls: [],
        raw: {},
      },
    });
    await engine.router.handle(reply('in_a', 'le pago el viernes'));
    const debtor = await platform.record.getDebtor(t.orgId, account.debtorId);
    expect(asked).toEqual([{ text: 'le pago el viernes', timezone: debtor.timezone }]);
    const j = (await engine.strategies.journey(t.orgId, acct!)).state;
    expect(j).toMatchObject({
      lastIntent: 'promise_to_pay',
      lastEvent: 'promised',
      promise: { date: '2026-11-27', amountMinor: account.balanceMinor },
    });
    // A date already past is not a promise date: the default (7 days from the reply) is used.
    await engine.router.handle(reply('in_b', 'ya le dije'));
    const later = new Date(clock.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    expect((await engine.strategies.journey(t.orgId, acct!)).state).toMatchObject({
      promise: { date: later },
    });
  });

  it('a promise in a reply on a channel the dialogue answers is left to it; one on a call is still recorded', async () => {
    const { platform, t, clock } = await setup(1);
    const engine = buildEngine({
      db,
      clock,
      messaging: new FakeMessaging(clock),
      replies: { read: async () => ({ intent: 'promise_to_pay', date: '2026-11-27' }) },
      promises: platform.record,
      conversationChannels: new Set(['sms', 'whatsapp', 'email']),
    });
    await engine.worker.drain();
    const [acct] = await accountIds(platform, t.orgId);
    const account = await platform.record.getAccount(t.orgId, acct!);
    const reply = (id: string, channel: 'sms' | 'call') => ({
      type: 'channel.message_received' as const,
      inboundId: id,
      orgId: t.orgId,
      debtorId: account.debtorId,
      unknownSender: false,
      event: {
        type: 'message' as const,
        orgId: t.orgId,
        provider: 'twilio' as const,
        providerMessageId: id,
        channel,
        occurredAt: clock.now().toISOString(),
        from: '+5215512345678',
        to: 'x',
        text: 'le pago el viernes',
        mediaUrls: [],
        raw: {},
      },
    });
    const promises = () =>
      db
        .query<{ due_date: string }>(
          `SELECT due_date::text AS due_date FROM promises WHERE account_id = $1`,
          [acct],
        )
        .then((r) => r.rows);
    await engine.router.handle(reply('in_sms', 'sms'));
    expect((await engine.strategies.journey(t.orgId, acct!)).state).toMatchObject({
      lastIntent: 'promise_to_pay',
    });
    expect(await promises()).toEqual([]);
    await engine.router.handle(reply('in_call', 'call'));
    expect(await promises()).toEqual([{ due_date: '2026-11-27' }]);
  });

  it('a recorded payment clearing the balance ends the journey and cancels queued contacts', async () => {
    const { platform, t, engine, events, messaging } = await setup(1);
    await engine.worker.drain();
    const [acct] = await accountIds(platform, t.orgId);
    const a = await platform.record.getAccount(t.orgId, acct!);
    await platform.record.recordPayment(t.orgId, {
      accountId: acct!,
      amountMinor: a.balanceMinor,
      currency: a.currency,
      source: 'test',
      actor: 'system',
      externalId: 'x1',
    });
    expect(await events.drain()).toMatchObject({ payments: 1 });
    expect(await events.drain()).toMatchObject({ payments: 0 });
    expect((await engine.strategies.journey(t.orgId, acct!)).state).toMatchObject({
      status: 'exited',
      exitReason: 'paid_in_full',
    });
    expect((await outbox(t.orgId)).map((r) => r.status)).toEqual(['cancelled', 'recorded']); // the email; the exit command
    await engine.dispatcher.drain();
    expect(messaging.calls).toHaveLength(0);
  });

  it('publishing v2 with move keeps node ids; finish_on_old keeps journeys on v1', async () => {
    const { platform, t, engine } = await setup(2);
    await engine.worker.drain();
    const v2 = makeTestStrategy({ name: 'Test v2' });
    const r = await engine.strategies.publish(t.orgId, 'stg_test', { mode: 'move', input: v2 });
    expect(r).toMatchObject({ version: 2, migration: { moved: 2 } });
    const [acct] = await accountIds(platform, t.orgId);
    expect((await engine.strategies.journey(t.orgId, acct!)).state).toMatchObject({
      strategyVersion: 2,
      nodeId: 'await_answer',
    });
    const r3 = await engine.strategies.publish(t.orgId, 'stg_test', {
      mode: 'finish_on_old',
      input: makeTestStrategy({ name: 'Test v3' }),
    });
    expect(r3).toMatchObject({ version: 3, migration: { moved: 0 } });
    expect((await engine.strategies.versions(t.orgId, 'stg_test')).map((v) => [v.version, v.status])).toEqual(
      [
        [1, 'published'],
        [2, 'published'],
        [3, 'published'],
      ],
    );
    expect((await engine.strategies.journey(t.orgId, acct!)).state!.strategyVersion).toBe(2);
  });

  /**
   * A dispatcher over a JourneyStore whose applyMany fails when `fail` says so — after really
   * writing, so only a rollback of the whole batch (outbox marks included) leaves things clean.
   */
  function failingDispatcher(
    engine: Awaited<ReturnType<typeof setup>>['engine'],
    clock: ManualClock,
    messaging: FakeMessaging,
    fail: (items: readonly ApplyItem[], call: number) => boolean,
  ) {
    const calls: string[][] = [];
    const logs: string[] = [];
    const inner = engine.stores.journeys;
    const journeys: JourneyStore = {
      ...inner,
      async applyMany(now, items) {
        calls.push(items.map((i) => i.accountId));
        const out = await inner.applyMany(now, items);
        if (fail(items, calls.length)) throw new Error('journey write failed');
        return out;
      },
    };
    const dispatcher = createDispatcher({
      outbox: engine.stores.outbox,
      journeys,
      definitions: createDefinitions(engine.stores.strategies),
      messaging,
      clock,
      tx: (fn) => db.transaction(() => fn()),
      owner: 'test-dispatcher',
      batchSize: 10,
      concurrency: 1,
      leaseMs: 60_000,
      log: (msg) => logs.push(msg),
    });
    return { dispatcher, calls, logs };
  }
  // Contact results fed to each journey: every write after the start (rev 1) is one, in these tests.
  const fedResults = (orgId: string) =>
    db
      .query<{ account_id: string; n: number }>(
        `SELECT account_id, (rev - 1)::int AS n FROM journeys WHERE org_id = $1 AND rev > 1 ORDER BY account_id`,
        [orgId],
      )
      .then((r) => r.rows);
  const revs = (orgId: string) =>
    db
      .query<{ rev: string }>('SELECT rev FROM journeys WHERE org_id = $1', [orgId])
      .then((r) => r.rows.map((x) => Number(x.rev)));

  it('when the batch journey write fails, each contact is still recorded and fed to its journey exactly once', async () => {
    const { t, clock, engine, messaging } = await setup(3);
    await engine.worker.drain();
    const { dispatcher, calls, logs } = failingDispatcher(
      engine,
      clock,
      messaging,
      (_items, call) => call === 1,
    );
    expect(await dispatcher.drain()).toMatchObject({ claimed: 3, sent: 3, duplicates: 0 });
    // One batch call (rolled back), then one call per contact.
    expect(calls.map((c) => c.length)).toEqual([3, 1, 1, 1]);
    expect(new Set(calls.slice(1).flat())).toEqual(new Set(calls[0]));
    expect(logs).toContain('batch outcome write failed; recording one by one');
    expect(messaging.calls).toHaveLength(3);
    expect((await outbox(t.orgId)).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    const fed = await fedResults(t.orgId);
    expect(fed).toHaveLength(3);
    expect(fed.every((r) => r.n === 1)).toBe(true);
    expect(await revs(t.orgId)).toEqual([2, 2, 2]); // started (1), one contact result (2)
    expect((await dispatcher.drain()).claimed).toBe(0);
  });

  it('one contact whose journey write keeps failing does not hold back the others; it is replayed after the lease', async () => {
    const { t, clock, engine, messaging } = await setup(3);
    await engine.worker.drain();
    const accounts = (
      await db.query<{ account_id: string }>(
        'SELECT account_id FROM journeys WHERE org_id = $1 ORDER BY account_id',
        [t.orgId],
      )
    ).rows.map((r) => r.account_id);
    let broken: string | null = accounts[1]!;
    const { dispatcher, logs } = failingDispatcher(engine, clock, messaging, (items) =>
      items.some((i) => i.accountId === broken),
    );
    expect(await dispatcher.drain()).toMatchObject({ claimed: 3, sent: 2 });
    expect(logs).toEqual([
      'batch outcome write failed; recording one by one',
      'dispatch failed; will retry after the lease',
    ]);
    const statusOf = async () =>
      new Map(
        (
          await db.query<{ account_id: string; status: string }>(
            'SELECT account_id, status FROM outbox WHERE org_id = $1',
            [t.orgId],
          )
        ).rows.map((r) => [r.account_id, r.status]),
      );
    expect(await statusOf()).toEqual(
      new Map([
        [accounts[0]!, 'sent'],
        [accounts[1]!, 'in_flight'],
        [accounts[2]!, 'sent'],
      ]),
    );
    expect((await fedResults(t.orgId)).map((r) => r.account_id)).toEqual([accounts[0], accounts[2]]);
    // Repaired; after the lease the same key is tried again: a duplicate at the provider, fed once.
    broken = null;
    clock.advance(61_000);
    expect(await dispatcher.drain()).toMatchObject({ claimed: 1, duplicates: 1, sent: 0 });
    expect([...(await statusOf()).values()]).toEqual(['sent', 'sent', 'sent']);
    expect((await fedResults(t.orgId)).map((r) => [r.account_id, r.n])).toEqual(accounts.map((a) => [a, 1]));
    expect(await revs(t.orgId)).toEqual([2, 2, 2]);
    expect(messaging.sent.size).toBe(3);
  });

  it('preview says which segment and node, and what would be sent', async () => {
    const { platform, t, engine } = await setup(1);
    const [acct] = await accountIds(platform, t.orgId);
    const p = await engine.strategies.preview(t.orgId, acct!);
    expect(p).toMatchObject({
      segment: 'all',
      node: 'email',
      enrolled: true,
      contacts: [{ channel: 'email', templateId: 'reminder_email_v1' }],
    });
  });
});

export type { ManualClock };
