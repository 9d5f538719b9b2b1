import type { AccountFacts, StrategyDefinition, StrategyNode } from './definition.js';
import type { TransitionContext } from './interpreter.js';

/**
 * Small typed builders for the strategy tests (pure; not re-exported from the package).
 *
 * @example
 * const ctx = makeContext(makeStrategy({ a: { kind: 'exit' } }, 'a'), { dpd: 12 });
 */
export function makeFacts(over: Partial<AccountFacts> = {}): AccountFacts {
  return {
    accountId: 'acct_1',
    dpd: 12,
    balanceMinor: 150_00,
    currency: 'MXN',
    country: 'MX',
    status: 'active',
    tags: [],
    ...over,
  };
}

/** A one-segment (catch-all) strategy around the given nodes. */
export function makeStrategy(
  nodes: Record<string, StrategyNode>,
  entry: string,
  over: Partial<StrategyDefinition> = {},
): StrategyDefinition {
  return {
    id: 'stg_test',
    name: 'Test',
    version: 1,
    segments: [{ id: 'all', name: 'All', conditions: [], journey: { entry, nodes } }],
    ...over,
  };
}

export function makeContext(
  definition: StrategyDefinition,
  facts: Partial<AccountFacts> = {},
  timezone = 'America/Mexico_City',
): TransitionContext {
  return { definition, account: makeFacts(facts), timezone };
}
