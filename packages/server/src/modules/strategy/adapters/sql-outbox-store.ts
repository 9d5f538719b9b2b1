import { JourneyCommand } from '@saldo/core/strategy';
import type { Db } from '../../../shared/db/db.js';
import type { OutboxStore } from '../ports.js';

type Row = {
  id: string | number;
  org_id: string;
  account_id: string;
  idempotency_key: string;
  command: unknown;
  attempts: number;
  refusals: number;
  journey_exited: boolean;
};

export function createSqlOutboxStore(db: Db): OutboxStore {
  return {
    async claim({ owner, now, leaseMs, limit }) {
      // Pending and due, or in flight with an expired lease (its dispatcher died): the same
      // idempotency key is tried again, so a contact the provider already took is a duplicate.
      // `= ANY(ARRAY(…))`: primary-key probes for the claimed ids, as in the journey claim.
      const r = await db.query<Row>(
        `WITH due AS (
           SELECT id FROM outbox
            WHERE kind = 'contact' AND next_attempt_at <= $1
              AND (status = 'pending' OR (status = 'in_flight' AND lease_until <= $1))
            ORDER BY next_attempt_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
         UPDATE outbox o SET status = 'in_flight', lease_owner = $2, lease_until = $3, attempts = o.attempts + 1, updated_at = $1
          WHERE o.id = ANY(ARRAY(SELECT id FROM due))
         RETURNING o.id, o.org_id, o.account_id, o.idempotency_key, o.command, o.attempts, o.refusals,
           EXISTS (SELECT 1 FROM journeys j WHERE j.account_id = o.account_id AND j.status = 'exited') AS journey_exited`,
        [now, owner, new Date(now.getTime() + leaseMs), limit],
      );
      const rows = r.rows.map((x) => ({
        id: Number(x.id),
        orgId: x.org_id,
        accountId: x.account_id,
        idempotencyKey: x.idempotency_key,
        command: JourneyCommand.parse(typeof x.command === 'string' ? JSON.parse(x.command) : x.command),
        attempts: x.attempts,
        refusals: x.refusals,
        exited: x.journey_exited,
      }));
      // A journey stopped early (paid, dispute, opt-out, escalation, un-enrolment) sends nothing more.
      const stopped = rows.filter((x) => x.exited).map((x) => x.id);
      if (stopped.length)
        await db.query(
          `UPDATE outbox SET status = 'cancelled', lease_owner = NULL, lease_until = NULL, updated_at = $2 WHERE id = ANY($1::bigint[])`,
          [stopped, now],
        );
      return rows
        .filter((x) => !x.exited)
        .sort((a, b) => a.id - b.id)
        .map(({ exited: _e, ...rest }) => rest);
    },

    async markSent(id, owner, providerMessageId, at) {
      const r = await db.query(
        `UPDATE outbox SET status = 'sent', provider_message_id = $3, sent_at = $4, lease_owner = NULL, lease_until = NULL, last_error = NULL, updated_at = $4
          WHERE id = $1 AND lease_owner = $2 AND status = 'in_flight'`,
        [id, owner, providerMessageId, at],
      );
      return r.rowCount > 0;
    },

    async markRefused(id, owner, reasons, nextAllowedAt, at) {
      const r = await db.query<{ org_id: string }>(
        `UPDATE outbox SET status = CASE WHEN $3::timestamptz IS NULL THEN 'refused' ELSE 'pending' END,
                next_attempt_at = COALESCE($3::timestamptz, next_attempt_at), refusals = refusals + 1,
                attempts = attempts - 1, last_error = $4, lease_owner = NULL, lease_until = NULL, updated_at = $5
          WHERE id = $1 AND lease_owner = $2 AND status = 'in_flight' RETURNING org_id`,
        [
          id,
          owner,
          nextAllowedAt,
          reasons
            .map((x) => `${x.rule}: ${x.message}`)
            .join('; ')
            .slice(0, 2000),
          at,
        ],
      );
      const org = r.rows[0]?.org_id;
      if (org === undefined) return false;
      const list = reasons.length ? reasons : [{ rule: 'unknown', message: 'refused without a reason' }];
      await db.query(
        `INSERT INTO outbox_refusals (outbox_id, org_id, rule, message, next_allowed_at, at) SELECT $1, $2, r, m, $5, $6 FROM unnest($3::text[], $4::text[]) AS u(r, m)`,
        [id, org, list.map((x) => x.rule), list.map((x) => x.message), nextAllowedAt, at],
      );
      return true;
    },

    // In the batch forms the owner is an unnest column, not a constant (see journey-store saveClaimed).
    async markSentMany(owner, items) {
      if (items.length === 0) return new Set();
      const r = await db.query<{ id: string | number }>(
        `UPDATE outbox o SET status = 'sent', provider_message_id = u.pm, sent_at = u.at, lease_owner = NULL, lease_until = NULL, last_error = NULL, updated_at = u.at
           FROM unnest($2::bigint[], $3::text[], $4::timestamptz[], $1::text[]) AS u(id, pm, at, owner)
          WHERE o.id = u.id AND o.lease_owner = u.owner AND o.status = 'in_flight' RETURNING o.id`,
        [
          items.map(() => owner),
          items.map((x) => x.id),
          items.map((x) => x.providerMessageId),
          items.map((x) => x.at),
        ],
      );
      return new Set(r.rows.map((x) => Number(x.id)));
    },

    async markRefusedMany(owner, items) {
      if (items.length === 0) return new Set();
      const r = await db.query<{ id: string | number; org_id: string }>(
        `UPDATE outbox o SET status = CASE WHEN u.next IS NULL THEN 'refused' ELSE 'pending' END,
                next_attempt_at = COALESCE(u.next, o.next_attempt_at), refusals = o.refusals + 1,
                attempts = o.attempts - 1, last_error = u.err, lease_owner = NULL, lease_until = NULL, updated_at = u.at
           FROM unnest($2::bigint[], $3::timestamptz[], $4::text[], $5::timestamptz[], $1::text[]) AS u(id, next, err, at, owner)
          WHERE o.id = u.id AND o.lease_owner = u.owner AND o.status = 'in_flight' RETURNING o.id, o.org_id`,
        [
          items.map(() => owner),
          items.map((x) => x.id),
          items.map((x) => x.nextAllowedAt),
          items.map((x) =>
            x.reasons
              .map((e) => `${e.rule}: ${e.message}`)
              .join('; ')
              .slice(0, 2000),
          ),
          items.map((x) => x.at),
        ],
      );
      const org = new Map(r.rows.map((x) => [Number(x.id), x.org_id]));
      const cols: {
        id: number[];
        org: string[];
        rule: string[];
        msg: string[];
        next: Array<Date | null>;
        at: Date[];
      } = { id: [], org: [], rule: [], msg: [], next: [], at: [] };
      for (const x of items) {
        const o = org.get(x.id);
        if (o === undefined) continue;
        for (const e of x.reasons.length
          ? x.reasons
          : [{ rule: 'unknown', message: 'refused without a reason' }]) {
          cols.id.push(x.id);
          cols.org.push(o);
          cols.rule.push(e.rule);
          cols.msg.push(e.message);
          cols.next.push(x.nextAllowedAt);
          cols.at.push(x.at);
        }
      }
      if (cols.id.length > 0)
        await db.query(
          `INSERT INTO outbox_refusals (outbox_id, org_id, rule, message, next_allowed_at, at)
           SELECT i, o, r, m, n, a FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[]) WITH ORDINALITY AS u(i, o, r, m, n, a, k) ORDER BY k`,
          [cols.id, cols.org, cols.rule, cols.msg, cols.next, cols.at],
        );
      return new Set(org.keys());
    },

    async markFailed(id, owner, error, retryAt, terminal, at) {
      const r = await db.query(
        `UPDATE outbox SET status = CASE WHEN $3::timestamptz IS NULL THEN $5 ELSE 'pending' END, next_attempt_at = COALESCE($3::timestamptz, next_attempt_at),
                last_error = $4, lease_owner = NULL, lease_until = NULL, updated_at = $6
          WHERE id = $1 AND lease_owner = $2 AND status = 'in_flight'`,
        [id, owner, retryAt, error.slice(0, 2000), terminal, at],
      );
      return r.rowCount > 0;
    },

    async byProviderMessage(orgId, providerMessageId) {
      const r = await db.query<{ account_id: string; command: unknown }>(
        `SELECT account_id, command FROM outbox WHERE org_id = $1 AND provider_message_id = $2`,
        [orgId, providerMessageId],
      );
      const row = r.rows[0];
      if (!row) return null;
      const c = JourneyCommand.parse(typeof row.command === 'string' ? JSON.parse(row.command) : row.command);
      if (c.type !== 'send' && c.type !== 'call') return null;
      return { accountId: row.account_id, nodeId: c.nodeId, attempt: c.attempt };
    },

    async stats(orgId) {
      const [s, f] = await Promise.all([
        db.query<{ status: string; n: number }>(
          `SELECT status, count(*)::int AS n FROM outbox WHERE org_id = $1 GROUP BY status ORDER BY status`,
          [orgId],
        ),
        db.query<{ rule: string; n: number }>(
          `SELECT rule, count(*)::int AS n FROM outbox_refusals WHERE org_id = $1 GROUP BY rule ORDER BY rule`,
          [orgId],
        ),
      ]);
      return {
        byStatus: Object.fromEntries(s.rows.map((x) => [x.status, x.n])),
        refusalsByRule: Object.fromEntries(f.rows.map((x) => [x.rule, x.n])),
      };
    },
  };
}
