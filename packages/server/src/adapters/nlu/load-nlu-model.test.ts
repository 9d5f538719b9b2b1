import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '@saldo/core/nlu';
import { loadNluModel, parseExamples, readCorpus } from './load-nlu-model.js';

describe('NLU corpus and model loading', () => {
  it('reads the corpus splits', async () => {
    const train = await readCorpus('train');
    const test = await readCorpus('test');
    expect(train.length).toBeGreaterThan(0);
    expect(test.length).toBeGreaterThan(0);
    expect(new Set(train.map((e) => e.id)).size).toBe(train.length);
  });

  it('reports bad example lines with their row', () => {
    expect(() => parseExamples('{"text":"ok","intent":"affirm"}\nnope\n{"text":1}', 'x.jsonl')).toThrow(/2 invalid/);
  });

  it('trains from a corpus directory plus organisation examples and round-trips a saved model', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'saldo-nlu-'));
    await writeFile(join(dir, 'a.train.jsonl'), ['{"text":"ya pagué","intent":"already_paid"}', '{"text":"te pago el viernes","intent":"promise_to_pay"}'].join('\n'));
    const { model } = await loadNluModel({ corpusDir: dir, extraExamples: [{ text: 'necesito la factura', intent: 'invoice_request' }] });
    expect(model.intents).toContain('invoice_request');
    const path = join(dir, 'model.json');
    await writeFile(path, JSON.stringify(model.toJSON()));
    const loaded = await loadNluModel({ modelPath: path });
    expect(parse('ya pague', { model: loaded.model }).intent).toBe('already_paid');
  });
});
