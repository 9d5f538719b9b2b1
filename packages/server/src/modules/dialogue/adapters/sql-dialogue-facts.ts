import { collectableStatuses } from '@saldo/core/record';
import type { Db } from '../../../shared/db/db.js';
import { sqlTextList } from '../../../shared/db/sql-list.js';
import type { DialogueFactsReader } from '../ports.js';

interface FactsRow {
  account_id: string;
  debtor_id: string;
  portfolio_id: string;
  status: string;
  balance_minor: number | string;
  currency: string;
  delinquent_since: string | null;
  creditor_name: string;
  collector_name: string;
  language: 'es' | 'en';
  country: string;
  timezone: string;
  dob_hash: string | null;
  national_id_hash: string | null;
}

/** The account, debtor, creditor and organisation facts the engine's context is built from. */
export function createSqlDialogueFacts(db: Db): DialogueFactsReader {
  /** The account a message or a call is about when none is named: a collectable one, the largest. */
  async function defaultAccountOf(orgId: string, debtorId: string): Promise<string | null> {
    const r = await db.query<{ id: string }>(
      `SELECT id FROM accounts
        WHERE org_id = $1 AND debtor_id = $2
        ORDER BY (status IN ${sqlTextList(collectableStatuses)}) DESC, balance_minor DESC, id
        LIMIT 1`,
      [orgId, debtorId],
    );
    return r.rows[0]?.id ?? null;
  }
  return {
    async account(orgId, accountId) {
      const r = await db.query<FactsRow>(
        `SELECT a.id AS account_id, a.debtor_id, a.portfolio_id, a.status, a.balance_minor, a.currency,
                a.delinquent_since::text AS delinquent_since, c.name AS creditor_name, o.name AS collector_name,
                d.language, d.country, d.timezone, d.dob_hash, d.national_id_hash
           FROM accounts a
           JOIN debtors d ON d.id = a.debtor_id
           JOIN portfolios pf ON pf.id = a.portfolio_id
           JOIN creditors c ON c.id = pf.creditor_id
           JOIN organizations o ON o.id = a.org_id
          WHERE a.org_id = $1 AND a.id = $2`,
        [orgId, accountId],
      );
      const row = r.rows[0];
      if (!row) return null;
      return {
        orgId,
        accountId: row.account_id,
        debtorId: row.debtor_id,
        portfolioId: row.portfolio_id,
        status: row.status,
        balanceMinor: Number(row.balance_minor),
        currency: row.currency.trim(),
        delinquentSince: row.delinquent_since,
        creditorName: row.creditor_name,
        collectorName: row.collector_name,
        language: row.language,
        country: row.country.trim(),
        timeZone: row.timezone,
        dobHash: row.dob_hash,
        nationalIdHash: row.national_id_hash,
      };
    },

    defaultAccountOf,

    async callerOf(orgId, phone) {
      const r = await db.query<{
        debtor_id: string;
        language: 'es' | 'en';
        country: string;
        collector_name: string;
      }>(
        `SELECT d.id AS debtor_id, d.language, d.country, o.name AS collector_name
           FROM contact_points cp JOIN debtors d ON d.id = cp.debtor_id JOIN organizations o ON o.id = cp.org_id
          WHERE cp.org_id = $1 AND cp.kind IN ('phone', 'whatsapp') AND cp.value = $2 AND cp.wrong_party_at IS NULL
          ORDER BY cp.verified_at DESC NULLS LAST, cp.created_at, d.id LIMIT 1`,
        [orgId, phone],
      );
      const row = r.rows[0];
      if (!row) return null;
      const accountId = await defaultAccountOf(orgId, row.debtor_id);
      if (!accountId) return null;
      return {
        debtorId: row.debtor_id,
        accountId,
        language: row.language,
        country: row.country.trim(),
        collectorName: row.collector_name,
      };
    },

    async callOf(orgId, callId) {
      const r = await db.query<{
        debtor_id: string;
        account_id: string;
        idempotency_key: string;
        language: 'es' | 'en';
        country: string;
      }>(
        `SELECT m.debtor_id, m.account_id, m.idempotency_key, d.language, d.country
           FROM outbound_messages m JOIN debtors d ON d.id = m.debtor_id
          WHERE m.org_id = $1 AND m.provider_message_id = $2 AND m.channel IN ('voicebot', 'call')
            AND m.account_id IS NOT NULL
          ORDER BY m.created_at DESC, m.id DESC LIMIT 1`,
        [orgId, callId],
      );
      const row = r.rows[0];
      return row
        ? {
            debtorId: row.debtor_id,
            accountId: row.account_id,
            idempotencyKey: row.idempotency_key,
            language: row.language,
            country: row.country.trim(),
          }
        : null;
    },
  };
}
