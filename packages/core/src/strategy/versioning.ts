import { SaldoError } from '../errors/index.js';
import type { StrategyDefinition } from './definition.js';
import type { JourneyState } from './journey.js';

/**
 * Publishing an edited strategy creates a new version (versions are immutable); for journeys
 * already running, the strategist chooses:
 *
 * - `finish_on_old`: the journey stays on the version it started on, to the end. The runner keeps
 *   old versions loadable for as long as a journey points at them.
 * - `move`: the journey continues on the new version **at the same node id** in the **same segment
 *   id** (it is not re-segmented, which would restart it and repeat contacts). Counters, arms,
 *   promises and opt-outs are kept; a pending `wakeAt` is kept as computed (a changed timeout
 *   applies from the next time the node is entered).
 *
 * Safe fallback: when the segment or the node no longer exists in the new version, the journey
 * **stays on the old version** (`outcome: 'kept_on_old'`, with a reason), rather than restarting
 * at the new entry (would repeat contacts) or exiting (would silently drop a debtor from
 * treatment). When the node still exists but changed kind, the journey moves and becomes `active`
 * so the next tick runs the new node (a waiting state on a node that no longer waits would
 * otherwise never resume). Finished journeys (`done`/`exited`) never move.
 */

/** The two modes above, as the strategist chooses them when publishing a version. */
export const migrationModes = ['move', 'finish_on_old'] as const;
export type MigrationMode = (typeof migrationModes)[number];

export type MigrationOutcome = 'moved' | 'kept_on_old' | 'finished';

export interface MigrationResult {
  state: JourneyState;
  outcome: MigrationOutcome;
  /** Why the journey did not move (when it did not). */
  reason?: 'finish_on_old' | 'segment_removed' | 'node_removed' | 'journey_finished';
}

/**
 * Moves a journey to a newer version of its strategy, or keeps it on the old one.
 *
 * @example
 * const { state, outcome } = migrateJourney(journey, v1, v2, 'move');
 * if (outcome === 'moved') await repo.save(state); // state.strategyVersion === 2
 */
export function migrateJourney(
  state: JourneyState,
  fromDef: StrategyDefinition,
  toDef: StrategyDefinition,
  mode: MigrationMode,
): MigrationResult {
  if (state.strategyId !== fromDef.id || state.strategyVersion !== fromDef.version) {
    throw new SaldoError(
      'conflict',
      `journey is on ${state.strategyId}@${state.strategyVersion}, not ${fromDef.id}@${fromDef.version}`,
    );
  }
  if (toDef.id !== fromDef.id || toDef.version <= fromDef.version) {
    throw new SaldoError(
      'conflict',
      `cannot migrate from ${fromDef.id}@${fromDef.version} to ${toDef.id}@${toDef.version}: expected a newer version of the same strategy`,
    );
  }
  if (state.status === 'done' || state.status === 'exited')
    return { state, outcome: 'finished', reason: 'journey_finished' };
  if (mode === 'finish_on_old') return { state, outcome: 'kept_on_old', reason: 'finish_on_old' };

  const segment = toDef.segments.find((s) => s.id === state.segmentId);
  if (segment === undefined) return { state, outcome: 'kept_on_old', reason: 'segment_removed' };
  const nodes = segment.journey.nodes;
  const newNode = Object.hasOwn(nodes, state.nodeId) ? nodes[state.nodeId] : undefined;
  if (newNode === undefined) return { state, outcome: 'kept_on_old', reason: 'node_removed' };

  const oldNode = fromDef.segments.find((s) => s.id === state.segmentId)?.journey.nodes[state.nodeId];
  const sameKind = oldNode?.kind === newNode.kind;
  const moved: JourneyState = {
    ...state,
    strategyVersion: toDef.version,
    ...(sameKind ? {} : { status: 'active' as const, wakeAt: state.wakeAt ?? state.nodeEnteredAt }),
  };
  return { state: moved, outcome: 'moved' };
}
