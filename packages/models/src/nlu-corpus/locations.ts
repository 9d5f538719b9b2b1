import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The labelled corpus shipped with the repo: `packages/models/nlu-corpus/*.{train,test,dev}.jsonl`. */
export const nluCorpusDir = fileURLToPath(new URL('../../nlu-corpus/', import.meta.url));

/** The folder of a package subpath's entry, found through its exports map; `undefined` if not installed. */
function entryDir(specifier: string): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve(specifier));
  } catch {
    return undefined;
  }
}

const coreNluDir = entryDir('@saldo/core/nlu');

/**
 * The source folders the trained weights depend on: core's NLU runtime (features, lexicons, rules,
 * concepts: what `featurize` reads) and this package's trainer. A model cache keyed on the corpus
 * alone would serve stale weights after a code change. Empty when core's sources cannot be found
 * (a bundled install): callers then cannot detect a change and should not cache.
 */
export const nluTrainingSourceDirs: readonly string[] =
  coreNluDir === undefined ? [] : [coreNluDir, fileURLToPath(new URL('../nlu/', import.meta.url))];
