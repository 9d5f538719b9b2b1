import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { NluModel, type NluExample, type NluModelJson } from '@saldo/core/nlu';
import { parseExamples, train } from '@saldo/models/nlu';
import { nluCorpusDir, readCorpusFiles } from '@saldo/models/nlu-corpus';
import { modelCacheKey, readCachedModel, writeCachedModel } from './nlu-model-cache.js';

export interface LoadedNluModel {
  model: NluModel;
  /** Wall time to read and train (or read and deserialise) the model. */
  loadMs: number;
  source: string;
  /** `hit`: read from the model cache; `miss`: trained and cached; `off`: not cached (disabled, unwritable, or `modelPath`). */
  cache: 'hit' | 'miss' | 'off';
}

export interface LoadNluModelOptions {
  /** A model written by `saldo nlu train --out`; when absent the model is trained from the corpus. */
  modelPath?: string;
  corpusDir?: string;
  /** Organisation examples merged with the corpus train split. */
  extraExamples?: NluExample[];
  /** Model cache directory (the config's `nlu.cacheDir`); `null` disables it. */
  cacheDir: string | null;
}

/**
 * Loads the NLU model. Default: the model trained from the corpus train split (plus organisation
 * examples), read from the model cache when this exact corpus and NLU code were trained before
 * (nlu-model-cache.ts), else trained now (≈ 2 s) and cached. A cached model is the same model: the
 * trainer quantises its weights, so the JSON round trip is lossless. `SALDO_NLU_MODEL` /
 * `modelPath` selects a pre-trained JSON model instead (an organisation's retrained model).
 */
export async function loadNluModel(opts: LoadNluModelOptions): Promise<LoadedNluModel> {
  const t0 = performance.now();
  if (opts.modelPath) {
    const json = JSON.parse(await readFile(opts.modelPath, 'utf8')) as NluModelJson;
    return {
      model: NluModel.fromJSON(json),
      loadMs: performance.now() - t0,
      source: opts.modelPath,
      cache: 'off',
    };
  }
  const corpusDir = opts.corpusDir ?? nluCorpusDir;
  const source = `${corpusDir} (train split)`;
  const files = await readCorpusFiles('train', corpusDir);
  const cacheDir = opts.cacheDir ?? undefined;
  const key = cacheDir === undefined ? undefined : await modelCacheKey(files, opts.extraExamples);
  if (cacheDir !== undefined && key !== undefined) {
    const cached = await readCachedModel(cacheDir, key);
    if (cached)
      return {
        model: NluModel.fromJSON(cached),
        loadMs: performance.now() - t0,
        source: `${source}, cached`,
        cache: 'hit',
      };
  }
  const examples = [...files.flatMap((f) => parseExamples(f.text, f.name)), ...(opts.extraExamples ?? [])];
  const model = train(examples);
  if (cacheDir === undefined || key === undefined)
    return { model, loadMs: performance.now() - t0, source, cache: 'off' };
  const written = await writeCachedModel(cacheDir, key, model.toJSON());
  return { model, loadMs: performance.now() - t0, source, cache: written ? 'miss' : 'off' };
}
