import { SaldoError } from '@saldo/core';
import type { ConversationStore, StoredConversation, StoredTurn } from '../ports.js';
import type { RunTurn } from './run-turn.js';

export interface ConversationView extends StoredConversation {
  turns: StoredTurn[];
}

/** The channels a turn may be given over the API for (channels Saldo does not host). */
export const apiTurnChannels = ['sms', 'whatsapp', 'email', 'call', 'voicebot'] as const;
export type ApiTurnChannel = (typeof apiTurnChannels)[number];

/**
 * Conversations as people read them (each with its turns), and the turn an integrator gives for a
 * channel Saldo does not host: run and written like any other turn, its replies returned rather
 * than sent.
 */
export function createConversations(d: { conversations: ConversationStore; runTurn: RunTurn }) {
  const withTurns = async (orgId: string, cs: StoredConversation[]): Promise<ConversationView[]> =>
    Promise.all(cs.map(async (c) => ({ ...c, turns: await d.conversations.turns(orgId, c.id) })));

  return {
    forAccount: async (orgId: string, accountId: string, limit: number) =>
      withTurns(orgId, await d.conversations.listForAccount(orgId, accountId, limit)),

    forDebtor: async (orgId: string, debtorId: string, limit: number) =>
      withTurns(orgId, await d.conversations.listForDebtor(orgId, debtorId, limit)),

    async get(orgId: string, id: string): Promise<ConversationView> {
      const c = await d.conversations.get(orgId, id);
      if (!c) throw new SaldoError('not_found', `conversation ${id} not found`);
      return { ...c, turns: await d.conversations.turns(orgId, id) };
    },

    async turn(orgId: string, id: string, t: { text: string; channel: ApiTurnChannel; key?: string }) {
      const c = await d.conversations.get(orgId, id);
      if (!c) throw new SaldoError('not_found', `conversation ${id} not found`);
      const out = await d.runTurn({
        orgId,
        debtorId: c.debtorId,
        conversationId: id,
        text: t.text,
        origin: { channel: t.channel, from: null },
        sourceKey: t.key ? `api:${id}:${t.key}` : null,
        debtorOnTimeline: false,
        repliesSent: false,
      });
      return {
        conversationId: out.conversation.id,
        seq: out.seq,
        state: out.conversation.state.state,
        status: out.conversation.status,
        replies: out.replies.map((r) => ({ text: r.text, kind: r.replyKind })),
        actions: out.actions,
        duplicate: out.duplicate,
      };
    },
  };
}
export type Conversations = ReturnType<typeof createConversations>;
