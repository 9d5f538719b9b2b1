// The provider-faults drill (ADR 0011): the real dispatcher and the real send path
// (`Messaging.contact` with its SQL stores) drive the REAL Twilio, Meta and SMTP adapters against
// scripted fakes on 127.0.0.1 that answer 500, 503 with Retry-After, 429 (or SMTP 451), hang past
// the provider deadline before or after accepting, or drop the connection. Simulated time moves to
// each next attempt; the provider deadline is real but short (config).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultTemplates, type MessageTemplate } from '@saldo/core/channels';
import type { StrategyDefinition } from '@saldo/core/strategy';
import { ManualClock } from '../../shared/clock/manual-clock.js';
import type { Db } from '../../shared/db/db.js';
import { createSqlOutboundMessageStore } from '../channels/adapters/sql/outbound-message-store.js';
import {
  createSqlComplianceRefusalStore,
  createSqlContactTargetStore,
} from '../channels/adapters/sql/contact-target-store.js';
import { createSqlVoiceScriptStore } from '../channels/adapters/sql/voice-script-store.js';
import { createPaymentLinks } from '../channels/adapters/payment-links.js';
import { MetaWhatsAppProvider } from '../channels/adapters/meta-whatsapp.js';
import { SmtpEmailProvider } from '../channels/adapters/smtp-email.js';
import { TwilioMessagingProvider } from '../channels/adapters/twilio-messaging.js';
import { localTwilioHttpClient } from '../channels/testing/fake-provider-apis.js';
import type { ChannelProvider } from '../channels/ports/channel-provider.js';
import { createContactDebtor } from '../channels/usecases/contact-debtor.js';
import { testVault } from '../../shared/crypto/test-vault.js';
import { createSqlTimelineStore } from '../record/adapters/sql-timeline-store.js';
import { buildEngine } from './create-strategy.js';
import { defaultBackoff } from './usecases/dispatch-retry-policy.js';
import { importRows, makeRow, newTenant, testPlatform, T0 } from '../../../test/fixtures.js';
import { describeStorage } from '../../../test/storage.js';
import { makeTestStrategy } from '../../../test/strategy-support.js';
import {
  RETRY_AFTER_S,
  startScriptedMeta,
  startScriptedSmtp,
  startScriptedTwilio,
  type Fault,
} from '../../../test/provider-faults-support.js';

/** The provider deadline of the drill (SALDO_PROVIDER_TIMEOUT_MS): real, short. */
const TIMEOUT_MS = 2_000;
const MAX_ATTEMPTS = 4;
const SEND_LEASE_MS = 30_000;

type Channel = 'sms' | 'whatsapp' | 'email';
/** What the drill expects of one contact once everything settled. */
interface Case {
  name: string;
  channel: Channel;
  script: Fault[];
  outbox: 'sent' | 'dead';
  /** Send requests that reached the fake provider, and messages it accepted. */
  calls: number;
  accepted: number;
  /** For a dead letter: the reason recorded. */
  reason?: string;
  /** The accepted message goes out again under the same id after an unknown outcome (email only). */
  afterUnknown?: boolean;
  /** Minimum wait between consecutive requests, from the recorded attempts (simulated time). */
  gapsAtLeastMs?: number[];
}

const min = 60_000;
const cases: Case[] = [
  // Twilio SMS: answers are retried with back-off; no answer is reconciled by listing messages first.
  { name: 'tw-accept', channel: 'sms', script: [], outbox: 'sent', calls: 1, accepted: 1 },
  {
    name: 'tw-500',
    channel: 'sms',
    script: ['http_500'],
    outbox: 'sent',
    calls: 2,
    accepted: 1,
    gapsAtLeastMs: [min],
  },
  {
    name: 'tw-503',
    channel: 'sms',
    script: ['http_503_retry_after'],
    outbox: 'sent',
    calls: 2,
    accepted: 1,
    gapsAtLeastMs: [RETRY_AFTER_S * 1000],
  },
  {
    name: 'tw-429',
    channel: 'sms',
    script: ['http_429', 'http_429'],
    outbox: 'sent',
    calls: 3,
    accepted: 1,
    gapsAtLeastMs: [min, 4 * min],
  },
  {
    name: 'tw-hang-before',
    channel: 'sms',
    script: ['hang_before_accepting'],
    outbox: 'sent',
    calls: 2,
    accepted: 1,
    gapsAtLeastMs: [min],
  },
  {
    name: 'tw-hang-after',
    channel: 'sms',
    script: ['hang_after_accepting'],
    outbox: 'sent',
    calls: 1,
    accepted: 1,
  },
  {
    name: 'tw-reset-before',
    channel: 'sms',
    script: ['reset_before_accepting'],
    outbox: 'sent',
    calls: 2,
    accepted: 1,
  },
  {
    name: 'tw-reset-after',
    channel: 'sms',
    script: ['reset_after_accepting'],
    outbox: 'sent',
    calls: 1,
    accepted: 1,
  },
  {
    name: 'tw-500-always',
    channel: 'sms',
    script: Array<Fault>(MAX_ATTEMPTS).fill('http_500'),
    outbox: 'dead',
    calls: MAX_ATTEMPTS,
    accepted: 0,
    reason: 'provider_error',
    gapsAtLeastMs: [min, 4 * min, 16 * min],
  },
  // Meta WhatsApp: answers are retried; no answer is given up (no lookup exists), never re-sent.
  {
    name: 'meta-500',
    channel: 'whatsapp',
    script: ['http_500'],
    outbox: 'sent',
    calls: 2,
    accepted: 1,
    gapsAtLeastMs: [min],
  },
  {
    name: 'meta-503',
    channel: 'whatsapp',
    script: ['http_503_retry_after'],
    outbox: 'sent',
    calls: 2,
    accepted: 1,
    gapsAtLeastMs: [RETRY_AFTER_S * 1000],
  },
  {
    name: 'meta-429',
    channel: 'whatsapp',
    script: ['http_429'],
    outbox: 'sent',
    calls: 2,
    accepted: 1,
    gapsAtLeastMs: [min],
  },
  {
    name: 'meta-hang-before',
    channel: 'whatsapp',
    script: ['hang_before_accepting'],
    outbox: 'dead',
    calls: 1,
    accepted: 0,
    reason: 'outcome_unknown',
  },
  {
    name: 'meta-hang-after',
    channel: 'whatsapp',
    script: ['hang_after_accepting'],
    outbox: 'dead',
    calls: 1,
    accepted: 1,
    reason: 'outcome_unknown',
  },
  {
    name: 'meta-reset-after',
    channel: 'whatsapp',
    script: ['reset_after_accepting'],
    outbox: 'dead',
    calls: 1,
    accepted: 1,
    reason: 'outcome_unknown',
  },
  {
    name: 'meta-reset-before',
    channel: 'whatsapp',
    script: ['reset_before_accepting'],
    outbox: 'dead',
    calls: 1,
    accepted: 0,
    reason: 'outcome_unknown',
  },
  // SMTP: a 4xx answer is retried; no answer is sent again under the same Message-ID (tolerated).
  { name: 'smtp-accept', channel: 'email', script: [], outbox: 'sent', calls: 1, accepted: 1 },
  {
    name: 'smtp-451',
    channel: 'email',
    script: ['smtp_451'],
    outbox: 'sent',
    calls: 2,
    accepted: 1,
    gapsAtLeastMs: [min],
  },
  {
    name: 'smtp-hang-before',
    channel: 'email',
    script: ['hang_before_accepting'],
    outbox: 'sent',
    calls: 2,
    accepted: 1,
    afterUnknown: true,
  },
  {
    name: 'smtp-hang-after',
    channel: 'email',
    script: ['hang_after_accepting'],
    outbox: 'sent',
    calls: 2,
    accepted: 2,
    afterUnknown: true,
  },
];

const phone = (i: number) => `+5255100${String(i).padStart(5, '0')}`;
const email = (i: number) => `d${i}@example.com`;
/** The fake's key for a case's recipient. */
function recipient(c: Case, i: number): string {
  if (c.channel === 'email') return email(i);
  return c.channel === 'whatsapp' ? phone(i).slice(1) : phone(i);
}

/** A strategy that sends once on `channel`, then ends. */
function oneSend(id: string, channel: Channel, template: string): StrategyDefinition {
  const base = makeTestStrategy({ id });
  const segment = base.segments[0]!;
  return {
    ...base,
    segments: [
      {
        ...segment,
        journey: {
          entry: 'first',
          nodes: {
            first: { kind: 'send', channel, template, next: 'bye' },
            bye: { kind: 'exit', reason: 'unresolved' },
          },
        },
      },
    ],
  };
}

const strategyOf: Record<Channel, { id: string; template: string }> = {
  sms: { id: 'stg_sms', template: 'sms_reminder_v1' },
  whatsapp: { id: 'stg_wa', template: 'promise_request_whatsapp_v1' },
  email: { id: 'stg_email', template: 'reminder_email_v1' },
};

/** The built-in templates, with WhatsApp's approved by Meta (Meta sends nothing else outside the window). */
const templates: MessageTemplate[] = defaultTemplates.map((t) =>
  t.whatsapp ? { ...t, whatsapp: { ...t.whatsapp, status: 'approved' as const } } : t,
);

describeStorage(
  'provider faults drill: 5xx, 429, Retry-After, hangs and resets at the real adapters',
  (mode) => {
    let db: Db & { drop(): Promise<void> };
    const clock = new ManualClock(T0);
    const script = (ch: Channel) =>
      new Map(cases.flatMap((c, i) => (c.channel === ch ? [[recipient(c, i), c.script] as const] : [])));
    let fakes: Awaited<ReturnType<typeof startFakes>>;
    async function startFakes() {
      return {
        twilio: await startScriptedTwilio(clock, script('sms')),
        meta: await startScriptedMeta(clock, script('whatsapp')),
        smtp: await startScriptedSmtp(clock, script('email')),
      };
    }
    beforeAll(async () => {
      db = await mode.open();
      fakes = await startFakes();
    });
    afterAll(async () => {
      await Promise.all([fakes.twilio.close(), fakes.meta.close(), fakes.smtp.close()]);
      await db.drop();
    });

    function providers(orgId: string): Record<Channel, ChannelProvider> {
      return {
        sms: new TwilioMessagingProvider({
          orgId,
          settings: { accountSid: `AC${'0'.repeat(31)}1`, authToken: 'tok', fromSms: '+15005550006' },
          publicUrl: 'https://saldo.example.com',
          clock,
          timeoutMs: TIMEOUT_MS,
          httpClient: localTwilioHttpClient(fakes.twilio.url, TIMEOUT_MS),
        }),
        whatsapp: new MetaWhatsAppProvider({
          orgId,
          settings: {
            token: 'tok',
            phoneNumberId: '1055',
            appSecret: 'secret',
            verifyToken: 'verify',
            graphBaseUrl: fakes.meta.url,
          },
          clock,
          timeoutMs: TIMEOUT_MS,
        }),
        email: new SmtpEmailProvider({
          orgId,
          settings: { url: fakes.smtp.url, from: 'Saldo <cobranza@saldo.example.com>' },
          publicUrl: 'https://saldo.example.com',
          trackingSecret: 'drill',
          clock,
          timeoutMs: TIMEOUT_MS,
          transport: { ignoreTLS: true },
        }),
      };
    }

    it(
      'every contact ends sent, retried or dead-lettered with a reason; no duplicate where the provider can be asked',
      { timeout: 110_000 },
      async () => {
        const { platform } = await testPlatform(db, clock);
        const t = await newTenant(platform);
        await importRows(
          platform,
          t.orgId,
          cases.map((c, i) =>
            makeRow({
              external_ref: `ACC-${i}`,
              debtor_ref: `DEB-${i}`,
              phone: phone(i),
              whatsapp: phone(i),
              email: email(i),
              consent_sms: 'true',
              consent_whatsapp: 'true',
            }),
          ),
        );
        const byChannel = providers(t.orgId);
        const messaging = createContactDebtor({
          targets: createSqlContactTargetStore(db),
          outbound: createSqlOutboundMessageStore(db),
          refusals: createSqlComplianceRefusalStore(db),
          timeline: createSqlTimelineStore(db, testVault()),
          router: { forChannel: async (_org, ch) => byChannel[ch as Channel] },
          voiceScripts: createSqlVoiceScriptStore(db, clock),
          paymentLinks: createPaymentLinks({ publicUrl: 'https://saldo.example.com', secret: 'drill' }),
          clock,
          templates,
          tx: (fn) => db.transaction(() => fn()),
          sendLeaseMs: SEND_LEASE_MS,
        });
        const engine = buildEngine({
          db,
          clock,
          messaging,
          owner: 'drill',
          dispatcher: { batchSize: 50, concurrency: 8, maxAttempts: MAX_ATTEMPTS, backoffMs: defaultBackoff },
        });
        const accounts = await db.query<{ id: string; external_ref: string }>(
          'SELECT id, external_ref FROM accounts WHERE org_id = $1',
          [t.orgId],
        );
        const accountOf = new Map(accounts.rows.map((a) => [a.external_ref, a.id]));
        for (const ch of ['sms', 'whatsapp', 'email'] as const) {
          const s = strategyOf[ch];
          await engine.strategies.publish(t.orgId, s.id, {
            mode: 'move',
            input: oneSend(s.id, ch, s.template),
          });
          const accountIds = cases.flatMap((c, i) => (c.channel === ch ? [accountOf.get(`ACC-${i}`)!] : []));
          expect((await engine.strategies.enrol(t.orgId, { strategyId: s.id, accountIds })).enrolled).toBe(
            accountIds.length,
          );
        }
        expect(await engine.worker.drain()).toMatchObject({ saved: cases.length });

        // Dispatch, then move simulated time to the next attempt due, until nothing is left to try.
        for (let round = 0; round < 20; round++) {
          await engine.dispatcher.drain();
          const next = await db.query<{ at: Date | string | null }>(
            `SELECT min(next_attempt_at) AS at FROM outbox WHERE org_id = $1 AND status IN ('pending', 'in_flight')`,
            [t.orgId],
          );
          if (next.rows[0]!.at === null) break;
          const at = new Date(next.rows[0]!.at);
          if (at > clock.now()) clock.set(at);
        }

        const rows = await db.query<{
          ref: string;
          status: string;
          attempts: number;
          last_error: string | null;
          m_status: string | null;
          pmid: string | null;
          m_id: string | null;
          rev: number;
        }>(
          `SELECT a.external_ref AS ref, o.status, o.attempts, o.last_error, m.status AS m_status,
                m.provider_message_id AS pmid, m.id AS m_id, j.rev::int AS rev
           FROM outbox o JOIN accounts a ON a.id = o.account_id
           LEFT JOIN outbound_messages m ON m.org_id = o.org_id AND m.idempotency_key = o.idempotency_key
           JOIN journeys j ON j.org_id = o.org_id AND j.account_id = o.account_id
          WHERE o.org_id = $1 AND o.kind = 'contact'`,
          [t.orgId],
        );
        const byRef = new Map(rows.rows.map((r) => [r.ref, r]));
        const timeline = await db.query<{ mid: string; pmid: string; after: boolean | null }>(
          `SELECT data->>'messageId' AS mid, data->>'providerMessageId' AS pmid, (data->>'afterUnknownOutcome')::boolean AS after
           FROM timeline_events WHERE org_id = $1 AND direction = 'outbound'`,
          [t.orgId],
        );
        const recordOf = { sms: fakes.twilio.record, whatsapp: fakes.meta.record, email: fakes.smtp.record };

        const seen = cases.map((c, i) => {
          const row = byRef.get(`ACC-${i}`)!;
          const rec = recordOf[c.channel];
          const to = recipient(c, i);
          const calls = rec.calls.filter((x) => x.to === to);
          const accepted = rec.accepted.filter((x) => x.to === to);
          const events = timeline.rows.filter((e) => e.mid === row.m_id);
          const gaps = calls.slice(1).map((x, k) => Date.parse(x.at) - Date.parse(calls[k]!.at));
          return {
            name: c.name,
            outbox: row.status,
            reason: row.status === 'dead' ? (row.last_error ?? '').split(':')[0] : undefined,
            calls: calls.length,
            accepted: accepted.length,
            // A sent contact: its provider id is the one the provider gave, and one timeline event names it.
            providerIdIsTheProviders:
              row.status === 'sent'
                ? accepted.some((a) => a.id === row.pmid || a.messageId === row.pmid)
                : undefined,
            timelineEvents: events.length,
            afterUnknown: events.some((e) => e.after === true) || undefined,
            gapsOk: (c.gapsAtLeastMs ?? []).every((g, k) => (gaps[k] ?? -1) >= g),
            // Each journey is fed its contact's result exactly once: started (rev 1), then the result (rev 2).
            journeyRev: row.rev,
          };
        });
        expect(seen).toEqual(
          cases.map((c) => ({
            name: c.name,
            outbox: c.outbox,
            reason: c.reason,
            calls: c.calls,
            accepted: c.accepted,
            providerIdIsTheProviders: c.outbox === 'sent' ? true : undefined,
            timelineEvents: c.outbox === 'sent' ? 1 : 0,
            afterUnknown: c.afterUnknown,
            gapsOk: true,
            journeyRev: 2,
          })),
        );
        // Same Message-ID on both copies of the email sent again after an unknown outcome.
        const twice = fakes.smtp.record.accepted.filter(
          (a) => a.to === recipient(cases.at(-1)!, cases.length - 1),
        );
        expect(new Set(twice.map((a) => a.messageId)).size).toBe(1);
        // Twilio was asked (listed) before each send that followed an unknown outcome.
        const lookedUp = new Set(fakes.twilio.record.lookups.map((l) => l.to));
        for (const [i, c] of cases.entries())
          if (c.channel === 'sms' && /hang|reset/.test(c.name))
            expect(lookedUp.has(recipient(c, i))).toBe(true);
      },
    );
  },
);
