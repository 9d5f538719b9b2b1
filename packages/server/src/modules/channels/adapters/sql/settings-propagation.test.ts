import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../../../shared/clock/manual-clock.js';
import type { Platform } from '../../../../platform/composition-root.js';
import type { Db } from '../../../../shared/db/db.js';
import { describeStorage } from '../../../../../test/storage.js';
import { newTenant, T0, testPlatform } from '../../../../../test/fixtures.js';

// Two platform instances over one database stand for the API process and a worker: each caches
// organisations' providers in its own memory. A settings change made through one must reach the
// other within the re-check interval (5 s by default), measured on each process's own clock.
const twilio = {
  accountSid: 'AC00000000000000000000000000000077',
  authToken: 'twilio-auth-token-0077',
  fromSms: '+15005550006',
};

/** The database as one process sees it, counting the version reads it makes. */
function counting(db: Db): { db: Db; versionReads: () => number } {
  let reads = 0;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'query')
        return (sql: string, params?: readonly unknown[]) => {
          if (/FROM channel_settings_versions/.test(sql)) reads += 1;
          return target.query(sql, params);
        };
      const v: unknown = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { db: proxy, versionReads: () => reads };
}

describeStorage('provider settings across processes', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let api: Platform;
  let worker: Platform;
  let workerClock: ManualClock;
  let workerDb: ReturnType<typeof counting>;
  beforeAll(async () => {
    db = await mode.open();
    ({ platform: api } = await testPlatform(db, new ManualClock(T0)));
    workerClock = new ManualClock(T0);
    workerDb = counting(db);
    ({ platform: worker } = await testPlatform(workerDb.db, workerClock));
  });
  afterAll(async () => {
    await Promise.all([worker.channels.close(), api.channels.close()]);
    await db.drop();
  });

  const providerIn = async (p: Platform, orgId: string) =>
    (await p.channels.providers.router.forChannel(orgId, 'sms')).id;

  it('a change through one process reaches the other within the re-check interval, and at once in its own', async () => {
    const { orgId } = await newTenant(api);
    expect(await providerIn(worker, orgId)).toBe('sandbox'); // cached by the worker
    expect(await providerIn(api, orgId)).toBe('sandbox');

    await api.channels.admin.settings.put(orgId, 'twilio', twilio);
    expect(await providerIn(api, orgId)).toBe('twilio'); // the process that made the change: at once

    // The worker trusts its cache for up to 5 s of its own clock, without reading the database…
    const reads = workerDb.versionReads();
    workerClock.advance(4_999);
    for (let i = 0; i < 20; i++) expect(await providerIn(worker, orgId)).toBe('sandbox');
    expect(workerDb.versionReads()).toBe(reads);
    // …then reads the version once, sees the change and rebuilds the organisation's providers.
    workerClock.advance(1);
    expect(await providerIn(worker, orgId)).toBe('twilio');
    expect(workerDb.versionReads()).toBe(reads + 1);
    expect(await providerIn(worker, orgId)).toBe('twilio');
    expect(workerDb.versionReads()).toBe(reads + 1);

    // Removal too (a delete leaves no row behind, the version still moves).
    await api.channels.admin.settings.remove(orgId, 'twilio');
    expect(await providerIn(api, orgId)).toBe('sandbox');
    workerClock.advance(5_000);
    expect(await providerIn(worker, orgId)).toBe('sandbox');
  });

  it('an edit at the same instant as the previous one is still seen (a version counter, not a timestamp)', async () => {
    const { orgId } = await newTenant(api);
    await api.channels.admin.settings.put(orgId, 'twilio', twilio);
    workerClock.advance(5_000);
    const before = (await worker.channels.providers.forOrg(orgId)).forChannel('sms');
    expect(before.id).toBe('twilio');
    // The api's clock has not moved: same updated_at. Change the sender number.
    await api.channels.admin.settings.put(orgId, 'twilio', { ...twilio, fromSms: '+15005550009' });
    expect(await worker.channels.stores.settings.version(orgId)).toBe(2);
    workerClock.advance(5_000);
    const after = (await worker.channels.providers.forOrg(orgId)).forChannel('sms');
    expect(after).not.toBe(before); // rebuilt with the new settings
    expect(after.id).toBe('twilio');
  });

  it('an organisation other processes never cached is built fresh, and the default organisation is never re-read', async () => {
    const { orgId } = await newTenant(api);
    // Its own Twilio account: an Account SID belongs to one organisation.
    await api.channels.admin.settings.put(orgId, 'twilio', {
      ...twilio,
      accountSid: 'AC00000000000000000000000000000078',
    });
    expect(await providerIn(worker, orgId)).toBe('twilio');
    const reads = workerDb.versionReads();
    await providerIn(worker, worker.defaultOrgId);
    workerClock.advance(60_000);
    await providerIn(worker, worker.defaultOrgId);
    expect(workerDb.versionReads()).toBe(reads);
  });
});
