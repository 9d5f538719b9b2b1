import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildHttp } from '../../../platform/start-saldo.js';
import type { Platform } from '../../../platform/composition-root.js';
import type { Db } from '../../../shared/db/db.js';
import type { ManualClock } from '../../../shared/clock/manual-clock.js';
import { describeStorage } from '../../../../test/storage.js';
import { importRows, makeRow, newTenant, testPlatform } from '../../../../test/fixtures.js';
import { signTwilioRequest } from '../adapters/webhooks/twilio-webhook.js';
import { signMetaBody } from '../adapters/webhooks/meta-webhook.js';

// A provider identity (Twilio Account SID, Meta phone_number_id) names the organisation a signed
// webhook belongs to. If a second organisation could save the same identity, the lookup would pick
// one of the two and the other's signed requests would fail their signature check: lost replies,
// lost delivery statuses and, worst, lost opt-outs (Twilio does not retry a 4xx).
const PUBLIC_URL = 'http://localhost:3000'; // testConfig: no SALDO_PUBLIC_URL, port 3000
const SID_A = 'AC0000000000000000000000000000a0a0';
const TOKEN_A = 'victim-auth-token-0123456789';
const DEBTOR_PHONE = '+525512345678'; // makeRow's phone

describeStorage('provider identities belong to one organisation', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let platform: Platform;
  let app: FastifyInstance;
  let clock: ManualClock;
  beforeAll(async () => {
    db = await mode.open();
    ({ platform, clock } = await testPlatform(db));
    app = await buildHttp(platform);
  });
  afterAll(async () => {
    await app.close();
    await platform.channels.close();
    await db.drop();
  });
  const put = (key: string, provider: string, payload: object) =>
    app.inject({
      method: 'PUT',
      url: `/v1/channels/settings/${provider}`,
      headers: { authorization: `Bearer ${key}` },
      payload,
    });

  it("another organisation cannot take over a Twilio account: 409, nothing saved, and the owner's signed STOP still opts the debtor out", async () => {
    const a = await newTenant(platform);
    const b = await newTenant(platform);
    await importRows(platform, a.orgId, [makeRow({ external_ref: 'OWN-1', debtor_ref: 'OWN-D1' })]);
    expect(
      (await put(a.key, 'twilio', { accountSid: SID_A, authToken: TOKEN_A, fromSms: '+15005550006' }))
        .statusCode,
    ).toBe(200);

    clock.advance(60_000); // the attacker saves later: the newest row used to win the lookup
    const takeover = await put(b.key, 'twilio', {
      accountSid: SID_A,
      authToken: 'attacker-auth-token-0123456789',
      fromSms: '+15005550007',
    });
    expect(takeover.statusCode).toBe(409);
    expect(takeover.json().detail).toMatch(/already connected to another organisation/);
    expect(takeover.body).not.toContain(a.orgId);
    const bSettings = await db.query('SELECT 1 FROM channel_settings WHERE org_id = $1', [b.orgId]);
    expect(bSettings.rows).toHaveLength(0);

    const url = '/v1/webhooks/twilio/messages';
    const stop = {
      AccountSid: SID_A,
      MessageSid: 'SM-takeover-stop',
      From: DEBTOR_PHONE,
      To: '+15005550006',
      Body: 'STOP',
      NumMedia: '0',
    };
    const res = await app.inject({
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signTwilioRequest(TOKEN_A, PUBLIC_URL + url, stop),
      },
      payload: new URLSearchParams(stop).toString(),
    });
    expect(res.statusCode).toBe(200);
    await platform.channels.inbound.processPending();
    const optOut = await db.query<{ opt_out_source: string }>(
      `SELECT cc.opt_out_source FROM channel_consents cc JOIN debtors d ON d.id = cc.debtor_id
        WHERE cc.org_id = $1 AND d.external_ref = 'OWN-D1' AND cc.channel = 'sms' AND cc.opted_out_at IS NOT NULL`,
      [a.orgId],
    );
    expect(optOut.rows).toHaveLength(1);
  });

  it('a Meta phone number id is owned the same way; the owner keeps receiving signed messages', async () => {
    const a = await newTenant(platform);
    const b = await newTenant(platform);
    const meta = {
      token: 'meta-token-owner-0123456789',
      phoneNumberId: '777000111',
      appSecret: 'meta-app-secret-owner-0123',
      verifyToken: 'verify-owner-01',
    };
    expect((await put(a.key, 'meta', meta)).statusCode).toBe(200);
    clock.advance(60_000);
    const takeover = await put(b.key, 'meta', {
      ...meta,
      appSecret: 'meta-app-secret-thief-0123',
      token: 'meta-token-thief-0123456789',
    });
    expect(takeover.statusCode).toBe(409);
    expect(takeover.json().detail).toMatch(/phone number id 777000111 is already connected/);
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        { id: 'W', changes: [{ field: 'messages', value: { metadata: { phone_number_id: '777000111' } } }] },
      ],
    });
    const res = await app.inject({
      method: 'POST',
      url: '/v1/webhooks/whatsapp',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signMetaBody(meta.appSecret, body),
      },
      payload: body,
    });
    expect(res.statusCode).toBe(200);
  });

  it('re-saving its own identity is fine; after the owner removes it, another organisation may take it', async () => {
    const a = await newTenant(platform);
    const b = await newTenant(platform);
    const sid = 'AC0000000000000000000000000000b1b1';
    const body = { accountSid: sid, authToken: 'owner-token-0123456789ab', fromSms: '+15005550006' };
    expect((await put(a.key, 'twilio', body)).statusCode).toBe(200);
    expect((await put(a.key, 'twilio', { ...body, fromSms: '+15005550008' })).statusCode).toBe(200);
    expect((await put(b.key, 'twilio', body)).statusCode).toBe(409);
    // Two saves racing past the check: the unique index decides, and the loser gets a conflict too.
    await expect(
      platform.channels.stores.settings.put({ orgId: b.orgId, twilio: body }),
    ).rejects.toMatchObject({ kind: 'conflict' });
    await app.inject({
      method: 'DELETE',
      url: '/v1/channels/settings/twilio',
      headers: { authorization: `Bearer ${a.key}` },
    });
    expect((await put(b.key, 'twilio', body)).statusCode).toBe(200);
  });
});
