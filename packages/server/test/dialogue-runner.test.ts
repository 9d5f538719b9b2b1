// The dialogue runner end to end, on both storage modes: signed Twilio SMS webhooks → the worker's
// domain-event job → the engine → the record, and the bot's replies through Messaging.contact to the
// sandbox provider. Identity first (nothing about the debt before it), a promise written once through
// the offer gate, both sides of every turn on the timeline, a redelivered event that sends nothing twice.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/shared/clock/manual-clock.js';
import type { Db } from '../src/shared/db/db.js';
import { buildPlatform, type Platform } from '../src/platform/composition-root.js';
import { buildHttp } from '../src/platform/start-saldo.js';
import { loadConfig } from '../src/platform/config.js';
import { signTwilioRequest } from '../src/modules/channels/adapters/webhooks/twilio-webhook.js';
import { domainEvents } from './domain-events.js';
import { importRows, makeRow, newTenant, T0, withOpenedSummary } from './fixtures.js';
import { describeStorage } from './storage.js';

const PUBLIC_URL = 'https://saldo.example.com';
const TWILIO = { sid: 'AC00000000000000000000000000d1a001', token: 'dialogue_auth_token' };

describeStorage('the dialogue runner: conversations on received messages', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let platform: Platform;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await mode.open();
    platform = await buildPlatform({
      db,
      clock: new ManualClock(T0), // Tuesday 2026-11-24, 09:00 in Mexico City
      // Twilio checks the webhooks' signatures; every send goes to the sandbox provider.
      sandboxOnly: true,
      config: loadConfig({
        SALDO_SECRET_KEY: 'dialogue-secret-0123456789abcdef',
        TWILIO_ACCOUNT_SID: TWILIO.sid,
        TWILIO_AUTH_TOKEN: TWILIO.token,
        SALDO_PUBLIC_URL: PUBLIC_URL,
        SALDO_DIALOGUE: 'on',
      }),
    });
    app = await buildHttp(platform);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await platform.channels.close();
    await db.drop();
  });

  const rows = async <R>(sql: string, params: unknown[]) => (await db.query<R>(sql, params)).rows;
  const drain = () => platform.events.drain();
  let sid = 0;
  async function sms(from: string, body: string) {
    const url = '/v1/webhooks/twilio/messages';
    const form = {
      AccountSid: TWILIO.sid,
      MessageSid: `SM-dlg-${++sid}`,
      From: from,
      To: '+15005550006',
      Body: body,
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
    await expect
      .poll(
        async () =>
          (
            await rows(
              `SELECT 1 FROM domain_events WHERE type = 'channel.message_received' AND payload->'event'->>'providerMessageId' = $1`,
              [form.MessageSid],
            )
          ).length,
      )
      .toBe(1);
    await drain();
  }
  const sent = async (accountId: string) =>
    (
      await withOpenedSummary(
        db,
        await rows<{ template_id: string; provider: string; idempotency_key: string }>(
          `SELECT t.*, m.template_id, m.provider, m.idempotency_key
             FROM outbound_messages m
             JOIN timeline_events t ON t.data->>'messageId' = m.id AND t.direction = 'outbound'
            WHERE m.account_id = $1
            ORDER BY split_part(m.idempotency_key, ':', 3)::int, split_part(m.idempotency_key, ':', 4)::int`,
          [accountId],
        ),
        'dialogue-secret-0123456789abcdef',
      )
    ).map((r) => ({
      template_id: r.template_id,
      text: r.text,
      provider: r.provider,
      idempotency_key: r.idempotency_key,
    }));

  async function debtorWith(ref: string, phone: string) {
    const orgId = platform.defaultOrgId;
    await importRows(
      platform,
      orgId,
      [makeRow({ external_ref: `A-${ref}`, debtor_ref: `D-${ref}`, phone, date_of_birth: '1988-04-12' })],
      'all_or_nothing',
      `pf-${ref}`,
    );
    const account = (await platform.record.listAccounts(orgId, { limit: 100 })).items.find(
      (a) => a.externalRef === `A-${ref}`,
    )!;
    return { orgId, account };
  }

  it('asks who it is talking to first, verifies the date of birth, then writes the promise once and answers through the sandbox', async () => {
    const phone = '+525511110001';
    const { orgId, account } = await debtorWith('promise', phone);

    await sms(phone, 'Hola, ¿qué necesitan?');
    const [first] = await sent(account.id);
    expect(first).toMatchObject({ template_id: 'tpl_dialogue_identity_check', provider: 'sandbox' });
    // Before the identity check: no amount, no creditor.
    expect(first!.text).not.toMatch(/\d{2,}|Banco/);

    await sms(phone, '12/04/1988');
    await sms(phone, 'ok, el viernes le pago todo');

    const promises = await rows<{ amount_minor: number; due_date: string; actor: string; channel: string }>(
      `SELECT amount_minor::int AS amount_minor, due_date::text AS due_date, actor, channel FROM promises WHERE account_id = $1`,
      [account.id],
    );
    expect(promises).toEqual([
      { amount_minor: account.balanceMinor, due_date: '2026-11-27', actor: 'bot', channel: 'sms' },
    ]);
    const out = await sent(account.id);
    expect(out.map((m) => m.template_id)).toEqual([
      'tpl_dialogue_identity_check',
      'tpl_dialogue_disclosure',
      'tpl_dialogue_conversation',
    ]);

    const [conv] = await platform.dialogue.conversations.forAccount(orgId, account.id, 10);
    expect(conv).toMatchObject({ status: 'open', lastChannel: 'sms', lastSeq: 6 });
    expect(conv!.state.verification.verifiedAtTurn).toBe(2);
    expect(conv!.turns.map((t) => t.actor)).toEqual(['debtor', 'bot', 'debtor', 'bot', 'debtor', 'bot']);
    expect(conv!.turns[4]!.actions).toEqual([
      { type: 'promise', date: '2026-11-27', amountMinor: account.balanceMinor, currency: 'MXN' },
    ]);

    // Both sides of every turn on the timeline: the debtor's messages (the channel's inbound entries)
    // and the bot's replies (the send path's entries, actor bot).
    const timeline = await platform.record.accountTimeline(orgId, account.id, { limit: 100, order: 'asc' });
    const messages = timeline.filter((e) => e.kind === 'message').map((e) => `${e.actor}:${e.direction}`);
    expect(messages.filter((m) => m === 'bot:outbound')).toHaveLength(3);
    expect(await platform.record.debtorTimeline(orgId, account.debtorId, { limit: 100 })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'message',
          direction: 'inbound',
          summary: 'ok, el viernes le pago todo',
        }),
      ]),
    );

    // The journey did not record a second promise from the same reply.
    await drain();
    expect(await rows(`SELECT 1 FROM promises WHERE account_id = $1`, [account.id])).toHaveLength(1);
  }, 120_000);

  it('a redelivered message (a crash after the turn) runs nothing twice and sends no reply twice', async () => {
    const phone = '+525511110002';
    const { account } = await debtorWith('retry', phone);
    await sms(phone, 'buenas tardes');
    const events = (await domainEvents<{ type: string; orgId: string; debtorId: string }>(db)).filter(
      (e) => e.type === 'channel.message_received' && e.debtorId === account.debtorId,
    );
    expect(events).toHaveLength(1);
    const before = await sent(account.id);
    expect(before).toHaveLength(1);
    // The consumer delivers the same event again (its lease passed before it was marked processed).
    expect(await platform.dialogue.handle(events[0]!)).toBeNull();
    expect(await sent(account.id)).toEqual(before);
    const [conv] = await platform.dialogue.conversations.forAccount(platform.defaultOrgId, account.id, 10);
    expect(conv!.turns).toHaveLength(2);
  }, 120_000);

  it('a wrong date of birth discloses nothing; the third locks the conversation and hands it to a person', async () => {
    const phone = '+525511110003';
    const { orgId, account } = await debtorWith('wrongdob', phone);
    await sms(phone, 'hola');
    await sms(phone, '01/01/1970');
    await sms(phone, '02/02/1971');
    await sms(phone, '03/03/1972');
    const out = await sent(account.id);
    for (const m of out) expect(m.text).not.toMatch(/\$|MXN|Banco|10,600|saldo/i);
    const [conv] = await platform.dialogue.conversations.forAccount(orgId, account.id, 10);
    expect(conv).toMatchObject({ status: 'handed_off', handoffQueue: 'general' });
    const tasks = await rows<{ queue: string; status: string }>(
      `SELECT queue, status FROM agent_tasks WHERE account_id = $1`,
      [account.id],
    );
    expect(tasks).toEqual([{ queue: 'general', status: 'open' }]);
    expect(await domainEvents(db)).toContainEqual(
      expect.objectContaining({ type: 'dialogue.handed_off', accountId: account.id, queue: 'general' }),
    );
  }, 120_000);

  it('a free-text opt-out withdraws the consent of the channel; a wrong party stops the contact point', async () => {
    const optOutPhone = '+525511110004';
    const a = await debtorWith('optout', optOutPhone);
    await sms(optOutPhone, 'ya no me escriban por mensaje por favor');
    const consents = await rows<{ channel: string; state: string; opted_out: boolean }>(
      `SELECT channel, state, opted_out_at IS NOT NULL AS opted_out FROM channel_consents WHERE debtor_id = $1 AND channel = 'sms'`,
      [a.account.debtorId],
    );
    expect(consents).toEqual([{ channel: 'sms', state: 'denied', opted_out: true }]);
    // The one confirmation goes out on the channel just withdrawn; nothing after it would.
    expect((await sent(a.account.id)).map((m) => m.text)).toEqual([
      expect.stringContaining('No volveremos a contactarle por mensaje de texto'),
    ]);

    const wrongPhone = '+525511110005';
    const w = await debtorWith('wrongparty', wrongPhone);
    await sms(wrongPhone, 'hola');
    await sms(wrongPhone, 'número equivocado, no conozco a esa persona');
    const points = await rows<{ value: string; wrong: boolean }>(
      `SELECT value, wrong_party_at IS NOT NULL AS wrong FROM contact_points WHERE debtor_id = $1 AND kind = 'phone'`,
      [w.account.debtorId],
    );
    expect(points).toEqual([{ value: wrongPhone, wrong: true }]);
    // The apology reaches the person who wrote (the point is marked wrong in the same turn); it
    // says nothing about a debt, and nothing after it goes to that number.
    const toWrongPhone = await withOpenedSummary(
      db,
      await rows<{ template_id: string; accepted: boolean }>(
        `SELECT t.*, m.template_id, m.provider_message_id IS NOT NULL AS accepted FROM outbound_messages m
           JOIN timeline_events t ON t.data->>'messageId' = m.id AND t.direction = 'outbound'
          WHERE m.recipient = $1 ORDER BY m.created_at, m.idempotency_key`,
        [wrongPhone],
      ),
      'dialogue-secret-0123456789abcdef',
    );
    // Both before verification: the identity question, then the apology.
    expect(toWrongPhone.map((m) => m.template_id)).toEqual([
      'tpl_dialogue_identity_check',
      'tpl_dialogue_identity_check',
    ]);
    expect(toWrongPhone[1]).toMatchObject({ accepted: true, text: expect.stringContaining('Disculpe') });
    expect(toWrongPhone[1]!.text).not.toMatch(/\d{2,}|Banco|deuda|saldo/i);
    const later = await platform.channels.messaging.contact({
      orgId: w.orgId,
      accountId: w.account.id,
      channel: 'sms',
      templateId: 'tpl_default_reminder_sms_es-MX',
      idempotencyKey: `after-wrong-party:${w.account.id}`,
      requestedBy: { kind: 'strategy', id: 'test' },
    });
    expect(later).toMatchObject({ kind: 'failed', reason: 'no_sms_address' });
  }, 120_000);

  it('answers a debtor on the number they wrote from, not on the first number of their record', async () => {
    const first = '+525511110011';
    const second = '+525511110012';
    const { account } = await debtorWith('second-number', first);
    // A second number of the same kind, added after the first: the first is the one collection uses.
    await db.query(
      `INSERT INTO contact_points (org_id, debtor_id, kind, value, line_type, created_at, updated_at)
       SELECT org_id, debtor_id, kind, $2, line_type, created_at + interval '1 day', created_at + interval '1 day'
         FROM contact_points WHERE debtor_id = $1 AND value = $3`,
      [account.debtorId, second, first],
    );
    await sms(second, 'hola, me llegó un mensaje de ustedes');
    const to = await rows<{ recipient: string; template_id: string }>(
      `SELECT recipient, template_id FROM outbound_messages WHERE account_id = $1`,
      [account.id],
    );
    expect(to).toEqual([{ recipient: second, template_id: 'tpl_dialogue_identity_check' }]);
  }, 120_000);

  it('a dispute in a conversation opens it, pauses collection through the gate and still answers with the validation information', async () => {
    const phone = '+525511110007';
    const { orgId, account } = await debtorWith('dispute', phone);
    await sms(phone, 'hola');
    await sms(phone, '12/04/1988');
    await sms(phone, 'no reconozco esa deuda, nunca tuve esa tarjeta');
    const acc = await rows<{ status: string; paused: string | null }>(
      `SELECT status, collection_paused_until::text AS paused FROM accounts WHERE id = $1`,
      [account.id],
    );
    // Disputed, and collection waits 30 days (the default policy's longest pause).
    expect(acc).toEqual([{ status: 'disputed', paused: '2026-12-24' }]);
    const events = (await domainEvents<{ type: string; accountId?: string }>(db)).filter(
      (e) => e.accountId === account.id,
    );
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['dispute.opened', 'account.status_changed', 'collection.paused']),
    );
    // The replies of the conversation are not collection contact: the last one was sent.
    const out = await sent(account.id);
    expect(out.at(-1)!.text).toMatch(/^Entendido, registramos su desacuerdo/);
    const [conv] = await platform.dialogue.conversations.forAccount(orgId, account.id, 10);
    expect(conv).toMatchObject({ handoffQueue: 'disputes' });
  }, 120_000);

  describe('the API', () => {
    it('POST /v1/conversations/{id}/turns runs a turn for a channel Saldo does not host; reads are role-checked and strict', async () => {
      const phone = '+525511110006';
      const { orgId, account } = await debtorWith('api', phone);
      await sms(phone, 'hola');
      const [conv] = await platform.dialogue.conversations.forAccount(orgId, account.id, 10);
      const admin = await newTenantKeyForDefault();
      const post = (body: unknown, key = admin) =>
        app.inject({
          method: 'POST',
          url: `/v1/conversations/${conv!.id}/turns`,
          headers: { authorization: `Bearer ${key}` },
          payload: body as object,
        });
      const r = await post({ text: '1988-04-12', channel: 'whatsapp', key: 'k1' });
      expect(r.statusCode).toBe(201);
      expect(r.json()).toMatchObject({ state: 'open', replies: [{ kind: 'disclosure' }], actions: [] });
      // The same key again: the first answer, nothing run twice.
      const again = await post({ text: '1988-04-12', channel: 'whatsapp', key: 'k1' });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ duplicate: true, replies: [{ kind: 'disclosure' }] });
      expect((await post({ text: 'hola', channel: 'whatsapp', extra: 1 })).statusCode).toBe(400);
      expect((await post({ text: 'hola', channel: 'fax' })).statusCode).toBe(400);

      const read = await app.inject({
        method: 'GET',
        url: `/v1/accounts/${account.id}/conversations`,
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(read.statusCode).toBe(200);
      expect(read.json().data[0].turns.map((t: { actor: string }) => t.actor)).toEqual([
        'debtor',
        'bot',
        'debtor',
        'bot',
      ]);
      // The API turn is on the timeline, both sides.
      const timeline = await platform.record.accountTimeline(orgId, account.id, { limit: 100 });
      expect(timeline).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'message',
            actor: 'debtor',
            channel: 'whatsapp',
            summary: '1988-04-12',
          }),
          expect.objectContaining({
            kind: 'message',
            actor: 'bot',
            channel: 'whatsapp',
            direction: 'outbound',
          }),
        ]),
      );
      // Another organisation does not see it.
      const other = await newTenant(platform);
      const foreign = await app.inject({
        method: 'GET',
        url: `/v1/conversations/${conv!.id}`,
        headers: { authorization: `Bearer ${other.key}` },
      });
      expect(foreign.statusCode).toBe(404);
    }, 120_000);
  });

  async function newTenantKeyForDefault(): Promise<string> {
    const { key } = await platform.auth.createApiKey(platform.defaultOrgId, `dialogue-${++sid}`, 'agent');
    return key;
  }
});
