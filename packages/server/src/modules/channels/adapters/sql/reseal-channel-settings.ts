import type { SqlExecutor } from '../../../../shared/db/db.js';
import type { SecretBox } from '../../../../shared/crypto/secret-box.js';
import { settingsAad } from './channel-settings-store.js';

/**
 * A key rotation's work in `channel_settings`: every row's secrets opened with the old keys and
 * sealed with the new one, and the Meta verify-token lookup hash recomputed with the new key (it is
 * keyed too). Run inside the transaction that records the new key's fingerprint. Returns the number
 * of rows re-sealed.
 */
export async function resealChannelSettings(
  ex: SqlExecutor,
  from: SecretBox,
  to: SecretBox,
): Promise<number> {
  const rows = await ex.query<{
    org_id: string;
    provider: string;
    settings: Record<string, unknown>;
    secrets_enc: string;
  }>(
    'SELECT org_id, provider, settings, secrets_enc FROM channel_settings ORDER BY org_id, provider FOR UPDATE',
  );
  for (const r of rows.rows) {
    const aad = settingsAad(r.org_id, r.provider);
    const plain = from.open(r.secrets_enc, aad);
    const secret = JSON.parse(plain) as Record<string, string>;
    const settings =
      r.provider === 'meta' && secret.verifyToken
        ? { ...r.settings, verifyTokenHash: to.hash(secret.verifyToken) }
        : r.settings;
    await ex.query(
      'UPDATE channel_settings SET secrets_enc = $3, settings = $4 WHERE org_id = $1 AND provider = $2',
      [r.org_id, r.provider, to.seal(plain, aad), JSON.stringify(settings)],
    );
  }
  return rows.rows.length;
}
