import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultTemplates,
  findTemplate,
  renderMessage,
  sampleContext,
  type VoiceScript,
} from '@saldo/core/channels';
import { ManualClock } from '../../../shared/clock/manual-clock.js';
import { MemoryVoiceScriptStore } from '../testing/memory-voice-script-store.js';
import { createSettingsResolver } from './create-channel-providers.js';
import { localTwilioHttpClient, startFakeTwilioApi, type FakeApi } from '../testing/fake-provider-apis.js';
import { TwilioVoiceProvider } from './twilio-voice.js';
import { createChannelWebhooks } from './webhooks/channel-webhooks.js';
import { signTwilioRequest } from './webhooks/twilio-webhook.js';

const PUBLIC_URL = 'https://saldo.example.com';
const settings = {
  accountSid: 'AC00000000000000000000000000000002',
  authToken: 'voice_token',
  fromSms: '+15005550006',
  agentNumber: '+525511112222',
};

function script(locale: 'es-MX' | 'es-ES' | 'en-US'): VoiceScript {
  const call = renderMessage(
    findTemplate(defaultTemplates, { purpose: 'reminder_call', channel: 'voicebot', locale })!,
    sampleContext(locale, 'voicebot'),
  );
  const vm = renderMessage(
    findTemplate(defaultTemplates, { purpose: 'voicemail', channel: 'voicemail', locale })!,
    sampleContext(locale, 'voicemail'),
  );
  if (!call.ok || !vm.ok || !call.message.voice) throw new Error('render');
  return {
    locale,
    message: call.message.text,
    prompts: call.message.voice,
    voicemail: vm.message.text,
    agentNumber: settings.agentNumber,
  };
}

describe('Twilio voice', () => {
  let api: FakeApi;
  const scripts = new MemoryVoiceScriptStore();
  const clock = new ManualClock('2026-11-24T18:00:00Z');
  const hooks = createChannelWebhooks({
    settings: createSettingsResolver({ orgId: 'org_v', twilio: settings }),
    publicUrl: PUBLIC_URL,
    clock,
    voiceScripts: scripts,
  });
  beforeEach(async () => {
    api = await startFakeTwilioApi();
  });
  afterEach(() => api.close());

  async function turn(url: string, params: Record<string, string>) {
    const req = {
      url,
      headers: { 'x-twilio-signature': signTwilioRequest(settings.authToken, PUBLIC_URL + url, params) },
      params,
    };
    const v = await hooks.twilio('voice', req);
    if (!v.ok) throw new Error(v.reason);
    return { events: v.events, twiml: await hooks.voiceResponse(v.orgId, v.events[0], req) };
  }

  it('places a call with answering-machine detection and status callbacks', async () => {
    const p = new TwilioVoiceProvider({
      orgId: 'org_v',
      settings,
      publicUrl: PUBLIC_URL,
      scripts,
      timeoutMs: 5_000,
      httpClient: localTwilioHttpClient(api.url),
    });
    const r = await p.send({
      messageId: 'm1',
      orgId: 'org_v',
      channel: 'voicebot',
      to: '+525512345678',
      text: '',
      voiceScriptId: 'vs_1',
    });
    expect(r).toMatchObject({ ok: true, status: 'queued' });
    const form = new URLSearchParams(api.requests[0]?.body);
    expect(form.get('MachineDetection')).toBe('DetectMessageEnd');
    expect(form.get('Url')).toBe(
      'https://saldo.example.com/v1/webhooks/twilio/voice?script=vs_1&step=answer&attempt=0',
    );
    expect(form.get('StatusCallback')).toBe('https://saldo.example.com/v1/webhooks/twilio/status');
  });

  it.each(['es-MX', 'es-ES', 'en-US'] as const)(
    '%s: identity gather in speech+dtmf, then the menu, then transfer to the agent',
    async (locale) => {
      await scripts.put({
        id: `vs_${locale}`,
        orgId: 'org_v',
        country: locale.slice(3),
        script: script(locale),
      });
      const base = {
        AccountSid: settings.accountSid,
        CallSid: 'CA1',
        From: settings.fromSms,
        To: '+525512345678',
      };
      const a = await turn(`/v1/webhooks/twilio/voice?script=vs_${locale}&step=answer&attempt=0`, {
        ...base,
        AnsweredBy: 'human',
      });
      expect(a.twiml).toContain(`<Gather input="speech dtmf" language="${locale}"`);
      expect(a.twiml).toContain(`step=identity`);
      expect(a.events[0]).toMatchObject({ type: 'call', answeredBy: 'human', step: 'answer' });
      const b = await turn(`/v1/webhooks/twilio/voice?script=vs_${locale}&step=identity&attempt=0`, {
        ...base,
        Digits: '1',
      });
      expect(b.twiml).toContain('step=menu');
      const c = await turn(`/v1/webhooks/twilio/voice?script=vs_${locale}&step=menu&attempt=0`, {
        ...base,
        SpeechResult: locale === 'en-US' ? 'agent please' : 'quiero un agente',
      });
      expect(c.twiml).toContain('<Dial answerOnBridge="true">+525511112222</Dial>');
    },
  );

  it('a US answering machine gets only the limited-content voicemail', async () => {
    await scripts.put({ id: 'vs_us', orgId: 'org_v', country: 'US', script: script('en-US') });
    const { twiml } = await turn('/v1/webhooks/twilio/voice?script=vs_us&step=answer&attempt=0', {
      AccountSid: settings.accountSid,
      CallSid: 'CA2',
      From: settings.fromSms,
      To: '+13125550100',
      AnsweredBy: 'machine_end_beep',
    });
    expect(twiml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say language="en-US">Hello, this is Michael Brown from Saldo Services. Please call us back at +1 555 010 0199. You may speak to any of our representatives. Thank you.</Say><Hangup/></Response>',
    );
  });

  it('another organisation cannot play a script that is not theirs', async () => {
    await scripts.put({ id: 'vs_other', orgId: 'org_other', country: 'US', script: script('en-US') });
    const { twiml } = await turn('/v1/webhooks/twilio/voice?script=vs_other&step=answer&attempt=0', {
      AccountSid: settings.accountSid,
      CallSid: 'CA3',
      AnsweredBy: 'human',
    });
    expect(twiml).toContain('<Hangup/>');
    expect(twiml).not.toContain('Gather');
  });
});
