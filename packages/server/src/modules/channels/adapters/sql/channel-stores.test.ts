import { deliveryStatuses, type DeliveryStatus, type ProviderId } from '@saldo/core/channels';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ManualClock } from '../../../../shared/clock/manual-clock.js';
import type { Platform } from '../../../../platform/composition-root.js';
import type { OrgInboundEvent } from '../../ports/channel-provider.js';
import type { Db } from '../../../../shared/db/db.js';
import { describeStorage } from '../../../../../test/storage.js';
import { importRows, makeRow, newTenant, testPlatform } from '../../../../../test/fixtures.js';
import { createSecretBox } from '../../../../shared/crypto/secret-box.js';
import { createSqlChannelSettingsStore } from './channel-settings-store.js';
import {
  createSqlContactPointLookup,
  createSqlOptOutRecorder,
  createSqlTimelineWriter,
} from './channel-records.js';
import { createSqlContactTargetStore } from './contact-target-store.js';
import { createSqlInboundStore } from './inbound-store.js';
import { createSqlOutboundMessageStore } from './outbound-message-store.js';
import { createSqlVoiceScriptStore } from './voice-script-store.js';
import { testVault } from '../../../../shared/crypto/test-vault.js';

const sms = (
  orgId: string,
  over: Partial<Extract<OrgInboundEvent, { type: 'message' }>> = {},
): OrgInboundEvent => ({
  type: 'message',
  orgId,
  provider: 'twilio',
  providerMessageId: 'SM1',
  channel: 'sms',
  occurredAt: '2026-11-24T15:00:00.000Z',
  from: '+525512345678',
  to: '+15005550006',
  text: 'Pago el viernes',
  mediaUrls: [],
  raw: { Body: 'Pago el viernes' },
  ...over,
});

describeStorage('channel stores', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let p: Platform;
  let clock: ManualClock;
  beforeAll(async () => {
    db = await mode.open();
    ({ platform: p, clock } = await testPlatform(db));
  });
  afterAll(() => db.drop());

  async function tenantWithDebtor(rows = [makeRow()]) {
    const t = await newTenant(p);
    await importRows(p, t.orgId, rows);
    const accounts = (
      await db.query<{ id: string; debtor_id: string }>(
        'SELECT id, debtor_id FROM accounts WHERE org_id = $1 ORDER BY external_ref',
        [t.orgId],
      )
    ).rows;
    return { orgId: t.orgId, debtorId: accounts[0]!.debtor_id, accountId: accounts[0]!.id, accounts };
  }

  it('inbound: stored once per (org, provider, provider message id), durable fields round-trip', async () => {
    const { orgId } = await tenantWithDebtor();
    const store = createSqlInboundStore(db, clock);
    const first = await store.storeOnce(sms(orgId), clock.now());
    expect(first).toEqual({ stored: true, id: expect.stringMatching(/^inb_/) });
    expect(await store.storeOnce(sms(orgId, { text: 'redelivered' }), clock.now())).toEqual({
      stored: false,
      id: first.id,
    });
    expect((await store.storeOnce(sms(orgId, { provider: 'meta' }), clock.now())).stored).toBe(true);
    const rec = await store.get(first.id);
    expect(rec).toMatchObject({
      attempts: 0,
      processedAt: null,
      lastError: null,
      event: { text: 'Pago el viernes', raw: { Body: 'Pago el viernes' } },
    });
    expect(rec!.receivedAt.toISOString()).toBe(clock.now().toISOString());
  });

  it('inbound: a failure is retried after its backoff; processed events leave the queue', async () => {
    const { orgId } = await tenantWithDebtor();
    const store = createSqlInboundStore(db, clock);
    const { id } = await store.storeOnce(sms(orgId, { providerMessageId: 'SM-retry' }), clock.now());
    const mine = async () =>
      (await store.listUnprocessed(1000)).filter((r) => r.event.orgId === orgId).map((r) => r.id);
    expect(await mine()).toEqual([id]);
    await store.markFailed(id, 'timeline unavailable', clock.now());
    expect(await mine()).toEqual([]); // backing off
    clock.advance(11_000);
    expect(await mine()).toEqual([id]);
    expect(await store.get(id)).toMatchObject({ attempts: 1, lastError: 'timeline unavailable' });
    expect((await store.listUnprocessed(1000, 1)).some((r) => r.id === id)).toBe(false); // maxAttempts reached
    await store.markProcessed(id, clock.now());
    expect(await mine()).toEqual([]);
    clock.set('2026-11-24T15:00:00Z');
  });

  it('contact points: senders match by normalised address; status callbacks by outbound id', async () => {
    const { orgId, debtorId, accountId } = await tenantWithDebtor();
    const other = await tenantWithDebtor();
    const lookup = createSqlContactPointLookup(db);
    expect(await lookup.findByAddress(orgId, 'sms', '+52 55 1234 5678')).toEqual([{ debtorId, accountId }]);
    expect(await lookup.findByAddress(orgId, 'whatsapp', 'whatsapp:+525512345678')).toEqual([
      { debtorId, accountId },
    ]);
    expect(await lookup.findByAddress(orgId, 'email', 'ANA@example.com')).toEqual([{ debtorId, accountId }]);
    expect(await lookup.findByAddress(orgId, 'sms', '+34600000000')).toEqual([]);
    expect(await lookup.findByAddress(other.orgId, 'sms', '+525512345678')).toEqual([
      { debtorId: other.debtorId, accountId: other.accountId },
    ]); // tenant isolation
    const out = createSqlOutboundMessageStore(db);
    const row = await out.insertOnce({
      orgId,
      debtorId,
      accountId,
      channel: 'sms',
      templateId: 'tpl_x',
      recipient: '+525512345678',
      provider: 'twilio',
      idempotencyKey: 'k1',
      requestedBy: 'system:test',
      at: clock.now(),
    });
    await out.markSent(orgId, row.id, 'SM-out-1', 'queued', clock.now());
    expect(await lookup.findByOutboundId(orgId, 'SM-out-1')).toEqual({ debtorId, accountId });
    expect(await lookup.findByOutboundId(other.orgId, 'SM-out-1')).toBeNull();
  });

  it('the timeline writer appends an inbound event once per debtor, even when re-processed', async () => {
    const { orgId, debtorId, accountId } = await tenantWithDebtor();
    const w = createSqlTimelineWriter(db, testVault());
    const entry = {
      orgId,
      debtorId,
      accountId,
      occurredAt: clock.now().toISOString(),
      kind: 'message' as const,
      channel: 'sms' as const,
      direction: 'inbound' as const,
      summary: 'hola',
      data: { inboundId: 'inb_1' },
    };
    await w.append(entry);
    await w.append(entry);
    await Promise.all([
      w.append({ ...entry, data: { inboundId: 'inb_2' } }),
      w.append({ ...entry, data: { inboundId: 'inb_2' } }),
    ]);
    const rows = (
      await db.query<{ actor: string; data: { dedupKey: string } }>(
        'SELECT actor, data FROM timeline_events WHERE debtor_id = $1 AND kind = $2 ORDER BY seq',
        [debtorId, 'message'],
      )
    ).rows;
    expect(rows.map((r) => r.data.dedupKey)).toEqual(['inbound:inb_1', 'inbound:inb_2']);
    expect(rows[0]!.actor).toBe('debtor');
  });

  it('opt-outs land on channel_consents.opted_out_at, idempotently; voicemail is recorded on call', async () => {
    const { orgId, debtorId, accountId } = await tenantWithDebtor();
    const rec = createSqlOptOutRecorder(db);
    const at1 = new Date('2026-11-24T15:00:00Z');
    await rec.optOut({
      orgId,
      debtorId,
      channel: 'sms',
      address: '+525512345678',
      source: 'keyword:BAJA',
      at: at1,
    });
    await rec.optOut({
      orgId,
      debtorId,
      channel: 'sms',
      address: '+525512345678',
      source: 'keyword:STOP',
      at: new Date('2026-11-25T15:00:00Z'),
    });
    await rec.optOut({
      orgId,
      debtorId,
      channel: 'voicemail',
      address: '+525512345678',
      source: 'voice_menu',
      at: at1,
    });
    const target = await createSqlContactTargetStore(db).load(orgId, accountId);
    expect(target!.consents.find((c) => c.channel === 'sms')).toEqual({
      channel: 'sms',
      state: 'granted',
      optedOutAt: at1.toISOString(),
    });
    expect(target!.consents.find((c) => c.channel === 'call')).toMatchObject({
      optedOutAt: at1.toISOString(),
    });
    const src = await db.query<{ opt_out_source: string }>(
      "SELECT opt_out_source FROM channel_consents WHERE debtor_id = $1 AND channel = 'sms'",
      [debtorId],
    );
    expect(src.rows[0]!.opt_out_source).toBe('keyword:BAJA (+525512345678)');
    // Another org's debtor id is not writable through this org.
    const other = await tenantWithDebtor();
    await rec.optOut({
      orgId,
      debtorId: other.debtorId,
      channel: 'email',
      address: 'x',
      source: 'test',
      at: at1,
    });
    expect(
      (
        await db.query('SELECT 1 FROM channel_consents WHERE debtor_id = $1 AND opted_out_at IS NOT NULL', [
          other.debtorId,
        ])
      ).rows,
    ).toHaveLength(0);
  });

  it('voice scripts round-trip and stay with their organisation', async () => {
    const { orgId } = await tenantWithDebtor();
    const store = createSqlVoiceScriptStore(db, clock);
    const script = {
      locale: 'es-MX',
      message: 'Hola',
      prompts: {
        identity: 'i',
        wrongPerson: 'w',
        menu: 'm',
        transferring: 't',
        linkSent: 'l',
        noInput: 'n',
        goodbye: 'g',
      },
      voicemail: 'Llámenos',
    };
    await store.put({ id: `vs_${orgId}`, orgId, country: 'MX', script });
    expect(await store.get(`vs_${orgId}`)).toEqual({ id: `vs_${orgId}`, orgId, country: 'MX', script });
    expect(await store.get('vs_missing')).toBeNull();
  });

  it('channel settings: secrets sealed with AES-256-GCM, found by Twilio SID, Meta phone id and verify token', async () => {
    const { orgId } = await tenantWithDebtor();
    const box = createSecretBox('a-test-root-secret-of-some-length');
    const store = createSqlChannelSettingsStore(db, box, clock);
    const sid = `AC${orgId.slice(-30)}`;
    const s = {
      orgId,
      twilio: { accountSid: sid, authToken: 'tw-secret-token', fromSms: '+15005550006' },
      meta: {
        token: 'meta-token',
        phoneNumberId: `pn-${orgId}`,
        appSecret: 'meta-app-secret',
        verifyToken: `vt-${orgId}`,
      },
      smtp: { url: 'smtps://user:smtp-password@smtp.example.com:465', from: 'Cobranza <c@example.com>' },
    };
    await store.put(s);
    expect(await store.forOrg(orgId)).toEqual(s);
    expect((await store.byTwilioAccount(sid))?.orgId).toBe(orgId);
    expect((await store.byMetaPhoneNumberId(`pn-${orgId}`))?.orgId).toBe(orgId);
    expect((await store.byMetaVerifyToken(`vt-${orgId}`))?.orgId).toBe(orgId);
    expect(await store.byMetaVerifyToken('wrong')).toBeNull();
    const raw = JSON.stringify(
      (await db.query('SELECT * FROM channel_settings WHERE org_id = $1', [orgId])).rows,
    );
    for (const secret of ['tw-secret-token', 'meta-token', 'meta-app-secret', `vt-${orgId}`, 'smtp-password'])
      expect(raw).not.toContain(secret);
    // A sealed value copied to another row (other provider) does not decrypt: it is bound to its row.
    await db.query(
      "UPDATE channel_settings SET secrets_enc = (SELECT secrets_enc FROM channel_settings WHERE org_id = $1 AND provider = 'twilio') WHERE org_id = $1 AND provider = 'smtp'",
      [orgId],
    );
    await expect(store.forOrg(orgId)).rejects.toThrow();
    // A different key cannot read them either.
    await store.remove(orgId, 'smtp');
    await expect(
      createSqlChannelSettingsStore(db, createSecretBox('another-root-secret-entirely'), clock).forOrg(orgId),
    ).rejects.toThrow();
  });

  it('outbound messages: one row per idempotency key; a retryable failure can be claimed again; statuses only move forward', async () => {
    const { orgId, debtorId, accountId } = await tenantWithDebtor();
    const out = createSqlOutboundMessageStore(db);
    const m = {
      orgId,
      debtorId,
      accountId,
      channel: 'sms' as const,
      templateId: 'tpl_x',
      recipient: '+525512345678',
      provider: 'sandbox' as const,
      idempotencyKey: 'contact:a:1',
      requestedBy: 'strategy:s1',
      at: clock.now(),
    };
    const a = await out.insertOnce(m);
    expect(a).toEqual({ kind: 'inserted', id: expect.stringMatching(/^msg_/) });
    expect(await out.insertOnce(m)).toEqual({ kind: 'duplicate', id: a.id });
    await out.markFailed(orgId, a.id, 'rate_limited: slow down', true, clock.now());
    expect(await out.insertOnce(m)).toEqual({ kind: 'claimed', id: a.id });
    expect(await out.insertOnce(m)).toEqual({ kind: 'duplicate', id: a.id });
    await out.markSent(orgId, a.id, 'sbx_1', 'queued', clock.now());
    expect((await out.applyStatus(orgId, 'sandbox', 'sbx_1', 'read', clock.now()))?.status).toBe('read');
    expect((await out.applyStatus(orgId, 'sandbox', 'sbx_1', 'delivered', clock.now()))?.status).toBe('read');
    expect(await out.applyStatus(orgId, 'twilio', 'sbx_1', 'read', clock.now())).toBeNull();
    const call = await out.insertOnce({ ...m, channel: 'call', idempotencyKey: 'contact:a:2' });
    await out.markSent(orgId, call.id, 'CA1', 'queued', clock.now());
    expect(await out.applyStatus(orgId, 'sandbox', 'CA1', 'answered_machine', clock.now())).toMatchObject({
      status: 'answered_machine',
      outcome: 'voicemail',
    });
    const hist = await out.historyForDebtor(
      orgId,
      debtorId,
      new Date(clock.now().getTime() - 86_400_000),
      clock.now(),
    );
    expect(hist).toMatchObject([
      { channel: 'sms', status: 'read', handedToProvider: true },
      { channel: 'call', outcome: 'voicemail' },
    ]);
    // A refusal never reached the debtor; an unknown outcome (a timeout) may have: it counts (ADR 0011).
    const refused = await out.insertOnce({ ...m, idempotencyKey: 'contact:a:3' });
    await out.markFailed(orgId, refused.id, 'provider_error: 500', true, clock.now());
    const unknown = await out.insertOnce({ ...m, idempotencyKey: 'contact:a:4' });
    await out.markFailed(orgId, unknown.id, 'outcome_unknown: timeout', false, clock.now());
    const since = new Date(clock.now().getTime() - 86_400_000);
    const later = await out.historyForDebtor(orgId, debtorId, since, clock.now());
    const failed = later.filter((h) => h.status === 'failed');
    expect(Object.fromEntries(failed.map((h) => [h.idempotencyKey, h.handedToProvider]))).toEqual({
      'contact:a:3': false,
      'contact:a:4': true,
    });
  });

  it('contact target: account, debtor, contact points, consents and debtor-level flags in one load', async () => {
    const { orgId, accountId, accounts } = await tenantWithDebtor([
      makeRow(),
      makeRow({ external_ref: 'ACC-2' }),
    ]);
    await db.query("UPDATE accounts SET status = 'cease' WHERE id = $1", [accounts[1]!.id]);
    const t = await createSqlContactTargetStore(db).load(orgId, accountId);
    expect(t).toMatchObject({
      accountStatus: 'active',
      currency: 'MXN',
      balanceMinor: 1_060_000,
      otherAccountStatuses: ['cease'],
      openDispute: false,
      pausedUntil: null,
      collectorName: expect.any(String),
      creditorName: expect.any(String),
      debtor: {
        firstName: 'Ana',
        language: 'es',
        country: 'MX',
        region: 'MX-CMX',
        timezone: 'America/Mexico_City',
      },
    });
    expect(t!.contactPoints.map((c) => c.kind).sort()).toEqual(['email', 'phone']);
    expect(await createSqlContactTargetStore(db).load((await newTenant(p)).orgId, accountId)).toBeNull();
  });

  it('inbound storeMany: results in input order; a copy in the same call or already stored is a duplicate with the first id', async () => {
    const { orgId } = await tenantWithDebtor();
    const other = await tenantWithDebtor();
    const store = createSqlInboundStore(db, clock);
    expect(await store.storeMany!([], clock.now())).toEqual([]);
    const pre = await store.storeOnce(sms(orgId, { providerMessageId: 'SM-a' }), clock.now());
    const status: OrgInboundEvent = {
      type: 'status',
      orgId,
      provider: 'twilio',
      providerMessageId: 'SM-out:delivered',
      channel: 'sms',
      occurredAt: '2026-11-24T15:00:00.000Z',
      outboundId: 'SM-out',
      status: 'delivered',
      raw: {},
    };
    const input = [
      sms(orgId, { providerMessageId: 'SM-b', text: 'first copy' }),
      sms(orgId, { providerMessageId: 'SM-a' }),
      sms(orgId, { providerMessageId: 'SM-c' }),
      sms(orgId, { providerMessageId: 'SM-b', text: 'second copy' }),
      status,
      sms(other.orgId, { providerMessageId: 'SM-b' }), // another organisation: its own event
      sms(orgId, { providerMessageId: 'SM-b', provider: 'meta' }), // another provider: its own event
    ];
    const r = await store.storeMany!(input, clock.now());
    expect(r.map((x) => x.stored)).toEqual([true, false, true, false, true, true, true]);
    expect(r[1]!.id).toBe(pre.id);
    expect(r[3]!.id).toBe(r[0]!.id);
    const storedIds = r.filter((x) => x.stored).map((x) => x.id);
    expect(new Set([...storedIds, pre.id]).size).toBe(storedIds.length + 1);
    // Each id is the row of the event at its position (input order), the first copy's payload kept.
    for (const [i, x] of r.entries()) {
      const rec = await store.get(x.id);
      expect(rec?.event).toMatchObject({
        orgId: input[i]!.orgId,
        provider: input[i]!.provider,
        providerMessageId: input[i]!.providerMessageId,
        type: input[i]!.type,
      });
    }
    expect((await store.get(r[0]!.id))?.event).toMatchObject({ text: 'first copy' });
    // storeOnce after storeMany, and storeMany again: the same ids, nothing stored.
    expect(await store.storeOnce(sms(orgId, { providerMessageId: 'SM-c' }), clock.now())).toEqual({
      stored: false,
      id: r[2]!.id,
    });
    expect(await store.storeMany!(input, clock.now())).toEqual(
      r.map((x, i) => ({ stored: false, id: i === 1 ? pre.id : i === 3 ? r[0]!.id : x.id })),
    );
  });

  it('inbound markProcessedMany: the events leave the queue; processed_at is set once', async () => {
    const { orgId } = await tenantWithDebtor();
    const store = createSqlInboundStore(db, clock);
    const r = await store.storeMany!(
      ['M1', 'M2', 'M3', 'M4'].map((id) => sms(orgId, { providerMessageId: id })),
      clock.now(),
    );
    const [a, b, c, d] = r.map((x) => x.id);
    const mine = async () =>
      (await store.listUnprocessed(1000))
        .filter((x) => x.event.orgId === orgId)
        .map((x) => x.id)
        .sort();
    expect(await mine()).toEqual([a, b, c, d].sort());
    await store.markProcessedMany!([], clock.now());
    const at = clock.now();
    await store.markProcessedMany!([a!, c!, a!], at);
    expect(await mine()).toEqual([b, d].sort());
    expect((await store.get(a!))?.processedAt?.toISOString()).toBe(at.toISOString());
    // Already processed: the first time stays.
    await store.markProcessedMany!([a!, b!], new Date(at.getTime() + 60_000));
    expect((await store.get(a!))?.processedAt?.toISOString()).toBe(at.toISOString());
    expect((await store.get(b!))?.processedAt?.toISOString()).toBe(
      new Date(at.getTime() + 60_000).toISOString(),
    );
    expect(await mine()).toEqual([d]);
    // A failed event processed later in a batch leaves the retry queue too.
    await store.markFailed(d!, 'boom', clock.now());
    await store.markProcessedMany!([d!], clock.now());
    expect(await store.get(d!)).toMatchObject({ attempts: 1, lastError: 'boom' });
    expect((await store.get(d!))?.processedAt).not.toBeNull();
  });

  it('timeline appendMany: de-duplicated by inboundId per debtor (earlier calls and within the call), order kept', async () => {
    const { orgId, accounts } = await tenantWithDebtor([
      makeRow(),
      makeRow({ external_ref: 'ACC-2', debtor_ref: 'DEB-2', phone: '+525587654321', email: 'b@example.com' }),
    ]);
    const [d1, d2] = [accounts[0]!, accounts[1]!];
    const w = createSqlTimelineWriter(db, testVault());
    const entry = (d: { id: string; debtor_id: string }, summary: string, data: Record<string, unknown>) => ({
      orgId,
      debtorId: d.debtor_id,
      accountId: d.id,
      occurredAt: clock.now().toISOString(),
      kind: 'status_change' as const,
      channel: 'sms' as const,
      direction: 'outbound' as const,
      summary,
      data,
    });
    await w.append(entry(d1, 'pre', { inboundId: 'inb_pre' }));
    await w.appendMany!([]);
    await w.appendMany!([
      entry(d1, 'one', { inboundId: 'inb_1' }),
      entry(d1, 'pre again', { inboundId: 'inb_pre' }), // written before: nothing
      entry(d1, 'note', { source: 'no inbound id' }), // not de-duplicated
      entry(d1, 'one again', { inboundId: 'inb_1' }), // a second copy in this call: nothing
      entry(d2, 'one for d2', { inboundId: 'inb_1' }), // same inbound event, another debtor: its own entry
      entry(d1, 'two', { inboundId: 'inb_2' }),
      entry(d1, 'note', { source: 'no inbound id' }), // no key: written each time, like append
    ]);
    const rows = async () =>
      (
        await db.query<{ debtor_id: string; summary: string; actor: string; data: { dedupKey?: string } }>(
          'SELECT debtor_id, summary, actor, data FROM timeline_events WHERE org_id = $1 AND kind = $2 ORDER BY seq',
          [orgId, 'status_change'],
        )
      ).rows;
    expect((await rows()).map((r) => r.summary)).toEqual(['pre', 'one', 'note', 'one for d2', 'two', 'note']);
    expect((await rows()).map((r) => r.data.dedupKey ?? null)).toEqual([
      'inbound:inb_pre',
      'inbound:inb_1',
      null,
      'inbound:inb_1',
      'inbound:inb_2',
      null,
    ]);
    expect((await rows()).every((r) => r.actor === 'system')).toBe(true);
    // Re-processing the same keyed entries adds nothing.
    await w.appendMany!([
      entry(d1, 'two again', { inboundId: 'inb_2' }),
      entry(d2, 'again', { inboundId: 'inb_1' }),
    ]);
    expect(await rows()).toHaveLength(6);
  });

  it('contact points findByOutboundIds: matched ids only, the latest message per id, like findByOutboundId', async () => {
    const { orgId, accounts } = await tenantWithDebtor([
      makeRow(),
      makeRow({ external_ref: 'ACC-2', debtor_ref: 'DEB-2', phone: '+525587654321', email: 'b@example.com' }),
    ]);
    const other = await tenantWithDebtor();
    const lookup = createSqlContactPointLookup(db);
    const out = createSqlOutboundMessageStore(db);
    const send = async (
      acct: { id: string; debtor_id: string },
      key: string,
      pmid: string,
      at: Date,
      org = orgId,
      provider: ProviderId = 'twilio',
    ) => {
      const m = await out.insertOnce({
        orgId: org,
        debtorId: acct.debtor_id,
        accountId: acct.id,
        channel: 'sms',
        templateId: 'tpl_x',
        recipient: '+525512345678',
        provider,
        idempotencyKey: key,
        requestedBy: 'system:test',
        at,
      });
      await out.markSent(org, m.id, pmid, 'sent', at);
    };
    const t0 = clock.now();
    await send(accounts[0]!, 'k1', 'SM-o1', t0);
    await send(accounts[1]!, 'k2', 'SM-o2', t0);
    await send(accounts[1]!, 'k3', 'SM-o1', new Date(t0.getTime() + 1000), orgId, 'sandbox'); // the same id at another provider, later: the latest wins
    await send(other.accounts[0]!, 'k1', 'SM-o3', t0, other.orgId);
    expect(await lookup.findByOutboundIds!(orgId, [])).toEqual(new Map());
    const ids = ['SM-o1', 'SM-o2', 'SM-none', 'SM-o1', 'SM-o3'];
    const m = await lookup.findByOutboundIds!(orgId, ids);
    expect(m).toEqual(
      new Map([
        ['SM-o1', { debtorId: accounts[1]!.debtor_id, accountId: accounts[1]!.id }],
        ['SM-o2', { debtorId: accounts[1]!.debtor_id, accountId: accounts[1]!.id }],
      ]),
    );
    for (const id of ids) expect(m.get(id) ?? null).toEqual(await lookup.findByOutboundId(orgId, id));
    expect(await lookup.findByOutboundIds!(other.orgId, ids)).toEqual(
      new Map([['SM-o3', { debtorId: other.debtorId, accountId: other.accountId }]]),
    );
  });

  it('outbound applyStatusMany: the final status and outcome of applying the statuses one by one, in order (property)', async () => {
    const { orgId, debtorId, accountId } = await tenantWithDebtor();
    const out = createSqlOutboundMessageStore(db);
    const channels = ['sms', 'call', 'voicebot'] as const;
    // A worked example first, so the property is not a comparison of two equally wrong results.
    const call = await out.insertOnce({
      orgId,
      debtorId,
      accountId,
      channel: 'call',
      templateId: 'tpl_x',
      recipient: '+525512345678',
      provider: 'twilio',
      idempotencyKey: 'ex:call',
      requestedBy: 'system:test',
      at: clock.now(),
    });
    const text = await out.insertOnce({
      orgId,
      debtorId,
      accountId,
      channel: 'sms',
      templateId: 'tpl_x',
      recipient: '+525512345678',
      provider: 'twilio',
      idempotencyKey: 'ex:sms',
      requestedBy: 'system:test',
      at: clock.now(),
    });
    await out.markSent(orgId, call.id, 'EX-call', 'queued', clock.now());
    await out.markSent(orgId, text.id, 'EX-sms', 'sent', clock.now());
    await out.applyStatusMany!(
      orgId,
      [
        { provider: 'twilio', providerMessageId: 'EX-call', status: 'ringing' },
        { provider: 'twilio', providerMessageId: 'EX-sms', status: 'read' },
        { provider: 'twilio', providerMessageId: 'EX-call', status: 'answered_machine' },
        { provider: 'twilio', providerMessageId: 'EX-sms', status: 'delivered' },
        { provider: 'twilio', providerMessageId: 'EX-call', status: 'completed' },
        { provider: 'twilio', providerMessageId: 'EX-call', status: 'ringing' },
      ],
      clock.now(),
    );
    expect(await out.get(orgId, call.id)).toMatchObject({ status: 'completed', outcome: 'voicemail' });
    expect(await out.get(orgId, text.id)).toMatchObject({ status: 'read', outcome: null });
    await out.applyStatusMany!(orgId, [], clock.now());

    let run = 0;
    const status = fc.constantFrom(...deliveryStatuses);
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(status, status, status), // each message's status before the callbacks
        fc.array(
          fc.record({
            msg: fc.integer({ min: 0, max: 3 }),
            status,
            provider: fc.constantFrom<ProviderId>('twilio', 'twilio', 'twilio', 'sandbox'),
          }),
          { maxLength: 12 },
        ),
        async (initial, items) => {
          run += 1;
          // Two identical sets of messages: one gets applyStatus per item, the other one applyStatusMany.
          const make = async (set: 'one' | 'many') => {
            for (const [i, channel] of channels.entries()) {
              const at = new Date(clock.now().getTime() - 60_000);
              const m = await out.insertOnce({
                orgId,
                debtorId,
                accountId,
                channel,
                templateId: 'tpl_x',
                recipient: '+525512345678',
                provider: 'twilio',
                idempotencyKey: `p${run}:${set}:${i}`,
                requestedBy: 'system:test',
                at,
              });
              await out.markSent(orgId, m.id, `P${run}-${set}-${i}`, initial[i]!, at);
            }
          };
          await make('one');
          await make('many');
          // msg 3 is a provider id no message has.
          const pmid = (set: string, msg: number) => `P${run}-${set}-${msg}`;
          const at = clock.now();
          for (const it of items)
            await out.applyStatus(orgId, it.provider, pmid('one', it.msg), it.status, at);
          await out.applyStatusMany!(
            orgId,
            items.map((it) => ({
              provider: it.provider,
              providerMessageId: pmid('many', it.msg),
              status: it.status as DeliveryStatus,
            })),
            at,
          );
          const final = async (set: string) =>
            (
              await db.query<{ channel: string; status: string; outcome: string | null; updated_at: Date }>(
                'SELECT channel, status, outcome, updated_at FROM outbound_messages WHERE org_id = $1 AND idempotency_key LIKE $2 ORDER BY idempotency_key',
                [orgId, `p${run}:${set}:%`],
              )
            ).rows.map((r) => ({ ...r, updated_at: new Date(r.updated_at).toISOString() }));
          const [one, many] = [await final('one'), await final('many')];
          expect(many).toEqual(one);
          expect(one.map((r) => r.channel)).toEqual([...channels]);
        },
      ),
      { numRuns: 30 },
    );
  });
});
