import { assertUnreachable } from '../errors/index.js';
import type { AccountFacts, Condition, ConditionField, Segment, StrategyDefinition } from './definition.js';
import { bucketOf } from '../record/delinquency.js';

/** The glossary bucket of a days-past-due count (one definition, in the common record). */
export { bucketOf };

/** Facts of the running journey that branches may test (absent outside a journey). */
export interface JourneyFacts {
  lastEvent?: string | undefined;
  lastIntent?: string | undefined;
}

type FactValue = string | number | readonly string[] | undefined;

function factOf(f: ConditionField, account: AccountFacts, journey: JourneyFacts): FactValue {
  switch (f) {
    case 'dpd':
      return account.dpd;
    case 'bucket':
      return bucketOf(account.dpd);
    case 'balanceMinor':
      return account.balanceMinor;
    case 'currency':
      return account.currency;
    case 'product':
      return account.product;
    case 'country':
      return account.country;
    case 'status':
      return account.status;
    case 'tags':
      return account.tags;
    case 'score':
      return account.score ?? undefined;
    case 'lastEvent':
      return journey.lastEvent;
    case 'lastIntent':
      return journey.lastIntent;
    default:
      return assertUnreachable(f, 'condition field');
  }
}

/**
 * Whether one condition holds. A missing fact (no score, no product) never matches, so a segment
 * "score ≥ 600" does not swallow unscored accounts. On `tags`, `eq`/`contains` test membership
 * and `in` means "has any of".
 *
 * @example
 * evaluateCondition({ field: 'dpd', op: 'between', value: [1, 30] }, facts); // true when 1 ≤ dpd ≤ 30
 */
export function evaluateCondition(c: Condition, account: AccountFacts, journey: JourneyFacts = {}): boolean {
  const fact = factOf(c.field, account, journey);
  if (fact === undefined) return false;
  if (Array.isArray(fact)) {
    const tags = fact as readonly string[];
    switch (c.op) {
      case 'eq':
      case 'contains':
        return tags.includes(String(c.value));
      case 'in':
        return c.value.some((v) => tags.includes(String(v)));
      case 'gte':
      case 'lte':
      case 'between':
        return false;
      default:
        return assertUnreachable(c, 'condition');
    }
  }
  const scalar = fact as string | number;
  switch (c.op) {
    case 'eq':
      return scalar === c.value;
    case 'in':
      return c.value.includes(scalar);
    case 'gte':
      return typeof scalar === 'number' && scalar >= c.value;
    case 'lte':
      return typeof scalar === 'number' && scalar <= c.value;
    case 'between':
      return typeof scalar === 'number' && scalar >= c.value[0] && scalar <= c.value[1];
    case 'contains':
      return typeof scalar === 'string' && scalar.includes(c.value);
    default:
      return assertUnreachable(c, 'condition');
  }
}

/**
 * Whether all conditions hold (an empty list always holds).
 *
 * @example
 * allHold([], facts); // true
 */
export function allHold(
  conditions: readonly Condition[],
  account: AccountFacts,
  journey: JourneyFacts = {},
): boolean {
  return conditions.every((c) => evaluateCondition(c, account, journey));
}

/**
 * The first segment whose conditions all hold, or `null` (the account is not enrolled).
 *
 * @example
 * matchSegment(defaultStrategy, { accountId: 'acct_1', dpd: 12, balanceMinor: 100_00, currency: 'MXN', country: 'MX', status: 'active', tags: [] })?.id; // 'early'
 */
export function matchSegment(definition: StrategyDefinition, account: AccountFacts): Segment | null {
  return definition.segments.find((s) => allHold(s.conditions, account)) ?? null;
}
