import { SaldoError } from '@saldo/core';
import type { Clock } from '../../../shared/clock/clock.js';
import type { EnrolFilter, JourneyStore, StrategyStore } from '../ports.js';
import { createStrategyPreview, type ComplianceProbe } from './strategy-preview.js';
import { createStrategyVersions } from './strategy-versions.js';

export type { ComplianceProbe } from './strategy-preview.js';

export interface StrategiesDeps {
  strategies: StrategyStore;
  journeys: JourneyStore;
  clock: Clock;
  probe?: ComplianceProbe;
}

/**
 * Strategies (create, validate, publish, versions), enrolment and the journey of an account.
 * Versions and publication: strategy-versions.ts; the dry run of an account: strategy-preview.ts.
 */
export function createStrategies(deps: StrategiesDeps) {
  const { strategies, journeys, clock } = deps;
  const versions = createStrategyVersions(deps);

  async function enrol(orgId: string, o: EnrolFilter & { strategyId?: string }) {
    const d = o.strategyId
      ? await versions.published(orgId, o.strategyId)
      : await versions.ensureDefault(orgId);
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

  return {
    validate: versions.validate,
    create: versions.create,
    publish: versions.publish,
    ensureDefault: versions.ensureDefault,
    enrol,
    journey,
    preview: createStrategyPreview({ ...deps, versions }),
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
