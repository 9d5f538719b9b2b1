import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../shared/clock/manual-clock.js';
import { MemoryVoiceScriptStore } from '../testing/memory-voice-script-store.js';
import { channelProviderContract } from '../testing/channel-provider.contract.js';
import { createSettingsResolver } from './create-channel-providers.js';
import { localTwilioHttpClient, startFakeTwilioApi, type FakeApi } from '../testing/fake-provider-apis.js';
import { TwilioMessagingProvider, twilioFailure } from './twilio-messaging.js';
import { createChannelWebhooks } from './webhooks/channel-webhooks.js';
import { signTwilioRequest } from './webhooks/twilio-webhook.js';

const PUBLIC_URL = 'https://saldo.example.com';
const settings = {
  accountSid: 'AC00000000000000000000000000000001',
  authToken: 'tok_secret_twilio',
  fromSms: '+15005550006',
  fromWhatsApp: '+14155238886',
};

function harness(channel: 'sms' | 'whatsapp') {
  return {
    name: `twilio (${channel})`,
    channel,
    orgId: 'org_tw',
    recipient: '+525512345678',
    invalidRecipient: '5512',
    async setup() {
      const api = await startFakeTwilioApi();
      const clock = new ManualClock('2026-11-24T18:00:00Z');
      const provider = new TwilioMessagingProvider({
        orgId: 'org_tw',
        settings,
        publicUrl: PUBLIC_URL,
        clock,
        timeoutMs: 5_000,
        httpClient: localTwilioHttpClient(api.url),
      });
      const hooks = createChannelWebhooks({
        settings: createSettingsResolver({ orgId: 'org_tw', twilio: settings }),
        publicUrl: PUBLIC_URL,
        clock,
        voiceScripts: new MemoryVoiceScriptStore(),
      });
      const post = async (kind: 'messages' | 'status', params: Record<string, string>) => {
        const url = `/v1/webhooks/twilio/${kind}`;
        const v = await hooks.twilio(kind, {
          url,
          headers: { 'x-twilio-signature': signTwilioRequest(settings.authToken, PUBLIC_URL + url, params) },
          params,
        });
        if (!v.ok) throw new Error(v.reason);
        return v.events;
      };
      const wa = (n: string) => (channel === 'whatsapp' ? `whatsapp:${n}` : n);
      return {
        provider,
        delivered: async () =>
          api.requests
            .filter((r) => r.path.endsWith('/Messages.json'))
            .map((r) => ({
              to: new URLSearchParams(r.body).get('To') ?? '',
              text: new URLSearchParams(r.body).get('Body') ?? '',
            })),
        statusFor: (sid: string) =>
          post('status', {
            AccountSid: settings.accountSid,
            MessageSid: sid,
            MessageStatus: 'delivered',
            From: wa(settings.fromSms),
            To: wa('+525512345678'),
          }),
        replyFrom: (from: string, text: string) =>
          post('messages', {
            AccountSid: settings.accountSid,
            MessageSid: 'SMreply0001',
            From: wa(from),
            To: wa(settings.fromSms),
            Body: text,
            NumMedia: '0',
          }),
        teardown: () => api.close(),
      };
    },
  };
}

channelProviderContract(harness('sms'));
channelProviderContract(harness('whatsapp'));

describe('Twilio messaging specifics', () => {
  let api: FakeApi;
  const clock = new ManualClock('2026-11-24T18:00:00Z');
  const provider = () =>
    new TwilioMessagingProvider({
      orgId: 'o',
      settings,
      publicUrl: PUBLIC_URL,
      clock,
      timeoutMs: 5_000,
      httpClient: localTwilioHttpClient(api.url),
    });
  const form = (i = 0) => new URLSearchParams(api.requests[i]?.body);
  beforeEach(async () => {
    api = await startFakeTwilioApi();
  });
  afterEach(() => api.close());

  const CONTENT_SID = `HX${'b2'.repeat(16)}`;
  const template = {
    name: 'saldo_reminder_es_mx',
    language: 'es_MX',
    parameters: ['Ana', '$1,250.00', 'https://pay.example/p/1'],
    approved: true,
    twilioContentSid: CONTENT_SID,
  };
  const wa = {
    messageId: 'm1',
    orgId: 'o',
    channel: 'whatsapp' as const,
    to: '+525512345678',
    text: 'Hola Ana, debes $1,250.00',
  };
  const hoursAgo = (h: number) => new Date(clock.now().getTime() - h * 3_600_000);

  it('sends WhatsApp with whatsapp: prefixes and asks for status callbacks on the public URL', async () => {
    await provider().send({ ...wa, lastInboundAt: hoursAgo(1) });
    expect(form().get('To')).toBe('whatsapp:+525512345678');
    expect(form().get('From')).toBe('whatsapp:+14155238886');
    expect(form().get('StatusCallback')).toBe('https://saldo.example.com/v1/webhooks/twilio/status');
    expect(api.requests[0]?.path).toBe(`/2010-04-01/Accounts/${settings.accountSid}/Messages.json`);
    expect(api.requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`,
    );
  });

  it("within 24 hours of the debtor's last WhatsApp message: the rendered text, free-form, even when a template exists", async () => {
    expect(await provider().send({ ...wa, lastInboundAt: hoursAgo(23.9), whatsapp: template })).toMatchObject(
      { ok: true },
    );
    expect(form().get('Body')).toBe('Hola Ana, debes $1,250.00');
    expect(form().get('ContentSid')).toBeNull();
  });

  it("outside the window: the Content template, contentVariables in the template's positional order, no body", async () => {
    for (const lastInboundAt of [null, hoursAgo(24), undefined]) {
      api.requests.length = 0;
      expect(
        await provider().send({
          ...wa,
          ...(lastInboundAt !== undefined ? { lastInboundAt } : {}),
          whatsapp: template,
        }),
      ).toMatchObject({ ok: true, status: 'queued' });
      expect(form().get('ContentSid')).toBe(CONTENT_SID);
      expect(JSON.parse(form().get('ContentVariables')!)).toEqual({
        1: 'Ana',
        2: '$1,250.00',
        3: 'https://pay.example/p/1',
      });
      expect(form().get('ContentVariables')).toBe(
        '{"1":"Ana","2":"$1,250.00","3":"https://pay.example/p/1"}',
      );
      expect(form().get('Body')).toBeNull();
      expect(form().get('To')).toBe('whatsapp:+525512345678');
    }
    // A template without parameters sends no ContentVariables at all.
    api.requests.length = 0;
    expect(
      await provider().send({ ...wa, lastInboundAt: null, whatsapp: { ...template, parameters: [] } }),
    ).toMatchObject({ ok: true });
    expect(form().get('ContentVariables')).toBeNull();
  });

  it('outside the window without a Content SID: a clear permanent failure, and nothing reaches Twilio', async () => {
    const { twilioContentSid: _sid, ...metaOnly } = template;
    const noSid = await provider().send({ ...wa, lastInboundAt: hoursAgo(30), whatsapp: metaOnly });
    expect(noSid).toMatchObject({ ok: false, reason: 'outside_service_window', retryable: false });
    expect(!noSid.ok && noSid.detail).toMatch(/saldo_reminder_es_mx.*twilioContentSid/);
    expect(await provider().send({ ...wa, lastInboundAt: null })).toMatchObject({
      ok: false,
      reason: 'outside_service_window',
      retryable: false,
    });
    expect(
      await provider().send({ ...wa, lastInboundAt: null, whatsapp: { ...template, approved: false } }),
    ).toMatchObject({ ok: false, reason: 'template_not_approved', retryable: false });
    expect(api.requests).toHaveLength(0);
  });

  it('SMS ignores the window and the WhatsApp template', async () => {
    expect(
      await provider().send({ ...wa, channel: 'sms', lastInboundAt: null, whatsapp: template }),
    ).toMatchObject({ ok: true });
    expect(form().get('Body')).toBe('Hola Ana, debes $1,250.00');
    expect(form().get('ContentSid')).toBeNull();
    expect(form().get('To')).toBe('+525512345678');
  });

  it('maps a Twilio 21211 error to invalid_recipient and 63016 to outside_service_window', async () => {
    expect(
      await provider().send({ messageId: 'm1', orgId: 'o', channel: 'sms', to: '+15005550001', text: 'x' }),
    ).toMatchObject({ ok: false, reason: 'invalid_recipient' });
    expect(
      twilioFailure(
        { status: 400, code: 63016, message: 'outside the allowed window' },
        { unknownRetryable: true },
      ),
    ).toMatchObject({
      ok: false,
      reason: 'outside_service_window',
      retryable: false,
    });
  });
});
