import { noPromisePending } from '@saldo/core/record';
import type { Db } from '../../../shared/db/db.js';
import type { PromiseExpiryStore } from '../ports.js';
import type { RecordDomainEvent } from '../record-events.js';
import { appendRecordEvents } from './append-record-events.js';

interface Changed {
  kind: 'broken' | 'status';
  id: string;
  org_id: string;
  account_id: string;
  debtor_id: string;
  due_date: string | null;
}

export function createSqlPromiseExpiryStore(db: Db): PromiseExpiryStore {
  return {
    async breakOverdue(cutoff, now) {
      // One statement: broken promises, their timeline entries, and promised → active for accounts
      // left with no pending promise (core `noPromisePending`, $3 → $4). SKIP LOCKED lets several
      // workers share the sweep. Their
      // domain events go in the same transaction.
      return db.transaction(async (tx) => {
        const r = await tx.query<Changed>(
          `WITH due AS (
             SELECT id FROM promises WHERE status = 'pending' AND due_date < $1::date ORDER BY due_date LIMIT 5000 FOR UPDATE SKIP LOCKED
           ), broken AS (
             UPDATE promises p SET status = 'broken', resolved_at = $2 FROM due WHERE p.id = due.id
             RETURNING p.id, p.org_id, p.account_id, p.amount_minor, p.paid_minor, p.due_date
           ), ev AS (
             INSERT INTO timeline_events (org_id, debtor_id, account_id, occurred_at, kind, actor, summary, data)
             SELECT b.org_id, a.debtor_id, b.account_id, $2, 'promise', 'system', 'Promise broken',
                    jsonb_build_object('promiseId', b.id, 'amountMinor', b.amount_minor, 'paidMinor', b.paid_minor, 'dueDate', b.due_date)
               FROM broken b JOIN accounts a ON a.id = b.account_id
           ), st AS (
             UPDATE accounts a SET status = $4::text, updated_at = $2
              WHERE a.status = $3::text AND a.id IN (SELECT account_id FROM broken)
                AND NOT EXISTS (SELECT 1 FROM promises p WHERE p.account_id = a.id AND p.status = 'pending' AND p.id NOT IN (SELECT id FROM broken))
             RETURNING a.id, a.org_id, a.debtor_id
           ), st_ev AS (
             INSERT INTO timeline_events (org_id, debtor_id, account_id, occurred_at, kind, actor, summary, data)
             SELECT org_id, debtor_id, id, $2, 'status_change', 'system', 'Status ' || $3::text || ' → ' || $4::text, jsonb_build_object('from', $3::text, 'to', $4::text, 'cause', 'promise_broken')
               FROM st
           )
           SELECT 'broken' AS kind, b.id, b.org_id, b.account_id, a.debtor_id, b.due_date::text AS due_date
             FROM broken b JOIN accounts a ON a.id = b.account_id
           UNION ALL
           SELECT 'status', id, org_id, id, debtor_id, NULL FROM st
           ORDER BY 1, 2`,
          [cutoff, now, noPromisePending.from, noPromisePending.to],
        );
        const events = r.rows.map((x): RecordDomainEvent => {
          const ids = { orgId: x.org_id, accountId: x.account_id, debtorId: x.debtor_id };
          return x.kind === 'broken'
            ? { type: 'promise.broken', ...ids, promiseId: x.id, dueDate: x.due_date! }
            : {
                type: 'account.status_changed',
                ...ids,
                from: noPromisePending.from,
                to: noPromisePending.to,
                cause: 'promise_broken',
              };
        });
        await appendRecordEvents(tx, events, now);
        return events.filter((e) => e.type === 'promise.broken').length;
      });
    },
  };
}
