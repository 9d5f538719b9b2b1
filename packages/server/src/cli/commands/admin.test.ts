import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../main.js';
import { buildCore, loadConfig } from '../platform.js';
import { ManualClock } from '../../shared/clock/manual-clock.js';
import { memoryIo } from '../testing/memory-io.js';

const work = mkdtempSync(join(tmpdir(), 'saldo-admin-cli-'));
const env = { SALDO_DATA_DIR: join(work, 'pglite'), SALDO_SECRET_KEY: 'admin-cli-test-secret-0123' };

/** The platform the API would run, over the same data directory (one process at a time: PGlite). */
async function withCore<T>(fn: (p: Awaited<ReturnType<typeof buildCore>>) => Promise<T>): Promise<T> {
  const p = await buildCore({ config: loadConfig(env), clock: new ManualClock('2026-11-24T15:00:00Z') });
  try {
    return await fn(p);
  } finally {
    await p.close();
  }
}

describe('saldo user unlock', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('lifts the lock of an account locked by failed logins', async () => {
    const email = 'locked-out@example.com';
    const password = 'the right password';
    const create = memoryIo({ ...env, SALDO_NEW_USER_PASSWORD: password });
    expect(await runCli(['user', 'create', '--email', email, '--name', 'Ops'], create)).toBe(0);
    await withCore(async (p) => {
      const clock = p.clock as ManualClock;
      for (let i = 0; i < 10; i++) {
        await expect(p.auth.login(email, `guess ${i}`)).rejects.toMatchObject({ kind: 'unauthenticated' });
        clock.advance(60_000);
      }
      await expect(p.auth.login(email, password)).rejects.toThrow(/locked after 10 failed logins/);
    });
    const unlock = memoryIo(env);
    expect(await runCli(['user', 'unlock', email], unlock)).toBe(0);
    expect(unlock.out()).toMatch(/unlocked locked-out@example.com/);
    await withCore(async (p) => {
      await expect(p.auth.login(email, password)).resolves.toMatchObject({ user: { email } });
    });
    const again = memoryIo(env);
    expect(await runCli(['user', 'unlock', 'nobody@example.com'], again)).toBe(0);
    expect(again.out()).toMatch(
      /no user nobody@example.com; its failed-login counter \(if any\) was cleared/,
    );
  }, 120_000);
});
