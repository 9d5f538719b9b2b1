import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../src/platform/composition-root.js';
import type { Db } from '../src/shared/db/db.js';
import type { ChannelDomainEvent } from '../src/modules/channels/ports/channel-records.js';
import { channelEventKey } from '../src/modules/channels/adapters/sql/channel-event-outbox.js';
import { storageModes } from './storage.js';
import { importRows, makeRow, newTenant, testPlatform } from './fixtures.js';

// The platform wires the NLU into the event router: a real (not simulated) reply advances the
// journey by what the reply says. PGlite only: the wiring, not the storage, is under test. The
// dialogue is off: with it on, the bot asks who it is talking to first and writes the promise after
// the identity check (test/dialogue-runner.test.ts); here the strategy's reply handler is the writer.
describe('replies are read by the NLU', () => {
  let platform: Platform;
  let db: Db;
  beforeAll(async () => {
    db = await storageModes[0]!.open();
    ({ platform } = await testPlatform(db, undefined, { SALDO_DIALOGUE: 'off' }));
  }, 60_000);
  afterAll(async () => {
    await platform.close(); // closes the in-memory PGlite too
  });
  /** What the inbound pipeline does with a reply (the outbox), then the worker's consumer run. */
  const publish = async (e: ChannelDomainEvent) => {
    await platform.events.outbox.append([{ key: channelEventKey(e), event: e }], platform.clock.now());
    await platform.events.drain();
  };

  it('"le pago el viernes" is a promise for the coming Friday in the debtor\'s zone; "STOP" ends the journey', async () => {
    const t = await newTenant(platform);
    await importRows(platform, t.orgId, [
      makeRow({ external_ref: 'A-1', debtor_ref: 'D-1' }),
      makeRow({ external_ref: 'A-2', debtor_ref: 'D-2' }),
    ]);
    await platform.engine.strategies.enrol(t.orgId, {});
    const accounts = (await platform.record.listAccounts(t.orgId, { limit: 10 })).items;
    const reply = async (accountIndex: number, id: string, text: string) => {
      const a = accounts[accountIndex]!;
      await publish({
        type: 'channel.message_received',
        inboundId: id,
        orgId: t.orgId,
        debtorId: a.debtorId,
        unknownSender: false,
        event: {
          type: 'message',
          orgId: t.orgId,
          provider: 'twilio',
          providerMessageId: id,
          channel: 'sms',
          occurredAt: '2026-11-24T15:00:00Z',
          from: '+5215512345678',
          to: 'x',
          text,
          mediaUrls: [],
          raw: {},
        },
      });
      return (await platform.engine.strategies.journey(t.orgId, a.id)).state;
    };
    expect(await reply(0, 'in_1', 'le pago el viernes, sin falta')).toMatchObject({
      lastIntent: 'promise_to_pay',
      lastEvent: 'promised',
      promise: { date: '2026-11-27' },
    });
    expect(await reply(1, 'in_2', 'STOP')).toMatchObject({ status: 'exited', exitReason: 'stop_contact' });
  }, 60_000);

  it('an opt-out that also claims a payment ends the journey and still sends the claim to the payments queue', async () => {
    const t = await newTenant(platform);
    await importRows(platform, t.orgId, [makeRow({ external_ref: 'A-1', debtor_ref: 'D-1' })]);
    await platform.engine.strategies.enrol(t.orgId, {});
    const [a] = (await platform.record.listAccounts(t.orgId, { limit: 10 })).items;
    await publish({
      type: 'channel.message_received',
      inboundId: 'in_s1',
      orgId: t.orgId,
      debtorId: a!.debtorId,
      unknownSender: false,
      event: {
        type: 'message',
        orgId: t.orgId,
        provider: 'twilio',
        providerMessageId: 'in_s1',
        channel: 'sms',
        occurredAt: '2026-11-24T15:00:00Z',
        from: '+5215512345678',
        to: 'x',
        text: 'ya les pagué todo, dejen de molestar',
        mediaUrls: [],
        raw: {},
      },
    });
    expect((await platform.engine.strategies.journey(t.orgId, a!.id)).state).toMatchObject({
      status: 'exited',
      exitReason: 'stop_contact',
    });
    const escalations = (
      await db.query<{ queue: string; reason: string }>(
        `SELECT command->>'queue' AS queue, command->>'reason' AS reason FROM outbox WHERE org_id = $1 AND kind = 'escalate'`,
        [t.orgId],
      )
    ).rows;
    expect(escalations).toEqual([{ queue: 'payments', reason: 'already_paid' }]);
  }, 60_000);

  it('a promise in a reply is a promise of the record: the amount named goes to the oldest debt first, once', async () => {
    const t = await newTenant(platform);
    // One debtor, two accounts of 10,600.00 MXN each; A-OLD is the older debt.
    await importRows(platform, t.orgId, [
      makeRow({ external_ref: 'A-NEW', debtor_ref: 'D-9', delinquent_since: '2026-10-10' }),
      makeRow({ external_ref: 'A-OLD', debtor_ref: 'D-9', delinquent_since: '2026-08-01' }),
    ]);
    await platform.engine.strategies.enrol(t.orgId, {});
    const accounts = (await platform.record.listAccounts(t.orgId, { limit: 10 })).items;
    const byRef = new Map(accounts.map((a) => [a.externalRef, a]));
    const send = (id: string) =>
      publish({
        type: 'channel.message_received',
        inboundId: id,
        orgId: t.orgId,
        debtorId: accounts[0]!.debtorId,
        unknownSender: false,
        event: {
          type: 'message',
          orgId: t.orgId,
          provider: 'twilio',
          providerMessageId: id,
          channel: 'whatsapp',
          occurredAt: '2026-11-24T15:00:00Z',
          from: '+5215512345678',
          to: 'x',
          text: 'te pago 12,000 pesos el viernes',
          mediaUrls: [],
          raw: {},
        },
      });
    await send('in_p1');
    await send('in_p1'); // the provider redelivers the webhook
    const rows = (
      await db.query<{
        account_id: string;
        amount_minor: number;
        due_date: string;
        channel: string;
        actor: string;
      }>(
        `SELECT account_id, amount_minor::int AS amount_minor, due_date::text AS due_date, channel, actor FROM promises WHERE org_id = $1 ORDER BY amount_minor DESC`,
        [t.orgId],
      )
    ).rows;
    expect(rows).toEqual([
      {
        account_id: byRef.get('A-OLD')!.id,
        amount_minor: 1_060_000,
        due_date: '2026-11-27',
        channel: 'whatsapp',
        actor: 'debtor',
      },
      {
        account_id: byRef.get('A-NEW')!.id,
        amount_minor: 140_000,
        due_date: '2026-11-27',
        channel: 'whatsapp',
        actor: 'debtor',
      },
    ]);
    expect((await platform.record.getAccount(t.orgId, byRef.get('A-OLD')!.id))?.status).toBe('promised');
    const journey = (await platform.engine.strategies.journey(t.orgId, byRef.get('A-NEW')!.id)).state;
    expect(journey).toMatchObject({
      lastEvent: 'promised',
      promise: { date: '2026-11-27', amountMinor: 140_000 },
    });
    // Their promise.made events later find these promises already applied to their journeys.
    expect(await platform.events.drain()).toMatchObject({ promises: 0 });
  }, 60_000);
});
