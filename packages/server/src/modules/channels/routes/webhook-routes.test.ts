import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { ManualClock } from '../../../shared/clock/manual-clock.js';
import {
  MemoryContactPoints,
  MemoryEventBus,
  MemoryOptOuts,
  MemoryTimeline,
} from '../testing/memory-channel-records.js';
import { MemoryInboundStore } from '../testing/memory-inbound-store.js';
import { MemoryVoiceScriptStore } from '../testing/memory-voice-script-store.js';
import { createSettingsResolver } from '../adapters/create-channel-providers.js';
import { createEmailTracking, signTrackingToken } from '../adapters/email-tracking.js';
import { createChannelWebhooks } from '../adapters/webhooks/channel-webhooks.js';
import { signMetaBody } from '../adapters/webhooks/meta-webhook.js';
import { signTwilioRequest } from '../adapters/webhooks/twilio-webhook.js';
import { createReceiveInbound } from '../usecases/receive-inbound.js';
import webhookRoutes from './webhook-routes.js';

const PUBLIC_URL = 'https://saldo.example.com';
const twilio = {
  accountSid: 'AC00000000000000000000000000000009',
  authToken: 'route_token',
  fromSms: '+15005550006',
};
const meta = { token: 't', phoneNumberId: '555000', appSecret: 'meta_secret', verifyToken: 'vt-123' };

async function setup() {
  const clock = new ManualClock('2026-11-24T18:00:00Z');
  const store = new MemoryInboundStore();
  const timeline = new MemoryTimeline();
  const events = new MemoryEventBus();
  const contacts = new MemoryContactPoints().add('org_default', '+525512345678', {
    debtorId: 'dbt_1',
    accountId: 'acct_1',
  });
  const optOuts = new MemoryOptOuts();
  const inbound = createReceiveInbound({ store, contacts, timeline, events, optOuts, clock });
  const rejected: Record<string, unknown>[] = [];
  const app = Fastify();
  await app.register(async (a) =>
    webhookRoutes(a, {
      webhooks: createChannelWebhooks({
        settings: createSettingsResolver({ orgId: 'org_default', twilio, meta }),
        publicUrl: PUBLIC_URL,
        clock,
        voiceScripts: new MemoryVoiceScriptStore(),
      }),
      inbound,
      tracking: createEmailTracking({ secret: 'trk', clock }),
      log: (_level, msg, data) => void rejected.push({ msg, ...data }),
    }),
  );
  const settle = () => new Promise((r) => setTimeout(r, 20));
  return { app, store, timeline, events, optOuts, rejected, settle, inbound };
}

const form = (p: Record<string, string>) => new URLSearchParams(p).toString();
const sms = {
  AccountSid: twilio.accountSid,
  MessageSid: 'SM100',
  From: '+525512345678',
  To: twilio.fromSms,
  Body: 'Pago el viernes',
  NumMedia: '0',
};

describe('webhook routes', () => {
  it('accepts a signed Twilio message: stored, acknowledged with TwiML, then on the timeline and the bus', async () => {
    const s = await setup();
    const url = '/v1/webhooks/twilio/messages';
    const res = await s.app.inject({
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signTwilioRequest(twilio.authToken, PUBLIC_URL + url, sms),
      },
      payload: form(sms),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/xml/);
    expect(res.body).toContain('<Response></Response>');
    await s.settle();
    expect(s.timeline.forDebtor('dbt_1')).toMatchObject([
      { summary: 'Pago el viernes', direction: 'inbound' },
    ]);
    expect(s.events.published).toMatchObject([{ type: 'channel.message_received', debtorId: 'dbt_1' }]);
  });

  it('rejects unsigned, mis-signed and wrong-URL Twilio requests with 403 and logs them; nothing is stored', async () => {
    const s = await setup();
    const url = '/v1/webhooks/twilio/messages';
    const bad = [
      {},
      { 'x-twilio-signature': 'AAAA' },
      { 'x-twilio-signature': signTwilioRequest('wrong-token', PUBLIC_URL + url, sms) },
      { 'x-twilio-signature': signTwilioRequest(twilio.authToken, 'https://evil.example.com' + url, sms) },
      {
        'x-twilio-signature': signTwilioRequest(twilio.authToken, PUBLIC_URL + url, {
          ...sms,
          Body: 'tampered',
        }),
      },
    ];
    for (const h of bad) {
      const res = await s.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...h },
        payload: form(sms),
      });
      expect(res.statusCode).toBe(403);
    }
    expect(s.rejected).toHaveLength(5);
    expect(s.rejected[0]).toMatchObject({ msg: 'webhook rejected', path: url });
    expect(await s.store.listUnprocessed(10)).toHaveLength(0);
  });

  it('a redelivered Twilio message is stored once', async () => {
    const s = await setup();
    const url = '/v1/webhooks/twilio/messages';
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signTwilioRequest(twilio.authToken, PUBLIC_URL + url, sms),
    };
    await s.app.inject({ method: 'POST', url, headers, payload: form(sms) });
    await s.app.inject({ method: 'POST', url, headers, payload: form(sms) });
    await s.settle();
    expect(s.timeline.entries).toHaveLength(1);
  });

  it('STOP over SMS opts the debtor out at once', async () => {
    const s = await setup();
    const url = '/v1/webhooks/twilio/messages';
    const stop = { ...sms, MessageSid: 'SM101', Body: 'STOP' };
    await s.app.inject({
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signTwilioRequest(twilio.authToken, PUBLIC_URL + url, stop),
      },
      payload: form(stop),
    });
    await s.settle();
    expect(s.optOuts.isOptedOut('dbt_1', 'sms')).toBe(true);
  });

  it('status callbacks: signed → 204, unsigned → 403', async () => {
    const s = await setup();
    const url = '/v1/webhooks/twilio/status';
    const p = { AccountSid: twilio.accountSid, MessageSid: 'SM200', MessageStatus: 'delivered' };
    expect(
      (
        await s.app.inject({
          method: 'POST',
          url,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-twilio-signature': signTwilioRequest(twilio.authToken, PUBLIC_URL + url, p),
          },
          payload: form(p),
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await s.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: form(p),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('Meta: GET handshake echoes the challenge only with the right verify token', async () => {
    const s = await setup();
    const ok = await s.app.inject({
      method: 'GET',
      url: '/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=vt-123&hub.challenge=8675309',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('8675309');
    expect(
      (
        await s.app.inject({
          method: 'GET',
          url: '/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('Meta: a signed POST is processed; a bad X-Hub-Signature-256 gets 403', async () => {
    const s = await setup();
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'W',
          changes: [
            {
              field: 'messages',
              value: {
                metadata: { phone_number_id: '555000', display_phone_number: '15550001111' },
                messages: [
                  {
                    from: '525512345678',
                    id: 'wamid.A1',
                    timestamp: '1795975200',
                    type: 'text',
                    text: { body: 'ya pagué' },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    const good = await s.app.inject({
      method: 'POST',
      url: '/v1/webhooks/whatsapp',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signMetaBody(meta.appSecret, body),
      },
      payload: body,
    });
    expect(good.statusCode).toBe(200);
    const bad = await s.app.inject({
      method: 'POST',
      url: '/v1/webhooks/whatsapp',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody('other', body) },
      payload: body,
    });
    expect(bad.statusCode).toBe(403);
    const none = await s.app.inject({
      method: 'POST',
      url: '/v1/webhooks/whatsapp',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect(none.statusCode).toBe(403);
    await s.settle();
    expect(s.timeline.forDebtor('dbt_1')).toMatchObject([{ channel: 'whatsapp', summary: 'ya pagué' }]);
  });

  it('email tracking: the pixel and signed clicks are recorded; forged clicks do not redirect', async () => {
    const s = await setup();
    const open = await s.app.inject({
      method: 'GET',
      url: `/v1/track/open.gif?t=${signTrackingToken('trk', { o: 'org_default', m: 'msg_1@x' })}`,
    });
    expect(open.statusCode).toBe(200);
    expect(open.headers['content-type']).toBe('image/gif');
    const click = await s.app.inject({
      method: 'GET',
      url: `/v1/track/click?t=${signTrackingToken('trk', { o: 'org_default', m: 'msg_1@x', u: 'https://pay.example/p/1' })}`,
    });
    expect(click.statusCode).toBe(302);
    expect(click.headers.location).toBe('https://pay.example/p/1');
    const forged = await s.app.inject({
      method: 'GET',
      url: `/v1/track/click?t=${signTrackingToken('not-the-secret', { o: 'org_default', m: 'm', u: 'https://evil.example' })}`,
    });
    expect(forged.statusCode).toBe(404);
    await s.settle();
    expect(
      s.events.published
        .filter((e) => e.type === 'channel.status_changed')
        .map((e) => e.type === 'channel.status_changed' && e.event.type === 'status' && e.event.status),
    ).toEqual(['opened', 'clicked']);
  });
});
