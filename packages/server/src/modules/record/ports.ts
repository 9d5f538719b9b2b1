import { channels } from '@saldo/core/channels';
import type { Agreement, OfferAccount, OfferPolicy, ProposalCheck } from '@saldo/core/offers';
import type {
  AccountStatus,
  Bucket,
  PaymentAgreements,
  PaymentEffect,
  PromiseState,
} from '@saldo/core/record';

export const actors = ['system', 'bot', 'agent', 'debtor'] as const;
export type Actor = (typeof actors)[number];

export interface Portfolio {
  id: string;
  orgId: string;
  code: string;
  name: string;
  creditorName: string;
  currency: string;
  country: string;
  accounts: number;
}

export interface PortfolioStore {
  ensure(p: {
    orgId: string;
    code: string;
    name: string;
    creditorName: string;
    currency: string;
    country: string;
    now: Date;
  }): Promise<Portfolio>;
  getByCode(orgId: string, code: string): Promise<Portfolio | null>;
  list(orgId: string): Promise<Portfolio[]>;
}

export interface AccountView {
  id: string;
  externalRef: string;
  portfolioId: string;
  debtorId: string;
  debtorName: string;
  country: string;
  region: string | null;
  product: string;
  currency: string;
  principalMinor: number;
  interestMinor: number;
  feesMinor: number;
  balanceMinor: number;
  delinquentSince: string | null;
  daysPastDue: number;
  bucket: Bucket;
  status: AccountStatus;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface AccountQuery {
  orgId: string;
  asOf: string;
  bucket?: Bucket;
  status?: AccountStatus[];
  country?: string;
  minBalanceMinor?: number;
  maxBalanceMinor?: number;
  portfolioId?: string;
  debtorId?: string;
  limit: number;
  /** Opaque keyset cursor (the last id of the previous page). */
  after?: string;
}

export interface PortfolioSummary {
  accounts: number;
  debtors: number;
  byCountry: { country: string; accounts: number }[];
  byBucket: { bucket: Bucket; accounts: number }[];
  byStatus: { status: string; accounts: number }[];
  balances: { currency: string; balanceMinor: number; accounts: number }[];
}

export interface AccountStore {
  list(q: AccountQuery): Promise<{ items: AccountView[]; nextCursor: string | null }>;
  get(orgId: string, id: string, asOf: string): Promise<AccountView | null>;
  summary(orgId: string, asOf: string): Promise<PortfolioSummary>;
}

export interface ContactPointView {
  id: string;
  kind: 'phone' | 'email' | 'whatsapp';
  value: string;
  lineType: string | null;
  verifiedAt: string | null;
  bouncedAt: string | null;
}
export interface ConsentView {
  channel: string;
  state: 'granted' | 'denied' | 'unknown';
  source: string;
  recordedAt: string;
  optedOutAt: string | null;
}
export interface DebtorView {
  id: string;
  externalRef: string;
  firstName: string;
  lastName: string;
  language: 'es' | 'en';
  country: string;
  region: string | null;
  timezone: string;
  hasDateOfBirth: boolean;
  hasNationalId: boolean;
  vulnerabilities: string[];
  preferredChannel: string | null;
  preferredHours: unknown;
  contactPoints: ContactPointView[];
  consents: ConsentView[];
  accountIds: string[];
}

export interface DebtorStore {
  get(orgId: string, id: string): Promise<DebtorView | null>;
  list(
    orgId: string,
    page: { limit: number; after?: string; country?: string },
  ): Promise<{
    items: Omit<DebtorView, 'contactPoints' | 'consents' | 'accountIds'>[];
    nextCursor: string | null;
  }>;
}

export const timelineKinds = [
  'message',
  'call',
  'payment',
  'promise',
  'plan',
  'settlement',
  'dispute',
  'note',
  'status_change',
  'contact_change',
  'import',
  'privacy',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];
/** Where a timeline event happened: a channel, or the debtor portal, or the API. */
export const timelineChannels = [...channels, 'portal', 'api'] as const;
export type TimelineChannel = (typeof timelineChannels)[number];

export interface TimelineEvent {
  id: string;
  seq: number;
  debtorId: string;
  accountId: string | null;
  occurredAt: string;
  kind: TimelineKind;
  actor: Actor;
  actorId: string | null;
  channel: TimelineChannel | null;
  direction: 'outbound' | 'inbound' | null;
  /** The entry as written: its non-personal summary and data merged with the personal part. */
  summary: string;
  data: Record<string, unknown>;
  /** The personal part (sealed under the debtor's key, migration 0070); null when none or erased. */
  personal: TimelinePersonal | null;
  /** The debtor was erased: a personal part the entry had can no longer be read. */
  erased: boolean;
}

/**
 * What of a timeline entry is personal (docs/privacy.md): the text of a message, an address, what
 * was said on a call, a free note. Sealed under the debtor's key; the clear columns keep the facts.
 */
export interface TimelinePersonal {
  /** Replaces the clear summary when read (the clear one says what happened, without the words). */
  summary?: string;
  /** Merged over the clear data when read. */
  data?: Record<string, unknown>;
}

export type NewTimelineEvent = Omit<TimelineEvent, 'id' | 'seq' | 'personal' | 'erased'> & {
  orgId: string;
  personal?: TimelinePersonal;
};

export interface TimelinePage {
  limit: number;
  /** seq of the last event of the previous page */
  after?: number;
  order?: 'asc' | 'desc';
}

export interface TimelineStore {
  append(e: NewTimelineEvent): Promise<TimelineEvent>;
  forAccount(orgId: string, accountId: string, page: TimelinePage): Promise<TimelineEvent[]>;
  forDebtor(orgId: string, debtorId: string, page: TimelinePage): Promise<TimelineEvent[]>;
}

export interface RecordedPayment {
  paymentId: string;
  accountId: string;
  amountMinor: number;
  currency: string;
  paidAt: string;
  balanceMinor: number;
  status: AccountStatus;
  overpaymentMinor: number;
  promisesKept: string[];
  duplicate: boolean;
}

export interface PaymentStore {
  /**
   * Records a payment atomically: locks the account, asks `decide` (pure core logic) for the
   * effect, persists payment + balance + promises + the plan's instalments + the settlement +
   * status + timeline + domain events in one transaction.
   * An `externalId` already recorded returns the earlier payment (its own account, amount and
   * date) with `duplicate: true`; the caller decides whether it is the same payment.
   */
  record(
    p: {
      orgId: string;
      accountId: string;
      amountMinor: number;
      currency: string;
      paidAt: Date;
      method: string | null;
      externalId: string | null;
      source: string;
      actor: Actor;
      now: Date;
    },
    decide: (
      account: { balanceMinor: number; status: AccountStatus; currency: string },
      promises: PromiseState[],
      agreements: PaymentAgreements,
    ) => PaymentEffect,
  ): Promise<RecordedPayment | null>;
}

/** An account as the offer gate sees it, read under the account's row lock. */
export interface OfferFacts {
  accountId: string;
  debtorId: string;
  portfolioId: string;
  status: AccountStatus;
  account: OfferAccount;
}

/** What an accepted agreement became in the record. */
export type WrittenAgreement =
  | { kind: 'promise'; promiseIds: string[] }
  | { kind: 'plan'; planId: string }
  | { kind: 'settlement'; settlementOfferId: string; status: 'open' | 'pending_approval' }
  | { kind: 'pause'; until: string };

export type AgreementCommit =
  | { accepted: true; agreement: Agreement; written: WrittenAgreement }
  | Extract<ProposalCheck, { accepted: false }>;

/**
 * The only writer of promises, plans and settlement offers. `commit` locks the account, reads its
 * offer facts, asks `decide` (the offer gate: `checkProposal` with the policy in force) and, in
 * the same transaction, writes exactly the agreement accepted — rows, timeline, domain events —
 * or nothing. Null when the account does not exist in the organisation.
 */
export interface AgreementStore {
  commit(
    p: { orgId: string; accountId: string; channel: string | null; actor: Actor; now: Date },
    decide: (facts: OfferFacts) => ProposalCheck,
  ): Promise<AgreementCommit | null>;
}

/** The offer policy in force for a portfolio (the offers module implements it). */
export interface OfferPolicySource {
  policyFor(orgId: string, portfolioId: string): Promise<OfferPolicy>;
}

/** Promises past due + grace are broken; their accounts return from `promised` to `active`. */
export interface PromiseExpiryStore {
  breakOverdue(cutoffDate: string, now: Date): Promise<number>;
}

/** The sweep of plans and settlements whose date passed (each run takes a batch; idempotent). */
export interface AgreementExpiryStore {
  /** Plans with an instalment unpaid past its due date plus the grace days: broken. Returns how many. */
  breakMissedPlans(now: Date): Promise<number>;
  /** Offers not accepted by their date: expired; accepted ones not paid by it plus grace: lapsed. */
  endExpiredSettlements(now: Date): Promise<number>;
}

export interface SettlementOffer {
  id: string;
  accountId: string;
  amountMinor: number;
  /** The balance the offer was made on. */
  balanceMinor: number;
  currency: string;
  /** The last day (debtor's calendar) the offer may be accepted and paid. */
  expires: string;
  needsApproval: boolean;
  status: 'pending_approval' | 'open' | 'accepted' | 'settled' | 'lapsed' | 'expired' | 'withdrawn';
  createdAt: string;
}

/** A move of a settlement offer: done, refused with the reason, or null when there is no such offer. */
export type SettlementMove = { offer: SettlementOffer } | { refused: string } | null;

/** Settlement offers after the gate wrote them (see `AgreementStore`). */
export interface SettlementOfferStore {
  /** A person approves an offer below the approval share: `pending_approval` → `open`. */
  approve(p: { orgId: string; offerId: string; by: string; now: Date }): Promise<SettlementMove>;
  /** The debtor accepts an open, unexpired offer on an unchanged balance: → `accepted`, the settlement. */
  accept(p: {
    orgId: string;
    offerId: string;
    channel: string | null;
    actor: Actor;
    now: Date;
  }): Promise<SettlementMove>;
}
