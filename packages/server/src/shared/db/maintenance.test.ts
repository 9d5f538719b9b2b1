import { describe, expect, it } from 'vitest';
import { growthAnalyzer } from './maintenance.js';

describe('growthAnalyzer', () => {
  it('analyses after 1,000 added rows, then each time the rows added since reach half of those before', async () => {
    const statements: string[] = [];
    const grew = growthAnalyzer({ exec: async (sql) => void statements.push(sql) }, 'outbox');
    const analysedAfter: number[] = [];
    let total = 0;
    for (let i = 0; i < 100; i++) {
      total += 500;
      const before = statements.length;
      await grew(500);
      if (statements.length > before) analysedAfter.push(total);
    }
    // 1,000 and 2,000 (the 1,000-row floor), then 3,000, 4,500 (+1,500), 7,000 (+2,500 ≥ 2,250), …
    expect(analysedAfter.slice(0, 5)).toEqual([1000, 2000, 3000, 4500, 7000]);
    expect(statements.every((s) => s === 'ANALYZE outbox')).toBe(true);
    // Geometric: a 50,000-row growth costs a handful of analyses, not one per batch.
    expect(analysedAfter.length).toBeLessThan(12);
  });
});
