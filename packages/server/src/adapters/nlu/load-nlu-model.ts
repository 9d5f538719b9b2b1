import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NluExample, NluModel, train, type NluModelJson } from '@saldo/core/nlu';
import { SaldoError, type FieldIssue } from '@saldo/core';

/** The labelled corpus shipped with the repo (`packages/core/nlu-corpus/*.{train,test}.jsonl`). */
export const defaultCorpusDir = fileURLToPath(new URL('../../../../core/nlu-corpus/', import.meta.url));

export type CorpusSplit = 'train' | 'test';

/** Parses JSON Lines of labelled examples; every bad line is reported with its 1-based number. */
export function parseExamples(text: string, source: string): NluExample[] {
  const out: NluExample[] = [];
  const issues: FieldIssue[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      issues.push({ row: i + 1, path: source, message: 'not valid JSON' });
      return;
    }
    const parsed = NluExample.safeParse(raw);
    if (parsed.success) out.push(parsed.data);
    else for (const e of parsed.error.issues) issues.push({ row: i + 1, path: `${source}:${e.path.join('.')}`, message: e.message });
  });
  if (issues.length > 0) throw new SaldoError('validation', `${source}: ${new Set(issues.map((i) => i.row)).size} invalid example line(s)`, issues);
  return out;
}

/** Every `*.<split>.jsonl` file of the corpus directory, in file-name order. */
export async function readCorpus(split: CorpusSplit, dir = defaultCorpusDir): Promise<NluExample[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(`.${split}.jsonl`)).sort();
  const all: NluExample[] = [];
  for (const f of files) all.push(...parseExamples(await readFile(join(dir, f), 'utf8'), f));
  return all;
}

export interface LoadedNluModel {
  model: NluModel;
  /** Wall time to read and train (or read and deserialise) the model. */
  loadMs: number;
  source: string;
}

export interface LoadNluModelOptions {
  /** A model written by `saldo nlu train --out`; when absent the model is trained from the corpus. */
  modelPath?: string;
  corpusDir?: string;
  /** Organisation examples merged with the corpus train split. */
  extraExamples?: NluExample[];
}

/**
 * Loads the NLU model. Default: train at load time from the corpus train split (≈0.5 s, always in
 * step with the corpus; docs/adr/0005-nlu-classifier.md). `SALDO_NLU_MODEL` / `modelPath` selects
 * a pre-trained JSON model instead (an organisation's retrained model).
 */
export async function loadNluModel(opts: LoadNluModelOptions = {}): Promise<LoadedNluModel> {
  const t0 = performance.now();
  if (opts.modelPath) {
    const json = JSON.parse(await readFile(opts.modelPath, 'utf8')) as NluModelJson;
    return { model: NluModel.fromJSON(json), loadMs: performance.now() - t0, source: opts.modelPath };
  }
  const examples = [...(await readCorpus('train', opts.corpusDir)), ...(opts.extraExamples ?? [])];
  const model = train(examples);
  return { model, loadMs: performance.now() - t0, source: `${opts.corpusDir ?? defaultCorpusDir} (train split)` };
}
