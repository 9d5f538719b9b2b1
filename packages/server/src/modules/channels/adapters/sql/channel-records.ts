import { normaliseContactPoint, type Channel } from '@saldo/core/channels';
import type {
  ChannelTimelineEntry,
  ContactPointLookup,
  ContactPointMatch,
  OptOutRecorder,
  TimelineWriter,
} from '../../ports/channel-records.js';
import type { SqlExecutor } from '../../../../shared/db/db.js';
import type { DebtorVault } from '../../../../shared/crypto/debtor-vault.js';
import {
  appendTimeline,
  assertClearFacts,
  personalJson,
  TIMELINE_PURPOSE,
  type NewTimelineEvent,
} from '../../../record/index.js';

/** A unique-key violation (SQLSTATE 23505), from node-postgres or PGlite. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
}

/** Contact point kinds an address on a channel can be stored under. */
function kindsFor(channel: Channel): string[] {
  switch (channel) {
    case 'email':
      return ['email'];
    case 'whatsapp':
      return ['whatsapp', 'phone'];
    case 'sms':
    case 'call':
    case 'voicebot':
    case 'voicemail':
      return ['phone', 'whatsapp'];
    case 'letter':
      return [];
  }
}

/**
 * Matches inbound senders to debtors through `contact_points` (index `contact_points_lookup`),
 * and status callbacks to the debtor of the outbound message (`outbound_messages`). The account of
 * a match is the one the debtor was last contacted about, else their only account, else null.
 */
export function createSqlContactPointLookup(db: SqlExecutor): ContactPointLookup {
  return {
    async findByAddress(orgId, channel, address) {
      const kinds = kindsFor(channel);
      if (kinds.length === 0) return [];
      const r = await db.query<{ debtor_id: string; account_id: string | null }>(
        `SELECT d.debtor_id,
                COALESCE(
                  (SELECT om.account_id FROM outbound_messages om
                    WHERE om.org_id = $1 AND om.debtor_id = d.debtor_id AND om.account_id IS NOT NULL
                    ORDER BY om.created_at DESC, om.id DESC LIMIT 1),
                  (SELECT min(a.id) FROM accounts a WHERE a.debtor_id = d.debtor_id HAVING count(*) = 1)
                ) AS account_id
           FROM (SELECT DISTINCT debtor_id FROM contact_points WHERE org_id = $1 AND kind = ANY($2::text[]) AND value = $3) d
          ORDER BY d.debtor_id`,
        [orgId, kinds, normaliseContactPoint(channel, address)],
      );
      return r.rows.map((x): ContactPointMatch => ({ debtorId: x.debtor_id, accountId: x.account_id }));
    },
    async findByOutboundId(orgId, providerMessageId) {
      const r = await db.query<{ debtor_id: string; account_id: string | null }>(
        'SELECT debtor_id, account_id FROM outbound_messages WHERE org_id = $1 AND provider_message_id = $2 ORDER BY created_at DESC, id DESC LIMIT 1',
        [orgId, providerMessageId],
      );
      const row = r.rows[0];
      return row ? { debtorId: row.debtor_id, accountId: row.account_id } : null;
    },
    async findByOutboundIds(orgId, providerMessageIds) {
      const r = await db.query<{ provider_message_id: string; debtor_id: string; account_id: string | null }>(
        `SELECT DISTINCT ON (provider_message_id) provider_message_id, debtor_id, account_id FROM outbound_messages
          WHERE org_id = $1 AND provider_message_id = ANY($2::text[]) ORDER BY provider_message_id, created_at DESC, id DESC`,
        [orgId, [...new Set(providerMessageIds)]],
      );
      return new Map(
        r.rows.map((x) => [x.provider_message_id, { debtorId: x.debtor_id, accountId: x.account_id }]),
      );
    },
  };
}

/**
 * Writes channel entries to the append-only timeline. An entry carrying `data.inboundId` gets
 * `dedupKey = inbound:<id>` (unique per debtor, migration 0010): re-processing an inbound event
 * after a failure or a crash does not add a second entry. An entry's personal part (the message's
 * text, the sender's address) is sealed under the debtor's key (ADR 0010).
 */
export function createSqlTimelineWriter(db: SqlExecutor, vault: DebtorVault): TimelineWriter {
  const toNew = (entry: ChannelTimelineEntry) => {
    const inboundId = typeof entry.data.inboundId === 'string' ? entry.data.inboundId : null;
    const dedupKey = inboundId ? `inbound:${inboundId}` : null;
    return {
      dedupKey,
      row: {
        orgId: entry.orgId,
        debtorId: entry.debtorId,
        accountId: entry.accountId,
        occurredAt: entry.occurredAt,
        kind: entry.kind,
        actor: entry.direction === 'inbound' ? ('debtor' as const) : ('system' as const),
        actorId: null,
        channel: entry.channel,
        direction: entry.direction,
        summary: entry.summary,
        data: dedupKey ? { ...entry.data, dedupKey } : entry.data,
        ...(entry.personal ? { personal: entry.personal } : {}),
      },
    };
  };
  // The unique index decides (a re-processed or concurrently processed event adds nothing).
  const insertDeduped = async (rows: ReadonlyArray<ReturnType<typeof toNew>['row']>) => {
    const sealed = await sealAll(db, vault, rows);
    await db.query(
      `INSERT INTO timeline_events (org_id, debtor_id, account_id, occurred_at, kind, actor, actor_id, channel, direction, summary, data, personal)
       SELECT o, d, a, t::timestamptz, k, ac, NULL, c, dir, s, j::jsonb, p
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[]) WITH ORDINALITY
              AS u(o, d, a, t, k, ac, c, dir, s, j, p, n) ORDER BY n
       ON CONFLICT (debtor_id, (data->>'dedupKey')) WHERE data ? 'dedupKey' DO NOTHING`,
      [
        rows.map((r) => r.orgId),
        rows.map((r) => r.debtorId),
        rows.map((r) => r.accountId),
        rows.map((r) => r.occurredAt),
        rows.map((r) => r.kind),
        rows.map((r) => r.actor),
        rows.map((r) => r.channel),
        rows.map((r) => r.direction),
        rows.map((r) => r.summary),
        rows.map((r) => JSON.stringify(r.data)),
        sealed,
      ],
    );
  };
  return {
    async append(entry) {
      const { dedupKey, row } = toNew(entry);
      if (dedupKey) await insertDeduped([row]);
      else await appendTimeline(db, row, vault);
    },
    async appendMany(entries) {
      const all = entries.map(toNew);
      // In input order (seq breaks timeline ties): each run of de-duplicated entries in one statement.
      for (let i = 0; i < all.length;) {
        let j = i;
        while (j < all.length && all[j]!.dedupKey) j++;
        if (j > i) await insertDeduped(all.slice(i, j).map((x) => x.row));
        else await appendTimeline(db, all[j++]!.row, vault);
        i = j;
      }
    },
  };
}

/** The rows' personal parts, sealed in one key read (null where a row has none). */
async function sealAll(
  db: SqlExecutor,
  vault: DebtorVault,
  rows: ReadonlyArray<NewTimelineEvent>,
): Promise<(string | null)[]> {
  for (const r of rows) assertClearFacts(r);
  const plain = rows.map((r) => personalJson(r.personal));
  const idx = plain.flatMap((p, i) => (p === null ? [] : [i]));
  const out: (string | null)[] = plain.map(() => null);
  if (idx.length === 0) return out;
  const sealed = await vault.sealMany(
    db,
    idx.map((i) => ({
      orgId: rows[i]!.orgId,
      debtorId: rows[i]!.debtorId,
      purpose: TIMELINE_PURPOSE,
      plain: plain[i]!,
    })),
  );
  idx.forEach((i, k) => (out[i] = sealed[k]!));
  return out;
}

/**
 * Opt-outs on `channel_consents.opted_out_at`: immediate and idempotent (the first opt-out's time
 * and source are kept). Voicemail has no consent row of its own: an opt-out heard on a voicemail
 * is recorded on `call`, which the send path also applies to voicebot and voicemail.
 */
export function createSqlOptOutRecorder(db: SqlExecutor): OptOutRecorder {
  return {
    async optOut({ orgId, debtorId, channel, address, source, at }) {
      const ch = channel === 'voicemail' ? 'call' : channel;
      const src = `${source} (${address})`.slice(0, 500);
      await db.query(
        `INSERT INTO channel_consents AS cc (org_id, debtor_id, channel, state, source, recorded_at, opted_out_at, opt_out_source)
         SELECT $1, d.id, $3, 'unknown', $4, $5, $5, $4 FROM debtors d WHERE d.id = $2 AND d.org_id = $1
         ON CONFLICT (debtor_id, channel) DO UPDATE SET opted_out_at = EXCLUDED.opted_out_at, opt_out_source = EXCLUDED.opt_out_source
         WHERE cc.opted_out_at IS NULL`,
        [orgId, debtorId, ch, src, at],
      );
    },
  };
}
