import { SaldoError } from '@saldo/core';
import {
  checkStrategy,
  defaultStrategy,
  defaultTemplateRefs,
  matchSegment,
  migrateJourney,
  startJourney,
  transition,
  type JourneyCommand,
  type MigrationMode,
  type StrategyDefinition,
  type Violation,
} from '@saldo/core/strategy';
import type { Clock } from '../../../shared/clock/clock.js';
import type { ContactChannel } from '../../channels/index.js';
import type { EnrolFilter, JourneyStore, StrategyStore } from '../ports.js';

/** A dry-run compliance check of one contact at an instant (no send, nothing recorded). */
export type ComplianceProbe = (q: {
  orgId: string;
  accountId: string;
  channel: ContactChannel;
  templateId: string;
  at: Date;
}) => Promise<{
  allowed: boolean;
  reasons: Array<{ rule: string; message: string }>;
  nextAllowedAt: string | null;
}>;

export interface StrategiesDeps {
  strategies: StrategyStore;
  journeys: JourneyStore;
  clock: Clock;
  probe?: ComplianceProbe;
}

const invalid = (violations: Violation[]) =>
  new SaldoError(
    'validation',
    `the strategy has ${violations.length} problem(s)`,
    violations.map((v) => ({ path: v.path, message: `${v.code}: ${v.message}` })),
  );
const contactChannel = (c: JourneyCommand): ContactChannel | null =>
  c.type === 'call' ? 'voicebot' : c.type === 'send' ? c.channel : null;

/**
 * Strategies (create, validate, publish, versions), enrolment and the journey of an account.
 * Publishing an edit creates a new immutable version; running journeys move to it (same node id)
 * or finish on their version, as the strategist chooses (`migrateJourney`).
 */
export function createStrategies(deps: StrategiesDeps) {
  const { strategies, journeys, clock } = deps;

  const validate = (input: unknown) => {
    const r = checkStrategy(input, { templates: defaultTemplateRefs });
    return r.ok
      ? { ok: true as const, definition: r.definition, violations: [] as Violation[] }
      : { ok: false as const, violations: r.violations };
  };

  async function published(orgId: string, strategyId: string): Promise<StrategyDefinition> {
    const d = await strategies.latestPublished(orgId, strategyId);
    if (!d) throw new SaldoError('not_found', `strategy ${strategyId} has no published version`);
    return d;
  }

  /** Saves the input as the next version's draft (its `version` field is assigned here). */
  async function create(orgId: string, input: unknown) {
    const v = validate(input);
    if (!v.ok) throw invalid(v.violations);
    const version =
      (await strategies.maxVersion(orgId, v.definition.id)) +
      ((await hasDraft(orgId, v.definition.id)) ? 0 : 1);
    const definition = { ...v.definition, version };
    await strategies.saveDraft(orgId, definition, clock.now());
    return { id: definition.id, version, status: 'draft' as const };
  }

  async function hasDraft(orgId: string, id: string) {
    return (await strategies.versions(orgId, id)).some((x) => x.status === 'draft');
  }

  /** Moves running journeys of older versions to `to` (mode `move`); returns counts per outcome. */
  async function migrateRunning(orgId: string, to: StrategyDefinition, mode: MigrationMode) {
    const counts = { moved: 0, kept_on_old: 0, finished: 0 };
    if (mode === 'finish_on_old') return counts;
    for (let v = 1; v < to.version; v++) {
      const from = (await strategies.get(orgId, to.id, v))?.definition;
      if (!from) continue;
      let after: string | null = null;
      for (;;) {
        const page = await journeys.runningOnVersion(orgId, to.id, v, after, 500);
        for (const accountId of page) {
          await journeys.apply(orgId, accountId, clock.now(), null, 'migrate', (j) => {
            if (j.state === null) {
              counts.moved++; // not started yet: it simply starts on the new version
              return null;
            }
            const r = migrateJourney(j.state, from, to, mode);
            counts[r.outcome]++;
            return r.outcome === 'moved' ? { state: r.state, commands: [] } : null;
          });
        }
        if (page.length < 500) break;
        after = page[page.length - 1]!;
      }
    }
    await journeys.retargetPending(orgId, to.id, to.version);
    return counts;
  }

  /** Publishes the draft (or `input`, saved first as the next version). */
  async function publish(orgId: string, strategyId: string, o: { mode: MigrationMode; input?: unknown }) {
    if (o.input !== undefined) {
      const c = await create(orgId, o.input);
      if (c.id !== strategyId)
        throw new SaldoError('validation', `the body is strategy ${c.id}, not ${strategyId}`);
    }
    const draft = (await strategies.versions(orgId, strategyId)).find((x) => x.status === 'draft');
    if (!draft) throw new SaldoError('conflict', `strategy ${strategyId} has no draft to publish`);
    const definition = (await strategies.get(orgId, strategyId, draft.version))!.definition;
    const v = validate(definition);
    if (!v.ok) throw invalid(v.violations);
    await strategies.publish(orgId, definition, o.mode, clock.now());
    const migration = await migrateRunning(orgId, definition, o.mode);
    return {
      id: strategyId,
      version: definition.version,
      status: 'published' as const,
      mode: o.mode,
      migration,
    };
  }

  /** The shipped default strategy, published as v1 for the organisation if it is not there yet. */
  async function ensureDefault(orgId: string): Promise<StrategyDefinition> {
    const d = await strategies.latestPublished(orgId, defaultStrategy.id);
    if (d) return d;
    await strategies.publish(orgId, defaultStrategy, null, clock.now());
    return defaultStrategy;
  }

  async function enrol(orgId: string, o: EnrolFilter & { strategyId?: string }) {
    const d = o.strategyId ? await published(orgId, o.strategyId) : await ensureDefault(orgId);
    const { strategyId: _s, ...filter } = o;
    const enrolled = await journeys.enrol(orgId, { id: d.id, version: d.version }, filter, clock.now());
    return { strategyId: d.id, version: d.version, enrolled };
  }

  async function journey(orgId: string, accountId: string) {
    const j = await journeys.get(orgId, accountId, clock.now());
    if (!j) throw new SaldoError('not_found', `account ${accountId} is not enrolled`);
    return {
      accountId,
      strategyId: j.strategyId,
      version: j.state?.strategyVersion ?? j.version,
      status: j.status,
      nextRunAt: j.nextRunAt,
      state: j.state,
    };
  }

  /** What would happen to this account now, and why: segment, node, commands, compliance decisions. */
  async function preview(orgId: string, accountId: string, strategyId?: string) {
    const now = clock.now();
    const j = await journeys.get(orgId, accountId, now);
    const f = j ?? (await journeys.facts(orgId, accountId, now));
    if (!f) throw new SaldoError('not_found', `account ${accountId} not found`);
    const definition =
      j && !strategyId
        ? (await strategies.get(orgId, j.strategyId, j.state?.strategyVersion ?? j.version))!.definition
        : strategyId
          ? await published(orgId, strategyId)
          : await ensureDefault(orgId);
    const ctx = { definition, account: f.facts, timezone: f.timezone };
    const segment = matchSegment(definition, f.facts);
    const running = j?.state && j.state.strategyId === definition.id ? j.state : null;
    const r = running
      ? transition(running, { type: 'tick' }, now, ctx)
      : startJourney(ctx, now, { attempts: j?.state?.attempts ?? j?.carryAttempts ?? {} });
    const contacts = [];
    for (const c of r?.commands ?? []) {
      const channel = contactChannel(c);
      if (channel === null || (c.type !== 'send' && c.type !== 'call')) continue;
      const decision = deps.probe
        ? await deps.probe({ orgId, accountId, channel, templateId: c.templateId, at: now })
        : null;
      contacts.push({
        channel,
        templateId: c.templateId,
        nodeId: c.nodeId,
        idempotencyKey: c.idempotencyKey,
        compliance: decision,
      });
    }
    return {
      accountId,
      at: now.toISOString(),
      strategy: { id: definition.id, version: definition.version },
      facts: f.facts,
      timezone: f.timezone,
      enrolled: j !== null,
      segment: running ? running.segmentId : (segment?.id ?? null),
      node: running ? running.nodeId : (segment?.journey.entry ?? null),
      due: running
        ? running.status === 'active' ||
          (running.wakeAt !== null && Date.parse(running.wakeAt) <= now.getTime())
        : true,
      result: r
        ? {
            status: r.state.status,
            nodeId: r.state.nodeId,
            wakeAt: r.state.wakeAt,
            exitReason: r.state.exitReason ?? null,
            path: r.state.history.slice(-r.steps).map((h) => h.nodeId),
          }
        : null,
      commands: r?.commands ?? [],
      contacts,
    };
  }

  return {
    validate,
    create,
    publish,
    ensureDefault,
    enrol,
    journey,
    preview,
    list: (orgId: string) => strategies.list(orgId),
    versions: async (orgId: string, id: string) => {
      const v = await strategies.versions(orgId, id);
      if (v.length === 0) throw new SaldoError('not_found', `strategy ${id} not found`);
      return v;
    },
    async get(orgId: string, id: string, version: number) {
      const v = await strategies.get(orgId, id, version);
      if (!v) throw new SaldoError('not_found', `strategy ${id}@${version} not found`);
      return { ...v.definition, status: v.status };
    },
    unenrol: async (orgId: string, accountIds: string[]) => ({
      unenrolled: await journeys.unenrol(orgId, accountIds, clock.now()),
    }),
  };
}
export type Strategies = ReturnType<typeof createStrategies>;
