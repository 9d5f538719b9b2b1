import { IntentClassifier, type ClassifierJson, type TrainOptions } from './classifier.js';
import type { NluExample } from './schema.js';

/** The serialised NLU model: what `saldo nlu train --out model.json` writes. */
export interface NluModelJson {
  kind: 'saldo-nlu';
  version: 1;
  /** Every intent label the model can answer (built-in ones plus organisation additions). */
  intents: string[];
  examples: number;
  classifier: ClassifierJson;
}

/** A trained model: the classifier plus the label set. Rules and extractors need no training. */
export class NluModel {
  private constructor(
    readonly classifier: IntentClassifier,
    readonly examples: number,
  ) {}

  get intents(): readonly string[] {
    return this.classifier.labels;
  }

  static fromJSON(json: NluModelJson): NluModel {
    if (json.kind !== 'saldo-nlu' || json.version !== 1)
      throw new Error(`unsupported NLU model ${json.kind}@${json.version}`);
    return new NluModel(IntentClassifier.fromJSON(json.classifier), json.examples);
  }

  toJSON(): NluModelJson {
    return {
      kind: 'saldo-nlu',
      version: 1,
      intents: [...this.intents],
      examples: this.examples,
      classifier: this.classifier.toJSON(),
    };
  }

  /** @internal used by `train`. */
  static of(classifier: IntentClassifier, examples: number): NluModel {
    return new NluModel(classifier, examples);
  }
}

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
  return NluModel.of(IntentClassifier.train(data, opts), data.length);
}
