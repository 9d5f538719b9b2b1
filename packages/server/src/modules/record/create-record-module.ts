// The record module: portfolios, accounts, debtors, timeline, payments, and the promises, plans and
// settlement offers written through the offer gate, with their routes (including the public status
// page) and the broken-promise sweep.
import type { Clock } from '../../shared/clock/clock.js';
import type { Db } from '../../shared/db/db.js';
import type { DebtorVault } from '../../shared/crypto/debtor-vault.js';
import type { RoutePlugin } from '../../shared/http/route-kit.js';
import type { PeriodicJob } from '../../shared/jobs/periodic.js';
import { createSqlAccountStore } from './adapters/sql-account-store.js';
import { createSqlAgreementStore } from './adapters/sql-agreement-store.js';
import { createSqlDebtorStore } from './adapters/sql-debtor-store.js';
import { createSqlPaymentStore } from './adapters/sql-payment-store.js';
import { createSqlPortfolioStore } from './adapters/sql-portfolio-store.js';
import { createSqlAgreementExpiryStore } from './adapters/sql-agreement-expiry-store.js';
import { createSqlPromiseExpiryStore } from './adapters/sql-promise-expiry-store.js';
import { createSqlSettlementOfferStore } from './adapters/sql-settlement-offer-store.js';
import { createSqlTimelineStore } from './adapters/sql-timeline-store.js';
import type { OfferPolicySource, PortfolioStore, TimelineStore } from './ports.js';
import paymentRoutes from './routes/payment-routes.js';
import promiseRoutes from './routes/promise-routes.js';
import recordRoutes from './routes/record-routes.js';
import settlementRoutes from './routes/settlement-routes.js';
import statusRoutes from './routes/status-routes.js';
import { expireAgreements, expireOverduePromises } from './usecases/expire-promises.js';
import { createRecord, type RecordService } from './usecases/record.js';

export interface RecordModuleConfig {
  version: string;
  ready(): Promise<boolean>;
}

export interface RecordModule {
  record: RecordService;
  /** The portfolio store, for the imports module (portfolios are created by imports). */
  portfolios: PortfolioStore;
  /** The timeline, for modules that write history (channels: every contact and refusal). */
  timeline: TimelineStore;
  routes: RoutePlugin[];
  jobs: PeriodicJob[];
}

export function createRecordModule(
  deps: { db: Db; clock: Clock; offerPolicies: OfferPolicySource; vault: DebtorVault },
  config: RecordModuleConfig,
): RecordModule {
  const { db, clock } = deps;
  const portfolios = createSqlPortfolioStore(db);
  const timeline = createSqlTimelineStore(db, deps.vault);
  const record = createRecord({
    portfolios,
    accounts: createSqlAccountStore(db),
    debtors: createSqlDebtorStore(db),
    timeline,
    payments: createSqlPaymentStore(db),
    agreements: createSqlAgreementStore(db),
    settlementOffers: createSqlSettlementOfferStore(db),
    offerPolicies: deps.offerPolicies,
    clock,
  });
  const promises = createSqlPromiseExpiryStore(db);
  const ending = createSqlAgreementExpiryStore(db);
  return {
    record,
    portfolios,
    timeline,
    jobs: [
      {
        name: 'expire-overdue-promises',
        everyMs: 60_000,
        run: () => expireOverduePromises({ promises, clock }),
      },
      {
        name: 'expire-agreements',
        everyMs: 60_000,
        run: () => expireAgreements({ agreements: ending, clock }),
      },
    ],
    routes: [
      (app) => recordRoutes(app, { record }),
      (app) => paymentRoutes(app, { record }),
      (app) => promiseRoutes(app, { record }),
      (app) => settlementRoutes(app, { record }),
      (app) => statusRoutes(app, { record, storage: db.kind, ...config }),
    ],
  };
}
