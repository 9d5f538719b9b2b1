// @saldo/core/nlu — understanding debtor replies (intents and entities, es/en). Pure: no I/O, no clock.
// The runtime only: training, evaluation and the corpus are in @saldo/models.
export * from './intents.js';
export * from './schema.js';
export { foldText, canonicalTokens, tokenize, foldAccents } from './normalize.js';
export { detectLanguage, type LanguageGuess } from './language.js';
export { variantFor, localPesoCurrency, defaultZone } from './locale.js';
export { localNow, type CivilDate, type LocalNow } from './civil.js';
export { parseNumeral, readNumber } from './numbers.js';
export { extractAmount } from './amount.js';
export { extractDate } from './date.js';
export { extractInstallments } from './installments.js';
export { extractChannel } from './channel.js';
export { extractTimeOfDay } from './time-of-day.js';
export { ruleIntents, carrierKeywords, type RuleHit } from './rules.js';
export { featurize } from './features.js';
export { softmaxInPlace } from './softmax.js';
export { IntentClassifier, type ClassifierJson } from './classifier.js';
export { NluModel, type NluModelJson } from './model.js';
export {
  parse,
  extractEntities,
  minConfidence,
  secondaryThreshold,
  type ParseOptions,
  type NluResult,
} from './parse.js';
