import { IntentClassifier, type ClassifierJson } from './classifier.js';

/** The serialised NLU model: what `saldo nlu train --out model.json` writes. */
export interface NluModelJson {
  kind: 'saldo-nlu';
  version: 1;
  /** Every intent label the model can answer (built-in ones plus organisation additions). */
  intents: string[];
  examples: number;
  classifier: ClassifierJson;
}

/**
 * A trained model: the classifier plus the label set. Rules and extractors need no training. Models
 * are trained by `train` in `@saldo/models` (corpus, trainer and evaluation live there) and loaded here.
 */
export class NluModel {
  private constructor(
    readonly classifier: IntentClassifier,
    readonly examples: number,
  ) {}

  get intents(): readonly string[] {
    return this.classifier.labels;
  }

  /** A model around a freshly trained classifier (`train` in `@saldo/models`). */
  static fromClassifier(classifier: IntentClassifier, examples: number): NluModel {
    return new NluModel(classifier, examples);
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
}
