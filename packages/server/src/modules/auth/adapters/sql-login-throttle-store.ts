import type { Db } from '../../../shared/db/db.js';
import type { AccountThrottlePolicy, AddressThrottlePolicy, LoginThrottleStore } from '../ports.js';

/** The failure number this attempt makes: the count restarts after a quiet period. */
const NEXT = `(CASE WHEN f.last_failure_at < $2::timestamptz - make_interval(secs => $6::double precision / 1000)
  THEN 1 ELSE f.failures + 1 END)`;

/**
 * Charges the attempt as a failure up front (a success clears it), and sets the back-off and lock
 * this failure would earn, all in the statement that checks the current block: the database
 * serialises concurrent attempts on the row.
 */
const CHARGE_ACCOUNT = `
INSERT INTO login_failures AS f (account_key, failures, blocked_until, locked_at, last_failure_at)
VALUES ($1, 1, NULL, NULL, $2)
ON CONFLICT (account_key) DO UPDATE SET
  failures = ${NEXT},
  blocked_until = CASE WHEN ${NEXT} >= $3
    THEN $2::timestamptz + make_interval(secs => $4::double precision / 1000 * power(2, ${NEXT} - $3))
    ELSE NULL END,
  locked_at = CASE WHEN ${NEXT} >= $5 THEN $2::timestamptz ELSE NULL END,
  last_failure_at = $2
WHERE f.locked_at IS NULL AND (f.blocked_until IS NULL OR f.blocked_until <= $2::timestamptz)
RETURNING failures`;

/** Tokens in the bucket at $2, refilled since the last take and capped. */
const LEVEL = `least($3::double precision, b.tokens + greatest(0, extract(epoch FROM ($2::timestamptz - b.refilled_at))::double precision) * $4::double precision)`;

const TAKE_TOKEN = `
INSERT INTO login_ip_buckets AS b (ip, tokens, refilled_at) VALUES ($1, $3::double precision - 1, $2)
ON CONFLICT (ip) DO UPDATE SET tokens = ${LEVEL} - 1, refilled_at = $2
WHERE ${LEVEL} >= 1
RETURNING tokens`;

/** Login throttling in Postgres (tables of migration 0032): shared by every API process. */
export function createSqlLoginThrottleStore(db: Db): LoginThrottleStore {
  return {
    async chargeAccount(key, now, p: AccountThrottlePolicy) {
      const r = await db.query<{ failures: number }>(CHARGE_ACCOUNT, [
        key,
        now,
        p.freeFailures,
        p.baseBackoffMs,
        p.lockAfter,
        p.forgetAfterMs,
      ]);
      if (r.rows[0]) return { ok: true, failures: Number(r.rows[0].failures) };
      const row = await db.query<{ blocked_until: Date | null; locked_at: Date | null }>(
        'SELECT blocked_until, locked_at FROM login_failures WHERE account_key = $1',
        [key],
      );
      const b = row.rows[0];
      return {
        ok: false,
        blockedUntil: b?.blocked_until ? new Date(b.blocked_until) : null,
        locked: Boolean(b?.locked_at),
      };
    },
    async clearAccount(key) {
      const r = await db.query<{ locked: boolean }>(
        'DELETE FROM login_failures WHERE account_key = $1 RETURNING locked_at IS NOT NULL AS locked',
        [key],
      );
      return Boolean(r.rows[0]?.locked);
    },
    async takeAddressToken(ip, now, p: AddressThrottlePolicy) {
      const params = [ip, now, p.capacity, p.refillPerSecond];
      const r = await db.query(TAKE_TOKEN, params);
      if (r.rows.length > 0) return { ok: true };
      const level = await db.query<{ level: number }>(
        `SELECT ${LEVEL} AS level FROM login_ip_buckets b WHERE ip = $1`,
        params,
      );
      const missing = 1 - Number(level.rows[0]?.level ?? 0);
      return { ok: false, retryAfterMs: Math.ceil((missing / p.refillPerSecond) * 1000) };
    },
    async returnAddressToken(ip, p) {
      await db.query(
        'UPDATE login_ip_buckets SET tokens = least($2::double precision, tokens + 1) WHERE ip = $1',
        [ip, p.capacity],
      );
    },
    async prune(now, olderThanMs) {
      const cutoff = new Date(now.getTime() - olderThanMs);
      const a = await db.query(
        'DELETE FROM login_failures WHERE locked_at IS NULL AND last_failure_at < $1',
        [cutoff],
      );
      const b = await db.query('DELETE FROM login_ip_buckets WHERE refilled_at < $1', [cutoff]);
      return a.rowCount + b.rowCount;
    },
  };
}
