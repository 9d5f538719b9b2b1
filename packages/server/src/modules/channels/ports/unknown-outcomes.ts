/**
 * A message whose provider call ended with no answer (ADR 0011): it may or may not have reached the
 * debtor, and the provider cannot be asked, so it was given up for a person to decide. Until then it
 * counts as a contact in the compliance history.
 */
export interface UnknownOutcome {
  messageId: string;
  accountId: string | null;
  debtorId: string;
  channel: string;
  templateId: string;
  provider: string;
  /** Who asked for the contact (`strategy:…`, `dialogue:…`, `agent:…`). */
  requestedBy: string;
  /** What the send path recorded (`outcome_unknown: …`), or the resolution once decided. */
  detail: string;
  sentAt: string;
  lastAttemptAt: string;
}

/** What a person found out (in the provider's console, or from the debtor). */
export interface UnknownOutcomeResolution {
  delivered: boolean;
  /** How they know: kept on the debtor's timeline (sealed with the debtor's personal data). */
  note: string;
  /** The user or API key that decided. */
  by: string;
  at: Date;
}

export interface UnknownOutcomeStore {
  /** Unresolved unknown outcomes of an organisation, in message id order (`after`: the last id seen). */
  list(orgId: string, page: { limit: number; after?: string | undefined }): Promise<UnknownOutcome[]>;
  /** Records the decision: delivered → a sent contact; not delivered → no longer a contact. */
  resolve(orgId: string, messageId: string, r: UnknownOutcomeResolution): Promise<UnknownOutcome>;
}
