import type { SqlExecutor } from '../../../shared/db/db.js';
import type { SecretBox } from '../../../shared/crypto/secret-box.js';
import { webhookSecretAad } from '../webhook-secrets.js';

/**
 * A root-key rotation's work in `webhook_subscriptions`: every signing secret (and a previous one
 * still valid) opened with the old keys and sealed with the new one. Run inside the transaction
 * that records the new key's fingerprint. Returns the number of subscriptions re-sealed.
 */
export async function resealWebhookSecrets(ex: SqlExecutor, from: SecretBox, to: SecretBox): Promise<number> {
  const rows = await ex.query<{
    id: string;
    org_id: string;
    secret_enc: string;
    previous_secret_enc: string | null;
  }>('SELECT id, org_id, secret_enc, previous_secret_enc FROM webhook_subscriptions ORDER BY id FOR UPDATE');
  for (const r of rows.rows) {
    const reseal = (sealed: string, which: 'current' | 'previous') => {
      const aad = webhookSecretAad(r.org_id, r.id, which);
      return to.seal(from.open(sealed, aad), aad);
    };
    await ex.query(
      'UPDATE webhook_subscriptions SET secret_enc = $2, previous_secret_enc = $3 WHERE id = $1',
      [
        r.id,
        reseal(r.secret_enc, 'current'),
        r.previous_secret_enc === null ? null : reseal(r.previous_secret_enc, 'previous'),
      ],
    );
  }
  return rows.rows.length;
}
