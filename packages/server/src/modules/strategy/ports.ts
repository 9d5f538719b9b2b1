import type {
  AccountFacts,
  JourneyCommand,
  JourneyState,
  MigrationMode,
  StrategyDefinition,
} from '@saldo/core/strategy';
import type { OrgInboundEvent } from '../channels/index.js';

/**
 * Storage ports of the strategy runner: versioned strategies, journeys (one per enrolled account,
 * claimed by workers under leases), the command outbox (claimed by dispatchers) and the inbox of
 * applied events. Postgres/PGlite adapters live in `adapters/db/strategy/`.
 */

export const versionStatuses = ['draft', 'published'] as const;
export type VersionStatus = (typeof versionStatuses)[number];

export interface StrategyVersionInfo {
  strategyId: string;
  version: number;
  status: VersionStatus;
  name: string;
  createdAt: string;
  publishedAt: string | null;
  migration: MigrationMode | null;
}

export interface StrategySummary {
  id: string;
  name: string;
  latestPublished: number | null;
  draft: number | null;
}

export interface StrategyStore {
  list(orgId: string): Promise<StrategySummary[]>;
  versions(orgId: string, strategyId: string): Promise<StrategyVersionInfo[]>;
  /** A stored version (draft or published), or null. */
  get(
    orgId: string,
    strategyId: string,
    version: number,
  ): Promise<{ definition: StrategyDefinition; status: VersionStatus } | null>;
  latestPublished(orgId: string, strategyId: string): Promise<StrategyDefinition | null>;
  /** Highest version number stored (draft or published), 0 if none. */
  maxVersion(orgId: string, strategyId: string): Promise<number>;
  /** Inserts or replaces the draft (the definition's own version number). */
  saveDraft(orgId: string, definition: StrategyDefinition, now: Date): Promise<void>;
  /** Marks a version published (inserting it when absent). */
  publish(
    orgId: string,
    definition: StrategyDefinition,
    migration: MigrationMode | null,
    now: Date,
  ): Promise<void>;
}

export type JourneyRowStatus = 'pending' | JourneyState['status'];

/** A journey with what the engine needs to decide: account facts and the debtor's zone. */
export interface LoadedJourney {
  orgId: string;
  accountId: string;
  debtorId: string;
  strategyId: string;
  version: number;
  status: JourneyRowStatus;
  /** Null until the first run. */
  state: JourneyState | null;
  carryAttempts: Record<string, number>;
  rev: number;
  nextRunAt: string | null;
  facts: AccountFacts;
  timezone: string;
}

/** The decision for one journey: new state and the commands to put in the outbox. */
export interface JourneyWrite {
  state: JourneyState;
  commands: JourneyCommand[];
  /** Cancel pending contacts of the account (a hard stop: paid, dispute, opt-out of all…). */
  cancelPending?: boolean;
}

export interface ClaimOptions {
  owner: string;
  now: Date;
  leaseMs: number;
  limit: number;
}

export type ApplyOutcome = 'applied' | 'duplicate' | 'not_found' | 'unchanged';

export interface ApplyItem {
  orgId: string;
  accountId: string;
  eventKey: string | null;
  eventType: string;
  decide: (j: LoadedJourney) => JourneyWrite | null | Promise<JourneyWrite | null>;
}

export interface EnrolFilter {
  portfolioId?: string;
  accountIds?: string[];
  countries?: string[];
  /** DPD range (inclusive), computed at enrolment time. */
  minDpd?: number;
  maxDpd?: number;
}

export interface JourneyStore {
  /** Leases up to `limit` due journeys (`FOR UPDATE SKIP LOCKED`) and returns them with their facts. */
  claimDue(o: ClaimOptions): Promise<LoadedJourney[]>;
  /**
   * ONE transaction: each state is written only if the row still has the claimed `rev` and this
   * owner's lease; the outbox rows of saved journeys are inserted (duplicate keys ignored); every
   * lease of `owner` on these accounts is released. Returns the accounts saved.
   */
  saveClaimed(
    owner: string,
    writes: Array<JourneyWrite & { accountId: string; orgId: string; rev: number }>,
    released: string[],
    now: Date,
  ): Promise<{ saved: number; conflicts: number }>;
  /**
   * Locks one journey (`FOR UPDATE`), lets `decide` compute the write, and stores it with the
   * outbox rows and `eventKey` in the inbox, in the caller's transaction (or a new one).
   * An `eventKey` already in the inbox → `duplicate`, nothing written.
   */
  apply(
    orgId: string,
    accountId: string,
    now: Date,
    eventKey: string | null,
    eventType: string,
    decide: (j: LoadedJourney) => JourneyWrite | null | Promise<JourneyWrite | null>,
  ): Promise<ApplyOutcome>;
  /**
   * `apply` for many events in one transaction with a few set-based statements (the dispatcher
   * feeds a batch's outcomes this way). Events of one account are applied in the given order, each
   * on the state the previous one left. Same outcomes as calling `apply` for each in turn.
   */
  applyMany(now: Date, items: readonly ApplyItem[]): Promise<ApplyOutcome[]>;
  get(orgId: string, accountId: string, now: Date): Promise<LoadedJourney | null>;
  /** Account facts and zone of an account whether enrolled or not (for a preview). */
  facts(
    orgId: string,
    accountId: string,
    now: Date,
  ): Promise<{
    facts: AccountFacts;
    timezone: string;
    debtorId: string;
    country: string;
    region: string | null;
  } | null>;
  /**
   * Enrols collectable accounts (status active/promised) matching the filter that have no
   * running journey; a finished journey is replaced and its attempt counters carried over.
   */
  enrol(
    orgId: string,
    strategy: { id: string; version: number },
    filter: EnrolFilter,
    now: Date,
  ): Promise<number>;
  /** Ends running journeys (`exited`, reason `unenrolled`) and cancels their pending contacts. */
  unenrol(orgId: string, accountIds: string[], now: Date): Promise<number>;
  /** Accounts with a journey among the debtor's accounts. */
  accountsOfDebtor(orgId: string, debtorId: string): Promise<string[]>;
  /** Running journeys on a version, by pages of account ids (for migrations). */
  runningOnVersion(
    orgId: string,
    strategyId: string,
    version: number,
    after: string | null,
    limit: number,
  ): Promise<string[]>;
  /** Journeys enrolled but not started yet start on `version` instead. */
  retargetPending(orgId: string, strategyId: string, version: number): Promise<number>;
}

export const outboxStatuses = [
  'pending',
  'in_flight',
  'sent',
  'refused',
  'failed',
  'dead',
  'cancelled',
  'recorded',
] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export interface OutboxRow {
  id: number;
  orgId: string;
  accountId: string;
  idempotencyKey: string;
  command: JourneyCommand;
  /** Delivery attempts including this one. */
  attempts: number;
  refusals: number;
}

export interface OutboxStore {
  /** Leases due contacts (`FOR UPDATE SKIP LOCKED`): pending and due, or in flight with an expired lease. */
  claim(o: ClaimOptions): Promise<OutboxRow[]>;
  markSent(id: number, owner: string, providerMessageId: string | null, at: Date): Promise<boolean>;
  /** Records the refusal per rule; back to `pending` at `nextAllowedAt`, or `refused` (terminal) when null. */
  markRefused(
    id: number,
    owner: string,
    reasons: Array<{ rule: string; message: string }>,
    nextAllowedAt: Date | null,
    at: Date,
  ): Promise<boolean>;
  /** Batch forms of markSent / markRefused (optional): the ids this owner marked. */
  markSentMany?(
    owner: string,
    items: ReadonlyArray<{ id: number; providerMessageId: string | null; at: Date }>,
  ): Promise<Set<number>>;
  markRefusedMany?(
    owner: string,
    items: ReadonlyArray<{
      id: number;
      reasons: Array<{ rule: string; message: string }>;
      nextAllowedAt: Date | null;
      at: Date;
    }>,
  ): Promise<Set<number>>;
  /** Retry at `retryAt`, or terminal `status` when retryAt is null. */
  markFailed(
    id: number,
    owner: string,
    error: string,
    retryAt: Date | null,
    terminal: 'failed' | 'dead',
    at: Date,
  ): Promise<boolean>;
  /** The outbox contact a provider message id belongs to. */
  byProviderMessage(
    orgId: string,
    providerMessageId: string,
  ): Promise<{ accountId: string; nodeId: string; attempt: number } | null>;
  stats(orgId: string): Promise<{ byStatus: Record<string, number>; refusalsByRule: Record<string, number> }>;
}

/** A reply a debtor wrote, to be understood. */
export interface ReplyToRead {
  orgId: string;
  text: string;
  /** When it was written (ISO instant): "mañana" counts from here. */
  at: string;
  /** The debtor's IANA zone, so "el viernes" is their Friday. */
  timezone?: string;
  /** The message as the channel received it (provider, payload). */
  message: InboundMessage;
}

export type InboundMessage = Extract<OrgInboundEvent, { type: 'message' }>;

export interface ReplyReading {
  intent: string;
  /** Other intents in the reply (the NLU's secondary): an opt-out or a dispute there counts too. */
  secondary?: string[];
  /** ISO date named in the reply ("el viernes" → the coming Friday), if any. */
  date?: string;
  /** Amount named in the reply, in major units as written ("te pago 500" → 500). */
  amount?: { value: number; currency?: string };
}

/** Understands free-text replies (the NLU module implements it). */
export interface ReplyReader {
  read(reply: ReplyToRead): Promise<ReplyReading>;
}

/**
 * The record's promises, for promises made in replies (`RecordService` fits): the promises table,
 * the account's `promised` status and the timeline, so agents, dashboards, promise expiry and
 * payment matching see them like any other promise. Throws when the record refuses (closed account…).
 */
export interface PromiseBook {
  createPromise(
    orgId: string,
    p: { accountId: string; amountMinor: number; dueDate: string; channel?: string; actor: 'debtor' },
  ): Promise<{ id: string } | null>;
}

/** Runs `fn` in one database transaction (stores called inside join it). */
export type UnitOfWork = <T>(fn: () => Promise<T>) => Promise<T>;
