import { SaldoError } from '@saldo/core';
import {
  matchSegment,
  startJourney,
  transition,
  type JourneyCommand,
  type JourneyState,
  type StrategyDefinition,
  type TransitionResult,
} from '@saldo/core/strategy';
import type { Clock } from '../../../shared/clock/clock.js';
import type { ContactChannel } from '../../channels/index.js';
import type { JourneyStore, LoadedJourney, StrategyStore } from '../ports.js';
import type { StrategyVersions } from './strategy-versions.js';

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

export interface StrategyPreviewDeps {
  strategies: StrategyStore;
  journeys: JourneyStore;
  clock: Clock;
  versions: Pick<StrategyVersions, 'published' | 'ensureDefault'>;
  probe?: ComplianceProbe;
}

const contactChannel = (c: JourneyCommand): ContactChannel | null =>
  c.type === 'call' ? 'voicebot' : c.type === 'send' ? c.channel : null;

/** What would happen to an account now, and why: segment, node, commands, compliance decisions. */
export function createStrategyPreview(deps: StrategyPreviewDeps) {
  const { journeys, clock } = deps;

  /** The journey's own version when enrolled and no strategy is named; else the named or default one. */
  async function definitionFor(orgId: string, j: LoadedJourney | null, strategyId?: string) {
    if (j && !strategyId)
      return (await deps.strategies.get(orgId, j.strategyId, j.state?.strategyVersion ?? j.version))!
        .definition;
    return strategyId ? deps.versions.published(orgId, strategyId) : deps.versions.ensureDefault(orgId);
  }

  /** Each contact command with the compliance decision for it at `now` (null without a probe). */
  async function probeContacts(orgId: string, accountId: string, commands: JourneyCommand[], now: Date) {
    const contacts = [];
    for (const c of commands) {
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
    return contacts;
  }

  return async function preview(orgId: string, accountId: string, strategyId?: string) {
    const now = clock.now();
    const j = await journeys.get(orgId, accountId, now);
    const f = j ?? (await journeys.facts(orgId, accountId, now));
    if (!f) throw new SaldoError('not_found', `account ${accountId} not found`);
    const definition = await definitionFor(orgId, j, strategyId);
    const ctx = { definition, account: f.facts, timezone: f.timezone };
    const running = j?.state && j.state.strategyId === definition.id ? j.state : null;
    const r = running
      ? transition(running, { type: 'tick' }, now, ctx)
      : startJourney(ctx, now, { attempts: j?.state?.attempts ?? j?.carryAttempts ?? {} });
    return {
      accountId,
      at: now.toISOString(),
      strategy: { id: definition.id, version: definition.version },
      facts: f.facts,
      timezone: f.timezone,
      enrolled: j !== null,
      ...position(definition, f.facts, running, now),
      result: r ? describeResult(r) : null,
      commands: r?.commands ?? [],
      contacts: await probeContacts(orgId, accountId, r?.commands ?? [], now),
    };
  };
}

/** Where the account stands: its running journey's segment and node, else where it would enter. */
function position(
  definition: StrategyDefinition,
  facts: LoadedJourney['facts'],
  running: JourneyState | null,
  now: Date,
) {
  const segment = matchSegment(definition, facts);
  return {
    segment: running ? running.segmentId : (segment?.id ?? null),
    node: running ? running.nodeId : (segment?.journey.entry ?? null),
    due: running
      ? running.status === 'active' ||
        (running.wakeAt !== null && Date.parse(running.wakeAt) <= now.getTime())
      : true,
  };
}

function describeResult(r: TransitionResult) {
  return {
    status: r.state.status,
    nodeId: r.state.nodeId,
    wakeAt: r.state.wakeAt,
    exitReason: r.state.exitReason ?? null,
    path: r.state.history.slice(-r.steps).map((h) => h.nodeId),
  };
}
