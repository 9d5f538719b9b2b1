// One reply, end to end, on both storage modes: a signed Twilio SMS webhook with a promise ("te pago
// el viernes") is stored and acknowledged by the API; its facts and their domain event are written;
// the worker's domain-event job reads the reply with the NLU, records the promise and advances the
// journey. Nothing of the reading happens in the request path.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../src/shared/clock/manual-clock.js';
import type { Db } from '../src/shared/db/db.js';
import { buildPlatform, type Platform } from '../src/platform/composition-root.js';
import { buildHttp } from '../src/platform/start-saldo.js';
import { loadConfig } from '../src/platform/config.js';
import { signTwilioRequest } from '../src/modules/channels/adapters/webhooks/twilio-webhook.js';
import { domainEvents } from './domain-events.js';
import { importRows, makeRow, T0 } from './fixtures.js';
import { describeStorage } from './storage.js';

const PUBLIC_URL = 'https://saldo.example.com';
const TWILIO = { sid: 'AC00000000000000000000000000e2e001', token: 'e2e_auth_token' };
const PHONE = '+525512345678'; // makeRow's debtor phone (Mexico City)

describeStorage('an inbound SMS reaches its journey through the one event path', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let platform: Platform;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await mode.open();
    platform = await buildPlatform({
      db,
      clock: new ManualClock(T0), // Tuesday 2026-11-24, 09:00 in Mexico City
      // The default organisation's Twilio account (no sender number: nothing is sent to Twilio).
      config: loadConfig({
        SALDO_SECRET_KEY: 'e2e-secret-0123456789abcdef',
        TWILIO_ACCOUNT_SID: TWILIO.sid,
        TWILIO_AUTH_TOKEN: TWILIO.token,
        SALDO_PUBLIC_URL: PUBLIC_URL,
        // The journey path under test: the strategy's reply handler writes the promise. With the
        // dialogue on, the bot verifies the debtor first (test/dialogue-runner.test.ts).
        SALDO_DIALOGUE: 'off',
      }),
    });
    app = await buildHttp(platform);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await platform.channels.close();
    await db.drop(); // closes the database too
  });

  const workerJob = (name: string) => {
    const job = platform.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`no worker job ${name}`);
    return () => job.run();
  };
  const rows = async <R>(sql: string, params: unknown[]) => (await db.query<R>(sql, params)).rows;

  it('"te pago el viernes": stored, acknowledged, then read by the worker into a promise, the timeline and the journey', async () => {
    const orgId = platform.defaultOrgId;
    await importRows(platform, orgId, [
      makeRow({ external_ref: 'A-E2E', debtor_ref: 'D-E2E', phone: PHONE }),
    ]);
    const [account] = (await platform.record.listAccounts(orgId, { limit: 1 })).items;
    expect(await platform.engine.strategies.enrol(orgId, {})).toMatchObject({ enrolled: 1 });
    await workerJob('strategy-journey-worker')(); // the journey starts and waits for an answer
    const before = (await platform.engine.strategies.journey(orgId, account!.id)).state;
    expect(before).toMatchObject({ status: 'waiting' });

    // The API: verify the signature, store, acknowledge.
    const url = '/v1/webhooks/twilio/messages';
    const form = {
      AccountSid: TWILIO.sid,
      MessageSid: 'SM-e2e-promise-1',
      From: PHONE,
      To: '+15005550006',
      Body: 'te pago el viernes',
      NumMedia: '0',
    };
    const res = await app.inject({
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signTwilioRequest(TWILIO.token, PUBLIC_URL + url, form),
      },
      payload: new URLSearchParams(form).toString(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<Response></Response>');

    // The stored inbound event, its facts (timeline) and its domain event, waiting for the worker.
    const inbound = () =>
      rows<{ id: string; processed_at: Date | null }>(
        `SELECT id, processed_at FROM inbound_events WHERE org_id = $1 AND provider_message_id = 'SM-e2e-promise-1'`,
        [orgId],
      );
    expect(await inbound()).toHaveLength(1);
    await expect.poll(async () => (await inbound())[0]!.processed_at !== null).toBe(true);
    const inboundId = (await inbound())[0]!.id;
    const replyEvents = async () =>
      (
        await rows<{ processed_at: Date | null }>(
          `SELECT processed_at FROM domain_events WHERE org_id = $1 AND type = 'channel.message_received'`,
          [orgId],
        )
      ).map((r) => r.processed_at !== null);
    expect(await replyEvents()).toEqual([false]);
    expect(await domainEvents(db)).toContainEqual(
      expect.objectContaining({
        type: 'channel.message_received',
        inboundId,
        debtorId: account!.debtorId,
        event: expect.objectContaining({ text: 'te pago el viernes', provider: 'twilio' }),
      }),
    );
    // The request path read nothing: no promise yet, the journey as it was.
    const promises = () =>
      rows<{ id: string; amount_minor: number; due_date: string; channel: string; actor: string }>(
        `SELECT id, amount_minor::int AS amount_minor, due_date::text AS due_date, channel, actor FROM promises WHERE account_id = $1`,
        [account!.id],
      );
    expect(await promises()).toEqual([]);
    expect((await platform.engine.strategies.journey(orgId, account!.id)).state).toEqual(before);

    // The worker run: the domain-event job reads the reply (NLU) and moves the record and the journey.
    expect(await workerJob('domain-events')()).toMatchObject({ claimed: 1, processed: 1, replies: 1 });
    expect(await replyEvents()).toEqual([true]);
    expect(await promises()).toEqual([
      {
        id: expect.any(String),
        amount_minor: account!.balanceMinor,
        due_date: '2026-11-27', // the coming Friday in the debtor's zone
        channel: 'sms',
        actor: 'debtor',
      },
    ]);
    expect((await platform.record.getAccount(orgId, account!.id)).status).toBe('promised');
    const timeline = await platform.record.debtorTimeline(orgId, account!.debtorId, { limit: 50 });
    expect(timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'message', direction: 'inbound', summary: 'te pago el viernes' }),
        expect.objectContaining({ kind: 'promise', actor: 'debtor', summary: 'Promise to pay' }),
        expect.objectContaining({ kind: 'status_change', summary: 'Status active → promised' }),
      ]),
    );
    expect((await platform.engine.strategies.journey(orgId, account!.id)).state).toMatchObject({
      lastIntent: 'promise_to_pay',
      lastEvent: 'promised',
      promise: { date: '2026-11-27', amountMinor: account!.balanceMinor },
    });

    // The promise's own event comes next: already applied to the journey, so nothing changes.
    const after = (await platform.engine.strategies.journey(orgId, account!.id)).state;
    expect(await workerJob('domain-events')()).toMatchObject({ failed: 0, promises: 0 });
    expect((await platform.engine.strategies.journey(orgId, account!.id)).state).toEqual(after);
    expect(await promises()).toHaveLength(1);
  }, 60_000);
});
