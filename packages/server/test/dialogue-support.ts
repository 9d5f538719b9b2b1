// Shared harness of the dialogue runner's end-to-end tests: a platform with the dialogue on, Twilio
// signing its webhooks, every send going to the sandbox provider; signed inbound SMS, the bot's sent
// replies in order, and debtors imported with a date of birth.
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { RawImportRow } from '@saldo/core/record';
import { ManualClock } from '../src/shared/clock/manual-clock.js';
import type { Db } from '../src/shared/db/db.js';
import { buildPlatform, type Platform } from '../src/platform/composition-root.js';
import { buildHttp } from '../src/platform/start-saldo.js';
import { loadConfig } from '../src/platform/config.js';
import { signTwilioRequest } from '../src/modules/channels/adapters/webhooks/twilio-webhook.js';
import { makeRow, T0, withOpenedSummary } from './fixtures.js';

export const PUBLIC_URL = 'https://saldo.example.com';
export const TWILIO = { sid: 'AC00000000000000000000000000d1a001', token: 'dialogue_auth_token' };

export interface DialogueHarness {
  db: Db & { drop(): Promise<void> };
  platform: Platform;
  app: FastifyInstance;
  clock: ManualClock;
  close(): Promise<void>;
}

/** A platform with the dialogue on over `db`, Twilio signing its webhooks, every send to the sandbox; `env` adds configuration (e.g. SALDO_DIALOGUE_REPHRASE*). */
export function buildDialoguePlatform(
  db: Db,
  clock: ManualClock,
  env: Record<string, string> = {},
): Promise<Platform> {
  return buildPlatform({
    db,
    clock,
    sandboxOnly: true,
    config: loadConfig({
      SALDO_SECRET_KEY: 'dialogue-secret-0123456789abcdef',
      TWILIO_ACCOUNT_SID: TWILIO.sid,
      TWILIO_AUTH_TOKEN: TWILIO.token,
      SALDO_PUBLIC_URL: PUBLIC_URL,
      SALDO_DIALOGUE: 'on',
      ...env,
    }),
  });
}

export async function openDialogueHarness(
  db: Db & { drop(): Promise<void> },
  env: Record<string, string> = {},
): Promise<DialogueHarness> {
  const clock = new ManualClock(T0); // Tuesday 2026-11-24, 15:00Z: 09:00 in Mexico City, 10:00 in New York
  const platform = await buildDialoguePlatform(db, clock, env);
  const app = await buildHttp(platform);
  return {
    db,
    platform,
    app,
    clock,
    async close() {
      await app.close();
      await platform.channels.close();
      await db.drop();
    },
  };
}

/** A signed Twilio form post (the signature over the public URL and the form, as Twilio signs it). */
export function signedForm(url: string, form: Record<string, string>, token = TWILIO.token) {
  return {
    method: 'POST' as const,
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signTwilioRequest(token, PUBLIC_URL + url, form),
    },
    payload: new URLSearchParams(form).toString(),
  };
}

let sid = 0;
/** A signed inbound SMS, then the worker's domain-event job (the runner answers there). */
export async function sms(h: DialogueHarness, from: string, body: string): Promise<void> {
  const form = {
    AccountSid: TWILIO.sid,
    MessageSid: `SM-dlg-${process.pid}-${++sid}`,
    From: from,
    To: '+15005550006',
    Body: body,
    NumMedia: '0',
  };
  const res = await h.app.inject(signedForm('/v1/webhooks/twilio/messages', form));
  expect(res.statusCode).toBe(200);
  await expect
    .poll(
      async () =>
        (
          await h.db.query(
            `SELECT 1 FROM domain_events WHERE type = 'channel.message_received' AND payload->'event'->>'providerMessageId' = $1`,
            [form.MessageSid],
          )
        ).rows.length,
    )
    .toBe(1);
  await h.platform.events.drain();
}

/** The messages sent on an account, in the order of the conversation's turns. */
export async function sentReplies(h: DialogueHarness, accountId: string) {
  const rows = (
    await h.db.query<{ template_id: string; m_channel: string }>(
      `SELECT t.*, m.template_id, m.channel AS m_channel
         FROM outbound_messages m
         JOIN timeline_events t ON t.data->>'messageId' = m.id AND t.direction = 'outbound'
        WHERE m.account_id = $1
        ORDER BY split_part(m.idempotency_key, ':', 3)::int, split_part(m.idempotency_key, ':', 4)::int`,
      [accountId],
    )
  ).rows;
  return (await withOpenedSummary(h.db, rows, 'dialogue-secret-0123456789abcdef')).map((r) => ({
    template_id: r.template_id,
    text: r.text,
    channel: r.m_channel,
  }));
}

/** Imports one debtor (date of birth 1988-04-12) with one account in a portfolio of its own. */
export async function debtorWith(
  h: DialogueHarness,
  ref: string,
  over: Partial<RawImportRow>,
  portfolio: { currency: string; country: string } = { currency: 'MXN', country: 'MX' },
) {
  const orgId = h.platform.defaultOrgId;
  await h.platform.imports.importRows(
    orgId,
    [makeRow({ external_ref: `A-${ref}`, debtor_ref: `D-${ref}`, date_of_birth: '1988-04-12', ...over })],
    { portfolio: { code: `pf-${ref}`, ...portfolio }, mode: 'all_or_nothing', sourceName: 'test' },
  );
  const account = (await h.platform.record.listAccounts(orgId, { limit: 100 })).items.find(
    (a) => a.externalRef === `A-${ref}`,
  )!;
  return { orgId, account };
}

/** A debtor in the United States, English-speaking, in New York, who consented to texts. */
export const usDebtor = (phone: string): Partial<RawImportRow> => ({
  phone,
  language: 'en',
  country: 'US',
  region: 'US-NY',
  timezone: 'America/New_York',
  currency: 'USD',
  first_name: 'Jamie',
  last_name: 'Parker',
});
export const US_PORTFOLIO = { currency: 'USD', country: 'US' };

/** A voicebot call placed through the send path (the sandbox takes it); its provider id is the CallSid. */
export async function placeCall(
  h: DialogueHarness,
  orgId: string,
  accountId: string,
  ref: string,
): Promise<string> {
  // Consent to an AI voice call (US-TCPA-AI-VOICE), recorded as the debtor gave it.
  await h.db.query(
    `INSERT INTO channel_consents (org_id, debtor_id, channel, state, source, recorded_at)
     SELECT org_id, debtor_id, 'voicebot', 'granted', 'test', '2026-11-01T00:00:00Z' FROM accounts WHERE id = $1`,
    [accountId],
  );
  const out = await h.platform.channels.messaging.contact({
    orgId,
    accountId,
    channel: 'voicebot',
    templateId: 'tpl_dialogue_identity_check',
    idempotencyKey: `call:${ref}`,
    requestedBy: { kind: 'system', id: 'test' },
    reply: {
      text: '.',
      kind: 'identity_check',
      content: { miniMiranda: false, optOutInstructions: false },
    },
  });
  expect(out).toMatchObject({ kind: 'sent' });
  return out.kind === 'sent' ? out.providerMessageId : '';
}

/** A signed Twilio voice webhook of a call: answered (`step` answer) or a Gather's result (`dialogue`). */
export function voiceWebhook(
  h: DialogueHarness,
  call: { sid: string; to: string },
  step: string,
  attempt: number,
  extra: Record<string, string> = {},
) {
  return h.app.inject(
    signedForm(`/v1/webhooks/twilio/voice?script=vs_none&step=${step}&attempt=${attempt}`, {
      AccountSid: TWILIO.sid,
      CallSid: call.sid,
      From: '+15005550006',
      To: call.to,
      ...extra,
    }),
  );
}
