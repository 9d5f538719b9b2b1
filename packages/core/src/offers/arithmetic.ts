/**
 * Integer arithmetic for minor units and shares of a balance. Never floats: a share is computed
 * with BigInt so that `balance × bps` stays exact beyond 2^53.
 */
import type { BasisPoints } from './types.js';

/** ⌈a / b⌉ for non-negative safe integers a and positive b, exact. @example ceilDiv(485000, 12); // 40417 */
export function ceilDiv(a: number, b: number): number {
  return Number((BigInt(a) + BigInt(b) - 1n) / BigInt(b));
}

/**
 * The smallest whole amount that is at least `bps` / 10000 of `balanceMinor`: the bound a share
 * of the balance sets, rounded up so that the share is never undercut by a cent.
 *
 * @example
 * ceilShare(485000, 7000); // 339500
 * ceilShare(1001, 5000); // 501
 */
export function ceilShare(balanceMinor: number, bps: BasisPoints): number {
  return Number((BigInt(balanceMinor) * BigInt(bps) + 9999n) / 10000n);
}

/** True when `n` is a positive safe integer (a count, an amount in minor units). */
export function isPositiveInteger(n: number): boolean {
  return Number.isSafeInteger(n) && n > 0;
}

/** `n` held to [lo, hi]. @example clamp(17, 1, 12); // 12 */
export function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), hi);
}
