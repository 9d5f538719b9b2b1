// @saldo/core/strategy — strategies as versioned data and the pure engine that runs them.
// See docs/strategies.md. Only re-exports live here.
export * from './definition.js';
export * from './journey.js';
export { bucketOf, matchSegment, evaluateCondition, allHold, type JourneyFacts } from './segment.js';
export { assignArm, splitPoint, stableHash32 } from './split.js';
export { addDuration, nextWindowStart, toDuration, isPositiveDuration, isValidZone } from './time.js';
export {
  getConstraintViolations,
  checkStrategy,
  successors,
  violationCodes,
  type Violation,
  type ViolationCode,
  type TemplateRef,
  type ValidateOptions,
} from './validate.js';
export {
  transition,
  startJourney,
  listens,
  MAX_STEPS,
  type TransitionContext,
  type TransitionResult,
} from './transition.js';
export { nonCollectibleStatuses, hardStopIntents, softEscalationIntents } from './global-rules.js';
export {
  migrateJourney,
  migrationModes,
  type MigrationMode,
  type MigrationOutcome,
  type MigrationResult,
} from './versioning.js';
export { defaultStrategy, defaultTemplateRefs, defaultTemplateIds } from './default-strategy.js';
export { strategyTemplatePurposes } from './template-purposes.js';
