import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, type Platform } from '../platform/composition-root.js';
import { startSaldo, type RunningSaldo } from '../platform/start-saldo.js';
import type { Db } from '../shared/db/db.js';
import { newTenant, testConfig } from '../../test/fixtures.js';
import { storageModes } from '../../test/storage.js';
import { BENCH_TWILIO, checkStored, provisionTwilio } from './webhook-bench.js';
import { sendSignedWebhooks } from './webhook-load.js';

// The inbound-webhook load drill at CI size: the real API server on a loopback port (PGlite), signed
// Twilio messages at a fixed rate over keep-alive. Every one is acknowledged and stored exactly once.
// Latency is measured by `saldo bench --only webhooks`, never asserted here.
const PUBLIC_URL = 'https://saldo-ci.example.com';

describe('signed inbound webhooks under load (CI size)', () => {
  let db: Db & { drop(): Promise<void> };
  let p: Platform;
  let running: RunningSaldo;
  beforeAll(async () => {
    db = await storageModes[0]!.open();
    const config = testConfig({
      SALDO_ROLE: 'api',
      PORT: '0',
      SALDO_PUBLIC_URL: PUBLIC_URL,
      LOG_LEVEL: 'warn',
    });
    p = await buildPlatform({ db, config });
    running = await startSaldo(config, { platform: p });
  });
  afterAll(async () => {
    await running.stop(); // closes the platform, and with it the database
  });

  it('100/s for 3 s: every MessageSid acknowledged and stored once, none lost, none doubled', async () => {
    const t = await newTenant(p);
    const baseUrl = running.url!.replace('//localhost:', '//127.0.0.1:');
    await provisionTwilio(baseUrl, t.key);
    const load = await sendSignedWebhooks({
      baseUrl,
      publicUrl: PUBLIC_URL,
      accountSid: BENCH_TWILIO.accountSid,
      authToken: BENCH_TWILIO.authToken,
      to: BENCH_TWILIO.fromSms,
      rate: 100,
      seconds: 3,
      sidPrefix: 'SMci',
    });
    expect(load.sids).toHaveLength(300);
    expect(new Set(load.sids).size).toBe(300);
    expect(load.errors).toEqual({});
    expect(load.acked).toBe(300);
    expect(await checkStored(db, 'SMci', load.sids)).toEqual({ lost: 0, doubled: 0, unexpected: 0 });
    const owned = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM inbound_events WHERE org_id = $1 AND starts_with(provider_message_id, 'SMci')`,
      [t.orgId],
    );
    expect(owned.rows[0]!.n).toBe(300);
  }, 120_000);

  it('a mis-signed request is refused and not stored, so the check above could fail', async () => {
    const load = await sendSignedWebhooks({
      baseUrl: running.url!.replace('//localhost:', '//127.0.0.1:'),
      publicUrl: PUBLIC_URL,
      accountSid: BENCH_TWILIO.accountSid,
      authToken: 'not-the-tenant-auth-token',
      to: BENCH_TWILIO.fromSms,
      rate: 20,
      seconds: 0.5,
      sidPrefix: 'SMforged',
    });
    expect(load.errors).toEqual({ 403: 10 });
    expect(await checkStored(db, 'SMforged', load.sids)).toEqual({ lost: 10, doubled: 0, unexpected: 0 });
  });
});
