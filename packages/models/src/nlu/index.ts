// @saldo/models/nlu — training and evaluation of the NLU model whose runtime is @saldo/core/nlu. Pure:
// reading the corpus from disk is @saldo/models/nlu-corpus.
export { train } from './train.js';
export { trainClassifier, type TrainOptions, type Labelled } from './train-classifier.js';
export { parseExamples } from './parse-examples.js';
export { evaluate, type EvalItem, type EvalReport, type IntentScore, type EntityScore } from './eval.js';
export {
  crossValidate,
  holdoutValidate,
  sourceOf,
  type CrossValidationOptions,
  type CrossValidationReport,
  type CrossValidationMiss,
  type HoldoutReport,
  type HoldoutGroupScore,
} from './cv.js';
