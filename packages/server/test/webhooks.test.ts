// Outbound webhooks end to end: a fact of the record → its domain event → the consumer's fan-out →
// the delivery job → a real HTTP receiver on loopback that verifies the signature as an integrator
// would (docs/webhooks.md).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPlatform, type Platform } from '../src/platform/composition-root.js';
import { ManualClock } from '../src/shared/clock/manual-clock.js';
import type { Db } from '../src/shared/db/db.js';
import { createSqlDomainEventStore } from '../src/modules/events/adapters/sql-domain-event-store.js';
import { createSqlDeliveryStore } from '../src/modules/webhooks/adapters/sql-delivery-store.js';
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs, webhookSecretBox } from '../src/modules/webhooks/index.js';
import {
  integratorVerifies,
  startLoopbackReceiver,
  type LoopbackReceiver,
} from '../src/modules/webhooks/testing/loopback-receiver.js';
import { importRows, makeRow, newTenant, T0, testConfig } from './fixtures.js';
import { describeStorage } from './storage.js';

describeStorage('outbound webhooks', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let p: Platform;
  let receiver: LoopbackReceiver;
  const clock = new ManualClock(T0);
  beforeAll(async () => {
    db = await mode.open();
    p = await buildPlatform({ db, clock, config: testConfig(), webhooks: { delivery: { timeoutMs: 300 } } });
    receiver = await startLoopbackReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await db.drop();
  });

  let paths = 0;
  const newPath = () => `/hook-${++paths}`;
  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);

  async function oneAccount(t: { orgId: string }) {
    await importRows(p, t.orgId, [makeRow()]);
    return (await p.record.listAccounts(t.orgId, { limit: 1 })).items[0]!;
  }
  let payments = 0;
  const pay = (orgId: string, accountId: string, amountMinor = 1000) =>
    p.record.recordPayment(orgId, {
      accountId,
      amountMinor,
      currency: 'MXN',
      paidAt: clock.now().toISOString(),
      externalId: `psp-${++payments}`,
      source: 'test',
      actor: 'system',
    });
  async function subscribe(orgId: string, events: string[]) {
    const path = newPath();
    const { subscription, secret } = await p.webhooks.subscriptions.create(orgId, {
      url: receiver.url(path),
      events,
    });
    return { sub: subscription, secret, path };
  }
  /** The worker's two jobs: the event consumer (fan-out), then the delivery job. */
  async function pump() {
    await p.events.drain();
    return p.webhooks.deliverer.drain();
  }
  const deliveries = (orgId: string, subId: string) =>
    p.webhooks.deliveries.list(orgId, subId, { limit: 100 });

  it('delivers a signed event that the receiver verifies, with its id, type and data', async () => {
    const t = await newTenant(p);
    const acc = await oneAccount(t);
    const { sub, secret, path } = await subscribe(t.orgId, ['payment.recorded']);
    const paid = await pay(t.orgId, acc.id, 2500);
    expect(await pump()).toMatchObject({ delivered: 1 });

    const [got, ...more] = receiver.received(path);
    expect(more).toEqual([]);
    expect(
      integratorVerifies(got!.headers['saldo-signature'] as string, got!.rawBody, secret, nowSeconds()),
    ).toBe(true);
    expect(
      integratorVerifies(
        got!.headers['saldo-signature'] as string,
        got!.rawBody,
        'whsec_other',
        nowSeconds(),
      ),
    ).toBe(false);
    const body = JSON.parse(got!.rawBody);
    expect(body).toEqual({
      id: expect.stringMatching(/^evt_\d+$/),
      type: 'payment.recorded',
      createdAt: clock.now().toISOString(),
      orgId: t.orgId,
      data: expect.objectContaining({
        accountId: acc.id,
        paymentId: paid.paymentId,
        amountMinor: 2500,
        currency: 'MXN',
      }),
    });
    expect(got!.headers).toMatchObject({
      'saldo-event-id': body.id,
      'saldo-event-type': 'payment.recorded',
      'content-type': 'application/json',
      'user-agent': expect.stringMatching(/^Saldo-Webhooks\/\d+\.\d+\.\d+$/),
    });
    expect(await deliveries(t.orgId, sub.id)).toEqual([
      expect.objectContaining({
        eventId: body.id,
        status: 'delivered',
        attempts: 1,
        lastStatus: 200,
        lastError: null,
      }),
    ]);
    // The signing secret is stored sealed with the root key, bound to its subscription.
    const row = (
      await db.query<{ secret_enc: string }>('SELECT secret_enc FROM webhook_subscriptions WHERE id = $1', [
        sub.id,
      ])
    ).rows[0]!;
    expect(row.secret_enc).not.toContain(secret.slice(6));
    const box = webhookSecretBox(testConfig().secrets.secretKey!);
    expect(box.open(row.secret_enc, `${t.orgId}|${sub.id}|current`)).toBe(secret);
  });

  it('retries after a 500 and a timeout, on the back-off schedule, then delivers once', async () => {
    const t = await newTenant(p);
    const acc = await oneAccount(t);
    const { sub, secret, path } = await subscribe(t.orgId, ['payment.recorded']);
    receiver.script(path, [500, 'hang', 204]);
    await pay(t.orgId, acc.id);
    expect(await pump()).toMatchObject({ claimed: 1, retrying: 1 });
    let [d] = await deliveries(t.orgId, sub.id);
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500, lastError: 'HTTP 500' });
    expect(d!.nextAttemptAt).toBe(new Date(clock.now().getTime() + retryDelayMs(1)).toISOString());

    clock.advance(retryDelayMs(1) - 1_000);
    expect(await p.webhooks.deliverer.drain()).toMatchObject({ claimed: 0 }); // not before its time
    clock.advance(1_000);
    expect(await p.webhooks.deliverer.drain()).toMatchObject({ claimed: 1, retrying: 1 });
    [d] = await deliveries(t.orgId, sub.id);
    expect(d).toMatchObject({ status: 'pending', attempts: 2, lastStatus: null });
    expect(d!.lastError).toMatch(/no answer within 300 ms/);
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));

    clock.advance(retryDelayMs(2));
    expect(await p.webhooks.deliverer.drain()).toMatchObject({ claimed: 1, delivered: 1 });
    [d] = await deliveries(t.orgId, sub.id);
    expect(d).toMatchObject({
      status: 'delivered',
      attempts: 3,
      lastStatus: 204,
      deliveredAt: clock.now().toISOString(),
    });

    clock.advance(24 * 3_600_000);
    expect(await pump()).toMatchObject({ claimed: 0 });
    const got = receiver.received(path);
    expect(got).toHaveLength(3);
    expect(new Set(got.map((g) => g.headers['saldo-event-id'])).size).toBe(1);
    expect(new Set(got.map((g) => g.rawBody)).size).toBe(1);
    // Each attempt is signed when it is sent.
    expect(
      integratorVerifies(
        got[2]!.headers['saldo-signature'] as string,
        got[2]!.rawBody,
        secret,
        nowSeconds() - 86_400,
      ),
    ).toBe(true);
  });

  it('gives up after the last attempt (failed, kept) and a replay delivers it', async () => {
    const t = await newTenant(p);
    const acc = await oneAccount(t);
    const { sub, path } = await subscribe(t.orgId, ['payment.recorded']);
    receiver.script(path, Array<number>(MAX_DELIVERY_ATTEMPTS).fill(503));
    await pay(t.orgId, acc.id);
    await p.events.drain();
    for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      expect(await p.webhooks.deliverer.drain(), `attempt ${attempt}`).toMatchObject({ claimed: 1 });
      clock.advance(retryDelayMs(attempt));
    }
    const [d] = await deliveries(t.orgId, sub.id);
    expect(d).toMatchObject({
      status: 'failed',
      attempts: MAX_DELIVERY_ATTEMPTS,
      lastStatus: 503,
      nextAttemptAt: null,
    });
    clock.advance(7 * 86_400_000);
    expect(await p.webhooks.deliverer.drain()).toMatchObject({ claimed: 0 });
    expect(receiver.received(path)).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    expect(
      (await p.webhooks.deliveries.list(t.orgId, sub.id, { limit: 10, status: 'failed' })).map((x) => x.id),
    ).toEqual([d!.id]);

    expect(await p.webhooks.deliveries.replay(t.orgId, d!.id)).toMatchObject({
      status: 'pending',
      attempts: 0,
    });
    expect(await p.webhooks.deliverer.drain()).toMatchObject({ delivered: 1 });
    expect(receiver.received(path)).toHaveLength(MAX_DELIVERY_ATTEMPTS + 1);
    expect((await deliveries(t.orgId, sub.id))[0]).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it("a disabled subscription gets nothing, and one organisation's events never reach another's", async () => {
    const a = await newTenant(p);
    const b = await newTenant(p);
    const accA = await oneAccount(a);
    const accB = await oneAccount(b);
    const onA = await subscribe(a.orgId, ['payment.recorded']);
    const offA = await subscribe(a.orgId, ['payment.recorded']);
    await p.webhooks.subscriptions.update(a.orgId, offA.sub.id, { enabled: false });
    const onB = await subscribe(b.orgId, ['payment.recorded']);
    await pay(a.orgId, accA.id);
    await pump();
    expect(receiver.received(onA.path).map((r) => JSON.parse(r.rawBody).orgId)).toEqual([a.orgId]);
    expect(receiver.received(offA.path)).toEqual([]);
    expect(receiver.received(onB.path)).toEqual([]);
    expect(await deliveries(a.orgId, offA.sub.id)).toEqual([]);
    expect(await deliveries(b.orgId, onB.sub.id)).toEqual([]);

    await pay(b.orgId, accB.id);
    await pump();
    expect(receiver.received(onB.path).map((r) => JSON.parse(r.rawBody).orgId)).toEqual([b.orgId]);
    expect(receiver.received(onA.path)).toHaveLength(1);
    // Another organisation cannot read or replay them either.
    await expect(deliveries(b.orgId, onA.sub.id)).rejects.toThrow(/not found/);
    const [dA] = await deliveries(a.orgId, onA.sub.id);
    await expect(p.webhooks.deliveries.replay(b.orgId, dA!.id)).rejects.toThrow(/not found/);
  });

  it('the fan-out is idempotent: a consumer re-run, or a crash between fan-out and mark, queues no duplicate', async () => {
    await pump();
    const t = await newTenant(p);
    const acc = await oneAccount(t);
    const { sub, path } = await subscribe(t.orgId, ['payment.recorded']);
    await pay(t.orgId, acc.id);
    // A consumer claims the event, fans it out, and dies before marking it processed.
    const store = createSqlDomainEventStore(db);
    const claimed = await store.claim({
      owner: 'crashed',
      now: clock.now(),
      leaseMs: 60_000,
      limit: 100,
      maxAttempts: 10,
    });
    const mine = claimed.filter((e) => e.orgId === t.orgId && e.type === 'payment.recorded');
    expect(mine).toHaveLength(1);
    for (const e of mine)
      await p.webhooks.fanOut(e.payload, { seq: e.seq, key: e.key, recordedAt: e.recordedAt });
    expect(await deliveries(t.orgId, sub.id)).toHaveLength(1);
    // The lease passes: the event is handed over again, fanned out again, and finally marked.
    clock.advance(60_000);
    await p.events.drain();
    for (const e of mine)
      await p.webhooks.fanOut(e.payload, { seq: e.seq, key: e.key, recordedAt: e.recordedAt });
    await p.events.drain();
    expect(await deliveries(t.orgId, sub.id)).toHaveLength(1);
    await p.webhooks.deliverer.drain();
    expect(receiver.received(path)).toHaveLength(1);
  });

  it('a delivery job that dies after claiming: sent again when its lease passes; its late record is ignored', async () => {
    await pump();
    const t = await newTenant(p);
    const acc = await oneAccount(t);
    const { sub, path } = await subscribe(t.orgId, ['payment.recorded']);
    await pay(t.orgId, acc.id);
    await p.events.drain();
    const store = createSqlDeliveryStore(db);
    const [claimed, ...others] = await store.claim({
      owner: 'dead',
      now: clock.now(),
      leaseMs: 60_000,
      limit: 10,
    });
    expect(others).toEqual([]);
    expect(claimed).toMatchObject({
      subscriptionId: sub.id,
      attempts: 0,
      event: { type: 'payment.recorded' },
    });
    expect(await p.webhooks.deliverer.drain()).toMatchObject({ claimed: 0 }); // leased
    clock.advance(60_000);
    expect(await p.webhooks.deliverer.drain()).toMatchObject({ claimed: 1, delivered: 1 });
    await store.recordAttempt('dead', claimed!.id, {
      at: clock.now(),
      status: 500,
      delivered: false,
      error: 'HTTP 500',
      durationMs: 1,
      retryAt: clock.now(),
    });
    expect(await deliveries(t.orgId, sub.id)).toEqual([
      expect.objectContaining({ status: 'delivered', attempts: 1, lastStatus: 200 }),
    ]);
    expect(await p.webhooks.deliverer.drain()).toMatchObject({ claimed: 0 });
    expect(receiver.received(path)).toHaveLength(1);
  });

  it('replays a subscription since a time: delivered events again, and earlier events it never had', async () => {
    const t = await newTenant(p);
    const acc = await oneAccount(t);
    const since = clock.now();
    await pay(t.orgId, acc.id); // before the subscription exists
    await pump();
    const { sub, path } = await subscribe(t.orgId, ['payment.recorded']);
    clock.advance(1_000);
    await pay(t.orgId, acc.id);
    await pump();
    expect(receiver.received(path)).toHaveLength(1);
    expect(await p.webhooks.deliveries.replaySince(t.orgId, sub.id, since)).toEqual({ queued: 2 });
    expect(await p.webhooks.deliverer.drain()).toMatchObject({ delivered: 2 });
    const ids = receiver.received(path).map((r) => r.headers['saldo-event-id']);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(2);
    const later = clock.advance(1_000);
    expect(await p.webhooks.deliveries.replaySince(t.orgId, sub.id, later)).toEqual({ queued: 0 });
  });

  it('after a secret rotation both secrets sign until the old one expires', async () => {
    const t = await newTenant(p);
    const acc = await oneAccount(t);
    const { sub, secret: old, path } = await subscribe(t.orgId, ['payment.recorded']);
    const { secret: next, subscription } = await p.webhooks.subscriptions.rotateSecret(t.orgId, sub.id, 24);
    expect(next).not.toBe(old);
    expect(subscription.previousSecretExpiresAt).toBe(
      new Date(clock.now().getTime() + 24 * 3_600_000).toISOString(),
    );
    await pay(t.orgId, acc.id);
    await pump();
    const [during] = receiver.received(path);
    const header = during!.headers['saldo-signature'] as string;
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(integratorVerifies(header, during!.rawBody, next, nowSeconds())).toBe(true);
    expect(integratorVerifies(header, during!.rawBody, old, nowSeconds())).toBe(true);

    clock.advance(24 * 3_600_000 + 1_000);
    await pay(t.orgId, acc.id);
    await pump();
    const after = receiver.received(path)[1]!;
    const afterHeader = after.headers['saldo-signature'] as string;
    expect(afterHeader.match(/v1=/g)).toHaveLength(1);
    expect(integratorVerifies(afterHeader, after.rawBody, next, nowSeconds())).toBe(true);
    expect(integratorVerifies(afterHeader, after.rawBody, old, nowSeconds())).toBe(false);
  });
});
