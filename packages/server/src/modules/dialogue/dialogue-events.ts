import type { HandoffQueue } from '@saldo/core/dialogue';

/**
 * Events of the dialogue, written to the domain-event outbox in the turn's transaction: a
 * conversation handed over to a person (an open task in `queue`).
 */
export type DialogueDomainEvent = {
  type: 'dialogue.handed_off';
  orgId: string;
  debtorId: string;
  accountId: string;
  conversationId: string;
  taskId: string;
  queue: HandoffQueue;
};
