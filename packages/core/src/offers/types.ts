/**
 * The offer policy's vocabulary: what an organisation allows its bot, agents, portal and models to
 * propose to a debtor, and the shapes `offersFor` and `checkProposal` exchange. Every promise, plan
 * and settlement Saldo writes has passed `checkProposal` against the policy in force (ADR 0009).
 * Money is integer minor units in the account's currency; dates are `YYYY-MM-DD` civil dates in
 * the debtor's zone; `now` is an epoch-millisecond instant.
 */

export const planFrequencies = ['weekly', 'fortnightly', 'monthly'] as const;
export type PlanFrequency = (typeof planFrequencies)[number];

/** A share of the balance, in basis points (7000 = 70 %). */
export type BasisPoints = number;

export interface PromiseRules {
  /** The latest promise date, in days after today in the debtor's zone (default 30). */
  maxDaysAhead: number;
  /** The smallest partial payment, as a share of the balance (a full payment is always allowed). */
  minPartialBps: BasisPoints;
}

export interface PlanRules {
  frequencies: readonly PlanFrequency[];
  maxInstallments: number;
  /** Days from the first instalment's due date to the last one's. */
  maxDurationDays: number;
  /** The smallest instalment, as a share of the balance. */
  minInstallmentBps: BasisPoints;
  /** The first instalment falls due at most this many days after today. */
  firstDueWithinDays: number;
}

export interface SettlementBand {
  /** The band covers accounts at this many days past due or more, up to the next band. */
  fromDpd: number;
  /** The smallest settlement, as a share of the balance; null: no settlement in this band. */
  floorBps: BasisPoints | null;
}

export interface SettlementRules {
  /** Ordered by `fromDpd`, the first band starting at 0. */
  bands: readonly SettlementBand[];
  /** How many days a settlement offer stays open. */
  validDays: number;
  /** A settlement below this share of the balance needs a person's approval before it binds. */
  approvalBelowBps: BasisPoints;
}

export interface HardshipRules {
  /** The longest pause of collection a debtor in hardship may be given, in days. */
  maxPauseDays: number;
  /** The plan a debtor in hardship may get: usually longer and with smaller instalments. */
  plan: PlanRules;
  /** Where free debt advice is, by debtor country (ISO 3166-1 alpha-2), in Spanish and English. */
  referral: Readonly<Record<string, { es: string; en: string }>>;
}

export interface OfferPolicy {
  promises: PromiseRules;
  plans: PlanRules;
  settlements: SettlementRules;
  hardship: HardshipRules;
}

/** The account facts an offer depends on. */
export interface OfferAccount {
  balanceMinor: number;
  currency: string;
  dpd: number;
  /** The debtor's IANA zone: "today" and relative dates are the debtor's. */
  timeZone: string;
  /** The debtor's country (ISO 3166-1 alpha-2), for the hardship referral. */
  country: string;
  /** A debtor who declared hardship gets the hardship plan rules and no settlement pressure. */
  hardship?: boolean;
}

export interface PromisePart {
  date: string;
  amountMinor: number;
}

export interface Installment {
  due: string;
  amountMinor: number;
}

export type Proposal =
  /** One or more dated payments ("200 on Friday and the rest next month"). */
  | { kind: 'promise'; parts: readonly PromisePart[] }
  /** A plan, given by what the debtor said: instalment size, count, or both; missing terms are filled in. */
  | {
      kind: 'plan';
      frequency: PlanFrequency;
      installmentMinor?: number;
      installments?: number;
      firstDue?: string;
    }
  | { kind: 'settlement'; amountMinor: number }
  | { kind: 'pause'; days: number };

/** A proposal made whole: a plan with its schedule, a settlement with its expiry. */
export type Agreement =
  | { kind: 'promise'; parts: readonly PromisePart[] }
  | {
      kind: 'plan';
      frequency: PlanFrequency;
      installments: readonly Installment[];
      totalMinor: number;
    }
  | { kind: 'settlement'; amountMinor: number; expires: string; needsApproval: boolean }
  | { kind: 'pause'; until: string };

/**
 * Why a proposal is refused; `limit` is the policy's bound that was crossed, where one applies
 * (a date `YYYY-MM-DD`, an amount in minor units, a count of days or instalments).
 */
export interface Refusal {
  code:
    | 'date_in_past'
    | 'date_too_far'
    | 'amount_too_small'
    | 'amount_above_balance'
    | 'frequency_not_allowed'
    | 'too_many_installments'
    /** The instalment and the count given together do not make the balance. */
    | 'plan_total_mismatch'
    | 'plan_too_long'
    | 'installment_too_small'
    | 'first_due_too_late'
    | 'settlement_not_offered'
    | 'settlement_below_floor'
    | 'pause_too_long'
    | 'invalid';
  /** In English. */
  message: string;
  /** The same, in Spanish. */
  messageEs: string;
  limit?: number | string;
}

export type ProposalCheck =
  | { accepted: true; agreement: Agreement }
  /** `counter` is the allowed agreement closest to the proposal in the debtor's terms, if any. */
  | { accepted: false; refusals: readonly Refusal[]; counter: Agreement | null };

/** What may be offered now, for a bot to suggest and a portal to show. */
export interface Offers {
  promise: { latestDate: string; minAmountMinor: number; fullAmountMinor: number };
  plans: readonly Agreement[];
  settlement: { minAmountMinor: number; expires: string; approvalBelowMinor: number } | null;
  hardship: {
    maxPauseUntil: string;
    plans: readonly Agreement[];
    referral: { es: string; en: string } | null;
  };
}
