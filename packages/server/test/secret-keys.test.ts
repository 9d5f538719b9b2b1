import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCore, buildPlatform } from '../src/platform/composition-root.js';
import { loadConfig } from '../src/platform/config.js';
import { openPgliteDb } from '../src/shared/db/pglite-db.js';
import { migrate } from '../src/shared/db/migrate.js';
import { ManualClock } from '../src/shared/clock/manual-clock.js';
import { T0 } from './fixtures.js';

// The key that seals provider secrets must not sit in the database beside what it seals: without
// SALDO_SECRET_KEY it lives in a key file (0600) next to the data directory.
const work = mkdtempSync(join(tmpdir(), 'saldo-keys-'));
const clock = () => new ManualClock(T0);
const secretInDb = async (dataDir: string) => {
  const db = await openPgliteDb(dataDir);
  try {
    return (await db.query<{ secret: string | null }>('SELECT secret FROM deployment WHERE id = 1')).rows[0]
      ?.secret;
  } finally {
    await db.close();
  }
};

describe('secret key storage (embedded PGlite, no SALDO_SECRET_KEY)', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('a new deployment generates its key into a 0600 file beside the data directory, not into the database', async () => {
    const dataDir = join(work, 'fresh', 'pglite');
    const p = await buildCore({ config: loadConfig({ SALDO_DATA_DIR: dataDir }), clock: clock() });
    await p.close();
    const file = join(work, 'fresh', 'saldo-secret.key');
    expect(existsSync(file)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await secretInDb(dataDir)).toBeFalsy();
    const key = readFileSync(file, 'utf8')
      .split('\n')
      .find((l) => l && !l.startsWith('#'));
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The next start reads the same key: a provider secret sealed before decrypts after.
    const again = await buildCore({ config: loadConfig({ SALDO_DATA_DIR: dataDir }), clock: clock() });
    await again.close();
    expect(readFileSync(file, 'utf8')).toContain(key!);
  });

  it('an existing deployment moves its in-database key to the file once; sealed settings still open', async () => {
    const dataDir = join(work, 'legacy', 'pglite');
    // An installation from before: the key generated into the deployment table.
    const db = await openPgliteDb(dataDir);
    await migrate(db, new Date(T0));
    await db.query(
      'INSERT INTO deployment (id, secret, created_at) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET secret = EXCLUDED.secret',
      ['legacy-deployment-secret-0123456789', T0],
    );
    await db.close();
    const config = loadConfig({ SALDO_DATA_DIR: dataDir, SALDO_SECRET_KEY_FILE: '' });
    const p = await buildPlatform({ config, clock: clock() });
    const org = await p.organizations.create(
      { orgId: p.defaultOrgId, role: 'admin' },
      {
        slug: 'keys-legacy',
        name: 'K',
        admin: { email: 'k@example.com', name: 'K', password: 'correct horse battery' },
      },
    );
    await p.channels.admin.settings.put(org.organization.id, 'smtp', {
      url: 'smtps://u:sealed-password@mail.example.com:465',
      from: 'k@example.com',
    });
    await p.close();
    expect(await secretInDb(dataDir)).toBeFalsy();
    const file = join(work, 'legacy', 'saldo-secret.key');
    expect(readFileSync(file, 'utf8')).toContain('legacy-deployment-secret-0123456789');
    const reopened = await buildPlatform({ config, clock: clock() });
    expect((await reopened.channels.stores.settings.forOrg(org.organization.id))?.smtp?.url).toContain(
      'sealed-password',
    );
    await reopened.close();
  });

  it('refuses to start with a lost key file, a key file others can read, or a key that is not the database’s', async () => {
    const dataDir = join(work, 'guard', 'pglite');
    const file = join(work, 'guard', 'saldo-secret.key');
    await (await buildCore({ config: loadConfig({ SALDO_DATA_DIR: dataDir }), clock: clock() })).close();
    const saved = readFileSync(file, 'utf8');
    if (process.platform !== 'win32') {
      chmodSync(file, 0o644);
      await expect(
        buildCore({ config: loadConfig({ SALDO_DATA_DIR: dataDir }), clock: clock() }),
      ).rejects.toThrow(
        new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} can be read by other users.*chmod 600`),
      );
      chmodSync(file, 0o600);
    }
    rmSync(file);
    await expect(
      buildCore({ config: loadConfig({ SALDO_DATA_DIR: dataDir }), clock: clock() }),
    ).rejects.toThrow(
      /no secret key: .*saldo-secret\.key does not exist and SALDO_SECRET_KEY is not set, but this database's data was sealed with key [0-9a-f]{16}/,
    );
    await expect(
      buildCore({
        config: loadConfig({ SALDO_DATA_DIR: dataDir, SALDO_SECRET_KEY: 'not-the-key-of-this-database' }),
        clock: clock(),
      }),
    ).rejects.toThrow(/SALDO_SECRET_KEY is not this database's key/);
    expect(saved).toBeTruthy();
  });
});
