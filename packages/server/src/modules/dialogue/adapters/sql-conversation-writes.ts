import type { Db } from '../../../shared/db/db.js';
import type { ConversationStore, NewTurn, StoredConversation, StoredTurn } from '../ports.js';
import type { ConversationReads } from './sql-conversation-reads.js';
import {
  COLUMNS,
  conversationOf,
  TURN_COLUMNS,
  turnOf,
  type ConversationRow,
  type TurnRow,
} from './sql-conversation-rows.js';

/** What the store writes: a conversation started, advanced by a turn, closed. */
export type ConversationWrites = Pick<ConversationStore, 'create' | 'advance' | 'close'>;

/** One turn appended at `seq`. */
async function insertTurn(db: Db, c: StoredConversation, seq: number, t: NewTurn): Promise<StoredTurn> {
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
  return turnOf(r.rows[0]!);
}

/**
 * Conversations written on PostgreSQL / PGlite, in the caller's transaction: started (at most one live
 * per debtor and account; a concurrent start yields the other's, locked), advanced by a turn (the
 * turns appended in order, then the engine's state, status and last seq), closed after silence.
 */
export function createSqlConversationWrites(
  db: Db,
  reads: Pick<ConversationReads, 'liveForUpdate'>,
): ConversationWrites {
  return {
    async create(c) {
      const r = await db.query<ConversationRow>(
        `INSERT INTO conversations (org_id, debtor_id, account_id, state, status, last_channel, created_at, updated_at, last_turn_at)
         VALUES ($1, $2, $3, $4, 'open', $5, $6, $6, $6)
         ON CONFLICT (org_id, debtor_id, account_id) WHERE status <> 'closed' DO NOTHING
         RETURNING ${COLUMNS}`,
        [c.orgId, c.debtorId, c.accountId, JSON.stringify(c.state), c.channel, c.at.toISOString()],
      );
      const created = r.rows[0];
      // Another process started it between our read and this insert: take theirs, locked.
      return created
        ? conversationOf(created)
        : (await reads.liveForUpdate(c.orgId, c.debtorId, c.accountId))!;
    },

    async advance(c, next, turns, at) {
      const stored: StoredTurn[] = [];
      for (const t of turns) stored.push(await insertTurn(db, c, c.lastSeq + stored.length + 1, t));
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
          c.lastSeq + turns.length,
          at.toISOString(),
          turns.at(-1)?.channel ?? null,
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
  };
}
