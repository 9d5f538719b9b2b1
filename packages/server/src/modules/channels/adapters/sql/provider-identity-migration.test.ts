import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate, migrationsDir } from '../../../../shared/db/migrate.js';
import type { Db } from '../../../../shared/db/db.js';
import { describeStorage } from '../../../../../test/storage.js';

// A database saved before provider identities were unique may hold one identity under two
// organisations. The upgrade must stop and say which rows, not pick an owner on its own.
const T = new Date('2026-11-24T15:00:00Z');

describeStorage('migration 0031: one organisation per provider identity', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let before: string;
  beforeAll(async () => {
    db = await mode.open();
    before = mkdtempSync(join(tmpdir(), 'saldo-mig-'));
    for (const f of readdirSync(migrationsDir).filter((f) => f < '0031'))
      copyFileSync(join(migrationsDir, f), join(before, f));
    await migrate(db, T, before);
  });
  afterAll(async () => {
    rmSync(before, { recursive: true, force: true });
    await db.drop();
  });

  it('stops on an identity two organisations hold, naming them; applies once the operator keeps one', async () => {
    const orgs = await db.query<{ id: string }>(
      `INSERT INTO organizations (slug, name, created_at) VALUES ('mig-a', 'A', $1), ('mig-b', 'B', $1) RETURNING id`,
      [T],
    );
    const [a, b] = orgs.rows.map((r) => r.id);
    for (const [org, at] of [
      [a, '2026-01-01T00:00:00Z'],
      [b, '2026-02-01T00:00:00Z'],
    ])
      await db.query(
        `INSERT INTO channel_settings (org_id, provider, settings, secrets_enc, updated_at) VALUES ($1, 'twilio', $2, 'v1:x', $3)`,
        [org, JSON.stringify({ accountSid: 'AC000000000000000000000000000000aa' }), at],
      );
    await expect(migrate(db, T, migrationsDir)).rejects.toThrow(
      new RegExp(`twilio AC000000000000000000000000000000aa \\(organisations ${a}, ${b}\\)`),
    );
    await db.query(`DELETE FROM channel_settings WHERE org_id = $1`, [b]);
    expect((await migrate(db, T, migrationsDir)).applied).toContain('0031_provider_identity_owner');
    await expect(
      db.query(
        `INSERT INTO channel_settings (org_id, provider, settings, secrets_enc, updated_at) VALUES ($1, 'twilio', $2, 'v1:x', $3)`,
        [b, JSON.stringify({ accountSid: 'AC000000000000000000000000000000aa' }), T],
      ),
    ).rejects.toMatchObject({ code: '23505' });
  });
});
