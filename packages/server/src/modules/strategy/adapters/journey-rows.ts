import { daysPastDue } from '@saldo/core/record';
import { JourneyState, type JourneyCommand } from '@saldo/core/strategy';
import type { SqlExecutor } from '../../../shared/db/db.js';
import type { JourneyRowStatus, LoadedJourney } from '../ports.js';
import { iso } from '../../../shared/db/iso.js';

/** The columns every journey read selects: the journey, the account facts and the debtor's zone. */
export const JOURNEY_COLUMNS = `j.account_id, j.org_id, j.strategy_id, j.version, j.status, j.state, j.carry_attempts, j.rev, j.next_run_at,
  a.debtor_id, a.balance_minor, a.currency, a.product, a.status AS account_status, a.tags, a.delinquent_since::text AS delinquent_since,
  d.country, d.timezone`;
export const JOURNEY_FROM = `journeys j JOIN accounts a ON a.id = j.account_id JOIN debtors d ON d.id = a.debtor_id`;

export interface JourneyRow {
  account_id: string;
  org_id: string;
  strategy_id: string;
  version: number;
  status: JourneyRowStatus;
  state: unknown;
  carry_attempts: unknown;
  rev: number | string;
  next_run_at: Date | string | null;
  debtor_id: string;
  balance_minor: number | string;
  currency: string;
  product: string;
  account_status: string;
  tags: string[];
  delinquent_since: string | null;
  country: string;
  timezone: string;
}

const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export function toLoaded(r: JourneyRow, now: Date): LoadedJourney {
  const asOf = now.toISOString().slice(0, 10);
  return {
    orgId: r.org_id,
    accountId: r.account_id,
    debtorId: r.debtor_id,
    strategyId: r.strategy_id,
    version: Number(r.version),
    status: r.status,
    // jsonb read-back goes through the schema: a corrupted state fails loudly, not downstream.
    state: r.state === null ? null : JourneyState.parse(json(r.state)),
    carryAttempts: (json(r.carry_attempts) ?? {}) as Record<string, number>,
    rev: Number(r.rev),
    nextRunAt: iso(r.next_run_at),
    facts: {
      accountId: r.account_id,
      dpd: daysPastDue(r.delinquent_since, asOf),
      balanceMinor: Number(r.balance_minor),
      currency: r.currency,
      product: r.product,
      country: r.country,
      status: r.account_status,
      tags: r.tags,
    },
    timezone: r.timezone,
  };
}

/** When the journey must run next: a waiting state's wakeAt, now for an active one, never once finished. */
export function nextRunOf(s: JourneyState, now: Date): string | null {
  switch (s.status) {
    case 'active':
      return s.wakeAt ?? now.toISOString();
    case 'waiting':
      return s.wakeAt;
    case 'done':
    case 'exited':
      return null;
  }
}

function outboxKey(c: JourneyCommand, index: number, s: JourneyState, now: Date): string {
  if (c.type === 'send' || c.type === 'call') return c.idempotencyKey;
  // Non-contact commands: one per node visit (the history entry time makes a re-visit distinct).
  return `${c.type}:${c.accountId}:${c.nodeId ?? 'global'}:${s.nodeEnteredAt}:${now.toISOString()}:${index}`;
}

/** Inserts the commands of several journeys (duplicate keys ignored: idempotency). */
export async function insertOutbox(
  tx: SqlExecutor,
  items: Array<{ orgId: string; state: JourneyState; commands: JourneyCommand[] }>,
  now: Date,
): Promise<number> {
  const rows: Array<{ o: string; a: string; k: string; ik: string; c: JourneyCommand; s: string }> = [];
  for (const it of items) {
    it.commands.forEach((c, i) => {
      const contact = c.type === 'send' || c.type === 'call';
      // Only contacts are delivered here; other commands are recorded for their owners (agents, offers).
      rows.push({
        o: it.orgId,
        a: c.accountId,
        k: contact ? 'contact' : c.type,
        ik: outboxKey(c, i, it.state, now),
        c,
        s: contact ? 'pending' : 'recorded',
      });
    });
  }
  if (rows.length === 0) return 0;
  // One JSON document for the batch (node-postgres escapes text arrays element by element).
  const r = await tx.query(
    `INSERT INTO outbox (org_id, account_id, kind, idempotency_key, command, status, next_attempt_at, created_at, updated_at)
     SELECT o, a, k, ik, c, s, $2, $2, $2 FROM jsonb_to_recordset($1::jsonb) AS u(o text, a text, k text, ik text, c jsonb, s text)
     ON CONFLICT (org_id, idempotency_key) DO NOTHING`,
    [JSON.stringify(rows), now],
  );
  return r.rowCount;
}

/** Cancels the pending contacts of these accounts (a hard stop or an exit). */
export async function cancelPending(tx: SqlExecutor, accountIds: string[], now: Date): Promise<void> {
  if (accountIds.length === 0) return;
  await tx.query(
    `UPDATE outbox SET status = 'cancelled', lease_owner = NULL, lease_until = NULL, updated_at = $2 WHERE account_id = ANY($1::text[]) AND status = 'pending'`,
    [accountIds, now],
  );
}
