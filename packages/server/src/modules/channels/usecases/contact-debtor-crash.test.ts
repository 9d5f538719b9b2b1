import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ManualClock } from '../../../shared/clock/manual-clock.js';
import { createSqlOutboundMessageStore } from '../adapters/sql/outbound-message-store.js';
import { createSqlTimelineStore } from '../../record/adapters/sql-timeline-store.js';
import type { Platform } from '../../../platform/composition-root.js';
import type { ChannelProvider, OutboundMessage, SendResult } from '../ports/channel-provider.js';
import type { Db } from '../../../shared/db/db.js';
import type { ContactRequest } from '../ports/messaging.js';
import { describeStorage } from '../../../../test/storage.js';
import { importRows, makeRow, newTenant, T0, testPlatform } from '../../../../test/fixtures.js';
import { sqlContactDebtor } from '../testing/sql-contact-debtor.js';
import { testVault } from '../../../shared/crypto/test-vault.js';

/**
 * A process that dies in the middle of a send, simulated in one process: its provider call never
 * returns (the process is gone), and a new Messaging — the restarted process — replays the key
 * once the send lease has passed. The provider honours its idempotency key (the message id).
 */
describeStorage('contact debtor after a crash mid-send', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let p: Platform;
  let clock: ManualClock;
  beforeAll(async () => {
    db = await mode.open();
    ({ platform: p, clock } = await testPlatform(db));
  });
  afterAll(async () => {
    await db.drop();
  });

  /** Accepted messages by provider idempotency key; every call is counted. */
  function idempotentProvider(behaviour: () => 'accept' | 'die_before' | 'die_after' | 'invalid') {
    const accepted = new Map<string, string>();
    const calls: string[] = [];
    let entered: () => void = () => {};
    const reached = new Promise<void>((r) => (entered = r));
    const provider: ChannelProvider = {
      id: 'fake',
      channels: ['sms'],
      onEvent: () => () => {},
      close: async () => {},
      send: async (m: OutboundMessage): Promise<SendResult> => {
        calls.push(m.messageId);
        const b = behaviour();
        if (b === 'invalid')
          return { ok: false, reason: 'invalid_recipient', detail: 'no', retryable: false };
        if (b === 'die_before') {
          entered();
          return new Promise<never>(() => {});
        }
        if (!accepted.has(m.messageId)) accepted.set(m.messageId, `fk_${m.messageId}`);
        if (b === 'die_after') {
          entered();
          return new Promise<never>(() => {});
        }
        return { ok: true, providerMessageId: accepted.get(m.messageId)!, status: 'sent' };
      },
    };
    return { provider, accepted, calls, reached };
  }

  const messaging = (provider: ChannelProvider) => sqlContactDebtor(db, clock, provider);

  let n = 0;
  async function contactRequest(): Promise<{ req: ContactRequest; debtorId: string }> {
    clock.set(T0); // Tuesday 09:00 in Mexico City
    const t = await newTenant(p);
    await importRows(p, t.orgId, [makeRow()]);
    const a = (
      await db.query<{ id: string; debtor_id: string }>(
        'SELECT id, debtor_id FROM accounts WHERE org_id = $1',
        [t.orgId],
      )
    ).rows[0]!;
    const req: ContactRequest = {
      orgId: t.orgId,
      accountId: a.id,
      channel: 'sms',
      templateId: 'tpl_default_reminder_sms_es-MX',
      idempotencyKey: `contact:${a.id}:node:${++n}`,
      requestedBy: { kind: 'strategy', id: 'str_1' },
    };
    return { req, debtorId: a.debtor_id };
  }

  async function outboundTimeline(orgId: string, debtorId: string) {
    const events = await createSqlTimelineStore(db, testVault()).forDebtor(orgId, debtorId, { limit: 100 });
    return events.filter((e) => e.direction === 'outbound');
  }

  for (const step of ['die_before', 'die_after'] as const) {
    it(`${step === 'die_before' ? 'dies after recording the intent, before the provider call' : 'dies after the provider accepted, before recording it'}: the replay sends once, with provider id and one timeline event`, async () => {
      const { req, debtorId } = await contactRequest();
      let b: 'accept' | typeof step = step;
      const fake = idempotentProvider(() => b);
      void messaging(fake.provider).contact(req); // the process that dies
      await fake.reached;
      b = 'accept';
      clock.advance(10 * 60_000); // past the send lease: nobody is sending it any more
      const r = await messaging(fake.provider).contact(req);
      expect(r).toMatchObject({ kind: 'sent', providerMessageId: expect.stringMatching(/^fk_/) });
      if (r.kind !== 'sent') throw new Error('unreachable');
      expect(fake.calls).toEqual([r.messageId, r.messageId]); // the same provider idempotency key
      expect([...fake.accepted.keys()]).toEqual([r.messageId]);
      const row = await createSqlOutboundMessageStore(db).findByKey(req.orgId, req.idempotencyKey);
      expect(row).toMatchObject({ status: 'sent', providerMessageId: r.providerMessageId });
      expect(await outboundTimeline(req.orgId, debtorId)).toMatchObject([
        { data: { messageId: r.messageId, providerMessageId: r.providerMessageId } },
      ]);
      expect(await messaging(fake.provider).contact(req)).toEqual({
        kind: 'duplicate',
        messageId: r.messageId,
      });
    });
  }

  it('a replay while the send lease holds is a duplicate (someone is sending it now)', async () => {
    const { req } = await contactRequest();
    const fake = idempotentProvider(() => 'die_before');
    void messaging(fake.provider).contact(req);
    await fake.reached;
    clock.advance(5_000);
    expect(await messaging(fake.provider).contact(req)).toMatchObject({ kind: 'duplicate' });
    expect(fake.calls).toHaveLength(1);
  });

  it('a replay of a key the provider refused for good is that failure again, not a duplicate', async () => {
    const { req, debtorId } = await contactRequest();
    const fake = idempotentProvider(() => 'invalid');
    const first = await messaging(fake.provider).contact(req);
    expect(first).toMatchObject({ kind: 'failed', reason: 'invalid_recipient', retryable: false });
    clock.advance(60_000);
    expect(await messaging(fake.provider).contact(req)).toMatchObject({
      kind: 'failed',
      reason: 'invalid_recipient: no',
      retryable: false,
    });
    expect(fake.calls).toHaveLength(1);
    expect(await outboundTimeline(req.orgId, debtorId)).toEqual([]);
  });
});
