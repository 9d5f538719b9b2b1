import { loadConfig } from '../../../platform/config.js';
import { createSqlTimelineStore } from '../../record/adapters/sql-timeline-store.js';
import { defaultTemplates } from '@saldo/core/channels';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { ManualClock } from '../../../shared/clock/manual-clock.js';
import { localTwilioHttpClient, startFakeTwilioApi, type FakeApi } from '../testing/fake-provider-apis.js';
import { buildChannels, type Channels } from '../create-channels.js';
import type { Platform } from '../../../platform/composition-root.js';
import type { Db } from '../../../shared/db/db.js';
import type { ContactRequest } from '../ports/messaging.js';
import { describeStorage } from '../../../../test/storage.js';
import { importRows, makeRow, newTenant, T0, testPlatform } from '../../../../test/fixtures.js';
import { testVault } from '../../../shared/crypto/test-vault.js';

// WhatsApp through Twilio end to end: the send path reads the debtor's last inbound WhatsApp message
// (the same read Meta's window uses) and the Twilio adapter picks free-form text or a Content template.
const CONTENT_SID = `HX${'c3'.repeat(16)}`;

describeStorage('WhatsApp through Twilio: the 24-hour window and Content templates', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let p: Platform;
  let clock: ManualClock;
  let ch: Channels;
  let api: FakeApi;
  beforeAll(async () => {
    db = await mode.open();
    ({ platform: p, clock } = await testPlatform(db));
    api = await startFakeTwilioApi();
    ch = await buildChannels({
      db,
      vault: testVault(),
      clock,
      config: loadConfig({ SALDO_PUBLIC_URL: 'https://saldo.example.com' }).channels,
      secret: 'twilio-window-secret-key',
      timeline: createSqlTimelineStore(db, testVault()),
      defaultOrgId: p.defaultOrgId,
      record: p.record,
      twilioHttpClient: localTwilioHttpClient(api.url),
    });
  });
  afterAll(async () => {
    await ch.close();
    await api.close();
    await db.drop();
  });
  beforeEach(() => {
    api.requests.length = 0;
  });

  let n = 0;
  const req = (orgId: string, accountId: string): ContactRequest => ({
    orgId,
    accountId,
    channel: 'whatsapp',
    templateId: 'tpl_default_reminder_whatsapp_es-MX',
    idempotencyKey: `wa:${accountId}:${++n}`,
    requestedBy: { kind: 'strategy', id: 'str_1' },
  });
  const sent = () =>
    api.requests
      .filter((r) => r.path.endsWith('/Messages.json'))
      .map((r) => Object.fromEntries(new URLSearchParams(r.body)));

  it('no recent message and no Content SID: refused as outside_service_window; a reply opens the window for free-form; an approved Content template reaches the debtor after it closes', async () => {
    clock.set(T0); // Tuesday 09:00 in Mexico City
    const t = await newTenant(p);
    await importRows(p, t.orgId, [makeRow({ whatsapp: '+525512345678', consent_whatsapp: 'true' })]);
    const accountId = (await db.query<{ id: string }>('SELECT id FROM accounts WHERE org_id = $1', [t.orgId]))
      .rows[0]!.id;
    await ch.admin.settings.put(t.orgId, 'twilio', {
      accountSid: 'AC00000000000000000000000000000042',
      authToken: 'twilio-auth-token-0042',
      fromWhatsApp: '+14155238886',
    });

    // 1. Outside the window with the built-in template (no Twilio Content SID): nothing is sent.
    expect(await ch.messaging.contact(req(t.orgId, accountId))).toMatchObject({
      kind: 'failed',
      reason: 'outside_service_window',
      retryable: false,
    });
    expect(sent()).toHaveLength(0);

    // 2. The debtor writes on WhatsApp (through Twilio's webhook): free-form for 24 hours.
    const { ids } = await ch.inbound.store([
      {
        type: 'message',
        orgId: t.orgId,
        provider: 'twilio',
        providerMessageId: `SMwa-${t.orgId}`,
        channel: 'whatsapp',
        occurredAt: T0,
        from: '+525512345678',
        to: '+14155238886',
        text: '¿Cuánto debo?',
        mediaUrls: [],
        raw: {},
      },
    ]);
    expect(await ch.inbound.process(ids[0]!)).toBe('processed');
    clock.advance(60_000);
    expect(await ch.messaging.contact(req(t.orgId, accountId))).toMatchObject({
      kind: 'sent',
      channel: 'whatsapp',
    });
    expect(sent()[0]).toMatchObject({
      To: 'whatsapp:+525512345678',
      From: 'whatsapp:+14155238886',
      Body: expect.stringContaining('Hola Ana'),
    });
    expect(sent()[0]!.ContentSid).toBeUndefined();

    // 3. The organisation publishes the template with its approved Twilio Content SID; 25 h later
    //    the window has closed and the Content template goes out with the values in order.
    const builtIn = defaultTemplates.find((x) => x.id === 'tpl_default_reminder_whatsapp_es-MX')!;
    const draft = await ch.admin.templates.createDraft(
      t.orgId,
      {
        key: 'whatsapp_reminder_v1',
        purpose: 'reminder',
        channel: 'whatsapp',
        locale: 'es-MX',
        body: builtIn.body,
        whatsapp: { ...builtIn.whatsapp!, status: 'approved', twilioContentSid: CONTENT_SID },
      },
      null,
    );
    await ch.admin.templates.publish(t.orgId, draft.template.id);
    clock.advance(25 * 3_600_000);
    api.requests.length = 0;
    expect(await ch.messaging.contact(req(t.orgId, accountId))).toMatchObject({
      kind: 'sent',
      channel: 'whatsapp',
    });
    const [content] = sent();
    expect(content).toMatchObject({ ContentSid: CONTENT_SID, To: 'whatsapp:+525512345678' });
    expect(content!.Body).toBeUndefined();
    const vars = JSON.parse(content!.ContentVariables!) as Record<string, string>;
    expect(Object.keys(vars)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(vars['1']).toBe('Ana');
  });

  it('a Content SID that is not a Twilio SID is refused when the template is saved', async () => {
    const t = await newTenant(p);
    const builtIn = defaultTemplates.find((x) => x.id === 'tpl_default_reminder_whatsapp_es-MX')!;
    await expect(
      ch.admin.templates.createDraft(
        t.orgId,
        {
          key: 'whatsapp_reminder_v1',
          purpose: 'reminder',
          channel: 'whatsapp',
          locale: 'es-MX',
          body: builtIn.body,
          whatsapp: { ...builtIn.whatsapp!, twilioContentSid: 'HX-not-a-sid' },
        },
        null,
      ),
    ).rejects.toThrow(/twilioContentSid|Content SID/);
  });
});
