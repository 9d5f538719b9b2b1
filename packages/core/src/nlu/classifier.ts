import { featurize } from './features.js';

/**
 * A multinomial logistic-regression (softmax) intent classifier over sparse word and character
 * n-gram features, trained with AdaGrad and L2. Small, deterministic, serialisable to JSON and
 * fast (a few µs per utterance). See docs/adr/0005-nlu-classifier.md for why not nlp.js.
 */
export interface ClassifierJson {
  kind: 'softmax-ngrams';
  version: 1;
  labels: string[];
  bias: number[];
  /** feature → dense weights per label (pruned: tiny weights dropped). */
  weights: Record<string, number[]>;
}

export interface TrainOptions {
  /** Passes over the examples (default 12: as accurate as 20 on held-out data, 40 % faster). */
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  /**
   * Labels whose gradient on an example is at most this (|p − y|) are not updated for it (default
   * 1e-3; 0 updates every label). Same held-out accuracy (±0.1 point over 3 seeds), ~25 % faster training.
   */
  minGradient?: number;
}

export interface Labelled {
  text: string;
  label: string;
}

/** A small deterministic PRNG (mulberry32) so training is reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    z[i] = Math.exp((z[i] as number) - max);
    sum += z[i] as number;
  }
  for (let i = 0; i < z.length; i++) z[i] = (z[i] as number) / sum;
}

export class IntentClassifier {
  private constructor(
    readonly labels: readonly string[],
    private readonly bias: Float64Array,
    private readonly weights: Map<string, Float64Array>,
  ) {}

  /**
   * @example
   * const c = IntentClassifier.train([{ text: 'ya pagué', label: 'already_paid' }, { text: 'STOP', label: 'stop_contact' }]);
   * c.predict('ya pague ayer')[0].label // → 'already_paid'
   */
  static train(examples: readonly Labelled[], opts: TrainOptions = {}): IntentClassifier {
    const { epochs = 12, learningRate = 0.2, l2 = 1e-5, seed = 42, minGradient = 1e-3 } = opts;
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const K = labels.length;
    const index = new Map(labels.map((l, i) => [l, i]));
    // Dense feature ids and flat weight/accumulator arrays: ~5x faster than a Map per feature.
    const vocab = new Map<string, number>();
    const data = examples.map((e) => {
      const fs = [...featurize(e.text)];
      const ids = new Int32Array(fs.length);
      const vals = new Float64Array(fs.length);
      fs.forEach(([f, v], i) => {
        let id = vocab.get(f);
        if (id === undefined) vocab.set(f, (id = vocab.size));
        ids[i] = id;
        vals[i] = v;
      });
      return { ids, vals, y: index.get(e.label) as number };
    });
    const W = new Float64Array(vocab.size * K);
    const G = new Float64Array(vocab.size * K).fill(1e-8);
    const bias = new Float64Array(K);
    const bg2 = new Float64Array(K).fill(1e-8);
    const random = rng(seed);
    const order = data.map((_, i) => i);
    const z = new Float64Array(K);
    const active = new Int32Array(K);
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      for (const idx of order) {
        const { ids, vals, y } = data[idx] as (typeof data)[number];
        z.set(bias);
        for (let n = 0; n < ids.length; n++) {
          const base = (ids[n] as number) * K;
          const v = vals[n] as number;
          for (let k = 0; k < K; k++) z[k] = (z[k] as number) + (W[base + k] as number) * v;
        }
        softmaxInPlace(z);
        z[y] = (z[y] as number) - 1; // z is now the gradient of the loss w.r.t. the scores
        for (let k = 0; k < K; k++) {
          const g = z[k] as number;
          bg2[k] = (bg2[k] as number) + g * g;
          bias[k] = (bias[k] as number) - (learningRate * g) / Math.sqrt(bg2[k] as number);
        }
        // Only labels with a non-negligible gradient are updated: once the model fits an example most of
        // the 20 probabilities are ~0 and their AdaGrad steps (a sqrt per feature and label) are wasted.
        let na = 0;
        for (let k = 0; k < K; k++) if (minGradient === 0 || Math.abs(z[k] as number) > minGradient) active[na++] = k;
        for (let n = 0; n < ids.length; n++) {
          const base = (ids[n] as number) * K;
          const v = vals[n] as number;
          for (let a = 0; a < na; a++) {
            const i = base + (active[a] as number);
            const w = W[i] as number;
            const g = (z[active[a] as number] as number) * v + l2 * w;
            const acc = (G[i] as number) + g * g;
            G[i] = acc;
            W[i] = w - (learningRate * g) / Math.sqrt(acc);
          }
        }
      }
    }
    const weights = new Map<string, Float64Array>();
    for (const [f, id] of vocab) weights.set(f, W.slice(id * K, (id + 1) * K));
    return new IntentClassifier(labels, bias, weights);
  }

  static fromJSON(json: ClassifierJson): IntentClassifier {
    const weights = new Map<string, Float64Array>();
    for (const [f, w] of Object.entries(json.weights)) weights.set(f, Float64Array.from(w));
    return new IntentClassifier(json.labels, Float64Array.from(json.bias), weights);
  }

  toJSON(): ClassifierJson {
    const weights: Record<string, number[]> = {};
    for (const [f, w] of this.weights) {
      if (w.some((v) => Math.abs(v) >= 1e-3)) weights[f] = Array.from(w, (v) => Math.round(v * 1e4) / 1e4);
    }
    return { kind: 'softmax-ngrams', version: 1, labels: [...this.labels], bias: Array.from(this.bias, (v) => Math.round(v * 1e4) / 1e4), weights };
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
