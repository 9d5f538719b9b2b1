import { languageOf } from '@saldo/core/channels';
import type { Db } from '../../../../shared/db/db.js';
import type { OutboundMessage } from '../../ports/channel-provider.js';
import { localHour, sandboxSegment } from '../../debtor-local-facts.js';
import type { SandboxDebtor } from '../sandbox.js';

interface Row {
  tags: string[];
  balance_minor: number | string;
  language: 'es' | 'en';
  timezone: string;
  vulnerabilities: string[];
}

/**
 * The sandbox's view of the debtor a message goes to, read from what the send path recorded (the
 * outbound message row, inserted before the provider is called, and its account): the behaviour
 * model answers as that debtor would, and real sends carry no simulation data.
 */
export function createSqlSandboxDebtorLookup(
  db: Db,
): (msg: OutboundMessage, at: Date) => Promise<SandboxDebtor | null> {
  return async (msg, at) => {
    const r = await db.query<Row>(
      `SELECT a.tags, a.balance_minor, d.language, d.timezone, d.vulnerabilities
         FROM accounts a JOIN debtors d ON d.id = a.debtor_id
        WHERE a.id = (SELECT account_id FROM outbound_messages WHERE org_id = $1 AND id = $2)`,
      [msg.orgId, msg.messageId],
    );
    const t = r.rows[0];
    if (!t) return null;
    return {
      segment: sandboxSegment({ tags: t.tags, debtor: { vulnerabilities: t.vulnerabilities } }),
      localHour: localHour(at, t.timezone),
      language: languageOf(t.language),
      amountMinor: Number(t.balance_minor),
    };
  };
}
