import type { OfferAccount, OfferPolicy } from '@saldo/core/offers';

/** One saved version of an offer policy: the organisation's (`portfolioId` null) or a portfolio's. */
export interface StoredOfferPolicy {
  id: string;
  orgId: string;
  portfolioId: string | null;
  version: number;
  policy: OfferPolicy;
  createdBy: string;
  createdAt: string;
}

/** Offer policies, append-only: a save is a new version; the latest is in force. */
export interface OfferPolicyStore {
  latest(orgId: string, portfolioId: string | null): Promise<StoredOfferPolicy | null>;
  /** Newest first. */
  versions(orgId: string, portfolioId: string | null, limit: number): Promise<StoredOfferPolicy[]>;
  append(
    orgId: string,
    portfolioId: string | null,
    policy: OfferPolicy,
    createdBy: string,
    now: Date,
  ): Promise<StoredOfferPolicy>;
  portfolioExists(orgId: string, portfolioId: string): Promise<boolean>;
}

/** The account facts an offer depends on (the record's, read as its offer gate reads them). */
export interface OfferAccountSource {
  facts(
    orgId: string,
    accountId: string,
    now: Date,
  ): Promise<{ account: OfferAccount; portfolioId: string } | null>;
}
