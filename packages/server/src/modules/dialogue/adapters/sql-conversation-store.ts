import type { TwoWayChannel } from '@saldo/core/channels';
import type { Conversation, DialogueAction, HandoffQueue, Reply, ReplyKind } from '@saldo/core/dialogue';
import type { NluResult } from '@saldo/core/nlu';
import type { Db } from '../../../shared/db/db.js';
import type { ConversationStatus, ConversationStore, StoredConversation, StoredTurn } from '../ports.js';

interface ConversationRow {
  id: string;
  org_id: string;
  debtor_id: string;
  account_id: string;
  state: Conversation;
  status: ConversationStatus;
  last_channel: TwoWayChannel;
  handoff_queue: HandoffQueue | null;
  last_seq: number;
  created_at: Date | string;
  updated_at: Date | string;
  last_turn_at: Date | string;
}

interface TurnRow {
  seq: number;
  actor: 'debtor' | 'bot';
  channel: TwoWayChannel;
  text: string;
  reading: NluResult | null;
  actions: DialogueAction[];
  reply_kind: ReplyKind | null;
  reply_content: Reply['content'] | null;
  answers_seq: number | null;
  reply_index: number | null;
  at: Date | string;
}

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

const COLUMNS = `id, org_id, debtor_id, account_id, state, status, last_channel, handoff_queue, last_seq,
  created_at, updated_at, last_turn_at`;
const TURN_COLUMNS =
  'seq, actor, channel, text, reading, actions, reply_kind, reply_content, answers_seq, reply_index, at';

function conversationOf(r: ConversationRow): StoredConversation {
  return {
    id: r.id,
    orgId: r.org_id,
    debtorId: r.debtor_id,
    accountId: r.account_id,
    state: r.state,
    status: r.status,
    lastChannel: r.last_channel,
    handoffQueue: r.handoff_queue,
    lastSeq: Number(r.last_seq),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    lastTurnAt: iso(r.last_turn_at),
  };
}

function turnOf(r: TurnRow): StoredTurn {
  return {
    seq: Number(r.seq),
    actor: r.actor,
    channel: r.channel,
    text: r.text,
    reading: r.reading,
    actions: r.actions,
    replyKind: r.reply_kind,
    replyContent: r.reply_content,
    answersSeq: r.answers_seq === null ? null : Number(r.answers_seq),
    replyIndex: r.reply_index === null ? null : Number(r.reply_index),
    at: iso(r.at),
  };
}

/** Conversations and turns on PostgreSQL / PGlite (migration 0060). Every query is scoped by org. */
export function createSqlConversationStore(db: Db): ConversationStore {
  const one = async (sql: string, params: unknown[]) =>
    (await db.query<ConversationRow>(sql, params)).rows.map(conversationOf)[0] ?? null;
  const many = async (sql: string, params: unknown[]) =>
    (await db.query<ConversationRow>(sql, params)).rows.map(conversationOf);

  return {
    liveForUpdate: (orgId, debtorId, accountId) =>
      one(
        `SELECT ${COLUMNS} FROM conversations
          WHERE org_id = $1 AND debtor_id = $2 AND account_id = $3 AND status <> 'closed' FOR UPDATE`,
        [orgId, debtorId, accountId],
      ),

    latestLiveOfDebtor: (orgId, debtorId) =>
      one(
        `SELECT ${COLUMNS} FROM conversations
          WHERE org_id = $1 AND debtor_id = $2 AND status <> 'closed'
          ORDER BY last_turn_at DESC, id LIMIT 1`,
        [orgId, debtorId],
      ),

    get: (orgId, id) =>
      one(`SELECT ${COLUMNS} FROM conversations WHERE org_id = $1 AND id = $2`, [orgId, id]),

    getForUpdate: (orgId, id) =>
      one(`SELECT ${COLUMNS} FROM conversations WHERE org_id = $1 AND id = $2 FOR UPDATE`, [orgId, id]),

    async create(c) {
      const created = await one(
        `INSERT INTO conversations (org_id, debtor_id, account_id, state, status, last_channel, created_at, updated_at, last_turn_at)
         VALUES ($1, $2, $3, $4, 'open', $5, $6, $6, $6)
         ON CONFLICT (org_id, debtor_id, account_id) WHERE status <> 'closed' DO NOTHING
         RETURNING ${COLUMNS}`,
        [c.orgId, c.debtorId, c.accountId, JSON.stringify(c.state), c.channel, c.at.toISOString()],
      );
      // Another process started it between our read and this insert: take theirs, locked.
      return created ?? (await this.liveForUpdate(c.orgId, c.debtorId, c.accountId))!;
    },

    async advance(c, next, turns, at) {
      const stored: StoredTurn[] = [];
      let seq = c.lastSeq;
      for (const t of turns) {
        seq += 1;
        const r = await db.query<TurnRow>(
          `INSERT INTO conversation_turns (conversation_id, seq, org_id, actor, channel, text, reading, actions,
                                           reply_kind, reply_content, answers_seq, reply_index, source_key, at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
           RETURNING ${TURN_COLUMNS}`,
          [
            c.id,
            seq,
            c.orgId,
            t.actor,
            t.channel,
            t.text,
            t.reading === null ? null : JSON.stringify(t.reading),
            JSON.stringify(t.actions),
            t.replyKind,
            t.replyContent === null ? null : JSON.stringify(t.replyContent),
            t.answersSeq,
            t.replyIndex,
            t.sourceKey,
            t.at,
          ],
        );
        stored.push(turnOf(r.rows[0]!));
      }
      const last = turns.at(-1);
      await db.query(
        `UPDATE conversations SET state = $3, status = $4, handoff_queue = $5, last_seq = $6, updated_at = $7,
                last_channel = COALESCE($8, last_channel), last_turn_at = $7
          WHERE org_id = $1 AND id = $2`,
        [
          c.orgId,
          c.id,
          JSON.stringify(next.state),
          next.status,
          next.handoffQueue,
          seq,
          at.toISOString(),
          last?.channel ?? null,
        ],
      );
      return stored;
    },

    async close(orgId, id, at) {
      await db.query(
        `UPDATE conversations SET status = 'closed', updated_at = $3 WHERE org_id = $1 AND id = $2`,
        [orgId, id, at.toISOString()],
      );
    },

    async turnBySource(orgId, sourceKey) {
      const r = await db.query<{ conversation_id: string; seq: number }>(
        `SELECT conversation_id, seq FROM conversation_turns WHERE org_id = $1 AND source_key = $2`,
        [orgId, sourceKey],
      );
      const row = r.rows[0];
      return row ? { conversationId: row.conversation_id, seq: Number(row.seq) } : null;
    },

    async turns(orgId, conversationId) {
      const r = await db.query<TurnRow>(
        `SELECT ${TURN_COLUMNS} FROM conversation_turns WHERE org_id = $1 AND conversation_id = $2 ORDER BY seq`,
        [orgId, conversationId],
      );
      return r.rows.map(turnOf);
    },

    listForAccount: (orgId, accountId, limit) =>
      many(
        `SELECT ${COLUMNS} FROM conversations WHERE org_id = $1 AND account_id = $2
          ORDER BY created_at DESC, id LIMIT $3`,
        [orgId, accountId, limit],
      ),

    listForDebtor: (orgId, debtorId, limit) =>
      many(
        `SELECT ${COLUMNS} FROM conversations WHERE org_id = $1 AND debtor_id = $2
          ORDER BY created_at DESC, id LIMIT $3`,
        [orgId, debtorId, limit],
      ),
  };
}
