// Composition of the strategy runner: stores, the strategies use case, the journey worker, the
// dispatcher and the event router (the domain-event consumer's handler), plus the periodic jobs a
// worker process runs.
import { hostname } from 'node:os';
import {
  createComplianceEngine,
  parseContactCheck,
  type CompiledPack,
  type ComplianceEngine,
} from '@saldo/core/compliance';
import { defaultTemplates, type MessageTemplate } from '@saldo/core/channels';
import { strategyTemplatePurposes } from '@saldo/core/strategy';
import { growthAnalyzer } from '../../shared/db/maintenance.js';
import { createSqlEngineReport } from './adapters/sql-engine-report.js';
import { createSqlJourneyStore } from './adapters/sql-journey-store.js';
import { createSqlOutboxStore } from './adapters/sql-outbox-store.js';
import { createSqlStrategyStore } from './adapters/sql-strategy-store.js';
import { createDefinitions } from './usecases/decide.js';
import { createDispatcher } from './usecases/dispatcher.js';
import { createEventRouter, type EventRouterOptions } from './usecases/event-router.js';
import { createJourneyWorker } from './usecases/journey-worker.js';
import type { Clock } from '../../shared/clock/clock.js';
import type { ContactTargetStore, OutboundMessageStore } from '../channels/index.js';
import type { Db } from '../../shared/db/db.js';
import type { RoutePlugin } from '../../shared/http/route-kit.js';
import journeyRoutes from './routes/journey-routes.js';
import strategyRoutes from './routes/strategy-routes.js';
import type { Messaging, SendPathCheckpoint } from '../channels/index.js';
import { chooseTemplate, complianceInput, debtorLocale, HISTORY_DAYS } from '../channels/index.js';
import { createStrategies, type ComplianceProbe } from './usecases/strategies.js';

export interface BuildEngineOptions {
  db: Db;
  clock: Clock;
  messaging: Messaging;
  /** The channels' stores, for the preview's dry-run compliance check. */
  contactStores?: { targets: ContactTargetStore; outbound: OutboundMessageStore };
  compliance?: { engine: ComplianceEngine; orgLayer(orgId: string): Promise<CompiledPack | null> };
  /** Lease owner prefix; default host:pid. */
  owner?: string;
  worker?: {
    batchSize?: number;
    chunkSize?: number;
    leaseMs?: number;
    afterChunk?: (chunk: number, saved: number) => Promise<void>;
  };
  dispatcher?: {
    batchSize?: number;
    concurrency?: number;
    leaseMs?: number;
    maxAttempts?: number;
    backoffMs?: (n: number) => number;
    /** Test hook for the crash drill. */
    checkpoint?: SendPathCheckpoint;
  };
  /** See EventRouterOptions.promiseDays. */
  promiseDays?: number;
  /** See EventRouterOptions.conversationChannels. */
  conversationChannels?: ReadonlySet<string>;
  /** See EventRouterOptions.replies (the platform passes the NLU). */
  replies?: EventRouterOptions['replies'];
  /** See EventRouterOptions.promises (the platform passes the record). */
  promises?: EventRouterOptions['promises'];
  log?: (msg: string, data: Record<string, unknown>) => void;
}

let instances = 0;

export function buildEngine(o: BuildEngineOptions) {
  const { db, clock } = o;
  const owner = o.owner ?? `${hostname()}:${process.pid}:${++instances}`;
  const stores = {
    strategies: createSqlStrategyStore(db),
    journeys: createSqlJourneyStore(db),
    outbox: createSqlOutboxStore(db),
  };
  const definitions = createDefinitions(stores.strategies);
  const tx = <T>(fn: () => Promise<T>) => db.transaction(() => fn());
  const probe = o.contactStores ? complianceProbe(o.contactStores, o.compliance) : undefined;
  const strategies = createStrategies({
    strategies: stores.strategies,
    journeys: stores.journeys,
    clock,
    ...(probe ? { probe } : {}),
  });
  const worker = createJourneyWorker({
    journeys: stores.journeys,
    definitions,
    clock,
    owner: `${owner}:w`,
    outboxGrew: growthAnalyzer(db, 'outbox'),
    ...o.worker,
    ...(o.log ? { log: o.log } : {}),
  });
  const resolveTemplate = templateResolver(defaultTemplates);
  const dispatcher = createDispatcher({
    outbox: stores.outbox,
    journeys: stores.journeys,
    definitions,
    messaging: o.messaging,
    clock,
    tx,
    owner: `${owner}:d`,
    resolveTemplate,
    ...o.dispatcher,
    ...(o.log ? { log: o.log } : {}),
  });
  const router = createEventRouter({
    journeys: stores.journeys,
    outbox: stores.outbox,
    definitions,
    clock,
    tx,
    ...(o.promiseDays !== undefined ? { promiseDays: o.promiseDays } : {}),
    ...(o.conversationChannels ? { conversationChannels: o.conversationChannels } : {}),
    ...(o.replies ? { replies: o.replies } : {}),
    ...(o.promises ? { promises: o.promises } : {}),
    ...(o.log ? { log: o.log } : {}),
  });
  const report = createSqlEngineReport(db);

  const quiet = <T extends Record<string, number>>(r: T) =>
    Object.values(r).some((n) => n > 0) ? r : undefined;
  /** Worker role: run these on an interval (startPeriodic). */
  const jobs = [
    {
      name: 'strategy-journey-worker',
      everyMs: 1_000,
      run: async () => quiet({ ...(await worker.drain(20)) }),
    },
    {
      name: 'strategy-dispatcher',
      everyMs: 1_000,
      run: async () => quiet({ ...(await dispatcher.drain(20)) }),
    },
  ];
  const routes: RoutePlugin[] = [
    (app) => strategyRoutes(app, { strategies }),
    (app) => journeyRoutes(app, { strategies }),
  ];
  return { strategies, worker, dispatcher, router, jobs, routes, stores, report, owner };
}
export type Engine = ReturnType<typeof buildEngine>;

export function templateResolver(templates: readonly MessageTemplate[]) {
  return (templateId: string, channel: string): string => {
    if (templates.some((t) => t.id === templateId)) return templateId;
    const purpose =
      strategyTemplatePurposes[templateId] ??
      (/voicemail/.test(templateId)
        ? 'voicemail'
        : /voicebot|call/.test(templateId)
          ? 'reminder_call'
          : /reminder/.test(templateId)
            ? 'reminder'
            : 'follow_up');
    const hit =
      templates.find((t) => t.purpose === purpose && t.channel === channel) ??
      templates.find((t) => t.purpose === purpose);
    return hit?.id ?? templateId;
  };
}

/** The same compliance input `Messaging.contact` builds, evaluated without sending. */
export function complianceProbe(
  s: { targets: ContactTargetStore; outbound: OutboundMessageStore },
  c?: { engine: ComplianceEngine; orgLayer(orgId: string): Promise<CompiledPack | null> },
): ComplianceProbe {
  const compliance = c ?? { engine: createComplianceEngine(), orgLayer: async () => null };
  return async ({ orgId, accountId, channel, templateId, at }) => {
    const target = await s.targets.load(orgId, accountId);
    if (!target)
      return {
        allowed: false,
        reasons: [{ rule: 'not_found', message: `account ${accountId} not found` }],
        nextAllowedAt: null,
      };
    const template = chooseTemplate(
      defaultTemplates,
      templateResolver(defaultTemplates)(templateId, channel),
      channel,
      debtorLocale(target),
    );
    const history = await s.outbound.historyForDebtor(
      orgId,
      target.debtor.id,
      new Date(at.getTime() - HISTORY_DAYS * 86_400_000),
      at,
    );
    const req = {
      orgId,
      accountId,
      channel,
      templateId,
      idempotencyKey: 'preview',
      requestedBy: { kind: 'strategy' as const, id: 'preview' },
    };
    const parsed = parseContactCheck(complianceInput(req, target, at, history, template));
    if (!parsed.ok)
      return {
        allowed: false,
        reasons: parsed.issues.map((i) => ({ rule: 'invalid_input', message: `${i.path}: ${i.message}` })),
        nextAllowedAt: null,
      };
    const d = compliance.engine.check(parsed.value, await compliance.orgLayer(orgId));
    return {
      allowed: d.allowed,
      reasons: d.reasons.map((r) => ({ rule: r.rule, message: r.message })),
      nextAllowedAt: d.nextAllowedAt,
    };
  };
}

/**
 * Simulated time only: ids from a sequence instead of random UUIDs, so the same seed gives the
 * same accounts, messages and sandbox behaviour. Never call this on a real deployment.
 */
export async function useDeterministicIds(db: Db): Promise<void> {
  await db.exec(`CREATE SEQUENCE IF NOT EXISTS saldo_sim_ids;
    CREATE OR REPLACE FUNCTION saldo_id(prefix text) RETURNS text LANGUAGE sql VOLATILE AS
    $$ SELECT prefix || '_' || lpad(nextval('saldo_sim_ids')::text, 12, '0') $$;`);
}
