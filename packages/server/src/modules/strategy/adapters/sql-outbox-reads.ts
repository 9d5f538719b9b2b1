import { JourneyCommand } from '@saldo/core/strategy';
import type { SqlExecutor } from '../../../shared/db/db.js';

/** The outbox contact a provider message id belongs to. */
export async function contactByProviderMessage(
  db: SqlExecutor,
  orgId: string,
  providerMessageId: string,
): Promise<{ accountId: string; nodeId: string; attempt: number } | null> {
  const r = await db.query<{ account_id: string; command: unknown }>(
    `SELECT account_id, command FROM outbox WHERE org_id = $1 AND provider_message_id = $2`,
    [orgId, providerMessageId],
  );
  const row = r.rows[0];
  if (!row) return null;
  const c = JourneyCommand.parse(typeof row.command === 'string' ? JSON.parse(row.command) : row.command);
  if (c.type !== 'send' && c.type !== 'call') return null;
  return { accountId: row.account_id, nodeId: c.nodeId, attempt: c.attempt };
}

/** Contacts per status and refusals per rule, of one organisation. */
export async function outboxStats(
  db: SqlExecutor,
  orgId: string,
): Promise<{ byStatus: Record<string, number>; refusalsByRule: Record<string, number> }> {
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
}
