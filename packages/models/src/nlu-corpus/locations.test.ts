import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { nluTrainingSourceDirs } from './locations.js';

describe('nluTrainingSourceDirs', () => {
  it("covers core's featurizer and this package's trainer (what the model cache key hashes)", async () => {
    const files = await Promise.all(nluTrainingSourceDirs.map((d) => readdir(d)));
    expect(files).toHaveLength(2);
    expect(files[0]).toContain('features.ts');
    expect(files[1]).toContain('train-classifier.ts');
  });
});
