import { describe, expect, it } from 'vitest';
import type { SplitArm } from './definition.js';
import { assignArm, splitPoint, stableHash32 } from './split.js';

const arms: SplitArm[] = [
  { name: 'holdout', percent: 5, next: 'h' },
  { name: 'champion', percent: 85, next: 'c' },
  { name: 'challenger', percent: 10, next: 'x' },
];

describe('stableHash32', () => {
  it('matches FNV-1a + fmix32 reference values (stable across releases and platforms)', () => {
    // Pinned: changing the hash would reshuffle every running experiment and the holdout.
    // Reference values computed independently (Python: FNV-1a 32 over UTF-8, then murmur3 fmix32).
    expect([stableHash32(''), stableHash32('a'), stableHash32('stg_default:holdout_split:acct_1')]).toEqual([
      2872998923, 444641715, 1076526854,
    ]);
  });

  it('hashes UTF-8 bytes, so non-ASCII ids are stable too', () => {
    // 2- and 4-byte UTF-8 sequences; reference values from the same Python implementation.
    expect(stableHash32('acct_ñandú')).toBe(320491336);
    expect(stableHash32('acct_😀')).toBe(3216131884);
  });
});

describe('assignArm', () => {
  it('is sticky: the same account always gets the same arm', () => {
    for (let i = 0; i < 1000; i++) {
      const id = `acct_${i}`;
      expect(assignArm(arms, 'stg_a', 'split_1', id).name).toBe(assignArm(arms, 'stg_a', 'split_1', id).name);
    }
  });

  it('distributes 100k ids within tolerance of the percentages', () => {
    const counts: Record<string, number> = { holdout: 0, champion: 0, challenger: 0 };
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const arm = assignArm(arms, 'stg_default', 'holdout_split', `acct_${i.toString(36)}`).name;
      counts[arm] = (counts[arm] ?? 0) + 1;
    }
    // ±0.5 percentage points: > 7 standard deviations for p = 0.05 at n = 100k.
    expect(Math.abs((counts.holdout ?? 0) / n - 0.05)).toBeLessThan(0.005);
    expect(Math.abs((counts.champion ?? 0) / n - 0.85)).toBeLessThan(0.005);
    expect(Math.abs((counts.challenger ?? 0) / n - 0.1)).toBeLessThan(0.005);
  });

  it('holds out the same accounts at every split node that shares an id, whatever comes after', () => {
    const other: SplitArm[] = [
      { name: 'holdout', percent: 5, next: 'wait' },
      { name: 'champion', percent: 95, next: 'call' },
    ];
    for (let i = 0; i < 5000; i++) {
      const id = `acct_${i}`;
      const a = assignArm(arms, 'stg_default', 'holdout_split', id).name === 'holdout';
      const b = assignArm(other, 'stg_default', 'holdout_split', id).name === 'holdout';
      expect(a).toBe(b);
    }
  });

  it('assigns independently at different split nodes', () => {
    let same = 0;
    for (let i = 0; i < 10_000; i++) {
      const p1 = splitPoint('stg_a', 'split_1', `acct_${i}`) < 50;
      const p2 = splitPoint('stg_a', 'split_2', `acct_${i}`) < 50;
      if (p1 === p2) same++;
    }
    expect(same / 10_000).toBeGreaterThan(0.47);
    expect(same / 10_000).toBeLessThan(0.53);
  });

  it('never picks a 0 % arm and still assigns when percentages are off (unpublished draft)', () => {
    const zero: SplitArm[] = [
      { name: 'off', percent: 0, next: 'a' },
      { name: 'on', percent: 100, next: 'b' },
    ];
    const draft: SplitArm[] = [
      { name: 'a', percent: 30, next: 'a' },
      { name: 'b', percent: 30, next: 'b' },
    ];
    for (let i = 0; i < 2000; i++) {
      expect(assignArm(zero, 's', 'n', `acct_${i}`).name).toBe('on');
      expect(['a', 'b']).toContain(assignArm(draft, 's', 'n', `acct_${i}`).name);
    }
  });
});
