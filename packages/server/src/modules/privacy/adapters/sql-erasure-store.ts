import { SaldoError } from '@saldo/core';
import { terminalStatuses } from '@saldo/core/record';
import type { Db, SqlExecutor } from '../../../shared/db/db.js';
import type { DebtorVault } from '../../../shared/crypto/debtor-vault.js';
import type { AddressHasher } from '../../../shared/crypto/address-hash.js';
import { appendDomainEvents } from '../../events/index.js';
import { appendTimeline } from '../../record/index.js';
import type { DebtorErasedEvent } from '../privacy-events.js';
import type { BlockingAccount, ErasureRequest, ErasureResult, ErasureStore } from '../ports.js';
import { scrubLegacyTimeline, scrubMutable } from './sql-erasure-scrub.js';

type AccountRow = {
  id: string;
  external_ref: string;
  status: string;
  balance_minor: string | number;
  currency: string;
};

/** An account still being collected: a balance owed in a status that is not closed, paid or settled. */
export function blocksErasure(a: { status: string; balanceMinor: number }): boolean {
  return a.balanceMinor > 0 && !(terminalStatuses as readonly string[]).includes(a.status);
}

export function createSqlErasureStore(db: Db, vault: DebtorVault, addresses: AddressHasher): ErasureStore {
  return {
    erase: (r, at) =>
      db.transaction(async (tx) => {
        const debtor = await tx.query<{ erased_at: Date | null }>(
          'SELECT erased_at FROM debtors WHERE org_id = $1 AND id = $2 FOR UPDATE',
          [r.orgId, r.debtorId],
        );
        if (!debtor.rows[0]) throw new SaldoError('not_found', `debtor ${r.debtorId} not found`);
        if (debtor.rows[0].erased_at) return { result: await storedResult(tx, r), repeated: true };
        const accounts = await accountsOf(tx, r);
        refuseWhileCollected(r.debtorId, accounts);
        const result = await eraseNow(tx, vault, addresses, r, accounts, at);
        return { result, repeated: false };
      }),
    eraseExpired: (r, closedBefore, at) =>
      db.transaction(async (tx) => {
        const debtor = await tx.query<{ erased_at: Date | null }>(
          'SELECT erased_at FROM debtors WHERE org_id = $1 AND id = $2 FOR UPDATE SKIP LOCKED',
          [r.orgId, r.debtorId],
        );
        if (!debtor.rows[0] || debtor.rows[0].erased_at) return null;
        const accounts = await accountsOf(tx, r);
        if (
          accounts.length === 0 ||
          accounts.some((a) => !closed(a)) ||
          !(await unchangedSince(tx, r, closedBefore))
        )
          return null;
        return eraseNow(tx, vault, addresses, r, accounts, at);
      }),
  };
}

const closed = (a: { status: string }) => (terminalStatuses as readonly string[]).includes(a.status);

async function unchangedSince(tx: SqlExecutor, r: ErasureRequest, before: Date): Promise<boolean> {
  const x = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM accounts WHERE org_id = $1 AND debtor_id = $2 AND updated_at >= $3',
    [r.orgId, r.debtorId, before],
  );
  return x.rows[0]!.n === 0;
}

async function accountsOf(tx: SqlExecutor, r: ErasureRequest): Promise<BlockingAccount[]> {
  const rows = await tx.query<AccountRow>(
    `SELECT id, external_ref, status, balance_minor, currency FROM accounts
      WHERE org_id = $1 AND debtor_id = $2 ORDER BY id FOR UPDATE`,
    [r.orgId, r.debtorId],
  );
  return rows.rows.map((a) => ({
    id: a.id,
    externalRef: a.external_ref,
    status: a.status,
    balanceMinor: Number(a.balance_minor),
    currency: a.currency,
  }));
}

function refuseWhileCollected(debtorId: string, accounts: BlockingAccount[]): void {
  const open = accounts.filter(blocksErasure);
  if (open.length === 0) return;
  throw new SaldoError(
    'conflict',
    `debtor ${debtorId} still owes on ${open.map((a) => `${a.id} (${a.externalRef}, ${a.status})`).join(', ')}: close the accounts (or record their payment or settlement) before erasing`,
    open.map((a) => ({
      path: `accounts.${a.id}`,
      message: `status ${a.status}, balance ${a.balanceMinor} ${a.currency} (minor units)`,
    })),
  );
}

async function storedResult(tx: SqlExecutor, r: ErasureRequest): Promise<ErasureResult> {
  const row = await tx.query<{ result: ErasureResult }>(
    'SELECT result FROM privacy_erasures WHERE org_id = $1 AND debtor_id = $2',
    [r.orgId, r.debtorId],
  );
  return row.rows[0]!.result;
}

async function eraseNow(
  tx: SqlExecutor,
  vault: DebtorVault,
  hasher: AddressHasher,
  r: ErasureRequest,
  accounts: BlockingAccount[],
  at: Date,
): Promise<ErasureResult> {
  const accountIds = accounts.map((a) => a.id);
  const points = await tx.query<{ kind: string; value: string }>(
    'SELECT DISTINCT kind, value FROM contact_points WHERE org_id = $1 AND debtor_id = $2 ORDER BY kind, value',
    [r.orgId, r.debtorId],
  );
  const addresses = [...new Set(points.rows.map((p) => p.value))];
  const suppressedAddresses = await suppress(tx, hasher, r, points.rows, at);
  const legacyTimelineEntries = await scrubLegacyTimeline(tx, r.orgId, r.debtorId);
  const scrubbed = await scrubMutable(
    tx,
    { orgId: r.orgId, debtorId: r.debtorId, accountIds, addresses },
    at,
  );
  await vault.shred(tx, r.orgId, r.debtorId, at);
  const stopped = await stopCollection(tx, accountIds, at);
  await appendTimeline(tx, {
    orgId: r.orgId,
    debtorId: r.debtorId,
    accountId: null,
    occurredAt: at.toISOString(),
    kind: 'privacy',
    actor: r.actor.kind === 'system' ? 'system' : 'agent',
    actorId: r.actor.id,
    channel: null,
    direction: null,
    summary:
      r.basis === 'retention' ? 'Personal data erased (retention period)' : 'Personal data erased on request',
    data: { basis: r.basis, suppressedAddresses },
  });
  const result: ErasureResult = {
    debtorId: r.debtorId,
    erasedAt: at.toISOString(),
    basis: r.basis,
    reason: r.reason,
    actor: r.actor,
    keyShredded: true,
    scrubbed: { ...scrubbed, legacyTimelineEntries },
    suppressedAddresses,
    ...stopped,
    kept: await keptCounts(tx, r, accountIds),
  };
  await recordErasure(tx, r, accountIds, result, at);
  return result;
}

/** Nothing more goes out to an erased person: their journeys end and pending contacts are cancelled. */
async function stopCollection(tx: SqlExecutor, accountIds: string[], at: Date) {
  const journeysEnded = (
    await tx.query(
      `UPDATE journeys SET status = 'exited', next_run_at = NULL, lease_owner = NULL, lease_until = NULL, rev = rev + 1, updated_at = $2
        WHERE account_id = ANY($1::text[]) AND status NOT IN ('done', 'exited')`,
      [accountIds, at],
    )
  ).rowCount;
  const outboxCancelled = (
    await tx.query(
      `UPDATE outbox SET status = 'cancelled', last_error = 'debtor erased', updated_at = $2
        WHERE account_id = ANY($1::text[]) AND status = 'pending'`,
      [accountIds, at],
    )
  ).rowCount;
  return { journeysEnded, outboxCancelled };
}

/** The erasure's own record (what a repeated request answers) and its `debtor.erased` event. */
async function recordErasure(
  tx: SqlExecutor,
  r: ErasureRequest,
  accountIds: string[],
  result: ErasureResult,
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO privacy_erasures (debtor_id, org_id, erased_at, basis, actor_kind, actor_id, reason, result)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [r.debtorId, r.orgId, at, r.basis, r.actor.kind, r.actor.id, r.reason, JSON.stringify(result)],
  );
  const erased: DebtorErasedEvent = {
    type: 'debtor.erased',
    orgId: r.orgId,
    debtorId: r.debtorId,
    accountIds,
    basis: r.basis,
    erasedAt: at.toISOString(),
  };
  await appendDomainEvents(tx, [{ key: `debtor-erased:${r.debtorId}`, event: erased }], at);
}

/**
 * One suppression per address, with the channels the person had opted out of or withdrawn
 * consent for: the send path keeps refusing them to that address whoever it is stored for later.
 */
async function suppress(
  tx: SqlExecutor,
  hasher: AddressHasher,
  r: ErasureRequest,
  points: { kind: string; value: string }[],
  at: Date,
): Promise<number> {
  if (points.length === 0) return 0;
  const optedOut = await tx.query<{ channel: string }>(
    `SELECT channel FROM channel_consents WHERE org_id = $1 AND debtor_id = $2 AND (opted_out_at IS NOT NULL OR state = 'denied')
      ORDER BY channel`,
    [r.orgId, r.debtorId],
  );
  const channels = optedOut.rows.map((c) => c.channel);
  const byHash = new Map(points.map((p) => [hasher.hash(p.value), p.kind] as const));
  await tx.query(
    `INSERT INTO privacy_suppressions (org_id, address_hash, erased_debtor_id, kind, opted_out_channels, created_at)
     SELECT $1, h, $2, k, $5::text[], $6 FROM unnest($3::text[], $4::text[]) AS u(h, k)
     ON CONFLICT DO NOTHING`,
    [r.orgId, r.debtorId, [...byHash.keys()], [...byHash.values()], channels, at],
  );
  return byHash.size;
}

async function keptCounts(tx: SqlExecutor, r: ErasureRequest, accountIds: string[]) {
  const n = await tx.query<{ payments: string | number; timeline: string | number }>(
    `SELECT (SELECT count(*) FROM payments WHERE org_id = $1 AND account_id = ANY($3::text[])) AS payments,
            (SELECT count(*) FROM timeline_events WHERE org_id = $1 AND debtor_id = $2) AS timeline`,
    [r.orgId, r.debtorId, accountIds],
  );
  return {
    accounts: accountIds.length,
    payments: Number(n.rows[0]!.payments),
    timelineEntries: Number(n.rows[0]!.timeline),
  };
}
