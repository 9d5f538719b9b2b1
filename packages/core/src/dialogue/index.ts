// @saldo/core/dialogue — the conversation engine: identity check, disclosures, negotiation within the
// offer policy, the paths that stop or hand over, and the replies per locale. Pure: no I/O, no clock.
export * from './types.js';
export { step } from './engine.js';
export { newConversation } from './conversation.js';
export { dobCandidates, last4Candidates } from './identity-answer.js';
export { readTurn, type Reading, type DialogueIntent } from './reading.js';
export { readPromise, type PromiseReading } from './promise-parts.js';
export { handoffSummary, moodOf } from './summary.js';
export { maxIdentityTries } from './verify.js';
export { maxNotUnderstood, maxAbuse } from './conversation-paths.js';
export { alreadyPaidPauseDays, disputePauseDays } from './claims.js';
export * from './replies/index.js';
export * from './rephrase/index.js';
export {
  ReplayInput,
  ReplayAccount,
  ReplayIdentity,
  replayConversation,
  replayContext,
  replayDefaults,
  type ReplayResult,
  type ReplayOptions,
} from './replay.js';
