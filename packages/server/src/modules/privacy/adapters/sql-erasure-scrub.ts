import type { SqlExecutor } from '../../../shared/db/db.js';
import { addressKeys, ERASED_SUMMARY, personalDataKeys, personalKinds } from '../../record/index.js';

/** The marker that replaces a scrubbed name, address or text. */
export const ERASED = '[erased]';

const count = async (ex: SqlExecutor, sql: string, params: unknown[]) =>
  (await ex.query(sql, params)).rowCount;

/**
 * The mutable tables' personal columns, scrubbed in the erasing transaction (docs/privacy.md has
 * the table of every column and what happens to it). `addresses`: the debtor's contact point values.
 */
export async function scrubMutable(
  ex: SqlExecutor,
  d: { orgId: string; debtorId: string; accountIds: string[]; addresses: string[] },
  at: Date,
) {
  const { orgId, debtorId, accountIds, addresses } = d;
  await ex.query(
    `UPDATE debtors SET first_name = '', last_name = $3, region = NULL, dob_hash = NULL, national_id_hash = NULL,
            vulnerabilities = '{}', preferred_channel = NULL, preferred_hours = NULL, erased_at = $4, updated_at = $4
      WHERE org_id = $1 AND id = $2`,
    [orgId, debtorId, ERASED, at],
  );
  const contactPoints = await count(ex, 'DELETE FROM contact_points WHERE org_id = $1 AND debtor_id = $2', [
    orgId,
    debtorId,
  ]);
  // Opt-outs and refusals stay (time, channel: facts that protect the person); only the address
  // quoted in their source goes. A permission to contact does not outlive the person's data.
  await ex.query(
    `UPDATE channel_consents SET opt_out_source = split_part(opt_out_source, ' (', 1), source = split_part(source, ' (', 1),
            state = CASE WHEN state = 'granted' THEN 'unknown' ELSE state END
      WHERE org_id = $1 AND debtor_id = $2`,
    [orgId, debtorId],
  );
  const disputes = await count(
    ex,
    'UPDATE disputes SET details = NULL WHERE org_id = $1 AND account_id = ANY($2::text[]) AND details IS NOT NULL',
    [orgId, accountIds],
  );
  const conversationTurns = await count(
    ex,
    `UPDATE conversation_turns t SET text = $3, reading = NULL
       FROM conversations c WHERE c.id = t.conversation_id AND c.org_id = $1 AND c.debtor_id = $2`,
    [orgId, debtorId, ERASED],
  );
  const conversations = await count(
    ex,
    `UPDATE conversations SET state = jsonb_build_object('state', state->'state', 'erased', true), status = 'closed', updated_at = $3
      WHERE org_id = $1 AND debtor_id = $2`,
    [orgId, debtorId, at],
  );
  const agentTasks = await count(
    ex,
    `UPDATE agent_tasks SET summary = '{"erased": true}', status = 'done' WHERE org_id = $1 AND debtor_id = $2`,
    [orgId, debtorId],
  );
  const voiceScripts = await count(
    ex,
    `DELETE FROM voice_scripts WHERE org_id = $1 AND id IN (SELECT 'vs_' || id FROM outbound_messages WHERE org_id = $1 AND debtor_id = $2)`,
    [orgId, debtorId],
  );
  // A send still queued is not made: it fails with the reason, the address goes.
  const outboundMessages = await count(
    ex,
    `UPDATE outbound_messages SET recipient = $3, error = CASE WHEN status = 'queued' THEN 'debtor erased' ELSE NULL END,
            status = CASE WHEN status = 'queued' THEN 'failed' ELSE status END, updated_at = $4
      WHERE org_id = $1 AND debtor_id = $2`,
    [orgId, debtorId, ERASED, at],
  );
  const inboundEvents = await scrubInbound(ex, d, at);
  const domainEvents = await scrubDomainEvents(ex, orgId, debtorId, at);
  const importErrors =
    addresses.length === 0
      ? 0
      : await count(
          ex,
          `UPDATE import_errors e SET message = $3 FROM imports i
            WHERE i.id = e.import_id AND i.org_id = $1
              AND EXISTS (SELECT 1 FROM unnest($2::text[]) a WHERE strpos(e.message, a) > 0)`,
          [orgId, addresses, ERASED],
        );
  return {
    contactPoints,
    conversations,
    conversationTurns,
    agentTasks,
    outboundMessages,
    voiceScripts,
    inboundEvents,
    domainEvents,
    importErrors,
    disputes,
  };
}

/**
 * Provider payloads (the message's text, the sender) of the debtor's inbound events: those the
 * timeline names, and any from or to one of their addresses (an unmatched sender included).
 * An event not yet processed is marked processed: nothing answers an erased person.
 */
async function scrubInbound(
  ex: SqlExecutor,
  d: { orgId: string; debtorId: string; addresses: string[] },
  at: Date,
): Promise<number> {
  return count(
    ex,
    `UPDATE inbound_events SET payload = jsonb_build_object('erased', true), processed_at = COALESCE(processed_at, $4),
            last_error = CASE WHEN processed_at IS NULL THEN 'debtor erased before processing' ELSE last_error END
      WHERE org_id = $1 AND NOT (payload ? 'erased')
        AND (id IN (SELECT data->>'inboundId' FROM timeline_events WHERE org_id = $1 AND debtor_id = $2 AND data ? 'inboundId')
             OR payload->>'from' = ANY($3::text[]) OR payload->>'to' = ANY($3::text[]))`,
    [d.orgId, d.debtorId, d.addresses, at],
  );
}

/**
 * Domain events about the debtor keep their facts (type, ids, amounts); the received message they
 * carried (`event`) and personal keys go. Channel events not yet consumed are marked consumed.
 */
async function scrubDomainEvents(ex: SqlExecutor, orgId: string, debtorId: string, at: Date) {
  return count(
    ex,
    `UPDATE domain_events SET payload = (payload - $3::text[]) || '{"erased": true}',
            processed_at = CASE WHEN processed_at IS NULL AND type LIKE 'channel.%' THEN $4 ELSE processed_at END,
            last_error = CASE WHEN processed_at IS NULL AND type LIKE 'channel.%' THEN 'debtor erased before processing' ELSE last_error END
      WHERE org_id = $1 AND payload->>'debtorId' = $2 AND NOT (payload ? 'erased')`,
    [orgId, debtorId, ['event', 'keyword', ...personalDataKeys], at],
  );
}

/**
 * Timeline entries written before migration 0070 hold their personal part in clear. The trigger
 * lets the erasing transaction (and only it, for that debtor, for those rows) replace the summary
 * with the marker and remove personal keys from the data; entries since then are sealed and stay.
 */
export async function scrubLegacyTimeline(ex: SqlExecutor, orgId: string, debtorId: string): Promise<number> {
  await ex.query(`SELECT set_config('saldo.erasing_debtor', $1, true)`, [debtorId]);
  const all = [...personalDataKeys, ...addressKeys];
  const n = await count(
    ex,
    `UPDATE timeline_events SET summary = $3,
            data = data - (CASE WHEN kind = ANY($4::text[]) THEN $5::text[] ELSE $6::text[] END)
      WHERE org_id = $1 AND debtor_id = $2 AND personal IS NULL AND summary <> $3
        AND seq <= (SELECT last_seq FROM privacy_legacy_timeline WHERE id = 1)
        AND (kind = ANY($4::text[]) OR data ?| $6::text[])`,
    [orgId, debtorId, ERASED_SUMMARY, personalKinds, all, personalDataKeys],
  );
  await ex.query(`SELECT set_config('saldo.erasing_debtor', '', true)`);
  return n;
}
