import { dispatchChannels, type DispatchChannel } from '@saldo/core/channels';

/**
 * The one way Saldo contacts a debtor. An implementation renders the template, asks the
 * compliance engine about THIS contact at THIS instant (debtor's country, zone candidates,
 * consents, opt-outs, account state flags, contact history), and only then hands the message to
 * the channel provider, recording it (outbound message + timeline) under its idempotency key.
 * There is no other send path: strategies, agents and the portal all go through `contact`.
 */
export const contactChannels = dispatchChannels;
export type ContactChannel = DispatchChannel;

export interface ContactRequest {
  orgId: string;
  accountId: string;
  channel: ContactChannel;
  templateId: string;
  /** Deterministic, e.g. `contact:{accountId}:{nodeId}:{attempt}`; a reused key is a duplicate, not a second contact. */
  idempotencyKey: string;
  /** Who asked: the strategy engine, an agent, the dialogue's bot, the portal. */
  requestedBy: { kind: 'strategy' | 'agent' | 'dialogue' | 'system'; id: string };
  /** Extra template variables (agent name, offer details). */
  variables?: Record<string, string>;
  /**
   * A conversation's reply (the dialogue engine's text) sent instead of the template's body:
   * `kind` says what it is for (the identity check before verification, the first disclosure, the
   * conversation) and `content` what required content it carries, for the compliance check.
   */
  reply?: DialogueReply;
}

export interface DialogueReply {
  text: string;
  kind: 'identity_check' | 'disclosure' | 'conversation';
  content: {
    miniMiranda: boolean;
    optOutInstructions: boolean;
    /** Only acknowledges a dispute, a request to stop, a death or a bankruptcy (the engine's declaration). */
    acknowledgementOnly?: boolean;
    /** Only confirms an opt-out. */
    optOutConfirmation?: boolean;
  };
  /**
   * When the dialogue asked a language model to reword the reply: whether `text` is that rewording
   * (`rephrased`) or the engine's own words because the rewording failed or was refused (`template`,
   * with the reason and the kinds of fact that changed). Recorded in the sent message's timeline entry.
   */
  rephrase?: { outcome: 'rephrased' | 'template'; reason?: string; kinds?: readonly string[] };
  /**
   * The address the person wrote from (normalised: `normaliseContactPoint`): the reply goes back
   * there when it is one of the debtor's contact points for the channel (`recipientFor`).
   */
  to?: string;
}

/** The template id a dialogue reply is recorded under (outbound rows, refusals, timeline). */
export const dialogueReplyTemplateId = (kind: DialogueReply['kind']) => `tpl_dialogue_${kind}`;

export interface ComplianceReason {
  rule: string;
  citation: string;
  message: string;
}

export type ContactOutcome =
  | { kind: 'sent'; messageId: string; providerMessageId: string; channel: ContactChannel; at: string }
  | { kind: 'refused'; reasons: ComplianceReason[]; nextAllowedAt: string | null; at: string }
  | { kind: 'duplicate'; messageId: string }
  | {
      kind: 'failed';
      reason: string;
      retryable: boolean;
      at: string;
      /** The provider asked us not to try again before this instant (its Retry-After). */
      retryNotBefore?: string;
    };

/**
 * The reason of a failure whose outcome is unknown: the provider may have accepted the message
 * (a timeout or a reset after the request was written; ADR 0011). Not retryable means: given up
 * for a person to decide, never sent again blindly.
 */
export const OUTCOME_UNKNOWN = 'outcome_unknown';

/** Whether a recorded failure reason (`outcome_unknown` or `outcome_unknown: detail`) is an unknown outcome. */
export function isOutcomeUnknown(reason: string | null | undefined): boolean {
  return reason?.startsWith(OUTCOME_UNKNOWN) ?? false;
}

export interface Messaging {
  contact(req: ContactRequest): Promise<ContactOutcome>;
  /**
   * Optional hint before a batch of `contact` calls (the dispatcher): the implementation may
   * read what those calls need in a few set-based queries. Each `contact` still decides
   * compliance itself, at its own instant; a request that was not prepared works the same.
   */
  prepare?(reqs: readonly ContactRequest[]): Promise<void>;
  /**
   * The compliance decision for a contact that is not sent through a provider: a bot's reply
   * spoken on a call already in progress (TwiML). Asks the engine about THIS contact now, the call
   * itself (`idempotencyKey` = the call's key) excluded from its own history; a refusal is recorded
   * as any other. Nothing is sent.
   */
  checkWithoutSending?(
    req: ContactRequest,
  ): Promise<{ kind: 'allowed' } | Extract<ContactOutcome, { kind: 'refused' }>>;
}
