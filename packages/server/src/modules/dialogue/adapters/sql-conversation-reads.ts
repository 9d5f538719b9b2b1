import type { Db } from '../../../shared/db/db.js';
import type { ConversationStore } from '../ports.js';
import {
  COLUMNS,
  conversationOf,
  TURN_COLUMNS,
  turnOf,
  type ConversationRow,
  type TurnRow,
} from './sql-conversation-rows.js';

/** What the store reads of conversations (some locked for the turn's transaction). */
export type ConversationReads = Pick<
  ConversationStore,
  'liveForUpdate' | 'latestLiveOfDebtor' | 'get' | 'getForUpdate' | 'listForAccount' | 'listForDebtor'
>;

/** What the store reads of turns: a conversation's, and the one a source (a message) produced. */
export type TurnReads = Pick<ConversationStore, 'turnBySource' | 'turns'>;

/** Conversations read on PostgreSQL / PGlite, every query scoped by organisation. */
export function createSqlConversationReads(db: Db): ConversationReads {
  const one = async (sql: string, params: unknown[]) =>
    (await db.query<ConversationRow>(sql, params)).rows.map(conversationOf)[0] ?? null;
  const many = async (sql: string, params: unknown[]) =>
    (await db.query<ConversationRow>(sql, params)).rows.map(conversationOf);
  const newestFirst = 'ORDER BY created_at DESC, id LIMIT $3';

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

    listForAccount: (orgId, accountId, limit) =>
      many(`SELECT ${COLUMNS} FROM conversations WHERE org_id = $1 AND account_id = $2 ${newestFirst}`, [
        orgId,
        accountId,
        limit,
      ]),

    listForDebtor: (orgId, debtorId, limit) =>
      many(`SELECT ${COLUMNS} FROM conversations WHERE org_id = $1 AND debtor_id = $2 ${newestFirst}`, [
        orgId,
        debtorId,
        limit,
      ]),
  };
}

/** Turns read on PostgreSQL / PGlite, every query scoped by organisation. */
export function createSqlTurnReads(db: Db): TurnReads {
  return {
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
  };
}
