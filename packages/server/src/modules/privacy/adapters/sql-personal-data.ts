import type { Db, SqlExecutor } from '../../../shared/db/db.js';
import type { DebtorVault } from '../../../shared/crypto/debtor-vault.js';
import { openTimelineRows, type TimelineEvent } from '../../record/index.js';
import type { PersonalDataReader } from '../ports.js';

const rows = async (ex: SqlExecutor, sql: string, params: unknown[]) =>
  (await ex.query<Record<string, unknown>>(sql, params)).rows;

/** Timeline entries per read: a long history is read in pages, each opened with one key read. */
const PAGE = 1000;

/** The sections read by debtor (`$1` the organisation, `$2` the debtor). */
const BY_DEBTOR = {
  debtor: `SELECT id, external_ref, first_name, last_name, language, country, region, timezone, vulnerabilities,
                  preferred_channel, preferred_hours, dob_hash IS NOT NULL AS date_of_birth_hash_held,
                  national_id_hash IS NOT NULL AS national_id_hash_held, created_at, updated_at, erased_at
             FROM debtors WHERE org_id = $1 AND id = $2`,
  erasure:
    'SELECT erased_at, basis, actor_kind, actor_id, reason FROM privacy_erasures WHERE org_id = $1 AND debtor_id = $2',
  contactPoints: `SELECT kind, value, line_type, verified_at, bounced_at, wrong_party_at, created_at
               FROM contact_points WHERE org_id = $1 AND debtor_id = $2 ORDER BY kind, value`,
  consents: `SELECT channel, state, source, recorded_at, opted_out_at, opt_out_source
               FROM channel_consents WHERE org_id = $1 AND debtor_id = $2 ORDER BY channel`,
  accounts: `SELECT id, external_ref, portfolio_id, product, currency, principal_minor, interest_minor, fees_minor, balance_minor,
                  delinquent_since, status, collection_paused_until, created_at, updated_at
             FROM accounts WHERE org_id = $1 AND debtor_id = $2 ORDER BY id`,
  conversations: `SELECT id, account_id, status, last_channel, handoff_queue, created_at, last_turn_at
             FROM conversations WHERE org_id = $1 AND debtor_id = $2 ORDER BY created_at, id`,
  turns: `SELECT t.conversation_id, t.seq, t.actor, t.channel, t.text, t.at FROM conversation_turns t
             JOIN conversations c ON c.id = t.conversation_id WHERE c.org_id = $1 AND c.debtor_id = $2
            ORDER BY t.conversation_id, t.seq`,
  agentTasks: `SELECT id, account_id, conversation_id, queue, summary, status, created_at
               FROM agent_tasks WHERE org_id = $1 AND debtor_id = $2 ORDER BY created_at, id`,
  messagesSent: `SELECT id, account_id, channel, template_id, recipient, provider, status, outcome, requested_by, created_at
               FROM outbound_messages WHERE org_id = $1 AND debtor_id = $2 ORDER BY created_at, id`,
  // As the provider delivered them (the timeline names them).
  messagesReceived: `SELECT i.id, i.provider, i.channel, i.type, i.payload, i.received_at FROM inbound_events i
      WHERE i.org_id = $1 AND i.id IN (SELECT data->>'inboundId' FROM timeline_events
                                        WHERE org_id = $1 AND debtor_id = $2 AND data ? 'inboundId')
      ORDER BY i.received_at, i.id`,
} as const;

/** The sections read by the debtor's accounts (`$1` the organisation, `$2` the account ids). */
const BY_ACCOUNT = {
  payments: `SELECT id, account_id, amount_minor, currency, paid_at, method, external_id, source
               FROM payments WHERE org_id = $1 AND account_id = ANY($2::text[]) ORDER BY paid_at, id`,
  promises: `SELECT id, account_id, amount_minor, currency, due_date, status, channel, actor, paid_minor, created_at, resolved_at
               FROM promises WHERE org_id = $1 AND account_id = ANY($2::text[]) ORDER BY created_at, id`,
  plans: `SELECT p.id, p.account_id, p.total_minor, p.currency, p.status, p.frequency, p.channel, p.actor, p.created_at,
                    (SELECT coalesce(jsonb_agg(jsonb_build_object('seq', i.seq, 'dueDate', i.due_date, 'amountMinor', i.amount_minor,
                                                                  'paidMinor', i.paid_minor, 'status', i.status) ORDER BY i.seq), '[]')
                       FROM plan_installments i WHERE i.plan_id = p.id) AS installments
               FROM payment_plans p WHERE p.org_id = $1 AND p.account_id = ANY($2::text[]) ORDER BY p.created_at, p.id`,
  settlementOffers: `SELECT id, account_id, amount_minor, balance_minor, currency, expires_on, status, channel, actor, paid_minor, created_at, resolved_at
               FROM settlement_offers WHERE org_id = $1 AND account_id = ANY($2::text[]) ORDER BY created_at, id`,
  disputes: `SELECT id, account_id, reason, details, status, channel, opened_at, resolved_at
               FROM disputes WHERE org_id = $1 AND account_id = ANY($2::text[]) ORDER BY opened_at, id`,
} as const;

type Rows = Record<string, unknown>[];

/** Every section of `queries`, read in order in the same transaction. */
async function readSections<K extends string>(
  tx: SqlExecutor,
  queries: Readonly<Record<K, string>>,
  params: unknown[],
): Promise<Record<K, Rows>> {
  const out = {} as Record<K, Rows>;
  for (const key of Object.keys(queries) as K[]) out[key] = await rows(tx, queries[key], params);
  return out;
}

/**
 * The access request (Art. 15 GDPR, ARCO, Ley 1581 art. 8): everything Saldo holds on a debtor, in
 * one read-only transaction so the document is one consistent snapshot. Hashes of the date of birth
 * and national id are reported as held, not shown (they are not the values and open nothing).
 */
export function createSqlPersonalDataReader(db: Db, vault: DebtorVault): PersonalDataReader {
  return {
    export: (orgId, debtorId) =>
      db.transaction(async (tx) => {
        const d = await readSections(tx, BY_DEBTOR, [orgId, debtorId]);
        const [debtor] = d.debtor;
        if (!debtor) return null;
        const a = await readSections(tx, BY_ACCOUNT, [orgId, d.accounts.map((x) => x.id as string)]);
        return {
          debtor,
          erasure: d.erasure[0] ?? null,
          contactPoints: d.contactPoints,
          consents: d.consents,
          accounts: d.accounts,
          ...a,
          timeline: await timelineOf(tx, vault, orgId, debtorId),
          conversations: d.conversations.map((c) => ({
            ...c,
            turns: d.turns.filter((t) => t.conversation_id === c.id).map(({ conversation_id: _, ...t }) => t),
          })),
          agentTasks: d.agentTasks,
          messagesSent: d.messagesSent,
          messagesReceived: d.messagesReceived,
        };
      }),
  };
}

/** The whole timeline, opened: personal parts readable until erasure, `erased: true` after. */
async function timelineOf(tx: SqlExecutor, vault: DebtorVault, orgId: string, debtorId: string) {
  const out: TimelineEvent[] = [];
  for (let after = 0; ;) {
    const page = await tx.query<Parameters<typeof openTimelineRows>[2][number]>(
      'SELECT * FROM timeline_events WHERE org_id = $1 AND debtor_id = $2 AND seq > $3 ORDER BY seq LIMIT $4',
      [orgId, debtorId, after, PAGE],
    );
    out.push(...(await openTimelineRows(tx, vault, page.rows)));
    if (page.rows.length < PAGE) return out;
    after = Number(page.rows[page.rows.length - 1]!.seq);
  }
}
