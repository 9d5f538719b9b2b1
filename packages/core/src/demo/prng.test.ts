import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, permute8 } from './prng.js';

describe('demo PRNG', () => {
  it('is deterministic per (seed, stream) and differs across seeds and streams', () => {
    const draw = (seed: number, stream: number) =>
      Array.from(
        { length: 8 },
        (
          (r) => () =>
            r.next()
        )(createRng(seed, stream)),
      );
    expect(draw(1, 0)).toEqual(draw(1, 0));
    expect(draw(1, 0)).not.toEqual(draw(2, 0));
    expect(draw(1, 0)).not.toEqual(draw(1, 1));
    expect(draw(1, 0)).not.toEqual(draw(1 + 2 ** 32, 0));
  });

  it('is roughly uniform', () => {
    const rng = createRng(99);
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) bins[Math.floor(rng.next() * 10)]! += 1;
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });

  it('int stays within bounds and normal has mean 0, sd 1', () => {
    const rng = createRng(5);
    const ints = Array.from({ length: 10_000 }, () => rng.int(-3, 3));
    expect(Math.min(...ints)).toBe(-3);
    expect(Math.max(...ints)).toBe(3);
    const xs = Array.from({ length: 50_000 }, () => rng.normal());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(sd - 1)).toBeLessThan(0.02);
  });

  it('permute8 is a bijection on 8-digit numbers (no two inputs share an output)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999 }),
        fc.integer({ min: 0, max: 99_999_999 }),
        fc.integer(),
        (a, b, key) => {
          const pa = permute8(a, key);
          expect(pa).toBeGreaterThanOrEqual(0);
          expect(pa).toBeLessThan(100_000_000);
          if (a !== b) expect(pa).not.toBe(permute8(b, key));
        },
      ),
    );
    const outputs = new Set(Array.from({ length: 200_000 }, (_, i) => permute8(i, 1234)));
    expect(outputs.size).toBe(200_000);
  });
});
