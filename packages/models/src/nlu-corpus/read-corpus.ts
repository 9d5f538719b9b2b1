import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { NluExample } from '@saldo/core/nlu';
import { parseExamples } from '../nlu/parse-examples.js';
import { nluCorpusDir } from './locations.js';

/** `dev`: a development set written to guide model changes; never trained on while it is one. */
export type CorpusSplit = 'train' | 'test' | 'dev';

/** One corpus file, unparsed: the model cache hashes the exact bytes. */
export interface CorpusFile {
  name: string;
  text: string;
}

/** The raw `*.<split>.jsonl` files of the corpus directory, in file-name order. */
export async function readCorpusFiles(split: CorpusSplit, dir = nluCorpusDir): Promise<CorpusFile[]> {
  const names = (await readdir(dir)).filter((f) => f.endsWith(`.${split}.jsonl`)).sort();
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })));
}

/** Every `*.<split>.jsonl` file of the corpus directory, in file-name order. */
export async function readCorpus(split: CorpusSplit, dir = nluCorpusDir): Promise<NluExample[]> {
  return (await readCorpusFiles(split, dir)).flatMap((f) => parseExamples(f.text, f.name));
}
