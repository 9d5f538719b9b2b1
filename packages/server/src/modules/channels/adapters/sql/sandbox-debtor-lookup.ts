import { languageOf } from '@saldo/core/channels';
import type { Db } from '../../../../shared/db/db.js';
import type { OutboundMessage } from '../../ports/channel-provider.js';
import { localHour, sandboxSegment } from '../../debtor-local-facts.js';
import type { SandboxDebtor } from '../sandbox.js';
import type { SandboxPersonaBook } from '../sandbox-personas.js';
import { sandboxDialogueView } from './sandbox-dialogue-view.js';

interface Row {
  tags: string[];
  balance_minor: number | string;
  language: 'es' | 'en';
  timezone: string;
  vulnerabilities: string[];
  external_ref: string;
  idempotency_key: string;
}

/**
 * The sandbox's view of the debtor a message goes to, read from what the send path recorded (the
 * outbound message row, inserted before the provider is called, and its account): the behaviour
 * model answers as that debtor would, and real sends carry no simulation data. A bot reply also
 * brings the conversation it belongs to and what the person knows about themselves (`personas`).
 */
export function createSqlSandboxDebtorLookup(
  db: Db,
  personas?: SandboxPersonaBook,
): (msg: OutboundMessage, at: Date) => Promise<SandboxDebtor | null> {
  return async (msg, at) => {
    const r = await db.query<Row>(
      `SELECT a.tags, a.balance_minor, d.language, d.timezone, d.vulnerabilities, d.external_ref, m.idempotency_key
         FROM outbound_messages m
         JOIN accounts a ON a.id = m.account_id
         JOIN debtors d ON d.id = a.debtor_id
        WHERE m.org_id = $1 AND m.id = $2`,
      [msg.orgId, msg.messageId],
    );
    const t = r.rows[0];
    if (!t) return null;
    const dialogue = await sandboxDialogueView(db, msg.orgId, t.idempotency_key);
    const persona = dialogue ? ((await personas?.get(msg.orgId, t.external_ref)) ?? null) : null;
    return {
      segment: sandboxSegment({ tags: t.tags, debtor: { vulnerabilities: t.vulnerabilities } }),
      localHour: localHour(at, t.timezone),
      language: languageOf(t.language),
      amountMinor: Number(t.balance_minor),
      ...(dialogue ? { dialogue, persona } : {}),
    };
  };
}
