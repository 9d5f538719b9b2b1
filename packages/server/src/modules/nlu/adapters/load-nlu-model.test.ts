import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '@saldo/core/nlu';
import { loadNluModel } from './load-nlu-model.js';
import { modelCacheKey, nluCacheDir } from './nlu-model-cache.js';

describe('NLU corpus and model loading', () => {
  it('trains from a corpus directory plus organisation examples and round-trips a saved model', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'saldo-nlu-'));
    await writeFile(
      join(dir, 'a.train.jsonl'),
      [
        '{"text":"ya pagué","intent":"already_paid"}',
        '{"text":"te pago el viernes","intent":"promise_to_pay"}',
      ].join('\n'),
    );
    const { model } = await loadNluModel({
      corpusDir: dir,
      cacheDir: null,
      extraExamples: [{ text: 'necesito la factura', intent: 'invoice_request' }],
    });
    expect(model.intents).toContain('invoice_request');
    const path = join(dir, 'model.json');
    await writeFile(path, JSON.stringify(model.toJSON()));
    const loaded = await loadNluModel({ modelPath: path, cacheDir: null });
    expect(parse('ya pague', { model: loaded.model }).intent).toBe('already_paid');
  });
});

describe('NLU model cache', () => {
  const corpus = [
    '{"text":"ya pagué","intent":"already_paid"}',
    '{"text":"I already paid","intent":"already_paid"}',
    '{"text":"te pago el viernes","intent":"promise_to_pay"}',
    '{"text":"I will pay on Friday","intent":"promise_to_pay"}',
    '{"text":"hola","intent":"smalltalk"}',
    '{"text":"thanks","intent":"smalltalk"}',
  ];
  const probes = ['ya pague ayer', 'I can pay friday', 'hello there', 'algo', 'no sé'];
  const setup = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'saldo-nlu-cache-'));
    await writeFile(join(dir, 'a.train.jsonl'), corpus.join('\n'));
    return { corpusDir: dir, cacheDir: join(dir, 'cache') };
  };

  it('serves from the cache exactly what a fresh training predicts', async () => {
    const { corpusDir, cacheDir } = await setup();
    const fresh = await loadNluModel({ corpusDir, cacheDir: null });
    const first = await loadNluModel({ corpusDir, cacheDir });
    const second = await loadNluModel({ corpusDir, cacheDir });
    expect([fresh.cache, first.cache, second.cache]).toEqual(['off', 'miss', 'hit']);
    for (const text of probes) {
      expect(second.model.classifier.predict(text)).toEqual(fresh.model.classifier.predict(text));
      expect(parse(text, { model: second.model })).toEqual(parse(text, { model: fresh.model }));
    }
  });

  it('retrains when the corpus or the organisation examples change', async () => {
    const { corpusDir, cacheDir } = await setup();
    await loadNluModel({ corpusDir, cacheDir });
    await writeFile(join(corpusDir, 'b.train.jsonl'), '{"text":"no soy yo","intent":"wrong_party"}');
    const changed = await loadNluModel({ corpusDir, cacheDir });
    expect(changed.cache).toBe('miss');
    expect(changed.model.intents).toContain('wrong_party');
    const org = await loadNluModel({
      corpusDir,
      cacheDir,
      extraExamples: [{ text: 'la factura', intent: 'invoice_request' }],
    });
    expect(org.cache).toBe('miss');
    expect((await loadNluModel({ corpusDir, cacheDir })).cache).toBe('hit');
    expect((await readdir(cacheDir)).filter((f) => f.endsWith('.json'))).toHaveLength(3);
  });

  it('keys the cache on the NLU source code too, and disables it when the sources are missing', async () => {
    const files = [{ name: 'a.train.jsonl', text: corpus.join('\n') }];
    const [srcA, srcB] = [
      await mkdtemp(join(tmpdir(), 'saldo-src-')),
      await mkdtemp(join(tmpdir(), 'saldo-src-')),
    ];
    await writeFile(join(srcA, 'features.ts'), 'export const w = 1;');
    await writeFile(join(srcB, 'features.ts'), 'export const w = 2;');
    await writeFile(join(srcB, 'features.test.ts'), 'tests do not change the model');
    const [a, b] = [await modelCacheKey(files, [], [srcA]), await modelCacheKey(files, [], [srcB])];
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).not.toBe(a);
    await writeFile(join(srcB, 'features.test.ts'), 'edited');
    expect(await modelCacheKey(files, [], [srcB])).toBe(b);
    expect(await modelCacheKey(files, [], [join(srcA, 'missing')])).toBeUndefined();
    // The trainer lives in another package than the featurizer: its folder is hashed too.
    expect(await modelCacheKey(files, [], [srcA, srcB])).not.toBe(a);
    expect(await modelCacheKey(files, [], [srcA, join(srcA, 'missing')])).toBeUndefined();
  });

  it('keys the cache on the core sources the NLU imports from outside its folder, transitively', async () => {
    const files = [{ name: 'a.train.jsonl', text: corpus.join('\n') }];
    const root = await mkdtemp(join(tmpdir(), 'saldo-core-'));
    for (const d of ['nlu', 'channels', 'calendar']) await mkdir(join(root, d));
    await writeFile(
      join(root, 'nlu', 'rules.ts'),
      "import { k } from '../channels/keywords.js';\n// not an import: from '../nowhere/gone.js'\nexport const r = k;",
    );
    await writeFile(join(root, 'channels', 'keywords.ts'), "export { d as k } from '../calendar/day.js';");
    await writeFile(join(root, 'calendar', 'day.ts'), 'export const d = 1;');
    const src = join(root, 'nlu');
    const before = await modelCacheKey(files, [], [src]);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    await writeFile(join(root, 'calendar', 'day.ts'), 'export const d = 2;');
    const after = await modelCacheKey(files, [], [src]);
    expect(after).not.toBe(before);
    await writeFile(join(root, 'calendar', 'other.ts'), 'not imported by the NLU');
    expect(await modelCacheKey(files, [], [src])).toBe(after);
  });

  it('still loads (by training) when the cache cannot be written, or is disabled', async () => {
    const { corpusDir, cacheDir } = await setup();
    const blocker = join(corpusDir, 'not-a-dir');
    await writeFile(blocker, 'x'); // a file where the cache directory should be: mkdir fails
    const blocked = await loadNluModel({ corpusDir, cacheDir: join(blocker, 'cache') });
    expect(blocked.cache).toBe('off');
    expect(parse('ya pague', { model: blocked.model }).intent).toBe('already_paid');
    expect(
      (
        await loadNluModel({
          corpusDir,
          cacheDir: nluCacheDir({ SALDO_NLU_CACHE: 'off', SALDO_NLU_CACHE_DIR: cacheDir }),
        })
      ).cache,
    ).toBe('off');
  });
});
