import { SaldoError } from '@saldo/core';
import type { Db } from '../../../shared/db/db.js';
import type { ApiKeyInfo, AuthStore, User } from '../ports.js';
import type { Role } from '../../../shared/http/route-kit.js';
import { iso, isoReq } from '../../../shared/db/iso.js';

type UserRow = {
  id: string;
  org_id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  disabled_at: Date | null;
  created_at: Date;
};
type KeyRow = {
  id: string;
  org_id: string;
  name: string;
  role: Role;
  key_prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
};
const toUser = (r: UserRow): User => ({
  id: r.id,
  orgId: r.org_id,
  email: r.email,
  name: r.name,
  role: r.role,
  createdAt: isoReq(r.created_at),
});
const toKey = (r: KeyRow): ApiKeyInfo => ({
  id: r.id,
  orgId: r.org_id,
  name: r.name,
  role: r.role,
  keyPrefix: r.key_prefix,
  createdAt: isoReq(r.created_at),
  lastUsedAt: iso(r.last_used_at),
  revokedAt: iso(r.revoked_at),
});

/** An address in more organisations than this is not looked up further (bounded password checks). */
const MAX_LOGIN_CANDIDATES = 20;

export function createSqlAuthStore(db: Db): AuthStore {
  return {
    async createUser(u) {
      try {
        const r = await db.query<UserRow>(
          'INSERT INTO users (org_id, email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
          [u.orgId, u.email, u.name, u.role, u.passwordHash, u.now],
        );
        return toUser(r.rows[0]!);
      } catch (e) {
        // users_org_email_key: a concurrent create of the same address in the same organisation.
        if ((e as { code?: unknown }).code === '23505')
          throw new SaldoError(
            'conflict',
            `a user with email ${u.email} already exists in this organization`,
            [{ path: 'email', message: 'taken' }],
          );
        throw e;
      }
    },
    async findUsersByEmail(email, scope = {}) {
      const r = await db.query<UserRow>(
        `SELECT u.* FROM users u JOIN organizations o ON o.id = u.org_id
          WHERE lower(u.email) = lower($1) AND ($2::text IS NULL OR u.org_id = $2) AND ($3::text IS NULL OR o.slug = $3)
          ORDER BY u.created_at, u.id LIMIT ${MAX_LOGIN_CANDIDATES}`,
        [email, scope.orgId ?? null, scope.orgSlug ?? null],
      );
      return r.rows.map((row) => ({
        ...toUser(row),
        passwordHash: row.password_hash,
        disabled: row.disabled_at !== null,
      }));
    },
    async findUser(orgId, id) {
      const r = await db.query<UserRow>('SELECT * FROM users WHERE org_id = $1 AND id = $2', [orgId, id]);
      return r.rows[0] ? toUser(r.rows[0]) : null;
    },
    async listUsers(orgId) {
      const r = await db.query<UserRow>('SELECT * FROM users WHERE org_id = $1 ORDER BY created_at, id', [
        orgId,
      ]);
      return r.rows.map(toUser);
    },
    async createSession(s) {
      await db.query(
        'INSERT INTO sessions (token_hash, user_id, org_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [s.tokenHash, s.userId, s.orgId, s.now, s.expiresAt],
      );
    },
    async findSession(tokenHash, now) {
      const r = await db.query<UserRow>(
        `SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL`,
        [tokenHash, now],
      );
      return r.rows[0] ? { user: toUser(r.rows[0]) } : null;
    },
    async deleteSession(tokenHash) {
      await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },
    async createApiKey(k) {
      const r = await db.query<KeyRow>(
        'INSERT INTO api_keys (org_id, name, role, key_prefix, key_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
        [k.orgId, k.name, k.role, k.keyPrefix, k.keyHash, k.now],
      );
      return toKey(r.rows[0]!);
    },
    async ensureApiKey(k) {
      await db.query(
        'INSERT INTO api_keys (org_id, name, role, key_prefix, key_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key_hash) DO NOTHING',
        [k.orgId, k.name, k.role, k.keyPrefix, k.keyHash, k.now],
      );
    },
    async findApiKeyByHash(keyHash) {
      const r = await db.query<KeyRow>('SELECT * FROM api_keys WHERE key_hash = $1', [keyHash]);
      return r.rows[0] ? toKey(r.rows[0]) : null;
    },
    async touchApiKey(id, now) {
      // Only once a minute per key: a busy integration must not turn every request into a write.
      await db.query(
        `UPDATE api_keys SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`,
        [id, now],
      );
    },
    async listApiKeys(orgId) {
      const r = await db.query<KeyRow>('SELECT * FROM api_keys WHERE org_id = $1 ORDER BY created_at, id', [
        orgId,
      ]);
      return r.rows.map(toKey);
    },
    async revokeApiKey(orgId, id, now) {
      const r = await db.query(
        'UPDATE api_keys SET revoked_at = $3 WHERE org_id = $1 AND id = $2 AND revoked_at IS NULL',
        [orgId, id, now],
      );
      return r.rowCount > 0;
    },
  };
}
