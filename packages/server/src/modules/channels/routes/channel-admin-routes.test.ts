import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildHttp } from '../../../platform/start-saldo.js';
import type { Platform } from '../../../platform/composition-root.js';
import type { Db } from '../../../shared/db/db.js';
import { describeStorage } from '../../../../test/storage.js';
import { importRows, makeRow, newTenant, testPlatform } from '../../../../test/fixtures.js';

const US_SMS_NO_OPT_OUT =
  'Hi {{debtor.firstName}}, {{collector.name}} here about your {{creditor.name}} account: {{amount}} is due {{dueDate}}. This is from a debt collector.';
const AUTH_TOKEN = 'tw-secret-0123456789abcdefXYZ9';

describeStorage('channel administration API', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let platform: Platform;
  let app: FastifyInstance;
  let orgId: string;
  let admin: string;
  let strategist: string;
  let agent: string;
  beforeAll(async () => {
    db = await mode.open();
    ({ platform } = await testPlatform(db));
    app = await buildHttp(platform); // the platform registers the channel admin routes (extra-routes.ts)
    const t = await newTenant(platform);
    orgId = t.orgId;
    admin = t.key;
    strategist = (await platform.auth.createApiKey(orgId, 'strategist', 'strategist')).key;
    agent = (await platform.auth.createApiKey(orgId, 'agent', 'agent')).key;
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });
  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    key: string,
    payload?: unknown,
  ) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${key}` },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  it('lets every role read templates and only admins and strategists write them', async () => {
    expect((await call('GET', '/v1/channels/templates', agent)).statusCode).toBe(200);
    expect((await call('GET', '/v1/channels/templates/defaults', agent)).json().items.length).toBeGreaterThan(
      10,
    );
    const draft = { key: 'sms_reminder_v1', channel: 'sms', locale: 'en-US', body: US_SMS_NO_OPT_OUT };
    expect((await call('POST', '/v1/channels/templates', agent, draft)).statusCode).toBe(403);
    const c = await call('POST', '/v1/channels/templates', strategist, {
      ...draft,
      key: 'role_check',
      purpose: 'reminder',
    });
    expect(c.statusCode).toBe(201);
    expect(c.json().template).toMatchObject({
      key: 'role_check',
      status: 'draft',
      version: 1,
      countries: ['US'],
    });
    expect(
      (await call('POST', `/v1/channels/templates/${c.json().template.id}/publish`, agent)).statusCode,
    ).toBe(403);
    expect(
      (
        await call('PUT', '/v1/channels/settings/smtp', strategist, {
          url: 'smtp://u:p@mail.example.com:587',
          from: 'a@example.com',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses a draft with syntax errors, each with its position', async () => {
    const r = await call('POST', '/v1/channels/templates', admin, {
      key: 'broken',
      purpose: 'reminder',
      channel: 'sms',
      locale: 'es-MX',
      body: 'Hola {{debtor.first}},\n{{#if amount}}debes {{amount}}',
    });
    expect(r.statusCode).toBe(400);
    const errors = r.json().errors as Array<{
      path: string;
      at: number;
      line: number;
      column: number;
      message: string;
    }>;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'body', at: 5, line: 1, column: 6 }),
        expect.objectContaining({ path: 'body', line: 2, column: 1 }),
      ]),
    );
    expect(errors[0]!.message).toMatch(/unknown variable "debtor.first"/);
  });

  it('refuses to publish a US template without the opt-out, citing the rule; previews show SMS segments', async () => {
    const c = await call('POST', '/v1/channels/templates', admin, {
      key: 'sms_reminder_v1',
      channel: 'sms',
      locale: 'en-US',
      body: US_SMS_NO_OPT_OUT,
    });
    expect(c.statusCode).toBe(201);
    // Saved (drafts may be incomplete), with the missing content already reported.
    expect(c.json().checks.contentViolations.map((v: { rule: string }) => v.rule)).toEqual([
      'US-REGF-EOPTOUT',
    ]);
    const id = c.json().template.id as string;
    const p = await call('POST', `/v1/channels/templates/${id}/publish`, admin);
    expect(p.statusCode).toBe(400);
    expect(p.json().errors).toEqual([
      expect.objectContaining({
        country: 'US',
        rule: 'US-REGF-EOPTOUT',
        citation: '12 CFR 1006.6(e)',
        basis: 'law',
        requirement: 'opt_out_instructions',
      }),
    ]);
    expect(p.json().detail).toContain('12 CFR 1006.6(e)');

    const pv = await call('POST', `/v1/channels/templates/${id}/preview`, agent, {});
    expect(pv.statusCode).toBe(200);
    expect(pv.json().text).toContain('Jennifer');
    expect(pv.json().sms).toEqual({
      encoding: 'gsm7',
      segments: 1,
      units: pv.json().text.length,
      perSegment: 160,
      nonGsmCharacters: [],
    });
    // A character outside GSM-7 switches the message to UCS-2: 70/67 units per segment.
    const ucs = await call('POST', `/v1/channels/templates/${id}/preview`, agent, { firstName: 'Zoë 🙂' });
    expect(ucs.json().sms).toMatchObject({
      encoding: 'ucs2',
      segments: 3,
      perSegment: 67,
      nonGsmCharacters: ['ë', '🙂'],
    });
    const builtIn = await call(
      'POST',
      '/v1/channels/templates/tpl_default_reminder_sms_es-MX/preview',
      agent,
      { firstName: 'Ana' },
    );
    expect(builtIn.json().text).toContain('Ana');
    expect(builtIn.json().sms.segments).toBeGreaterThanOrEqual(1);
    const wa = await call(
      'POST',
      '/v1/channels/templates/tpl_default_follow_up_whatsapp_es-MX/preview',
      agent,
    );
    expect(wa.statusCode, wa.body).toBe(200);
    expect(wa.json().whatsapp).toMatchObject({ language: 'es_MX', parameters: expect.any(Array) });
    expect(wa.json().whatsapp.body).toMatch(/\{\{1\}\}/);

    // Fixed: add the opt-out, publish, and the effective template is the org's.
    const u = await call('PATCH', `/v1/channels/templates/${id}`, admin, {
      body: `${US_SMS_NO_OPT_OUT} {{optOutInstructions}}`,
    });
    expect(u.json().checks.contentViolations).toEqual([]);
    const ok = await call('POST', `/v1/channels/templates/${id}/publish`, admin);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().template).toMatchObject({ status: 'published', version: 1 });
    expect((await call('PATCH', `/v1/channels/templates/${id}`, admin, { body: 'x' })).statusCode).toBe(409);
    const eff = await call(
      'GET',
      '/v1/channels/templates/effective?key=sms_reminder_v1&channel=sms&locale=en-US&country=US',
      agent,
    );
    expect(eff.json()).toMatchObject({ source: 'org', template: { id } });
    const other = await call(
      'GET',
      '/v1/channels/templates/effective?key=sms_reminder_v1&channel=sms&locale=es-MX&country=MX',
      agent,
    );
    expect(other.json()).toMatchObject({
      source: 'default',
      template: { id: 'tpl_default_reminder_sms_es-MX' },
    });
  });

  it('stores provider settings with secrets encrypted and never returns them', async () => {
    const body = {
      accountSid: `AC${'0123456789abcdef'.repeat(2)}`,
      authToken: AUTH_TOKEN,
      fromSms: '+15551230000',
    };
    expect(
      (await call('PUT', '/v1/channels/settings/twilio', admin, { ...body, fromSms: '555' })).statusCode,
    ).toBe(400);
    expect(
      (await call('PUT', '/v1/channels/settings/meta', admin, { token: 'x' }))
        .json()
        .errors.map((e: { path: string }) => e.path),
    ).toEqual(expect.arrayContaining(['token', 'phoneNumberId', 'appSecret', 'verifyToken']));
    const put = await call('PUT', '/v1/channels/settings/twilio', admin, body);
    expect(put.statusCode).toBe(200);
    expect(put.body).not.toContain(AUTH_TOKEN);
    expect(put.json()).toMatchObject({
      provider: 'twilio',
      configured: true,
      secrets: { authToken: { set: true, last4: '…XYZ9' } },
      settings: { fromSms: '+15551230000' },
    });
    const smtp = await call('PUT', '/v1/channels/settings/smtp', admin, {
      url: 'smtps://mailer:hunter2-password@smtp.example.com:465',
      from: 'Cobranza <cobranza@example.com>',
    });
    expect(smtp.statusCode).toBe(200);
    expect(smtp.body).not.toContain('hunter2');

    const get = await call('GET', '/v1/channels/settings', agent);
    expect(get.statusCode).toBe(200);
    expect(get.body).not.toContain(AUTH_TOKEN);
    expect(get.body).not.toContain('hunter2');
    const items = get.json().items as Array<{
      provider: string;
      configured: boolean;
      settings: Record<string, string>;
    }>;
    expect(items.map((i) => [i.provider, i.configured])).toEqual([
      ['twilio', true],
      ['meta', false],
      ['smtp', true],
    ]);
    expect(items[2]!.settings.urlRedacted).toBe('smtps://mailer:****@smtp.example.com:465');

    const raw = await db.query<{ provider: string; settings: Record<string, unknown>; secrets_enc: string }>(
      'SELECT provider, settings, secrets_enc FROM channel_settings WHERE org_id = $1 ORDER BY provider',
      [orgId],
    );
    expect(raw.rows.map((r) => r.provider)).toEqual(['smtp', 'twilio']);
    for (const r of raw.rows) {
      expect(r.secrets_enc).toMatch(/^v1:/);
      expect(r.secrets_enc).not.toContain(AUTH_TOKEN);
      expect(JSON.stringify(r.settings)).not.toContain(AUTH_TOKEN);
      expect(JSON.stringify(r.settings)).not.toContain('hunter2');
    }
    // The store decrypts it for the providers, so it really is the token that was stored.
    expect((await platform.channels.stores.settings.forOrg(orgId))?.twilio?.authToken).toBe(AUTH_TOKEN);
    // An omitted secret keeps the stored one.
    expect(
      (
        await call('PUT', '/v1/channels/settings/twilio', admin, {
          accountSid: body.accountSid,
          fromSms: '+15551239999',
        })
      ).statusCode,
    ).toBe(200);
    expect((await platform.channels.stores.settings.forOrg(orgId))?.twilio).toMatchObject({
      authToken: AUTH_TOKEN,
      fromSms: '+15551239999',
    });
    expect((await call('DELETE', '/v1/channels/settings/smtp', admin)).json()).toEqual({ removed: true });
    // Metrics span every organisation: the operator's only.
    expect((await call('GET', '/v1/channels/metrics', admin)).statusCode).toBe(403);
    expect((await call('GET', '/v1/channels/metrics', agent)).statusCode).toBe(403);
    // Another organisation sees none of it.
    const other = await newTenant(platform);
    expect(
      (await call('GET', '/v1/channels/settings', other.key))
        .json()
        .items.every((i: { configured: boolean }) => !i.configured),
    ).toBe(true);
  });

  it('keeps the default organisation on the environment and shows it the process metrics', async () => {
    const operator = (await platform.auth.createApiKey(platform.defaultOrgId, 'operator', 'admin')).key;
    expect(
      (
        await call('PUT', '/v1/channels/settings/smtp', operator, {
          url: 'smtp://u:p@mail.example.com:587',
          from: 'a@example.com',
        })
      ).statusCode,
    ).toBe(409);
    expect((await call('GET', '/v1/channels/settings', operator)).json().items[0]).toMatchObject({
      provider: 'twilio',
      configured: false,
    });
    const m = await call('GET', '/v1/channels/metrics', operator);
    expect(m.statusCode).toBe(200);
    expect(m.json()).toMatchObject({ scope: 'process', items: expect.any(Array) });
  });

  it("renders the organisation's published template at the next contact (end to end)", async () => {
    const t = await newTenant(platform);
    await importRows(platform, t.orgId, [makeRow({ external_ref: 'E2E-1', debtor_ref: 'E2E-D1' })]);
    const account = (await call('GET', '/v1/accounts', t.key)).json().items[0] as { id: string };
    const send = (n: number) =>
      platform.channels.messaging.contact({
        orgId: t.orgId,
        accountId: account.id,
        channel: 'sms',
        templateId: 'tpl_default_reminder_sms_es-MX',
        idempotencyKey: `e2e:${n}`,
        requestedBy: { kind: 'system', id: 'test' },
      });
    const first = await send(1);
    expect(first.kind).toBe('sent');
    const c = await call('POST', '/v1/channels/templates', t.key, {
      key: 'sms_reminder_v1',
      channel: 'sms',
      locale: 'es-MX',
      countries: ['MX'],
      body: 'PLANTILLA-PROPIA: {{debtor.firstName}}, {{collector.name}} le recuerda su saldo de {{amount}} con {{creditor.name}}. {{optOutInstructions}}',
    });
    expect(c.statusCode).toBe(201);
    const id = c.json().template.id as string;
    expect((await call('POST', `/v1/channels/templates/${id}/publish`, t.key)).statusCode).toBe(200);
    const second = await send(2);
    expect(second.kind).toBe('sent');
    const rows = await db.query<{ idempotency_key: string; template_id: string }>(
      'SELECT idempotency_key, template_id FROM outbound_messages WHERE org_id = $1 ORDER BY idempotency_key',
      [t.orgId],
    );
    expect(rows.rows).toEqual([
      { idempotency_key: 'e2e:1', template_id: 'tpl_default_reminder_sms_es-MX' },
      { idempotency_key: 'e2e:2', template_id: id },
    ]);
    const timeline = (await call('GET', `/v1/accounts/${account.id}/timeline?order=desc`, t.key)).json()
      .items as Array<{ direction: string | null; summary: string }>;
    const outbound = timeline.filter((e) => e.direction === 'outbound');
    expect(outbound[0]!.summary).toContain('PLANTILLA-PROPIA: Ana');
    expect(outbound[1]!.summary).not.toContain('PLANTILLA-PROPIA');
    // Tenant isolation: another organisation cannot see or publish it.
    const other = await newTenant(platform);
    expect((await call('GET', `/v1/channels/templates/${id}`, other.key)).statusCode).toBe(404);
    expect((await call('GET', '/v1/channels/templates', other.key)).json().items).toEqual([]);
  });
});
