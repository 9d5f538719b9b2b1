import { loadConfig } from '../../../platform/config.js';
import { simulateOutbound } from '@saldo/core/channels';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ManualClock } from '../../../shared/clock/manual-clock.js';
import {
  createSqlComplianceRefusalStore,
  createSqlContactTargetStore,
} from '../adapters/sql/contact-target-store.js';
import { createSqlOutboundMessageStore } from '../adapters/sql/outbound-message-store.js';
import { createSqlVoiceScriptStore } from '../adapters/sql/voice-script-store.js';
import { createSqlTimelineStore } from '../../record/adapters/sql-timeline-store.js';
import { createPaymentLinks } from '../adapters/payment-links.js';
import { buildChannels, type Channels } from '../create-channels.js';
import type { Platform } from '../../../platform/composition-root.js';
import type { ChannelProvider, OutboundMessage, SendResult } from '../ports/channel-provider.js';
import type { ChannelDomainEvent } from '../ports/channel-records.js';
import type { Db } from '../../../shared/db/db.js';
import type { ContactRequest } from '../ports/messaging.js';
import { describeStorage } from '../../../../test/storage.js';
import { importRows, makeRow, newTenant, T0, testPlatform } from '../../../../test/fixtures.js';
import { domainEvents } from '../../../../test/domain-events.js';
import { createContactDebtor } from './contact-debtor.js';
import { testVault } from '../../../shared/crypto/test-vault.js';

const PUBLIC_URL = 'https://saldo.example.com';
const SEED = 'contact-test';

describeStorage('contact debtor (compliance-gated messaging)', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let p: Platform;
  let clock: ManualClock;
  let ch: Channels;
  const published = () => domainEvents<ChannelDomainEvent>(db);
  beforeAll(async () => {
    db = await mode.open();
    ({ platform: p, clock } = await testPlatform(db));
    ch = await buildChannels({
      db,
      vault: testVault(),
      clock,
      config: loadConfig({ SALDO_PUBLIC_URL: PUBLIC_URL }).channels,
      secret: 'contact-test-secret-key',
      timeline: createSqlTimelineStore(db, testVault()),
      defaultOrgId: p.defaultOrgId,
      record: p.record,
      sandboxSeed: SEED,
    });
  });
  afterAll(async () => {
    await ch.close();
    await db.drop();
  });

  let n = 0;
  async function accountsOf(rows = [makeRow()]) {
    clock.set(T0); // Tuesday 09:00 in Mexico City
    const t = await newTenant(p);
    await importRows(p, t.orgId, rows);
    const accounts = (
      await db.query<{ id: string; debtor_id: string }>(
        'SELECT id, debtor_id FROM accounts WHERE org_id = $1 ORDER BY external_ref',
        [t.orgId],
      )
    ).rows;
    return { orgId: t.orgId, accounts };
  }
  const req = (orgId: string, accountId: string, over: Partial<ContactRequest> = {}): ContactRequest => ({
    orgId,
    accountId,
    channel: 'sms',
    templateId: 'tpl_default_reminder_sms_es-MX',
    idempotencyKey: `contact:${accountId}:node:${++n}`,
    requestedBy: { kind: 'strategy', id: 'str_1' },
    ...over,
  });
  const timeline = (orgId: string, debtorId: string) =>
    createSqlTimelineStore(db, testVault()).forDebtor(orgId, debtorId, { limit: 100 });
  const outboundCount = async (orgId: string) =>
    Number(
      (
        await db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbound_messages WHERE org_id = $1', [
          orgId,
        ])
      ).rows[0]!.n,
    );

  it('refuses at 22:00 local with the rule and the next allowed instant; records the refusal and a timeline note', async () => {
    const { orgId, accounts } = await accountsOf();
    clock.set('2026-11-25T04:00:00Z'); // Tuesday 22:00 in Mexico City
    const r = await ch.messaging.contact(req(orgId, accounts[0]!.id));
    expect(r).toMatchObject({
      kind: 'refused',
      at: '2026-11-25T04:00:00.000Z',
      nextAllowedAt: '2026-11-25T13:00:00Z',
    });
    if (r.kind !== 'refused') throw new Error('unreachable');
    expect(r.reasons.map((x) => x.rule)).toContain('MX-HOURS');
    expect(r.reasons.find((x) => x.rule === 'MX-HOURS')).toMatchObject({
      citation: expect.any(String),
      message: expect.any(String),
    });
    const audit = await createSqlComplianceRefusalStore(db).listForAccount(orgId, accounts[0]!.id, 10);
    expect(audit).toMatchObject([
      {
        channel: 'sms',
        nextAllowedAt: '2026-11-25T13:00:00.000Z',
        requestedBy: 'strategy:str_1',
        templateId: 'tpl_default_reminder_sms_es-MX',
      },
    ]);
    const rules = (
      await db.query<{ rule_ids: string[] }>('SELECT rule_ids FROM compliance_refusals WHERE org_id = $1', [
        orgId,
      ])
    ).rows[0]!.rule_ids;
    expect(rules).toContain('MX-HOURS');
    expect(await timeline(orgId, accounts[0]!.debtor_id)).toMatchObject([
      { kind: 'note', actor: 'system', summary: expect.stringContaining('MX-HOURS') },
    ]);
    expect(await outboundCount(orgId)).toBe(0);
  });

  it('refuses after the debtor opts out by texting BAJA; other channels stay open', async () => {
    const { orgId, accounts } = await accountsOf();
    const { ids } = await ch.inbound.store([
      {
        type: 'message',
        orgId,
        provider: 'twilio',
        providerMessageId: `SM-baja-${orgId}`,
        channel: 'sms',
        occurredAt: T0,
        from: '+525512345678',
        to: '+15005550006',
        text: 'BAJA',
        mediaUrls: [],
        raw: {},
      },
    ]);
    expect(await ch.inbound.process(ids[0]!)).toBe('processed');
    const r = await ch.messaging.contact(req(orgId, accounts[0]!.id));
    expect(r).toMatchObject({ kind: 'refused', nextAllowedAt: null });
    if (r.kind === 'refused') expect(r.reasons.map((x) => x.rule)).toContain('MX-OPTOUT');
    expect(
      await ch.messaging.contact(
        req(orgId, accounts[0]!.id, { channel: 'email', templateId: 'tpl_default_reminder_email_es-MX' }),
      ),
    ).toMatchObject({ kind: 'sent', channel: 'email' });
  });

  it('refuses on a disputed account, and on every account of a debtor who asked to cease contact', async () => {
    const { orgId, accounts } = await accountsOf([
      makeRow({ status: 'disputed' }),
      makeRow({ external_ref: 'ACC-2', debtor_ref: 'DEB-2', phone: '+525512345679', status: 'cease' }),
      makeRow({ external_ref: 'ACC-3', debtor_ref: 'DEB-2', phone: '+525512345679' }),
    ]);
    const disputed = await ch.messaging.contact(req(orgId, accounts[0]!.id));
    expect(disputed).toMatchObject({ kind: 'refused', nextAllowedAt: null });
    if (disputed.kind === 'refused') expect(disputed.reasons.map((x) => x.rule).join(' ')).toMatch(/DISPUTE/);
    const ceased = await ch.messaging.contact(req(orgId, accounts[2]!.id));
    if (ceased.kind !== 'refused') throw new Error(`expected refused, got ${ceased.kind}`);
    expect(ceased.reasons.map((x) => x.rule).join(' ')).toMatch(/CEASE/);
  });

  it("sends when allowed: rendered in the debtor's language and currency, recorded, on the timeline", async () => {
    const { orgId, accounts } = await accountsOf();
    const a = accounts[0]!;
    const r = await ch.messaging.contact(req(orgId, a.id, { variables: { agentName: 'Mariana' } }));
    expect(r).toMatchObject({
      kind: 'sent',
      channel: 'sms',
      messageId: expect.stringMatching(/^msg_/),
      providerMessageId: expect.stringMatching(/^sbx_/),
    });
    if (r.kind !== 'sent') throw new Error('unreachable');
    const row = await createSqlOutboundMessageStore(db).get(orgId, r.messageId);
    expect(row).toMatchObject({
      debtorId: a.debtor_id,
      accountId: a.id,
      provider: 'sandbox',
      recipient: '+525512345678',
      status: 'queued',
      providerMessageId: r.providerMessageId,
    });
    const [entry] = await timeline(orgId, a.debtor_id);
    expect(entry).toMatchObject({
      kind: 'message',
      channel: 'sms',
      direction: 'outbound',
      actor: 'bot',
      actorId: 'str_1',
      data: { messageId: r.messageId, templateId: 'tpl_default_reminder_sms_es-MX' },
    });
    expect(entry!.summary).toContain('Hola Ana');
    expect(entry!.summary).toContain('$10,600.00');
    expect(entry!.summary).toContain(`${PUBLIC_URL}/pay/`);
    expect(entry!.summary).toContain('Responde BAJA');
  });

  it('a scripted call stores its voice script (with the voicemail) before dialling', async () => {
    const { orgId, accounts } = await accountsOf([makeRow({ consent_call: 'true' })]);
    const r = await ch.messaging.contact(
      req(orgId, accounts[0]!.id, {
        channel: 'call',
        templateId: 'tpl_default_reminder_call_voicebot_es-MX',
        variables: { agentName: 'Mariana', callbackNumber: '+52 55 5000 0000' },
      }),
    );
    if (r.kind !== 'sent') throw new Error(`expected sent, got ${JSON.stringify(r)}`);
    const script = await createSqlVoiceScriptStore(db, clock).get(`vs_${r.messageId}`);
    expect(script).toMatchObject({
      orgId,
      country: 'MX',
      script: {
        locale: 'es-MX',
        message: expect.stringContaining('$10,600.00'),
        prompts: { identity: expect.stringContaining('Ana') },
      },
    });
    // The voicemail is limited content: no amount, no creditor, no mention of a debt (12 CFR 1006.2(j); MX-3P).
    expect(script!.script.voicemail).toBe(
      `Hola, le habla Mariana de ${script!.script.message.match(/de (\S+), en nombre/)![1]}. Por favor comuníquese con nosotros al +52 55 5000 0000. Puede hablar con cualquiera de nuestros asesores. Gracias.`,
    );
    expect((await timeline(orgId, accounts[0]!.debtor_id))[0]).toMatchObject({
      kind: 'call',
      channel: 'call',
      direction: 'outbound',
    });
  });

  it('the same idempotency key twice is one message', async () => {
    const { orgId, accounts } = await accountsOf();
    const once = req(orgId, accounts[0]!.id);
    const [a, b] = await Promise.all([ch.messaging.contact(once), ch.messaging.contact(once)]);
    const c = await ch.messaging.contact(once);
    const sent = [a, b, c].filter((x) => x.kind === 'sent');
    expect(sent).toHaveLength(1);
    const id = sent[0]!.kind === 'sent' ? sent[0]!.messageId : '';
    expect([a, b, c].filter((x) => x.kind === 'duplicate')).toEqual([
      { kind: 'duplicate', messageId: id },
      { kind: 'duplicate', messageId: id },
    ]);
    expect(await outboundCount(orgId)).toBe(1);
    expect(
      (await timeline(orgId, accounts[0]!.debtor_id)).filter((e) => e.direction === 'outbound'),
    ).toHaveLength(1);
  });

  it('prepare (a dispatch batch read in a few queries) changes no outcome: one send per key, compliance per contact', async () => {
    const { orgId, accounts } = await accountsOf([makeRow(), makeRow({ external_ref: 'ACC-2' })]);
    const a = req(orgId, accounts[0]!.id);
    const b = req(orgId, accounts[1]!.id);
    await ch.messaging.prepare!([a, a, b, req(orgId, 'acct_missing')]);
    expect(await ch.messaging.contact(a)).toMatchObject({ kind: 'sent' });
    expect(await ch.messaging.contact(a)).toMatchObject({ kind: 'duplicate' });
    clock.set('2026-11-25T04:00:00Z'); // 22:00 local: the prepared read does not carry the earlier instant's answer
    expect(await ch.messaging.contact(b)).toMatchObject({ kind: 'refused' });
    await expect(ch.messaging.contact(req(orgId, 'acct_missing'))).rejects.toThrow(/not found/);
    expect(await outboundCount(orgId)).toBe(1);
  });

  it('a provider failure is `failed` with its retry flag; the same key is sent once the provider recovers', async () => {
    const { orgId, accounts } = await accountsOf();
    let fail = true;
    const provider: ChannelProvider = {
      id: 'fake',
      channels: ['sms'],
      onEvent: () => () => {},
      close: async () => {},
      send: async (m: OutboundMessage): Promise<SendResult> =>
        fail
          ? { ok: false, reason: 'rate_limited', detail: 'slow down', retryable: true }
          : { ok: true, providerMessageId: `fk_${m.messageId}`, status: 'sent' },
    };
    const messaging = createContactDebtor({
      targets: createSqlContactTargetStore(db),
      outbound: createSqlOutboundMessageStore(db),
      refusals: createSqlComplianceRefusalStore(db),
      timeline: createSqlTimelineStore(db, testVault()),
      router: { forChannel: async () => provider },
      voiceScripts: createSqlVoiceScriptStore(db, clock),
      paymentLinks: createPaymentLinks({ publicUrl: PUBLIC_URL, secret: 'k' }),
      clock,
    });
    const once = req(orgId, accounts[0]!.id);
    expect(await messaging.contact(once)).toMatchObject({
      kind: 'failed',
      reason: 'rate_limited',
      retryable: true,
    });
    fail = false;
    const r = await messaging.contact(once);
    expect(r).toMatchObject({ kind: 'sent' });
    expect(await messaging.contact(once)).toMatchObject({ kind: 'duplicate' });
    expect(await outboundCount(orgId)).toBe(1);
  });

  it('no usable address for the channel is a non-retryable failure, nothing recorded as sent', async () => {
    const { orgId, accounts } = await accountsOf([makeRow({ email: '' })]);
    expect(
      await ch.messaging.contact(
        req(orgId, accounts[0]!.id, { channel: 'email', templateId: 'tpl_default_reminder_email_es-MX' }),
      ),
    ).toMatchObject({ kind: 'failed', reason: 'no_email_address', retryable: false });
    expect(await outboundCount(orgId)).toBe(0);
  });

  it('a sandbox reply to the sent message comes back through the inbound pipeline: timeline + bus event', async () => {
    // 19:00 in Mexico City (people answer texts after work). The sandbox's future for a message is
    // a pure function of (seed, message id): send to debtors until the model predicts a reply.
    const rows = Array.from({ length: 30 }, (_, i) =>
      makeRow({
        external_ref: `ACC-${i}`,
        debtor_ref: `DEB-${i}`,
        phone: `+5255123400${String(i).padStart(2, '0')}`,
        whatsapp: `+5255123400${String(i).padStart(2, '0')}`,
        tags: 'segment:prime',
      }),
    );
    const { orgId, accounts } = await accountsOf(rows);
    clock.set('2026-11-24T01:00:00Z');
    for (const a of accounts) {
      const r = await ch.messaging.contact(
        req(orgId, a.id, { channel: 'whatsapp', templateId: 'tpl_default_reminder_whatsapp_es-MX' }),
      );
      if (r.kind !== 'sent') throw new Error(`expected sent, got ${JSON.stringify(r)}`);
      const predicted = simulateOutbound({
        seed: SEED,
        messageId: r.messageId,
        channel: 'whatsapp',
        segment: 'low_risk',
        localHour: 19,
        language: 'es',
        hasLink: true,
        amountMinor: 1_060_000,
      }).events;
      const reply = predicted.find((e) => e.kind === 'reply');
      if (!reply || reply.kind !== 'reply') continue;
      clock.advance(reply.afterMs);
      await ch.tickSandbox();
      const entries = await timeline(orgId, a.debtor_id);
      expect(entries.filter((e) => e.direction === 'inbound' && e.kind === 'message')).toMatchObject([
        { channel: 'whatsapp', actor: 'debtor', summary: reply.text },
      ]);
      expect(
        (await published()).filter(
          (e) => e.type === 'channel.message_received' && e.debtorId === a.debtor_id,
        ),
      ).toMatchObject([{ orgId, unknownSender: false, event: { text: reply.text, provider: 'sandbox' } }]);
      const status = await createSqlOutboundMessageStore(db).get(orgId, r.messageId);
      expect(['delivered', 'read', 'clicked']).toContain(status!.status);
      return;
    }
    throw new Error('the behaviour model predicted no reply to 30 messages');
  });
});
