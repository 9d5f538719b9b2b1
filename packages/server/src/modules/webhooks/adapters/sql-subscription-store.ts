import type { Db } from '../../../shared/db/db.js';
import type { StoredSubscription, SubscriptionStore } from '../ports.js';

interface Row {
  id: string;
  org_id: string;
  url: string;
  events: string[];
  description: string | null;
  enabled: boolean;
  secret_enc: string;
  previous_secret_enc: string | null;
  previous_secret_expires_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const COLUMNS =
  'id, org_id, url, events, description, enabled, secret_enc, previous_secret_enc, previous_secret_expires_at, created_at, updated_at';

const iso = (d: Date | string) => new Date(d).toISOString();

function toSubscription(r: Row): StoredSubscription {
  return {
    id: r.id,
    orgId: r.org_id,
    url: r.url,
    events: r.events,
    description: r.description,
    enabled: r.enabled,
    secretEnc: r.secret_enc,
    previousSecretEnc: r.previous_secret_enc,
    previousSecretExpiresAt: r.previous_secret_expires_at === null ? null : iso(r.previous_secret_expires_at),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function createSqlSubscriptionStore(db: Db): SubscriptionStore {
  const one = async (sql: string, params: unknown[]) => {
    const r = await db.query<Row>(sql, params);
    return r.rows[0] ? toSubscription(r.rows[0]) : null;
  };
  return {
    async insert(s) {
      await db.query(
        `INSERT INTO webhook_subscriptions (${COLUMNS}) VALUES ($1, $2, $3, $4::text[], $5, $6, $7, $8, $9, $10, $11)`,
        [
          s.id,
          s.orgId,
          s.url,
          s.events,
          s.description,
          s.enabled,
          s.secretEnc,
          s.previousSecretEnc,
          s.previousSecretExpiresAt,
          s.createdAt,
          s.updatedAt,
        ],
      );
    },
    async list(orgId) {
      const r = await db.query<Row>(
        `SELECT ${COLUMNS} FROM webhook_subscriptions WHERE org_id = $1 ORDER BY created_at, id`,
        [orgId],
      );
      return r.rows.map(toSubscription);
    },
    get: (orgId, id) =>
      one(`SELECT ${COLUMNS} FROM webhook_subscriptions WHERE org_id = $1 AND id = $2`, [orgId, id]),
    update: (orgId, id, c, at) =>
      one(
        `UPDATE webhook_subscriptions
            SET url = coalesce($3, url), events = coalesce($4::text[], events), enabled = coalesce($5, enabled),
                description = CASE WHEN $6 THEN $7 ELSE description END, updated_at = $8
          WHERE org_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
        [
          orgId,
          id,
          c.url ?? null,
          c.events ?? null,
          c.enabled ?? null,
          c.description !== undefined,
          c.description ?? null,
          at,
        ],
      ),
    rotateSecret: (orgId, id, r, at) =>
      one(
        `UPDATE webhook_subscriptions
            SET secret_enc = $3, previous_secret_enc = $4, previous_secret_expires_at = $5, updated_at = $6
          WHERE org_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
        [orgId, id, r.secretEnc, r.previousSecretEnc, r.previousSecretExpiresAt, at],
      ),
    async remove(orgId, id) {
      const r = await db.query('DELETE FROM webhook_subscriptions WHERE org_id = $1 AND id = $2', [
        orgId,
        id,
      ]);
      return r.rowCount > 0;
    },
  };
}
