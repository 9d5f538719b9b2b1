import { NluModel, type NluExample } from '@saldo/core/nlu';
import { trainClassifier, type TrainOptions } from './train-classifier.js';

/**
 * Trains a model from labelled examples (the corpus train split plus any organisation examples).
 * Deterministic: the same examples give the same model.
 *
 * @example
 * const model = train([{ text: 'te pago el viernes', intent: 'promise_to_pay' }, { text: 'STOP', intent: 'stop_contact' }]);
 * JSON.stringify(model) // → '{"kind":"saldo-nlu",…}'
 */
export function train(
  examples: readonly Pick<NluExample, 'text' | 'intent'>[],
  opts: TrainOptions = {},
): NluModel {
  const data = examples.filter((e) => e.text.trim() !== '').map((e) => ({ text: e.text, label: e.intent }));
  if (data.length === 0) throw new Error('train: no examples');
  return NluModel.fromClassifier(trainClassifier(data, opts), data.length);
}
