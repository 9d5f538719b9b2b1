import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ManualClock } from '../../clock/manual-clock.js';
import type { Platform } from '../../../compose.js';
import type { OrgInboundEvent } from '../../../ports/channel-provider.js';
import type { Db } from '../../../ports/db.js';
import { describeStorage } from '../../../../test/storage.js';
import { importRows, makeRow, newTenant, testPlatform } from '../../../../test/fixtures.js';
import { createSecretBox } from '../../security/secret-box.js';
import { createSqlChannelSettingsStore } from './channel-settings-store.js';
import { createSqlContactPointLookup, createSqlOptOutRecorder, createSqlTimelineWriter } from './channel-records.js';
import { createSqlContactTargetStore } from './contact-target-store.js';
import { createSqlInboundStore } from './inbound-store.js';
import { createSqlOutboundMessageStore } from './outbound-message-store.js';
import { createSqlVoiceScriptStore } from './voice-script-store.js';

const sms = (orgId: string, over: Partial<Extract<OrgInboundEvent, { type: 'message' }>> = {}): OrgInboundEvent => ({
  type: 'message', orgId, provider: 'twilio', providerMessageId: 'SM1', channel: 'sms', occurredAt: '2026-11-24T15:00:00.000Z', from: '+525512345678', to: '+15005550006', text: 'Pago el viernes', mediaUrls: [], raw: { Body: 'Pago el viernes' }, ...over,
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
    const accounts = (await db.query<{ id: string; debtor_id: string }>('SELECT id, debtor_id FROM accounts WHERE org_id = $1 ORDER BY external_ref', [t.orgId])).rows;
    return { orgId: t.orgId, debtorId: accounts[0]!.debtor_id, accountId: accounts[0]!.id, accounts };
  }

  it('inbound: stored once per (org, provider, provider message id), durable fields round-trip', async () => {
    const { orgId } = await tenantWithDebtor();
    const store = createSqlInboundStore(db, clock);
    const first = await store.storeOnce(sms(orgId), clock.now());
    expect(first).toEqual({ stored: true, id: expect.stringMatching(/^inb_/) });
    expect(await store.storeOnce(sms(orgId, { text: 'redelivered' }), clock.now())).toEqual({ stored: false, id: first.id });
    expect((await store.storeOnce(sms(orgId, { provider: 'meta' }), clock.now())).stored).toBe(true);
    const rec = await store.get(first.id);
    expect(rec).toMatchObject({ attempts: 0, processedAt: null, lastError: null, event: { text: 'Pago el viernes', raw: { Body: 'Pago el viernes' } } });
    expect(rec!.receivedAt.toISOString()).toBe(clock.now().toISOString());
  });

  it('inbound: a failure is retried after its backoff; processed events leave the queue', async () => {
    const { orgId } = await tenantWithDebtor();
    const store = createSqlInboundStore(db, clock);
    const { id } = await store.storeOnce(sms(orgId, { providerMessageId: 'SM-retry' }), clock.now());
    const mine = async () => (await store.listUnprocessed(1000)).filter((r) => r.event.orgId === orgId).map((r) => r.id);
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
    expect(await lookup.findByAddress(orgId, 'whatsapp', 'whatsapp:+525512345678')).toEqual([{ debtorId, accountId }]);
    expect(await lookup.findByAddress(orgId, 'email', 'ANA@example.com')).toEqual([{ debtorId, accountId }]);
    expect(await lookup.findByAddress(orgId, 'sms', '+34600000000')).toEqual([]);
    expect(await lookup.findByAddress(other.orgId, 'sms', '+525512345678')).toEqual([{ debtorId: other.debtorId, accountId: other.accountId }]); // tenant isolation
    const out = createSqlOutboundMessageStore(db);
    const row = await out.insertOnce({ orgId, debtorId, accountId, channel: 'sms', templateId: 'tpl_x', recipient: '+525512345678', provider: 'twilio', idempotencyKey: 'k1', requestedBy: 'system:test', at: clock.now() });
    await out.markSent(orgId, row.id, 'SM-out-1', 'queued', clock.now());
    expect(await lookup.findByOutboundId(orgId, 'SM-out-1')).toEqual({ debtorId, accountId });
    expect(await lookup.findByOutboundId(other.orgId, 'SM-out-1')).toBeNull();
  });

  it('the timeline writer appends an inbound event once per debtor, even when re-processed', async () => {
    const { orgId, debtorId, accountId } = await tenantWithDebtor();
    const w = createSqlTimelineWriter(db);
    const entry = { orgId, debtorId, accountId, occurredAt: clock.now().toISOString(), kind: 'message' as const, channel: 'sms' as const, direction: 'inbound' as const, summary: 'hola', data: { inboundId: 'inb_1' } };
    await w.append(entry);
    await w.append(entry);
    await Promise.all([w.append({ ...entry, data: { inboundId: 'inb_2' } }), w.append({ ...entry, data: { inboundId: 'inb_2' } })]);
    const rows = (await db.query<{ actor: string; data: { dedupKey: string } }>('SELECT actor, data FROM timeline_events WHERE debtor_id = $1 AND kind = $2 ORDER BY seq', [debtorId, 'message'])).rows;
    expect(rows.map((r) => r.data.dedupKey)).toEqual(['inbound:inb_1', 'inbound:inb_2']);
    expect(rows[0]!.actor).toBe('debtor');
  });

  it('opt-outs land on channel_consents.opted_out_at, idempotently; voicemail is recorded on call', async () => {
    const { orgId, debtorId, accountId } = await tenantWithDebtor();
    const rec = createSqlOptOutRecorder(db);
    const at1 = new Date('2026-11-24T15:00:00Z');
    await rec.optOut({ orgId, debtorId, channel: 'sms', address: '+525512345678', source: 'keyword:BAJA', at: at1 });
    await rec.optOut({ orgId, debtorId, channel: 'sms', address: '+525512345678', source: 'keyword:STOP', at: new Date('2026-11-25T15:00:00Z') });
    await rec.optOut({ orgId, debtorId, channel: 'voicemail', address: '+525512345678', source: 'voice_menu', at: at1 });
    const target = await createSqlContactTargetStore(db).load(orgId, accountId);
    expect(target!.consents.find((c) => c.channel === 'sms')).toEqual({ channel: 'sms', state: 'granted', optedOutAt: at1.toISOString() });
    expect(target!.consents.find((c) => c.channel === 'call')).toMatchObject({ optedOutAt: at1.toISOString() });
    const src = await db.query<{ opt_out_source: string }>("SELECT opt_out_source FROM channel_consents WHERE debtor_id = $1 AND channel = 'sms'", [debtorId]);
    expect(src.rows[0]!.opt_out_source).toBe('keyword:BAJA (+525512345678)');
    // Another org's debtor id is not writable through this org.
    const other = await tenantWithDebtor();
    await rec.optOut({ orgId, debtorId: other.debtorId, channel: 'email', address: 'x', source: 'test', at: at1 });
    expect((await db.query('SELECT 1 FROM channel_consents WHERE debtor_id = $1 AND opted_out_at IS NOT NULL', [other.debtorId])).rows).toHaveLength(0);
  });

  it('voice scripts round-trip and stay with their organisation', async () => {
    const { orgId } = await tenantWithDebtor();
    const store = createSqlVoiceScriptStore(db, clock);
    const script = { locale: 'es-MX', message: 'Hola', prompts: { identity: 'i', wrongPerson: 'w', menu: 'm', transferring: 't', linkSent: 'l', noInput: 'n', goodbye: 'g' }, voicemail: 'Llámenos' };
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
      meta: { token: 'meta-token', phoneNumberId: `pn-${orgId}`, appSecret: 'meta-app-secret', verifyToken: `vt-${orgId}` },
      smtp: { url: 'smtps://user:smtp-password@smtp.example.com:465', from: 'Cobranza <c@example.com>' },
    };
    await store.put(s);
    expect(await store.forOrg(orgId)).toEqual(s);
    expect((await store.byTwilioAccount(sid))?.orgId).toBe(orgId);
    expect((await store.byMetaPhoneNumberId(`pn-${orgId}`))?.orgId).toBe(orgId);
    expect((await store.byMetaVerifyToken(`vt-${orgId}`))?.orgId).toBe(orgId);
    expect(await store.byMetaVerifyToken('wrong')).toBeNull();
    const raw = JSON.stringify((await db.query('SELECT * FROM channel_settings WHERE org_id = $1', [orgId])).rows);
    for (const secret of ['tw-secret-token', 'meta-token', 'meta-app-secret', `vt-${orgId}`, 'smtp-password']) expect(raw).not.toContain(secret);
    // A sealed value copied to another row (other provider) does not decrypt: it is bound to its row.
    await db.query("UPDATE channel_settings SET secrets_enc = (SELECT secrets_enc FROM channel_settings WHERE org_id = $1 AND provider = 'twilio') WHERE org_id = $1 AND provider = 'smtp'", [orgId]);
    await expect(store.forOrg(orgId)).rejects.toThrow();
    // A different key cannot read them either.
    await store.remove(orgId, 'smtp');
    await expect(createSqlChannelSettingsStore(db, createSecretBox('another-root-secret-entirely'), clock).forOrg(orgId)).rejects.toThrow();
  });

  it('outbound messages: one row per idempotency key; a retryable failure can be claimed again; statuses only move forward', async () => {
    const { orgId, debtorId, accountId } = await tenantWithDebtor();
    const out = createSqlOutboundMessageStore(db);
    const m = { orgId, debtorId, accountId, channel: 'sms' as const, templateId: 'tpl_x', recipient: '+525512345678', provider: 'sandbox' as const, idempotencyKey: 'contact:a:1', requestedBy: 'strategy:s1', at: clock.now() };
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
    expect(await out.applyStatus(orgId, 'sandbox', 'CA1', 'answered_machine', clock.now())).toMatchObject({ status: 'answered_machine', outcome: 'voicemail' });
    const hist = await out.historyForDebtor(orgId, debtorId, new Date(clock.now().getTime() - 86_400_000), clock.now());
    expect(hist).toMatchObject([{ channel: 'sms', status: 'read', handedToProvider: true }, { channel: 'call', outcome: 'voicemail' }]);
  });

  it('contact target: account, debtor, contact points, consents and debtor-level flags in one load', async () => {
    const { orgId, accountId, accounts } = await tenantWithDebtor([makeRow(), makeRow({ external_ref: 'ACC-2' })]);
    await db.query("UPDATE accounts SET status = 'cease' WHERE id = $1", [accounts[1]!.id]);
    const t = await createSqlContactTargetStore(db).load(orgId, accountId);
    expect(t).toMatchObject({
      accountStatus: 'active', currency: 'MXN', balanceMinor: 1_060_000, otherAccountStatuses: ['cease'], openDispute: false, collectorName: expect.any(String), creditorName: expect.any(String),
      debtor: { firstName: 'Ana', language: 'es', country: 'MX', region: 'MX-CMX', timezone: 'America/Mexico_City' },
    });
    expect(t!.contactPoints.map((c) => c.kind).sort()).toEqual(['email', 'phone']);
    expect(await createSqlContactTargetStore(db).load((await newTenant(p)).orgId, accountId)).toBeNull();
  });
});
