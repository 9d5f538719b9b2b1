import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../main.js';
import { buildPlatform, loadConfig } from '../platform.js';
import { ManualClock } from '../../shared/clock/manual-clock.js';
import { openPgliteDb } from '../../shared/db/pglite-db.js';
import { createSecretBox } from '../../shared/crypto/secret-box.js';
import { webhookSecretBox } from '../../modules/webhooks/index.js';
import { createDebtorVault } from '../../shared/crypto/debtor-vault.js';
import { makeRow } from '../../../test/fixtures.js';
import { memoryIo } from '../testing/memory-io.js';

const work = mkdtempSync(join(tmpdir(), 'saldo-secrets-cli-'));
const dataDir = join(work, 'pglite');
const keyFile = join(work, 'saldo-secret.key');
const env = { SALDO_DATA_DIR: dataDir };
const keysIn = () =>
  readFileSync(keyFile, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));

const vaultOf = (key: string) =>
  createDebtorVault({ current: key, retired: [] }, new ManualClock('2026-11-24T15:00:00Z'));
const platform = () =>
  buildPlatform({ config: loadConfig(env), clock: new ManualClock('2026-11-24T15:00:00Z') });
const withDb = async <T>(fn: (db: Awaited<ReturnType<typeof openPgliteDb>>) => Promise<T>) => {
  const db = await openPgliteDb(dataDir);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
};
const sealedRows = async () => {
  const db = await openPgliteDb(dataDir);
  try {
    return (
      await db.query<{ org_id: string; provider: string; secrets_enc: string }>(
        'SELECT org_id, provider, secrets_enc FROM channel_settings ORDER BY provider',
      )
    ).rows;
  } finally {
    await db.close();
  }
};

describe('saldo secrets rotate (key file)', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('re-seals provider settings with a new key, keeps the old one as a retired key, and finishes an interrupted rotation', async () => {
    let p = await platform();
    const { organization } = await p.organizations.create(
      { orgId: p.defaultOrgId, role: 'admin' },
      {
        slug: 'rotate',
        name: 'R',
        admin: { email: 'r@example.com', name: 'R', password: 'correct horse battery' },
      },
    );
    const meta = {
      token: 'meta-token-rotate-0123456789',
      phoneNumberId: '99887766',
      appSecret: 'meta-app-secret-rotate-01',
      verifyToken: 'verify-rotate-01',
    };
    await p.channels.admin.settings.put(organization.id, 'meta', meta);
    await p.imports.importRows(organization.id, [makeRow()], {
      portfolio: { code: 'pf-rotate', currency: 'MXN', country: 'MX' },
      mode: 'all_or_nothing',
      sourceName: 'test',
    });
    await p.close();
    const [oldKey] = keysIn();
    // A debtor's personal timeline text, sealed under their data key (which the old root key seals).
    const personal = await withDb(async (db) => {
      const debtor = (
        await db.query<{ id: string }>('SELECT id FROM debtors WHERE org_id = $1', [organization.id])
      ).rows[0]!;
      const item = { orgId: organization.id, debtorId: debtor.id, purpose: 'timeline' };
      const [sealed] = await vaultOf(oldKey!).sealMany(db, [{ ...item, plain: 'pago el viernes' }]);
      return { ...item, sealed: sealed! };
    });
    const before = await sealedRows();
    // A webhook subscription whose signing secret (and the one before its last rotation) the old key sealed.
    const hookAad = (which: string) => `${organization.id}|wh_rotate|${which}`;
    await withDb((db) =>
      db.query(
        `INSERT INTO webhook_subscriptions (id, org_id, url, events, enabled, secret_enc, previous_secret_enc, created_at, updated_at)
         VALUES ('wh_rotate', $1, 'https://example.com/hooks', '{payment.recorded}', true, $2, $3, now(), now())`,
        [
          organization.id,
          webhookSecretBox(oldKey!).seal('whsec_current', hookAad('current')),
          webhookSecretBox(oldKey!).seal('whsec_previous', hookAad('previous')),
        ],
      ),
    );

    const io = memoryIo(env);
    expect(await runCli(['secrets', 'rotate'], io), io.err()).toBe(0);
    expect(io.out()).toMatch(/re-sealed 1 provider setting/);
    expect(io.out()).toMatch(/key [0-9a-f]{16} → [0-9a-f]{16}/);
    const [newKey, retired, ...rest] = keysIn();
    expect(newKey).not.toBe(oldKey);
    expect(retired).toBe(oldKey);
    expect(rest).toEqual([]);
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const after = await sealedRows();
    expect(after[0]!.secrets_enc).not.toBe(before[0]!.secrets_enc);
    // Sealed with the new key alone: it opens without the retired one.
    const aad = `${organization.id}|meta`;
    expect(JSON.parse(createSecretBox(newKey!).open(after[0]!.secrets_enc, aad))).toMatchObject({
      appSecret: meta.appSecret,
    });
    expect(() => createSecretBox(oldKey!).open(after[0]!.secrets_enc, aad)).toThrow();
    expect(io.out()).toMatch(/, 1 webhook signing secret and 1 debtor data key\n/);
    // The debtor's key is re-sealed with the new root key alone; what it sealed still opens.
    expect(await withDb((db) => vaultOf(newKey!).openMany(db, [personal]))).toEqual(['pago el viernes']);
    await expect(withDb((db) => vaultOf(oldKey!).openMany(db, [personal]))).rejects.toThrow();
    const hook = await withDb(
      async (db) =>
        (
          await db.query<{ secret_enc: string; previous_secret_enc: string }>(
            `SELECT secret_enc, previous_secret_enc FROM webhook_subscriptions WHERE id = 'wh_rotate'`,
          )
        ).rows[0]!,
    );
    expect(webhookSecretBox(newKey!).open(hook.secret_enc, hookAad('current'))).toBe('whsec_current');
    expect(webhookSecretBox(newKey!).open(hook.previous_secret_enc, hookAad('previous'))).toBe(
      'whsec_previous',
    );
    expect(() => webhookSecretBox(oldKey!).open(hook.secret_enc, hookAad('current'))).toThrow();

    p = await platform();
    expect((await p.channels.stores.settings.byMetaVerifyToken(meta.verifyToken))?.orgId).toBe(
      organization.id,
    );
    await p.close();

    // A rotation interrupted after the key file was written, before the database was re-sealed.
    writeFileSync(keyFile, `${['next-key-interrupted-0123456789', newKey, oldKey].join('\n')}\n`, {
      mode: 0o600,
    });
    await expect(platform()).rejects.toThrow(
      /a rotation did not finish. Run `saldo secrets rotate` to finish it/,
    );
    const resume = memoryIo(env);
    expect(await runCli(['secrets', 'rotate'], resume), resume.err()).toBe(0);
    expect(resume.out()).toMatch(/finished an interrupted rotation/);
    expect(keysIn()).toEqual(['next-key-interrupted-0123456789', newKey, oldKey]);
    p = await platform();
    expect((await p.channels.stores.settings.forOrg(organization.id))?.meta?.token).toBe(meta.token);
    await p.close();

    const status = memoryIo(env);
    expect(await runCli(['secrets', 'status'], status)).toBe(0);
    expect(status.out()).toMatch(
      new RegExp(`source: file ${keyFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
    expect(status.out()).toMatch(/retired keys: 2/);
  }, 240_000);

  it('with SALDO_SECRET_KEY: the new key comes from SALDO_NEW_SECRET_KEY; the old key then no longer starts Saldo', async () => {
    const envDir = join(work, 'env-mode', 'pglite');
    const old = { SALDO_DATA_DIR: envDir, SALDO_SECRET_KEY: 'old-environment-key-0123456789' };
    const boot = (e: Record<string, string>) =>
      buildPlatform({ config: loadConfig(e), clock: new ManualClock('2026-11-24T15:00:00Z') });
    let p = await boot(old);
    const { organization } = await p.organizations.create(
      { orgId: p.defaultOrgId, role: 'admin' },
      {
        slug: 'rotate-env',
        name: 'E',
        admin: { email: 'e@example.com', name: 'E', password: 'correct horse battery' },
      },
    );
    await p.channels.admin.settings.put(organization.id, 'smtp', {
      url: 'smtps://u:env-sealed-password@mail.example.com:465',
      from: 'e@example.com',
    });
    await p.close();
    const refused = memoryIo(old);
    expect(await runCli(['secrets', 'rotate'], refused)).toBe(1);
    expect(refused.err()).toMatch(/SALDO_NEW_SECRET_KEY/);
    const io = memoryIo({ ...old, SALDO_NEW_SECRET_KEY: 'new-environment-key-0123456789' });
    expect(await runCli(['secrets', 'rotate'], io), io.err()).toBe(0);
    expect(io.out()).toMatch(/now set SALDO_SECRET_KEY to the value of SALDO_NEW_SECRET_KEY/);
    await expect(boot(old)).rejects.toThrow(/SALDO_SECRET_KEY is not this database's key/);
    p = await boot({
      SALDO_DATA_DIR: envDir,
      SALDO_SECRET_KEY: 'new-environment-key-0123456789',
      SALDO_SECRET_KEY_RETIRED: old.SALDO_SECRET_KEY,
    });
    expect((await p.channels.stores.settings.forOrg(organization.id))?.smtp?.url).toContain(
      'env-sealed-password',
    );
    await p.close();
  }, 240_000);
});
