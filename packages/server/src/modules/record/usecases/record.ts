import { SaldoError } from '@saldo/core';
import type { AccountStatus, Bucket } from '@saldo/core/record';
import type { Clock } from '../../../shared/clock/clock.js';
import type {
  AccountStore,
  AgreementStore,
  DebtorStore,
  OfferPolicySource,
  PaymentStore,
  PortfolioStore,
  SettlementOfferStore,
  TimelineStore,
} from '../ports.js';
import { createAgreements } from './agreements.js';
import { recordPayment, type PaymentToRecord } from './record-payment.js';
import { createSettlements } from './settlements.js';

export interface RecordDeps {
  accounts: AccountStore;
  debtors: DebtorStore;
  timeline: TimelineStore;
  payments: PaymentStore;
  agreements: AgreementStore;
  settlementOffers: SettlementOfferStore;
  offerPolicies: OfferPolicySource;
  portfolios: PortfolioStore;
  clock: Clock;
}

const today = (clock: Clock) => clock.now().toISOString().slice(0, 10);
const notFound = (what: string, id: string) => new SaldoError('not_found', `${what} ${id} not found`);

type TimelinePage = { limit: number; after?: number; order?: 'asc' | 'desc' };

/** Read and write the common record for one organization. Every call is tenant-scoped by orgId. */
export function createRecord(deps: RecordDeps) {
  const { accounts, debtors, timeline, portfolios, clock } = deps;
  const agreements = createAgreements(deps);
  const settlements = createSettlements({ offers: deps.settlementOffers, clock });
  return {
    listAccounts: (
      orgId: string,
      f: {
        bucket?: Bucket;
        status?: AccountStatus[];
        country?: string;
        minBalanceMinor?: number;
        maxBalanceMinor?: number;
        portfolioId?: string;
        debtorId?: string;
        limit: number;
        after?: string;
      },
    ) => accounts.list({ orgId, asOf: today(clock), ...f }),

    async getAccount(orgId: string, id: string) {
      return (await accounts.get(orgId, id, today(clock))) ?? Promise.reject(notFound('account', id));
    },

    async getDebtor(orgId: string, id: string) {
      return (await debtors.get(orgId, id)) ?? Promise.reject(notFound('debtor', id));
    },

    listDebtors: (orgId: string, page: { limit: number; after?: string; country?: string }) =>
      debtors.list(orgId, page),

    async accountTimeline(orgId: string, id: string, page: TimelinePage) {
      if (!(await accounts.get(orgId, id, today(clock)))) throw notFound('account', id);
      return timeline.forAccount(orgId, id, page);
    },

    async debtorTimeline(orgId: string, id: string, page: TimelinePage) {
      if (!(await debtors.get(orgId, id))) throw notFound('debtor', id);
      return timeline.forDebtor(orgId, id, page);
    },

    /** An external payment (creditor feed, PSP webhook, agent entry): balance, promises, status, timeline. */
    recordPayment: (orgId: string, p: PaymentToRecord) => recordPayment(deps, orgId, p),

    /** One promise through the offer gate; refused: `OfferRefused` (refusals and counter-offer). */
    createPromise: agreements.createPromise,

    /**
     * A promise (one or more parts), a plan with its schedule or a settlement offer, through the
     * offer gate: written when accepted; refused, a value with every refusal and the counter-offer.
     */
    commitAgreement: agreements.commit,

    /** A person approves a settlement offer below the policy's approval share. */
    approveSettlementOffer: settlements.approve,

    /** The debtor accepts an open settlement offer: the settlement. */
    acceptSettlementOffer: settlements.accept,

    listPortfolios: (orgId: string) => portfolios.list(orgId),
    summary: (orgId: string) => accounts.summary(orgId, today(clock)),
  };
}
export type RecordService = ReturnType<typeof createRecord>;
