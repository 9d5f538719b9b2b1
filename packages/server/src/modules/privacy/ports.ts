/** Who erased: a person or key through the API, an operator through the CLI, or the retention job. */
export interface ErasureActor {
  kind: 'api_key' | 'session' | 'cli' | 'system';
  id: string;
}

export type ErasureBasis = 'request' | 'retention';

export interface ErasureRequest {
  orgId: string;
  debtorId: string;
  reason: string;
  basis: ErasureBasis;
  actor: ErasureActor;
}

/** What an erasure did (counts only: no personal data), stored with the erasure and answered again. */
export interface ErasureResult {
  debtorId: string;
  erasedAt: string;
  basis: ErasureBasis;
  reason: string;
  actor: ErasureActor;
  keyShredded: boolean;
  scrubbed: {
    contactPoints: number;
    legacyTimelineEntries: number;
    conversations: number;
    conversationTurns: number;
    agentTasks: number;
    outboundMessages: number;
    voiceScripts: number;
    inboundEvents: number;
    domainEvents: number;
    importErrors: number;
    disputes: number;
  };
  suppressedAddresses: number;
  journeysEnded: number;
  outboxCancelled: number;
  kept: { accounts: number; payments: number; timelineEntries: number };
}

/** The accounts that stop an erasure: a balance still owed and not closed, paid or settled. */
export interface BlockingAccount {
  id: string;
  externalRef: string;
  status: string;
  balanceMinor: number;
  currency: string;
}

export interface ErasureStore {
  /**
   * In one transaction: refuses (conflict) while an account is still being collected; otherwise
   * shreds the key, scrubs the mutable tables, writes the suppressions, ends journeys and queued
   * contacts, appends the `privacy` timeline entry and the `debtor.erased` event. An erased debtor
   * answers the stored result again (`repeated: true`).
   */
  erase(r: ErasureRequest, at: Date): Promise<{ result: ErasureResult; repeated: boolean }>;
  /**
   * The retention job's erasure: the debtor is claimed with FOR UPDATE SKIP LOCKED (another worker
   * has it: null), and erased only if every account is still closed, paid or settled and unchanged
   * since `closedBefore` (else null); an erased debtor is skipped (null).
   */
  eraseExpired(r: ErasureRequest, closedBefore: Date, at: Date): Promise<ErasureResult | null>;
}

export interface PersonalDataReader {
  /** Every personal datum held on the debtor, and the facts kept (null: no such debtor in the org). */
  export(orgId: string, debtorId: string): Promise<Record<string, unknown> | null>;
}

export interface RetentionPolicy {
  /** Days after the last of a debtor's accounts was closed, paid or settled; null: until erased on request. */
  closedAccountDays: number | null;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface RetentionStore {
  current(orgId: string): Promise<RetentionPolicy>;
  save(orgId: string, days: number | null, by: string, at: Date): Promise<RetentionPolicy>;
  /**
   * Debtors not yet erased whose accounts are all closed, paid or settled and unchanged since
   * before their organisation's period (claimed with FOR UPDATE SKIP LOCKED by the caller's erasure).
   */
  due(now: Date, limit: number): Promise<{ orgId: string; debtorId: string }[]>;
}

/** What the send path and the inbound path ask about an address (ADR 0010, suppression). */
export interface Suppressions {
  /** Channels an erased person at this address had opted out of ([] when the address is not suppressed). */
  optedOutChannels(orgId: string, address: string): Promise<string[]>;
  /** Whether the address belonged to an erased debtor. */
  isSuppressed(orgId: string, address: string): Promise<boolean>;
  /** An opt-out from an erased debtor's address after the erasure: added to its suppression. */
  recordOptOut(orgId: string, address: string, channel: string): Promise<void>;
}
