import { parse, type NluExample } from '@saldo/core/nlu';
import { evaluate, type EvalItem, type EvalReport } from './eval.js';
import { train } from './train.js';
import type { TrainOptions } from './train-classifier.js';

export interface CrossValidationOptions {
  /** Number of folds (default 5). */
  k?: number;
  /** Seed of the fold assignment (default 7); training keeps its own seed. */
  seed?: number;
  train?: TrainOptions;
  /** Reference time for examples without `now` (default 2026-11-24T10:00:00). */
  now?: string;
}

export interface CrossValidationMiss {
  id?: string;
  text: string;
  gold: string;
  predicted: string;
  confidence: number;
  fold: number;
}

export interface CrossValidationReport extends EvalReport {
  k: number;
  /** Accuracy of each fold, in fold order. */
  foldAccuracy: number[];
  /** Every misclassified training utterance (train split only: safe to read and act on). */
  misses: CrossValidationMiss[];
}

/**
 * Stratified k-fold cross-validation of the whole pipeline (rules + classifier + decision +
 * entities) on labelled examples: each fold is parsed by a model trained on the other folds.
 * Deterministic. Use it on the train split to make design decisions; the test split is for the
 * final figure only.
 *
 * @example
 * crossValidate(trainExamples, { k: 5 }).accuracy // → 0.95…
 */
export function crossValidate(
  examples: readonly NluExample[],
  opts: CrossValidationOptions = {},
): CrossValidationReport {
  const k = opts.k ?? 5;
  if (k < 2) throw new Error('crossValidate: k must be ≥ 2');
  const now = opts.now ?? '2026-11-24T10:00:00';
  // Stratified assignment: shuffle each intent's examples with a seeded LCG, deal them round-robin.
  let state = (opts.seed ?? 7) >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const fold = new Int32Array(examples.length);
  const byIntent = new Map<string, number[]>();
  examples.forEach((e, i) => {
    const list = byIntent.get(e.intent) ?? [];
    list.push(i);
    byIntent.set(e.intent, list);
  });
  let offset = 0;
  for (const intent of [...byIntent.keys()].sort()) {
    const idx = byIntent.get(intent) as number[];
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
    }
    idx.forEach((ex, n) => (fold[ex] = (n + offset) % k));
    offset += idx.length;
  }
  const items: EvalItem[] = [];
  const misses: CrossValidationMiss[] = [];
  const foldAccuracy: number[] = [];
  for (let f = 0; f < k; f++) {
    const model = train(
      examples.filter((_, i) => fold[i] !== f),
      opts.train,
    );
    let n = 0;
    let ok = 0;
    examples.forEach((ex, i) => {
      if (fold[i] !== f) return;
      const r = parse(ex.text, { model, lang: ex.lang, now: ex.now ?? now, timezone: ex.timezone });
      items.push({
        gold: ex.intent,
        predicted: r.intent,
        goldSecondary: ex.secondary,
        predictedSecondary: r.secondary,
        goldEntities: ex.entities ?? {},
        predictedEntities: r.entities,
      });
      n++;
      if (r.intent === ex.intent) ok++;
      else
        misses.push({
          id: ex.id,
          text: ex.text,
          gold: ex.intent,
          predicted: r.intent,
          confidence: r.confidence,
          fold: f,
        });
    });
    foldAccuracy.push(n === 0 ? 1 : ok / n);
  }
  return { ...evaluate(items), k, foldAccuracy, misses };
}

export interface HoldoutGroupScore {
  group: string;
  n: number;
  accuracy: number;
}

export interface HoldoutReport extends EvalReport {
  /** Accuracy on each held-out group, in group-name order. */
  groups: HoldoutGroupScore[];
  misses: CrossValidationMiss[];
}

/** Source of an example from its id prefix: `mx-0001` → `mx`, `y2es-0001` → `y2es`. */
export const sourceOf = (e: Pick<NluExample, 'id'>): string | undefined => e.id?.replace(/-\d+$/, '');

/**
 * Leave-one-group-out validation: for each group (a regional variant, a source file…) a model
 * trained on every other group parses the held-out one. Harder than k-fold CV on homogeneous data:
 * it measures how the model transfers to a variant or a writer it has never seen. Examples
 * without a group are always in training. `--misses` in the CLI lists the errors (train split only).
 *
 * @example
 * holdoutValidate(trainExamples, (e) => e.variant).groups // → [{ group: 'AR', n: 353, accuracy: 0.97 }, …]
 */
export function holdoutValidate(
  examples: readonly NluExample[],
  groupOf: (e: NluExample) => string | undefined,
  opts: Pick<CrossValidationOptions, 'train' | 'now'> = {},
): HoldoutReport {
  const now = opts.now ?? '2026-11-24T10:00:00';
  const groupNames = [...new Set(examples.map(groupOf).filter((g): g is string => g !== undefined))].sort();
  if (groupNames.length < 2) throw new Error('holdoutValidate: need at least two groups');
  const items: EvalItem[] = [];
  const misses: CrossValidationMiss[] = [];
  const groups: HoldoutGroupScore[] = [];
  groupNames.forEach((group, g) => {
    const model = train(
      examples.filter((e) => groupOf(e) !== group),
      opts.train,
    );
    let n = 0;
    let ok = 0;
    for (const ex of examples) {
      if (groupOf(ex) !== group) continue;
      const r = parse(ex.text, { model, lang: ex.lang, now: ex.now ?? now, timezone: ex.timezone });
      items.push({
        gold: ex.intent,
        predicted: r.intent,
        goldSecondary: ex.secondary,
        predictedSecondary: r.secondary,
        goldEntities: ex.entities ?? {},
        predictedEntities: r.entities,
      });
      n++;
      if (r.intent === ex.intent) ok++;
      else
        misses.push({
          id: ex.id,
          text: ex.text,
          gold: ex.intent,
          predicted: r.intent,
          confidence: r.confidence,
          fold: g,
        });
    }
    groups.push({ group, n, accuracy: n === 0 ? 1 : ok / n });
  });
  return { ...evaluate(items), groups, misses };
}
