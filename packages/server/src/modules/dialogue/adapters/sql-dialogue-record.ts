import type { Db } from '../../../shared/db/db.js';
import type { DebtorVault } from '../../../shared/crypto/debtor-vault.js';
import type { DialogueRecord } from '../ports.js';
import { accountFacts } from './sql-dialogue-account-facts.js';
import { contactFacts } from './sql-dialogue-contact-facts.js';
import { conversationFacts } from './sql-dialogue-conversation-facts.js';

/**
 * The dialogue's facts in the record, written with the caller's transaction (`db.query` joins
 * it): disputes, account statuses through the status machine, the hardship flag, consents,
 * wrong-party contact points, contact preferences, agent tasks — each with its timeline entry,
 * actor `bot` for what the bot did and `debtor` for what the debtor said or asked for.
 */
export function createSqlDialogueRecord(db: Db, vault: DebtorVault): DialogueRecord {
  return { ...accountFacts(db, vault), ...contactFacts(db, vault), ...conversationFacts(db, vault) };
}
