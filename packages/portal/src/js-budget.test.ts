import { describe, expect, it } from 'vitest';
import { checkJsBudget, portalJsBudgetBytes } from './js-budget.js';

describe('checkJsBudget', () => {
  it('sums the JS files only and accepts exactly 100 KB', () => {
    expect(portalJsBudgetBytes).toBe(102_400);
    const r = checkJsBudget([
      { fileName: 'enhance.js', bytes: 100_000 },
      { fileName: 'chunk.mjs', bytes: 2_400 },
      { fileName: 'portal.css', bytes: 50_000 },
    ]);
    expect(r).toMatchObject({ ok: true, totalBytes: 102_400 });
  });

  it('rejects one byte more, naming the files', () => {
    const r = checkJsBudget([{ fileName: 'enhance.js', bytes: 102_401 }]);
    expect(r.ok).toBe(false);
    expect(r.message).toContain('over budget');
    expect(r.message).toContain('enhance.js 102401 B');
  });
});
