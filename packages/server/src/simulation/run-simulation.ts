// Simulated time: the real engine (same code paths, PGlite in memory) under a manual clock, with
// the sandbox channels. Deterministic for a seed: ids come from a sequence, every queue is ordered,
// nothing reads the wall clock or Math.random.
import type { TwoWayChannel } from '@saldo/core/channels';
import type { StrategyDefinition } from '@saldo/core/strategy';
import { ManualClock } from '../shared/clock/manual-clock.js';
import { ENGINE_TABLES, RECORD_TABLES, analyzeTables } from '../shared/db/maintenance.js';
import { useDeterministicIds } from '../modules/strategy/index.js';
import { buildPlatform, type Platform } from '../platform/composition-root.js';
import { loadConfig } from '../platform/config.js';
import { openPgliteDb } from '../shared/db/pglite-db.js';
import type { Db } from '../shared/db/db.js';
import type { Channels, ContactOutcome, ContactRequest } from '../modules/channels/index.js';
import { loadDemoPortfolio } from '../modules/imports/index.js';

export interface SimulationOptions {
  days: number;
  seed: number;
  /** Default: the shipped default strategy. */
  strategy?: unknown;
  portfolio: { demo: number } | { csv: string; currency?: string; country?: string };
  /** First instant of the simulation (a Monday morning UTC by default). */
  start?: string;
  stepMinutes?: number;
  onContact?: (line: ContactLine) => void;
  onProgress?: (day: number) => void;
}

export interface ContactLine {
  at: string;
  accountId: string;
  debtorId: string;
  channel: string;
  country: string;
  region: string | null;
  timezone: string;
  outcome: string;
}

export interface SimulationReport {
  days: number;
  accounts: number;
  /** Contacts sent per two-way channel (voicemail drops are not counted). */
  contacts: Record<TwoWayChannel, number>;
  refusals: Record<string, number>;
  replies: number;
  promises: number;
  payments: number;
  recovered: Record<string, number>;
  arms: Record<string, { accounts: number; payments: number; recovered: Record<string, number> }>;
}

const sorted = <T>(o: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export async function runSimulation(o: SimulationOptions): Promise<SimulationReport> {
  const clock = new ManualClock(o.start ?? '2026-03-02T15:00:00Z');
  const started = clock.now();
  const contacts = { email: 0, sms: 0, whatsapp: 0, call: 0, voicebot: 0 };
  let observe: (req: ContactRequest, out: ContactOutcome) => Promise<void> = async () => {};
  // No url, no dir: PGlite in memory. The platform's own channels (sandbox only, seeded) and engine;
  // every contact the engine's dispatcher makes is counted (and reported) as the send path tells it.
  const db = await openPgliteDb();
  const platform = await buildPlatform({
    config: loadConfig({ SALDO_SECRET_KEY: 'saldo-simulation' }),
    db,
    clock,
    sandboxOnly: true,
    sandboxSeed: o.seed,
    onContact: (req, out) => observe(req, out),
    engine: {
      owner: 'simulation',
      dispatcher: { concurrency: 1, batchSize: 500 },
      worker: { batchSize: 1000 },
    },
  });
  try {
    await useDeterministicIds(db);
    const orgId = platform.defaultOrgId;
    observe = (req, out) => countContact(o, platform.channels, clock, contacts, req, out);
    const accounts = await loadPortfolio(o, platform, clock);
    await enrol(o, platform.engine, orgId);
    await runSteps(o, db, clock, platform);
    const r = await platform.engine.report(orgId, started);
    return {
      days: o.days,
      accounts,
      contacts,
      refusals: sorted(r.refusals),
      replies: r.replies,
      promises: r.promises,
      payments: r.payments,
      recovered: sorted(r.recovered),
      arms: sorted(
        Object.fromEntries(
          Object.entries(r.arms).map(([k, v]) => [k, { ...v, recovered: sorted(v.recovered) }]),
        ),
      ),
    };
  } finally {
    await platform.close();
  }
}

/** Loads the demo portfolio or imports the CSV; returns the number of accounts. */
async function loadPortfolio(o: SimulationOptions, platform: Platform, clock: ManualClock): Promise<number> {
  const orgId = platform.defaultOrgId;
  if ('demo' in o.portfolio) {
    return (
      await loadDemoPortfolio(
        {
          imports: platform.imports,
          demoLoads: platform.demoLoads,
          clock,
          personas: platform.channels.sandboxPersonas,
        },
        orgId,
        {
          debtors: o.portfolio.demo,
          seed: o.seed,
        },
      )
    ).accounts;
  }
  const r = await platform.imports.importCsvFile(orgId, o.portfolio.csv, {
    portfolio: {
      code: 'simulation',
      name: 'Simulation',
      currency: o.portfolio.currency ?? 'MXN',
      country: o.portfolio.country ?? 'MX',
    },
    mode: 'valid_rows',
  });
  return r.inserted + r.updated + r.unchanged;
}

/** Publishes the given strategy (if any) and enrols every account in it (default: the shipped one). */
async function enrol(o: SimulationOptions, engine: Platform['engine'], orgId: string): Promise<void> {
  let strategyId: string | undefined;
  if (o.strategy !== undefined) {
    const id = (o.strategy as Partial<StrategyDefinition>).id ?? '';
    strategyId = (await engine.strategies.publish(orgId, id, { mode: 'move', input: o.strategy })).id;
  }
  await engine.strategies.enrol(orgId, strategyId ? { strategyId } : {});
}

/** The simulated days as a grid of steps. */
interface StepGrid {
  step: number;
  steps: number;
  perDay: number;
  t0: number;
}

/** Moves the clock step by step, draining the jobs the worker and api roles run, as they would. */
async function runSteps(o: SimulationOptions, db: Db, clock: ManualClock, platform: Platform): Promise<void> {
  const { channels, engine, events } = platform;
  const step = (o.stepMinutes ?? 15) * 60_000;
  const g: StepGrid = {
    step,
    steps: Math.round((o.days * 86_400_000) / step),
    perDay: Math.round(86_400_000 / step),
    t0: clock.now().getTime(),
  };
  let analyzedDay = 0; // the import and the enrolment analysed their tables
  for (let i = 0; i < g.steps; i++) {
    const busy = await nextBusyStep(o, db, clock, channels, g, i);
    if (busy === null) break;
    i = busy;
    if (Math.floor(i / g.perDay) > analyzedDay) {
      // What the platform's maintenance job does for PGlite every few minutes: fresh statistics.
      analyzedDay = Math.floor(i / g.perDay);
      await analyzeTables(db, [...RECORD_TABLES, ...ENGINE_TABLES]);
    }
    await engine.worker.drain();
    await engine.dispatcher.drain();
    clock.advance(step);
    // Replies, opens and payments due by now: the inbound pipeline records them with their
    // domain events, then the worker's consumer reads the replies and moves the journeys.
    await channels.tickSandbox(clock.now());
    await channels.inbound.processPending();
    await events.drain();
    if ((i + 1) % g.perDay === 0) o.onProgress?.((i + 1) / g.perDay);
  }
  if (clock.now().getTime() < g.t0 + g.steps * step) clock.set(new Date(g.t0 + g.steps * step));
}

/**
 * A step with nothing due does nothing (and draws no ids): the first step from `i` whose work is
 * due, the clock set to it and the skipped days reported; null when nothing is due before the end.
 * Steps stay on the same grid, so the report is the same as stepping through each one.
 */
async function nextBusyStep(
  o: SimulationOptions,
  db: Db,
  clock: ManualClock,
  channels: Channels,
  g: StepGrid,
  i: number,
): Promise<number | null> {
  const due = await nextDueAt(db, await channels.nextSandboxEventAt());
  const first = due === null ? g.steps : Math.max(i, Math.ceil((due - g.t0) / g.step) - 1);
  if (first <= i) return i;
  for (let s = i + 1; s <= Math.min(first, g.steps); s++)
    if (s % g.perDay === 0) o.onProgress?.(s / g.perDay);
  if (first >= g.steps) return null;
  clock.set(new Date(g.t0 + first * g.step));
  return first;
}

/**
 * A contact is made when compliance allowed it (a provider failure after that still counts as an
 * attempt): sends are counted per channel, and both are reported to `onContact`.
 */
async function countContact(
  o: SimulationOptions,
  channels: Channels,
  clock: ManualClock,
  contacts: SimulationReport['contacts'],
  req: ContactRequest,
  out: ContactOutcome,
): Promise<void> {
  if (out.kind !== 'sent' && out.kind !== 'failed') return;
  if (out.kind === 'sent' && req.channel in contacts) contacts[req.channel as keyof typeof contacts]++;
  if (!o.onContact) return;
  const t = await channels.stores.targets.load(req.orgId, req.accountId);
  o.onContact({
    at: clock.now().toISOString(),
    accountId: req.accountId,
    debtorId: t?.debtor.id ?? '',
    channel: req.channel,
    country: t?.debtor.country ?? '',
    region: t?.debtor.region ?? null,
    timezone: t?.debtor.timezone ?? '',
    outcome: out.kind,
  });
}

/**
 * The earliest instant (epoch ms) at which a simulation step could have work: a journey to run, a
 * contact to dispatch, an inbound event to (re)process, a sandbox event to fire. Conservative
 * (leases and attempt caps ignored): an early answer only means a step is not skipped.
 */
async function nextDueAt(db: Db, sandboxAt: number | null): Promise<number | null> {
  const r = await db.query<{ at: Date | string | null }>(
    `SELECT least(
       (SELECT min(next_run_at) FROM journeys WHERE next_run_at IS NOT NULL),
       (SELECT min(next_attempt_at) FROM outbox WHERE kind = 'contact' AND status IN ('pending','in_flight')),
       (SELECT min(coalesce(next_attempt_at, received_at)) FROM inbound_events WHERE processed_at IS NULL),
       (SELECT min(coalesce(next_attempt_at, recorded_at)) FROM domain_events WHERE processed_at IS NULL)) AS at`,
  );
  const v = r.rows[0]?.at ?? null;
  const dbAt = v === null ? null : new Date(v).getTime();
  return dbAt === null ? sandboxAt : sandboxAt === null ? dbAt : Math.min(dbAt, sandboxAt);
}
