import type { Db } from '../../../shared/db/db.js';
import type { ConversationStore } from '../ports.js';
import { createSqlConversationReads, createSqlTurnReads } from './sql-conversation-reads.js';
import { createSqlConversationWrites } from './sql-conversation-writes.js';

/**
 * Conversations and turns on PostgreSQL / PGlite (migration 0060), every query scoped by
 * organisation: the reads (`sql-conversation-reads.ts`) and the writes of a turn's transaction
 * (`sql-conversation-writes.ts`) over the same rows (`sql-conversation-rows.ts`).
 */
export function createSqlConversationStore(db: Db): ConversationStore {
  const reads = createSqlConversationReads(db);
  return { ...reads, ...createSqlTurnReads(db), ...createSqlConversationWrites(db, reads) };
}
