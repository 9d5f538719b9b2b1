import { describe, expect, it } from 'vitest';
import { readCorpus } from './read-corpus.js';

describe('NLU corpus', () => {
  it('reads the corpus splits', async () => {
    const train = await readCorpus('train');
    const test = await readCorpus('test');
    expect(train.length).toBeGreaterThan(0);
    expect(test.length).toBeGreaterThan(0);
    expect(new Set(train.map((e) => e.id)).size).toBe(train.length);
  });
});
