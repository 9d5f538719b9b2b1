import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/manual-clock.js';
import { MemoryVoiceScriptStore } from '../memory/memory-voice-script-store.js';
import { channelProviderContract } from './channel-provider.contract.js';
import { createSettingsResolver } from './create-channel-providers.js';
import { localTwilioHttpClient, startFakeTwilioApi, type FakeApi } from './test-support/fake-provider-apis.js';
import { TwilioMessagingProvider } from './twilio-messaging.js';
import { createChannelWebhooks } from './webhooks/channel-webhooks.js';
import { signTwilioRequest } from './webhooks/twilio-webhook.js';

const PUBLIC_URL = 'https://saldo.example.com';
const settings = { accountSid: 'AC00000000000000000000000000000001', authToken: 'tok_secret_twilio', fromSms: '+15005550006', fromWhatsApp: '+14155238886' };

function harness(channel: 'sms' | 'whatsapp') {
  return {
    name: `twilio (${channel})`,
    channel,
    orgId: 'org_tw',
    recipient: '+525512345678',
    invalidRecipient: '5512',
    async setup() {
      const api = await startFakeTwilioApi();
      const provider = new TwilioMessagingProvider({ orgId: 'org_tw', settings, publicUrl: PUBLIC_URL, httpClient: localTwilioHttpClient(api.url) });
      const clock = new ManualClock('2026-11-24T18:00:00Z');
      const hooks = createChannelWebhooks({ settings: createSettingsResolver({ orgId: 'org_tw', twilio: settings }), publicUrl: PUBLIC_URL, clock, voiceScripts: new MemoryVoiceScriptStore() });
      const post = async (kind: 'messages' | 'status', params: Record<string, string>) => {
        const url = `/v1/webhooks/twilio/${kind}`;
        const v = await hooks.twilio(kind, { url, headers: { 'x-twilio-signature': signTwilioRequest(settings.authToken, PUBLIC_URL + url, params) }, params });
        if (!v.ok) throw new Error(v.reason);
        return v.events;
      };
      const wa = (n: string) => (channel === 'whatsapp' ? `whatsapp:${n}` : n);
      return {
        provider,
        delivered: async () => api.requests.filter((r) => r.path.endsWith('/Messages.json')).map((r) => ({ to: new URLSearchParams(r.body).get('To') ?? '', text: new URLSearchParams(r.body).get('Body') ?? '' })),
        statusFor: (sid: string) => post('status', { AccountSid: settings.accountSid, MessageSid: sid, MessageStatus: 'delivered', From: wa(settings.fromSms), To: wa('+525512345678') }),
        replyFrom: (from: string, text: string) => post('messages', { AccountSid: settings.accountSid, MessageSid: 'SMreply0001', From: wa(from), To: wa(settings.fromSms), Body: text, NumMedia: '0' }),
        teardown: () => api.close(),
      };
    },
  };
}

channelProviderContract(harness('sms'));
channelProviderContract(harness('whatsapp'));

describe('Twilio messaging specifics', () => {
  let api: FakeApi;
  beforeEach(async () => {
    api = await startFakeTwilioApi();
  });
  afterEach(() => api.close());

  it('sends WhatsApp with whatsapp: prefixes and asks for status callbacks on the public URL', async () => {
    const p = new TwilioMessagingProvider({ orgId: 'o', settings, publicUrl: PUBLIC_URL, httpClient: localTwilioHttpClient(api.url) });
    await p.send({ messageId: 'm1', orgId: 'o', channel: 'whatsapp', to: '+525512345678', text: 'Hola' });
    const form = new URLSearchParams(api.requests[0]?.body);
    expect(form.get('To')).toBe('whatsapp:+525512345678');
    expect(form.get('From')).toBe('whatsapp:+14155238886');
    expect(form.get('StatusCallback')).toBe('https://saldo.example.com/v1/webhooks/twilio/status');
    expect(api.requests[0]?.path).toBe(`/2010-04-01/Accounts/${settings.accountSid}/Messages.json`);
    expect(api.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`);
  });

  it('maps a Twilio 21211 error to invalid_recipient', async () => {
    const p = new TwilioMessagingProvider({ orgId: 'o', settings, publicUrl: PUBLIC_URL, httpClient: localTwilioHttpClient(api.url) });
    expect(await p.send({ messageId: 'm1', orgId: 'o', channel: 'sms', to: '+15005550001', text: 'x' })).toMatchObject({ ok: false, reason: 'invalid_recipient' });
  });
});
