import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildHttp } from '../../../platform/start-saldo.js';
import type { Platform } from '../../../platform/composition-root.js';
import type { Db } from '../../../shared/db/db.js';
import { ManualClock } from '../../../shared/clock/manual-clock.js';
import { describeStorage } from '../../../../test/storage.js';
import { newTenant, T0, testPlatform } from '../../../../test/fixtures.js';

// Password guessing: per account, 5 free failures, then exponential back-off (2, 4, 8, 16, 32 s),
// locked after 10 until an admin unlocks; per client address, a token bucket. All of it lives in
// the database, so every API process sees the same counters, and time is the injected clock.
describeStorage('login throttling', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let platform: Platform;
  let clock: ManualClock;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await mode.open();
    ({ platform, clock } = await testPlatform(db, new ManualClock(T0)));
    app = await buildHttp(platform);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  let n = 0;
  /** Each test logs in from its own address unless it says otherwise. */
  const address = () => `10.0.${Math.floor(++n / 250)}.${n % 250}`;
  const login = (email: string, password: string, ip: string) =>
    app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      remoteAddress: ip,
      payload: { email, password },
    });

  it('five failures are free; then each failure doubles the wait (429 + Retry-After); the right password after the wait works and resets', async () => {
    const t = await newTenant(platform);
    const ip = address();
    for (let i = 0; i < 5; i++) expect((await login(t.email, 'wrong password', ip)).statusCode).toBe(401);
    const wait = await login(t.email, t.password, ip); // even the right password waits
    expect(wait.statusCode).toBe(429);
    expect(wait.headers['retry-after']).toBe('2');
    expect(wait.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(wait.json().detail).toMatch(/too many failed logins for this account; try again in 2 s/);
    clock.advance(2_000);
    expect((await login(t.email, 'wrong password', ip)).statusCode).toBe(401); // the 6th failure
    expect((await login(t.email, 'wrong password', ip)).headers['retry-after']).toBe('4');
    clock.advance(4_000);
    expect((await login(t.email, t.password, ip)).statusCode).toBe(200);
    // Reset: five free failures again.
    for (let i = 0; i < 5; i++) expect((await login(t.email, 'wrong password', ip)).statusCode).toBe(401);
    expect((await login(t.email, 'wrong password', ip)).statusCode).toBe(429);
  });

  it('locks the account after 10 failures until an admin of its organisation unlocks it; other processes see the lock', async () => {
    const t = await newTenant(platform);
    const user = await platform.auth.createUser(t.orgId, {
      email: `agent-${t.slug}@example.com`,
      name: 'Agent',
      role: 'agent',
      password: 'agent password 123',
    });
    const ip = address();
    for (let i = 1; i <= 10; i++) {
      const r = await login(user.email, `guess ${i}`, ip);
      expect(r.statusCode, `guess ${i}`).toBe(401);
      clock.advance(60_000); // slower than the back-off: only the lock stops this
    }
    const locked = await login(user.email, 'agent password 123', ip);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBeUndefined();
    expect(locked.json().detail).toMatch(/locked after 10 failed logins.*administrator/);
    clock.advance(7 * 86_400_000);
    expect((await login(user.email, 'agent password 123', address())).statusCode).toBe(429);

    // Another API process over the same database sees the same lock.
    const { platform: other } = await testPlatform(db, clock);
    await expect(other.auth.login(user.email, 'agent password 123', { ip: address() })).rejects.toMatchObject(
      {
        name: 'LoginThrottled',
      },
    );

    const otherOrg = await newTenant(platform);
    const unlockAs = (key: string, id: string) =>
      app.inject({
        method: 'POST',
        url: `/v1/users/${id}/unlock`,
        headers: { authorization: `Bearer ${key}` },
      });
    expect((await unlockAs(otherOrg.key, user.id)).statusCode).toBe(404); // not that org's user
    const agentKey = (await platform.auth.createApiKey(t.orgId, 'agent', 'agent')).key;
    expect((await unlockAs(agentKey, user.id)).statusCode).toBe(403);
    const ok = await unlockAs(t.key, user.id);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ userId: user.id, wasLocked: true });
    expect((await login(user.email, 'agent password 123', address())).statusCode).toBe(200);
  });

  it('a burst of parallel guesses gets the five free failures and no more', async () => {
    const t = await newTenant(platform);
    const ip = address();
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => login(t.email, `burst ${i}`, ip)));
    const codes = all.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(15);
  });

  it('settled counters are pruned after a day; locks stay', async () => {
    const t = await newTenant(platform);
    const ip = address();
    await login(t.email, 'wrong', ip);
    clock.advance(25 * 3600_000);
    expect(await platform.auth.pruneLoginThrottle()).toBeGreaterThanOrEqual(2); // the account row, the bucket
  });

  it('an unknown email is throttled exactly like a known one', async () => {
    const ip = address();
    for (let i = 0; i < 5; i++)
      expect((await login('nobody-here@example.com', 'x', ip)).statusCode).toBe(401);
    const r = await login('NOBODY-here@example.com', 'x', ip);
    expect(r.statusCode).toBe(429);
    expect(r.headers['retry-after']).toBe('2');
  });

  it('one client address gets a bucket of 30 failed attempts, refilled by one every 10 s, whatever the accounts', async () => {
    const ip = address();
    for (let i = 0; i < 30; i++)
      expect((await login(`spray-${i}@example.com`, 'password1', ip)).statusCode, `attempt ${i}`).toBe(401);
    const r = await login('spray-30@example.com', 'password1', ip);
    expect(r.statusCode).toBe(429);
    expect(r.headers['retry-after']).toBe('10');
    expect(r.json().detail).toMatch(/too many failed logins from this address/);
    expect((await login('spray-30@example.com', 'password1', address())).statusCode).toBe(401); // another client
    clock.advance(10_000);
    expect((await login('spray-30@example.com', 'password1', ip)).statusCode).toBe(401);
    expect((await login('spray-31@example.com', 'password1', ip)).statusCode).toBe(429);
  });

  it('successful logins do not drain the address bucket (an office behind one address)', async () => {
    const t = await newTenant(platform);
    const ip = address();
    for (let i = 0; i < 40; i++) expect((await login(t.email, t.password, ip)).statusCode).toBe(200);
  });
});
