import { SaldoError } from '@saldo/core';
import { isCurrency } from '@saldo/core/money';
import { applyPayment, canRecordPromise, type AccountStatus, type Bucket } from '@saldo/core/record';
import type { Clock } from '../../../shared/clock/clock.js';
import { PaymentAboveBalance } from './payment-above-balance.js';
import type {
  AccountStore,
  Actor,
  DebtorStore,
  PaymentStore,
  PortfolioStore,
  RecordedPayment,
  TimelineStore,
} from '../ports.js';

export interface RecordDeps {
  accounts: AccountStore;
  debtors: DebtorStore;
  timeline: TimelineStore;
  payments: PaymentStore;
  portfolios: PortfolioStore;
  clock: Clock;
}

const today = (clock: Clock) => clock.now().toISOString().slice(0, 10);
const notFound = (what: string, id: string) => new SaldoError('not_found', `${what} ${id} not found`);

/** Every caller (HTTP, CLI, the sandbox, the engine) passes money as a positive safe integer of minor units. */
function assertMinorUnits(amountMinor: unknown): void {
  if (typeof amountMinor === 'number' && Number.isSafeInteger(amountMinor) && amountMinor > 0) return;
  throw new SaldoError(
    'validation',
    `amountMinor must be a positive integer of minor units (got ${String(amountMinor)})`,
    [{ path: 'amountMinor', message: 'a positive integer of minor units, at most 2^53 - 1' }],
  );
}

/** Payments older than this are data errors (a year 1 date, a two-digit year read as 19xx). */
export const EARLIEST_PAID_AT = '1990-01-01T00:00:00.000Z';
/** How far ahead of the clock a payment may be dated: a payer's local date runs up to 14 h ahead of UTC. */
const PAID_AT_AHEAD_MS = 86_400_000;

function paidAtWithinBounds(text: string, now: Date): Date {
  const paidAt = new Date(text);
  const refuse = (detail: string, message: string) =>
    new SaldoError('validation', detail, [{ path: 'paidAt', message }]);
  if (Number.isNaN(paidAt.getTime()))
    throw refuse('paidAt is not a valid instant', 'use ISO 8601, e.g. 2026-11-24T10:00:00Z');
  if (paidAt.getTime() < Date.parse(EARLIEST_PAID_AT))
    throw refuse(
      `paidAt ${paidAt.toISOString()} is before 1990-01-01: check the date`,
      'not before 1990-01-01',
    );
  if (paidAt.getTime() > now.getTime() + PAID_AT_AHEAD_MS)
    throw refuse(
      `paidAt ${paidAt.toISOString()} is more than one day after the current time (${now.toISOString()})`,
      'at most one day in the future',
    );
  return paidAt;
}

/**
 * A retried payment (same externalId) is the same payment only if it says the same thing: account,
 * amount, currency and, when the retry gives one, the date. Anything else is a different payment
 * reusing an id — answered 409, never silently folded into the first.
 */
function assertSamePayment(
  prior: RecordedPayment,
  retry: {
    externalId?: string;
    accountId: string;
    amountMinor: number;
    currency: string;
    paidAt?: Date | undefined;
  },
): void {
  const differs =
    prior.accountId !== retry.accountId ||
    prior.amountMinor !== retry.amountMinor ||
    prior.currency !== retry.currency ||
    (retry.paidAt !== undefined && new Date(prior.paidAt).getTime() !== retry.paidAt.getTime());
  if (!differs) return;
  throw new SaldoError(
    'conflict',
    `externalId "${retry.externalId}" was already recorded with amountMinor ${prior.amountMinor} ${prior.currency}, paidAt ${prior.paidAt} on account ${prior.accountId}; a different payment needs its own externalId`,
    [{ path: 'externalId', message: 'already used by a different payment' }],
  );
}

/** Read and write the common record for one organization. Every call is tenant-scoped by orgId. */
export function createRecord(deps: RecordDeps) {
  const { accounts, debtors, timeline, payments, portfolios, clock } = deps;
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

    async accountTimeline(
      orgId: string,
      id: string,
      page: { limit: number; after?: number; order?: 'asc' | 'desc' },
    ) {
      if (!(await accounts.get(orgId, id, today(clock)))) throw notFound('account', id);
      return timeline.forAccount(orgId, id, page);
    },

    async debtorTimeline(
      orgId: string,
      id: string,
      page: { limit: number; after?: number; order?: 'asc' | 'desc' },
    ) {
      if (!(await debtors.get(orgId, id))) throw notFound('debtor', id);
      return timeline.forDebtor(orgId, id, page);
    },

    /** An external payment (creditor feed, PSP webhook, agent entry): balance, promises, status, timeline. */
    async recordPayment(
      orgId: string,
      p: {
        accountId: string;
        amountMinor: number;
        currency: string;
        paidAt?: string;
        method?: string;
        externalId?: string;
        source: string;
        actor: Actor;
      },
    ) {
      assertMinorUnits(p.amountMinor);
      if (!isCurrency(p.currency))
        throw new SaldoError('validation', `unsupported currency ${p.currency}`, [
          { path: 'currency', message: 'not ISO 4217 / not supported' },
        ]);
      const now = clock.now();
      const paidAt = p.paidAt ? paidAtWithinBounds(p.paidAt, now) : now;
      const paidOn = paidAt.toISOString().slice(0, 10);
      const r = await payments.record(
        {
          orgId,
          accountId: p.accountId,
          amountMinor: p.amountMinor,
          currency: p.currency,
          paidAt,
          method: p.method ?? null,
          externalId: p.externalId ?? null,
          source: p.source,
          actor: p.actor,
          now,
        },
        (account, promises) => {
          // Decided under the account's row lock: two payments cannot both fit the same balance.
          if (account.currency === p.currency && p.amountMinor > account.balanceMinor)
            throw new PaymentAboveBalance(p.amountMinor, account.balanceMinor, account.currency);
          return applyPayment(account, promises, {
            amountMinor: p.amountMinor,
            currency: p.currency,
            paidOn,
          });
        },
      );
      if (!r) throw notFound('account', p.accountId);
      if (r.duplicate) assertSamePayment(r, { ...p, paidAt: p.paidAt ? paidAt : undefined });
      return r;
    },

    async createPromise(
      orgId: string,
      p: { accountId: string; amountMinor: number; dueDate: string; channel?: string; actor: Actor },
    ) {
      assertMinorUnits(p.amountMinor);
      const acc = await accounts.get(orgId, p.accountId, today(clock));
      if (!acc) throw notFound('account', p.accountId);
      if (p.dueDate < today(clock))
        throw new SaldoError('validation', 'a promise cannot be due in the past', [
          { path: 'dueDate', message: 'before today' },
        ]);
      if (!canRecordPromise(acc.status))
        throw new SaldoError('conflict', `account is ${acc.status}: no promise can be recorded`);
      const r = await payments.createPromise({
        orgId,
        accountId: p.accountId,
        amountMinor: p.amountMinor,
        currency: acc.currency,
        dueDate: p.dueDate,
        channel: p.channel ?? null,
        actor: p.actor,
        now: clock.now(),
      });
      return r!;
    },

    listPortfolios: (orgId: string) => portfolios.list(orgId),
    summary: (orgId: string) => accounts.summary(orgId, today(clock)),
  };
}
export type RecordService = ReturnType<typeof createRecord>;
