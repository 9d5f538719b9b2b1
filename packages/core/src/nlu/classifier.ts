import { featurize } from './features.js';
import { softmaxInPlace } from './softmax.js';

/**
 * The serialised intent classifier: a multinomial logistic-regression (softmax) model over sparse
 * word and character n-gram features (`featurize`). It is trained by `trainClassifier` in
 * `@saldo/models` (AdaGrad, L2, input dropout, two seeded runs averaged); core only runs it.
 * See docs/adr/0005-nlu-classifier.md for why not nlp.js.
 */
export interface ClassifierJson {
  kind: 'softmax-ngrams';
  version: 1;
  labels: string[];
  bias: number[];
  /** feature → dense weights per label (pruned: tiny weights dropped). */
  weights: Record<string, number[]>;
}

/**
 * Inference side of the intent classifier: small, deterministic and fast (a few µs per utterance).
 *
 * @example
 * const c = IntentClassifier.fromJSON(trainedJson);
 * c.predict('ya pague ayer')[0].label // → 'already_paid'
 */
export class IntentClassifier {
  private constructor(
    readonly labels: readonly string[],
    private readonly bias: Float64Array,
    private readonly weights: Map<string, Float64Array>,
  ) {}

  /**
   * The classifier for trained weights (the trainer in `@saldo/models` calls it; the arrays are
   * taken, not copied). The trainer prunes and rounds them first, so `fromJSON(toJSON())` of the
   * result predicts exactly the same: a trained, a saved and a cached model are one model.
   */
  static fromWeights(
    labels: readonly string[],
    bias: Float64Array,
    weights: Map<string, Float64Array>,
  ): IntentClassifier {
    return new IntentClassifier(labels, bias, weights);
  }

  static fromJSON(json: ClassifierJson): IntentClassifier {
    const weights = new Map<string, Float64Array>();
    for (const [f, w] of Object.entries(json.weights)) weights.set(f, Float64Array.from(w));
    return new IntentClassifier(json.labels, Float64Array.from(json.bias), weights);
  }

  /** Lossless: training already pruned and rounded the weights (`fromJSON(toJSON())` predicts the same). */
  toJSON(): ClassifierJson {
    const weights: Record<string, number[]> = {};
    for (const [f, w] of this.weights) weights[f] = Array.from(w);
    return {
      kind: 'softmax-ngrams',
      version: 1,
      labels: [...this.labels],
      bias: Array.from(this.bias),
      weights,
    };
  }

  /** Labels with probabilities, best first. */
  predict(text: string): Array<{ label: string; p: number }> {
    const K = this.labels.length;
    const z = Float64Array.from(this.bias);
    for (const [f, v] of featurize(text)) {
      const w = this.weights.get(f);
      if (w) for (let k = 0; k < K; k++) z[k] = (z[k] as number) + (w[k] as number) * v;
    }
    softmaxInPlace(z);
    return this.labels.map((label, k) => ({ label, p: z[k] as number })).sort((a, b) => b.p - a.p);
  }
}
