/**
 * A small, fast, seedable PRNG for synthetic data. Not for anything secret.
 *
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator) passes PractRand to 2^40+ bytes and
 * needs only 32-bit integer ops, so it is deterministic across engines. Each debtor gets its own
 * stream derived from (seed, index) with splitmix32: debtor #i is identical whatever the portfolio
 * size, and a stream can be resumed or sharded without replaying earlier debtors.
 */

/** A random source with the helpers the demo generator needs. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /**
   * An element skewed towards the start of the array (lists are ordered by frequency): index =
   * floor(n * u^skew). skew 1 = uniform; 2 ≈ the head is markedly more common, like real names.
   */
  pickSkewed<T>(items: readonly T[], skew?: number): T;
  /** An element chosen with probability proportional to `weight(item)`. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
  /** Standard normal deviate (Box-Muller). */
  normal(): number;
  /** Log-normal deviate with the given median and sigma of the underlying normal. */
  logNormal(median: number, sigma: number): number;
  /** A string of `length` decimal digits (leading zeros allowed). */
  digits(length: number): string;
}

/** splitmix32 step: a good 32-bit mixer for turning (seed, index) into independent seeds. */
function splitmix32(a: number): number {
  let z = (a + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * The raw sfc32 generator: returns uniform 32-bit unsigned integers.
 *
 * @example
 * const next = sfc32(1, 2, 3, 4);
 * next(); // an integer in [0, 2^32)
 */
export function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

/**
 * A deterministic Rng for one (seed, stream) pair.
 *
 * @example
 * const rng = createRng(42, 7);
 * rng.int(1, 6); // same value every run for seed 42, stream 7
 */
export function createRng(seed: number, stream = 0): Rng {
  // Both 32-bit halves of a safe-integer seed/stream count, so 2^32 + 1 and 1 differ.
  const s0 = splitmix32((seed | 0) ^ splitmix32(Math.floor(seed / 0x1_0000_0000) | 0));
  const s1 = splitmix32(s0 ^ (stream | 0));
  const s2 = splitmix32(s1 ^ Math.floor(stream / 0x1_0000_0000));
  const s3 = splitmix32(s2 ^ 0x5a1d0);
  const raw = sfc32(s0, s1, s2, s3);
  // Warm up: sfc32 recommends discarding the first outputs after seeding.
  for (let i = 0; i < 12; i++) raw();
  const next = (): number => raw() / 0x1_0000_0000;
  let spareNormal: number | undefined;
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    pickSkewed: (items, skew = 2) =>
      items[Math.floor(items.length * Math.pow(next(), skew))] as (typeof items)[number],
    weighted(items, weight) {
      let total = 0;
      for (const item of items) total += weight(item);
      let r = next() * total;
      for (const item of items) {
        r -= weight(item);
        if (r < 0) return item;
      }
      return items[items.length - 1] as (typeof items)[number];
    },
    normal() {
      if (spareNormal !== undefined) {
        const v = spareNormal;
        spareNormal = undefined;
        return v;
      }
      const u = 1 - next(); // (0, 1]: log(0) is -Infinity
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spareNormal = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    logNormal: (median, sigma) => median * Math.exp(sigma * rng.normal()),
    digits(length) {
      let out = '';
      for (let i = 0; i < length; i++) out += String(Math.floor(next() * 10));
      return out;
    },
  };
  return rng;
}

/**
 * A keyed bijection of [0, 10^8) (a 4-round Feistel network over two 4-digit halves): turns
 * sequence numbers into unique, unordered-looking 8-digit references without remembering any.
 *
 * @example
 * permute8(0, 42) !== permute8(1, 42); // always: distinct inputs give distinct outputs
 */
export function permute8(n: number, key: number): number {
  let left = Math.floor(n / 10_000);
  let right = n % 10_000;
  for (let round = 0; round < 4; round++) {
    const f = splitmix32(splitmix32(key ^ round) ^ right) % 10_000;
    [left, right] = [right, (left + f) % 10_000];
  }
  return left * 10_000 + right;
}
