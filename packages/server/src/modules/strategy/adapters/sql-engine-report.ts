import type { Db } from '../../../shared/db/db.js';

export interface EngineReport {
  accounts: number;
  contacts: Record<string, number>;
  refusals: Record<string, number>;
  replies: number;
  promises: number;
  payments: number;
  recovered: Record<string, number>;
  arms: Record<string, { accounts: number; payments: number; recovered: Record<string, number> }>;
}

/** Aggregates for `saldo simulate` and the dashboard: what the runner did since `since`. */
export function createSqlEngineReport(db: Db) {
  return async function report(orgId: string, since: Date): Promise<EngineReport> {
    const [acc, contacts, refusals, inbox, pays, arms, promised] = await Promise.all([
      db.query<{ n: number }>(`SELECT count(*)::int AS n FROM journeys WHERE org_id = $1`, [orgId]),
      db.query<{ channel: string; n: number }>(
        `SELECT channel, count(*)::int AS n FROM outbound_messages WHERE org_id = $1 AND created_at >= $2 AND provider_message_id IS NOT NULL GROUP BY channel ORDER BY channel`,
        [orgId, since],
      ),
      db.query<{ rule: string; n: number }>(
        `SELECT rule, count(*)::int AS n FROM outbox_refusals WHERE org_id = $1 AND at >= $2 GROUP BY rule ORDER BY rule`,
        [orgId, since],
      ),
      db.query<{ type: string; n: number }>(
        `SELECT type, count(*)::int AS n FROM journey_inbox WHERE org_id = $1 AND at >= $2 GROUP BY type ORDER BY type`,
        [orgId, since],
      ),
      db.query<{ currency: string; n: number; minor: number }>(
        `SELECT currency, count(*)::int AS n, sum(amount_minor)::bigint AS minor FROM payments WHERE org_id = $1 AND created_at >= $2 GROUP BY currency ORDER BY currency`,
        [orgId, since],
      ),
      db.query<{
        arm: string;
        accounts: number;
        payments: number;
        currency: string | null;
        minor: number | null;
      }>(
        `WITH a AS (SELECT j.account_id, e.value AS arm FROM journeys j, jsonb_each_text(COALESCE(j.state->'arms', '{}'::jsonb)) e WHERE j.org_id = $1),
              p AS (SELECT account_id, currency, count(*)::int AS n, sum(amount_minor)::bigint AS minor FROM payments WHERE org_id = $1 AND created_at >= $2 GROUP BY account_id, currency)
         SELECT a.arm, count(DISTINCT a.account_id)::int AS accounts, COALESCE(sum(p.n), 0)::int AS payments, p.currency, sum(p.minor)::bigint AS minor
           FROM a LEFT JOIN p ON p.account_id = a.account_id GROUP BY a.arm, p.currency ORDER BY a.arm, p.currency`,
        [orgId, since],
      ),
      db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM promises WHERE org_id = $1 AND created_at >= $2`,
        [orgId, since],
      ),
    ]);
    const inboxBy = Object.fromEntries(inbox.rows.map((r) => [r.type, r.n]));
    const armOut: EngineReport['arms'] = {};
    for (const r of arms.rows) {
      const a = (armOut[r.arm] ??= { accounts: 0, payments: 0, recovered: {} });
      // Rows per (arm, currency): accounts are counted per currency group, so add them up.
      a.accounts += r.accounts;
      a.payments += r.payments;
      if (r.currency !== null) a.recovered[r.currency] = Number(r.minor ?? 0);
    }
    return {
      accounts: acc.rows[0]?.n ?? 0,
      contacts: Object.fromEntries(contacts.rows.map((r) => [r.channel, r.n])),
      refusals: Object.fromEntries(refusals.rows.map((r) => [r.rule, r.n])),
      replies: Object.entries(inboxBy)
        .filter(([t]) => t.startsWith('replied'))
        .reduce((s, [, n]) => s + n, 0),
      // Promises of the record: from replies, agents and the portal alike.
      promises: promised.rows[0]?.n ?? 0,
      payments: pays.rows.reduce((s, r) => s + r.n, 0),
      recovered: Object.fromEntries(pays.rows.map((r) => [r.currency, Number(r.minor)])),
      arms: armOut,
    };
  };
}
