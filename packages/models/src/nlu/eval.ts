import type { NluEntities } from '@saldo/core/nlu';

/** One gold/predicted pair for evaluation. */
export interface EvalItem {
  gold: string;
  predicted: string;
  /** Gold secondaries, and predicted secondaries (for "opt-out seen anywhere" recall). */
  goldSecondary?: readonly string[];
  predictedSecondary?: readonly string[];
  goldEntities?: NluEntities;
  predictedEntities?: NluEntities;
}

export interface IntentScore {
  intent: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EntityScore {
  /** Items whose gold annotation has this entity. */
  support: number;
  /** Of those, how many were extracted exactly (deep equality). */
  exact: number;
  /** Items where the entity was extracted but the gold has none (false positives). */
  spurious: number;
  accuracy: number;
}

export interface EvalReport {
  n: number;
  accuracy: number;
  macroF1: number;
  perIntent: IntentScore[];
  labels: string[];
  /** confusion[gold][predicted] = count. */
  confusion: Record<string, Record<string, number>>;
  entities: Record<keyof NluEntities & string, EntityScore>;
  /** Recall of `stop_contact` as the primary intent. */
  stopRecall: number;
  /** Recall of gold `stop_contact` (primary or secondary) seen anywhere in the prediction. */
  stopAnywhereRecall: number;
}

const entityKeys = ['amount', 'date', 'installments', 'channel', 'timeOfDay'] as const;

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a as object)
    .filter((k) => (a as Record<string, unknown>)[k] !== undefined)
    .sort();
  const kb = Object.keys(b as object)
    .filter((k) => (b as Record<string, unknown>)[k] !== undefined)
    .sort();
  return (
    ka.length === kb.length &&
    ka.every(
      (k, i) => k === kb[i] && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/**
 * Accuracy, macro-F1, per-intent precision/recall, confusion matrix and entity exact match.
 *
 * @example
 * evaluate([{ gold: 'affirm', predicted: 'affirm' }]).accuracy // → 1
 */
export function evaluate(items: readonly EvalItem[]): EvalReport {
  const labels = [...new Set(items.flatMap((i) => [i.gold, i.predicted]))].sort();
  const confusion: Record<string, Record<string, number>> = {};
  for (const g of labels) confusion[g] = Object.fromEntries(labels.map((p) => [p, 0]));
  let correct = 0;
  for (const it of items) {
    const row = confusion[it.gold] as Record<string, number>;
    row[it.predicted] = (row[it.predicted] ?? 0) + 1;
    if (it.gold === it.predicted) correct++;
  }
  const perIntent: IntentScore[] = labels
    .filter((l) => items.some((i) => i.gold === l))
    .map((intent) => {
      const tp = confusion[intent]?.[intent] ?? 0;
      const support = items.filter((i) => i.gold === intent).length;
      const predicted = items.filter((i) => i.predicted === intent).length;
      const precision = ratio(tp, predicted);
      const recall = ratio(tp, support);
      return {
        intent,
        precision,
        recall,
        f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
        support,
      };
    });
  const macroF1 = perIntent.reduce((s, x) => s + x.f1, 0) / (perIntent.length || 1);
  const entities = {} as EvalReport['entities'];
  for (const key of entityKeys) {
    let support = 0;
    let exact = 0;
    let spurious = 0;
    for (const it of items) {
      const g = it.goldEntities?.[key];
      const p = it.predictedEntities?.[key];
      if (g !== undefined) {
        support++;
        if (same(g, p)) exact++;
      } else if (p !== undefined && it.goldEntities) spurious++;
    }
    entities[key] = { support, exact, spurious, accuracy: ratio(exact, support) };
  }
  const stops = items.filter((i) => i.gold === 'stop_contact');
  const stopsAnywhere = items.filter(
    (i) => i.gold === 'stop_contact' || i.goldSecondary?.includes('stop_contact'),
  );
  return {
    n: items.length,
    accuracy: ratio(correct, items.length),
    macroF1,
    perIntent,
    labels,
    confusion,
    entities,
    stopRecall: ratio(stops.filter((i) => i.predicted === 'stop_contact').length, stops.length),
    stopAnywhereRecall: ratio(
      stopsAnywhere.filter(
        (i) => i.predicted === 'stop_contact' || i.predictedSecondary?.includes('stop_contact'),
      ).length,
      stopsAnywhere.length,
    ),
  };
}
