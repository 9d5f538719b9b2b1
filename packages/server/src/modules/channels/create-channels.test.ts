import { loadConfig } from '../../platform/config.js';
import { createSqlTimelineStore } from '../record/adapters/sql-timeline-store.js';
import { simulateOutbound } from '@saldo/core/channels';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signTwilioRequest } from './adapters/webhooks/twilio-webhook.js';
import { ManualClock } from '../../shared/clock/manual-clock.js';
import { openPgliteDb } from '../../shared/db/pglite-db.js';
import { buildChannels, type Channels } from './create-channels.js';
import { buildPlatform, type Platform } from '../../platform/composition-root.js';
import type { Db } from '../../shared/db/db.js';
import { loadDemoPortfolio } from '../imports/usecases/load-demo-portfolio.js';
import { localHour, sandboxSegment } from './debtor-local-facts.js';
import { openedTimeline } from '../../../test/fixtures.js';
import { testVault } from '../../shared/crypto/test-vault.js';

const PUBLIC_URL = 'https://saldo.example.com';
const SEED = 'compose-test';
const twilio = {
  TWILIO_ACCOUNT_SID: 'AC0000000000000000000000000000compose',
  TWILIO_AUTH_TOKEN: 'compose_token',
};

describe('buildChannels: platform + channels on PGlite', () => {
  let db: Db;
  let p: Platform;
  let clock: ManualClock;
  let ch: Channels;
  beforeAll(async () => {
    db = await openPgliteDb();
    // Tuesday 2026-11-24 00:00 UTC: Monday 18:00 in Mexico City, 19:00 in Bogotá and New York (people
    // answer texts after work), 01:00 in Madrid (outside the allowed hours: refused).
    clock = new ManualClock('2026-11-24T00:00:00Z');
    p = await buildPlatform({ db, clock, config: loadConfig({ SALDO_SECRET_KEY: 'compose-test-secret' }) });
    ch = await buildChannels({
      db,
      vault: testVault('compose-test-secret'),
      clock,
      config: loadConfig({ SALDO_PUBLIC_URL: PUBLIC_URL, ...twilio }).channels,
      secret: 'compose-test-secret',
      timeline: createSqlTimelineStore(db, testVault('compose-test-secret')),
      defaultOrgId: p.defaultOrgId,
      record: p.record,
      sandboxSeed: SEED,
      sandboxOnly: true,
    });
    await loadDemoPortfolio({ imports: p.imports, demoLoads: p.demoLoads, clock }, p.defaultOrgId, {
      debtors: 100,
      seed: 7,
    });
  });
  afterAll(async () => {
    await ch.close();
    await db.close();
  });

  it('exposes messaging, the inbound pipeline, webhook routes and worker jobs', () => {
    expect(ch.jobs.map((j) => j.name)).toEqual(['channels-sandbox-tick', 'channels-inbound-retry']);
    expect(ch.routes).toHaveLength(2); // provider webhooks, channel administration
    expect(typeof ch.messaging.contact).toBe('function');
  });

  it('sends to demo debtors, then simulated time brings delivered / opened / reply events (and payments) into the timeline', async () => {
    const orgId = p.defaultOrgId;
    const accounts = (
      await db.query<{ id: string; debtor_id: string }>(
        "SELECT DISTINCT ON (debtor_id) id, debtor_id FROM accounts WHERE org_id = $1 AND status = 'active' ORDER BY debtor_id, external_ref",
        [orgId],
      )
    ).rows;
    const sent: { messageId: string; events: ReturnType<typeof simulateOutbound>['events'] }[] = [];
    let refused = 0;
    const send = async (
      a: { id: string },
      channel: 'email' | 'whatsapp',
      purpose: 'reminder' | 'follow_up',
    ) => {
      const target = (await ch.stores.targets.load(orgId, a.id))!;
      // The strategy names one template; messaging renders the debtor's language and variant of it.
      const r = await ch.messaging.contact({
        orgId,
        accountId: a.id,
        channel,
        templateId: `tpl_default_${purpose}_${channel}_es-MX`,
        idempotencyKey: `demo:${purpose}:${a.id}`,
        requestedBy: { kind: 'system', id: 'test' },
      });
      if (r.kind === 'refused') refused += 1;
      if (r.kind !== 'sent') return;
      // The sandbox's future for a message is a pure function of (seed, message id, debtor): predict it.
      const events = simulateOutbound({
        seed: SEED,
        messageId: r.messageId,
        channel,
        segment: sandboxSegment(target),
        localHour: localHour(clock.now(), target.debtor.timezone),
        language: target.debtor.language,
        hasLink: true,
        amountMinor: target.balanceMinor,
      }).events;
      sent.push({ messageId: r.messageId, events });
    };
    for (const [i, a] of accounts.entries()) await send(a, i % 3 === 0 ? 'email' : 'whatsapp', 'reminder');
    // Message ids are random, so once in a while no reply is predicted: follow up until one is.
    for (const a of accounts) {
      if (sent.some((m) => m.events.some((e) => e.kind === 'reply'))) break;
      await send(a, 'whatsapp', 'follow_up');
    }
    expect(sent.length).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(0); // some demo debtors lack consent (US TCPA, CO channel authorisation)

    // Three simulated days, one hour at a time; the clock moves, the sandbox and the pipeline follow.
    for (let h = 0; h < 72; h++) {
      clock.advance(3_600_000);
      await ch.tickSandbox();
    }
    const statuses = (
      await db.query<{ status: string; n: number }>(
        "SELECT data->>'status' AS status, count(*)::int AS n FROM timeline_events WHERE org_id = $1 AND kind = 'status_change' GROUP BY 1",
        [orgId],
      )
    ).rows;
    const count = (s: string) => statuses.find((x) => x.status === s)?.n ?? 0;
    const predicted = (kind: string, status?: string) =>
      sent.reduce(
        (n, m) =>
          n +
          m.events.filter((e) => e.kind === kind && (!status || (e.kind === 'status' && e.status === status)))
            .length,
        0,
      );
    expect(count('delivered')).toBe(predicted('status', 'delivered'));
    expect(count('opened')).toBe(predicted('status', 'opened'));
    expect(count('read')).toBe(predicted('status', 'read'));
    expect(count('delivered')).toBeGreaterThan(0);
    expect(count('opened') + count('read')).toBeGreaterThan(0);
    const replies = (
      await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM timeline_events WHERE org_id = $1 AND kind = 'message' AND direction = 'inbound'",
        [orgId],
      )
    ).rows[0]!.n;
    expect(replies).toBe(predicted('reply'));
    expect(replies).toBeGreaterThan(0);
    const payments = (
      await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM payments WHERE org_id = $1 AND source = 'sandbox'",
        [orgId],
      )
    ).rows[0]!.n;
    expect(payments).toBe(predicted('payment'));
    // Delivery statuses flowed back onto the outbound messages (the contact history).
    const undelivered = (
      await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM outbound_messages WHERE org_id = $1 AND status = 'queued'",
        [orgId],
      )
    ).rows[0]!.n;
    expect(undelivered).toBe(0);
    // Everything the sandbox emitted went through the durable store and was processed.
    expect(await ch.stores.inbound.listUnprocessed(10)).toEqual([]);
  });

  it('the webhook routes run with real dependencies: a signed Twilio message is stored, processed and answered', async () => {
    const app = Fastify();
    for (const r of ch.routes) await app.register(r);
    const url = '/v1/webhooks/twilio/messages';
    const phone = (
      await db.query<{ value: string }>(
        "SELECT value FROM contact_points WHERE org_id = $1 AND kind = 'phone' LIMIT 1",
        [p.defaultOrgId],
      )
    ).rows[0]!.value;
    const form = {
      AccountSid: twilio.TWILIO_ACCOUNT_SID,
      MessageSid: 'SM-compose-1',
      From: phone,
      To: '+15005550006',
      Body: 'Puedo pagar el viernes',
      NumMedia: '0',
    };
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signTwilioRequest(twilio.TWILIO_AUTH_TOKEN, PUBLIC_URL + url, form),
    };
    const res = await app.inject({
      method: 'POST',
      url,
      headers,
      payload: new URLSearchParams(form).toString(),
    });
    expect(res.statusCode).toBe(200);
    expect(
      (
        await app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams(form).toString(),
        })
      ).statusCode,
    ).toBe(403);
    await new Promise((r) => setTimeout(r, 50));
    await ch.inbound.processPending();
    const rows = (
      await openedTimeline(
        db,
        "org_id = $1 AND data->>'providerMessageId' = 'SM-compose-1'",
        [p.defaultOrgId],
        'compose-test-secret',
      )
    ).map((e) => ({ summary: e.summary }));
    expect(rows).toEqual([{ summary: 'Puedo pagar el viernes' }]);
    await app.close();
  });
});
