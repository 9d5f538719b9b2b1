// The dialogue module: conversations with the dialogue engine (@saldo/core/dialogue) on every
// two-way channel — the worker's handler of received messages, the send of the bot's replies
// through Messaging.contact, the record's side of every action, and the conversations API.
import type { OfferPolicy } from '@saldo/core/offers';
import type { Clock } from '../../shared/clock/clock.js';
import type { Db } from '../../shared/db/db.js';
import type { DebtorVault } from '../../shared/crypto/debtor-vault.js';
import type { RoutePlugin } from '../../shared/http/route-kit.js';
import type { Messaging, VoiceDialogue } from '../channels/index.js';
import type { NluService } from '../nlu/index.js';
import { createSqlConversationStore } from './adapters/sql-conversation-store.js';
import { createSqlDialogueFacts } from './adapters/sql-dialogue-facts.js';
import { createSqlDialogueRecord } from './adapters/sql-dialogue-record.js';
import { createOpenAiCompatibleRephraser } from './adapters/openai-compatible-rephraser.js';
import type { DialogueRephraseConfig } from './rephrase-config.js';
import conversationRoutes from './routes/conversation-routes.js';
import type { AgreementWriter } from './usecases/apply-actions.js';
import { createConversations, type Conversations } from './usecases/conversations.js';
import type { IdentityMatcher } from './usecases/dialogue-context.js';
import { createInboundTurnHandler } from './usecases/handle-inbound.js';
import { createRephraseReplies } from './usecases/rephrase-replies.js';
import { createRunTurn, type RunTurn } from './usecases/run-turn.js';
import { createVoiceDialogue } from './usecases/voice-turn.js';
import { createSqlCallbackRequests } from './adapters/sql-callback-requests.js';

export interface DialogueModuleDeps {
  db: Db;
  clock: Clock;
  /** Per-debtor keys: what a debtor and the bot said is sealed on the timeline (ADR 0010). */
  vault: DebtorVault;
  messaging: Messaging;
  /** The record's offer-gate writers (promises, plans, settlement offers) and the settlement's acceptance. */
  agreements: AgreementWriter;
  /** The offer policy in force for a portfolio (the offers module). */
  policyFor(orgId: string, portfolioId: string): Promise<OfferPolicy>;
  nlu(): Promise<NluService>;
  /** Compares an identity answer with the stored HMAC (shared/crypto, current and retired keys). */
  identityMatches: IdentityMatcher;
  log?: (msg: string, data: Record<string, unknown>) => void;
}

export interface DialogueModuleConfig {
  /** SALDO_DIALOGUE_REPHRASE: the optional rewording of replies by a language model; off when undefined. */
  rephrase?: DialogueRephraseConfig | undefined;
}

export interface DialogueModule {
  /** The domain-event handler the worker's consumer calls: received messages become turns. */
  handle: ReturnType<typeof createInboundTurnHandler>;
  runTurn: RunTurn;
  /** The conversation of a voicebot call (the TwiML loop); the channels answer with it when the dialogue is on. */
  voice: VoiceDialogue;
  conversations: Conversations;
  routes: RoutePlugin[];
}

export function createDialogueModule(
  deps: DialogueModuleDeps,
  config: DialogueModuleConfig = {},
): DialogueModule {
  const log = deps.log ?? (() => {});
  const conversationStore = createSqlConversationStore(deps.db);
  const facts = createSqlDialogueFacts(deps.db);
  const rephrase = config.rephrase
    ? createRephraseReplies({ rephraser: createOpenAiCompatibleRephraser(config.rephrase), facts, log })
    : undefined;
  const runTurn = createRunTurn({
    conversations: conversationStore,
    facts,
    record: createSqlDialogueRecord(deps.db, deps.vault),
    agreements: deps.agreements,
    policyFor: deps.policyFor,
    nlu: deps.nlu,
    identityMatches: deps.identityMatches,
    tx: (fn) => deps.db.transaction(() => fn()),
    clock: deps.clock,
    log,
  });
  const conversations = createConversations({ conversations: conversationStore, runTurn });
  return {
    handle: createInboundTurnHandler({ runTurn, messaging: deps.messaging, log, rephrase }),
    runTurn,
    voice: createVoiceDialogue({
      runTurn,
      facts,
      callbacks: createSqlCallbackRequests(deps.db, deps.vault),
      messaging: deps.messaging,
      clock: deps.clock,
      log,
    }),
    conversations,
    routes: [(app) => conversationRoutes(app, { conversations })],
  };
}
