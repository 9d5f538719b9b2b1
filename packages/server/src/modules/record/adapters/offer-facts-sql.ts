import { debtorToday } from '@saldo/core/offers';
import { daysPastDue, type AccountStatus } from '@saldo/core/record';
import type { SqlExecutor } from '../../../shared/db/db.js';
import type { OfferFacts } from '../ports.js';

/**
 * The account facts an offer depends on (balance, DPD in the debtor's calendar, zone, country,
 * hardship), read with the caller's executor. `lock` takes the account's row lock, so that the
 * check and the write of an agreement see the same balance.
 */
export async function readOfferFacts(
  ex: SqlExecutor,
  orgId: string,
  accountId: string,
  now: Date,
  opts: { lock: boolean },
): Promise<OfferFacts | null> {
  const r = await ex.query<{
    debtor_id: string;
    portfolio_id: string;
    balance_minor: number;
    currency: string;
    delinquent_since: string | null;
    status: AccountStatus;
    timezone: string;
    country: string;
    vulnerabilities: string[];
  }>(
    `SELECT a.debtor_id, a.portfolio_id, a.balance_minor, a.currency, a.delinquent_since::text AS delinquent_since,
            a.status, d.timezone, d.country, d.vulnerabilities
       FROM accounts a JOIN debtors d ON d.id = a.debtor_id
      WHERE a.org_id = $1 AND a.id = $2${opts.lock ? ' FOR UPDATE OF a' : ''}`,
    [orgId, accountId],
  );
  const row = r.rows[0];
  if (!row) return null;
  return {
    accountId,
    debtorId: row.debtor_id,
    portfolioId: row.portfolio_id,
    status: row.status,
    account: {
      balanceMinor: Number(row.balance_minor),
      currency: row.currency,
      dpd: daysPastDue(row.delinquent_since, debtorToday(now.getTime(), row.timezone)),
      timeZone: row.timezone,
      country: row.country,
      // A debtor flagged in financial hardship gets the hardship plan rules.
      hardship: row.vulnerabilities.includes('hardship'),
    },
  };
}
