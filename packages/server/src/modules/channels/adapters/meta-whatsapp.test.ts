import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../shared/clock/manual-clock.js';
import { MemoryVoiceScriptStore } from '../testing/memory-voice-script-store.js';
import { channelProviderContract } from '../testing/channel-provider.contract.js';
import { createSettingsResolver } from './create-channel-providers.js';
import { MetaWhatsAppProvider } from './meta-whatsapp.js';
import { startFakeMetaApi, type FakeApi } from '../testing/fake-provider-apis.js';
import { createChannelWebhooks } from './webhooks/channel-webhooks.js';
import { metaHandshake, signMetaBody, verifyMetaSignature } from './webhooks/meta-webhook.js';

const meta = (graphBaseUrl: string) => ({
  token: 'EAAG-test',
  phoneNumberId: '1098765432',
  appSecret: 'app_secret_meta',
  verifyToken: 'verify-me',
  graphBaseUrl,
});
const payload = (value: Record<string, unknown>) =>
  JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'WABA',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550001111', phone_number_id: '1098765432' },
              ...value,
            },
          },
        ],
      },
    ],
  });

channelProviderContract({
  name: 'meta (whatsapp)',
  channel: 'whatsapp',
  orgId: 'org_meta',
  recipient: '+525512345678',
  invalidRecipient: '+15005550001',
  async setup() {
    const api = await startFakeMetaApi();
    const clock = new ManualClock('2026-11-24T18:00:00Z');
    const s = meta(api.url);
    const provider = new MetaWhatsAppProvider({ orgId: 'org_meta', settings: s, clock, timeoutMs: 5_000 });
    const hooks = createChannelWebhooks({
      settings: createSettingsResolver({ orgId: 'org_meta', meta: s }),
      publicUrl: 'https://saldo.example.com',
      clock,
      voiceScripts: new MemoryVoiceScriptStore(),
    });
    const post = async (raw: string) => {
      const v = await hooks.meta({
        url: '/v1/webhooks/whatsapp',
        headers: { 'x-hub-signature-256': signMetaBody(s.appSecret, raw) },
        params: {},
        rawBody: raw,
      });
      if (!v.ok) throw new Error(v.reason);
      return v.events;
    };
    return {
      provider,
      delivered: async () =>
        api.requests
          .map((r) => JSON.parse(r.body) as { to: string; text?: { body: string } })
          .map((b) => ({ to: b.to, text: b.text?.body ?? '' })),
      statusFor: (id: string) =>
        post(
          payload({
            statuses: [{ id, status: 'delivered', timestamp: '1795975200', recipient_id: '525512345678' }],
          }),
        ),
      replyFrom: (from: string, text: string) =>
        post(
          payload({
            contacts: [{ wa_id: from.slice(1) }],
            messages: [
              {
                from: from.slice(1),
                id: 'wamid.IN1',
                timestamp: '1795975200',
                type: 'text',
                text: { body: text },
              },
            ],
          }),
        ),
      teardown: () => api.close(),
    };
  },
});

describe('Meta WhatsApp specifics', () => {
  let api: FakeApi;
  const clock = new ManualClock('2026-11-24T18:00:00Z');
  beforeEach(async () => {
    api = await startFakeMetaApi();
  });
  afterEach(() => api.close());
  const base = {
    messageId: 'm1',
    orgId: 'o',
    channel: 'whatsapp' as const,
    to: '+525512345678',
    text: 'Hola Ana',
  };

  it('refuses free-form text outside the 24-hour window, with a clear reason, without calling Meta', async () => {
    const p = new MetaWhatsAppProvider({ orgId: 'o', settings: meta(api.url), clock, timeoutMs: 5_000 });
    const r = await p.send({ ...base, lastInboundAt: new Date('2026-11-23T17:59:59Z') });
    expect(r).toMatchObject({ ok: false, reason: 'outside_service_window', retryable: false });
    expect(r.ok === false && r.detail).toMatch(/approved template/);
    expect(api.requests).toHaveLength(0);
  });

  it('sends free-form within the window and approved templates outside it', async () => {
    const p = new MetaWhatsAppProvider({ orgId: 'o', settings: meta(api.url), clock, timeoutMs: 5_000 });
    expect(await p.send({ ...base, lastInboundAt: new Date('2026-11-24T10:00:00Z') })).toMatchObject({
      ok: true,
    });
    expect(
      await p.send({
        ...base,
        whatsapp: {
          name: 'saldo_reminder_es_mx',
          language: 'es_MX',
          parameters: ['Ana', '$1,250.00'],
          approved: true,
        },
      }),
    ).toMatchObject({ ok: true });
    const tpl = JSON.parse(api.requests[1]!.body) as Record<string, unknown>;
    expect(tpl).toMatchObject({
      type: 'template',
      to: '525512345678',
      template: {
        name: 'saldo_reminder_es_mx',
        language: { code: 'es_MX' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ana' },
              { type: 'text', text: '$1,250.00' },
            ],
          },
        ],
      },
    });
    expect(api.requests[0]?.headers.authorization).toBe('Bearer EAAG-test');
    expect(api.requests[0]?.path).toBe('/1098765432/messages');
  });

  it('refuses a template that Meta has not approved', async () => {
    const p = new MetaWhatsAppProvider({ orgId: 'o', settings: meta(api.url), clock, timeoutMs: 5_000 });
    expect(
      await p.send({ ...base, whatsapp: { name: 'x', language: 'es_MX', parameters: [], approved: false } }),
    ).toMatchObject({ ok: false, reason: 'template_not_approved' });
  });

  it('verifies X-Hub-Signature-256 and the GET handshake', () => {
    const body = '{"a":1}';
    expect(verifyMetaSignature('s3cret', body, signMetaBody('s3cret', body))).toBe(true);
    expect(verifyMetaSignature('s3cret', body + ' ', signMetaBody('s3cret', body))).toBe(false);
    expect(verifyMetaSignature('s3cret', body, signMetaBody('other', body))).toBe(false);
    expect(verifyMetaSignature('s3cret', body, undefined)).toBe(false);
    expect(verifyMetaSignature('s3cret', body, 'sha256=zz')).toBe(false);
    expect(
      metaHandshake(
        { 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': '1158201444' },
        'verify-me',
      ),
    ).toBe('1158201444');
    expect(
      metaHandshake(
        { 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong', 'hub.challenge': '1' },
        'verify-me',
      ),
    ).toBeNull();
  });
});
