import { SaldoError } from '@saldo/core';
import {
  checkStrategy,
  defaultStrategy,
  defaultTemplateRefs,
  migrateJourney,
  type MigrationMode,
  type StrategyDefinition,
  type Violation,
} from '@saldo/core/strategy';
import type { Clock } from '../../../shared/clock/clock.js';
import type { JourneyStore, StrategyStore } from '../ports.js';

export interface StrategyVersionsDeps {
  strategies: StrategyStore;
  journeys: JourneyStore;
  clock: Clock;
}

/** Accounts read per page when moving running journeys to a new version. */
const MIGRATION_PAGE = 500;

const invalid = (violations: Violation[]) =>
  new SaldoError(
    'validation',
    `the strategy has ${violations.length} problem(s)`,
    violations.map((v) => ({ path: v.path, message: `${v.code}: ${v.message}` })),
  );

/**
 * A strategy's versions: validate, save drafts, publish. Publishing an edit creates a new immutable
 * version; running journeys move to it (same node id) or finish on their version, as the strategist
 * chooses (`migrateJourney`).
 */
export function createStrategyVersions(deps: StrategyVersionsDeps) {
  const { strategies, clock } = deps;

  const validate = (input: unknown) => {
    const r = checkStrategy(input, { templates: defaultTemplateRefs });
    return r.ok
      ? { ok: true as const, definition: r.definition, violations: [] as Violation[] }
      : { ok: false as const, violations: r.violations };
  };

  const hasDraft = async (orgId: string, id: string) =>
    (await strategies.versions(orgId, id)).some((x) => x.status === 'draft');

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
    const migration = await migrateRunning(deps, orgId, definition, o.mode);
    return {
      id: strategyId,
      version: definition.version,
      status: 'published' as const,
      mode: o.mode,
      migration,
    };
  }

  return {
    validate,
    create,
    publish,
    /** The latest published version; not_found when there is none. */
    async published(orgId: string, strategyId: string): Promise<StrategyDefinition> {
      const d = await strategies.latestPublished(orgId, strategyId);
      if (!d) throw new SaldoError('not_found', `strategy ${strategyId} has no published version`);
      return d;
    },
    /** The shipped default strategy, published as v1 for the organisation if it is not there yet. */
    async ensureDefault(orgId: string): Promise<StrategyDefinition> {
      const d = await strategies.latestPublished(orgId, defaultStrategy.id);
      if (d) return d;
      await strategies.publish(orgId, defaultStrategy, null, clock.now());
      return defaultStrategy;
    },
  };
}
export type StrategyVersions = ReturnType<typeof createStrategyVersions>;

/** Moves running journeys of older versions to `to` (mode `move`); returns counts per outcome. */
async function migrateRunning(
  { strategies, journeys, clock }: StrategyVersionsDeps,
  orgId: string,
  to: StrategyDefinition,
  mode: MigrationMode,
) {
  const counts = { moved: 0, kept_on_old: 0, finished: 0 };
  if (mode === 'finish_on_old') return counts;
  for (let v = 1; v < to.version; v++) {
    const from = (await strategies.get(orgId, to.id, v))?.definition;
    if (!from) continue;
    let after: string | null = null;
    for (;;) {
      const page = await journeys.runningOnVersion(orgId, to.id, v, after, MIGRATION_PAGE);
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
      if (page.length < MIGRATION_PAGE) break;
      after = page[page.length - 1]!;
    }
  }
  await journeys.retargetPending(orgId, to.id, to.version);
  return counts;
}
