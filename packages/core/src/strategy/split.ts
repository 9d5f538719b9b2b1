import type { SplitArm } from './definition.js';

/**
 * Sticky, deterministic split assignment. The key `${strategyId}:${nodeId}:${accountId}` does not
 * include the version, so an account keeps its arm when a strategy is republished; the default
 * strategy reuses the node id `holdout_split` in every segment, so the 5 % holdout is the same
 * accounts whichever segment they are in (a *permanent* holdout, measured honestly).
 *
 * Hash: 32-bit FNV-1a over the UTF-8 bytes, then the murmur3 `fmix32` finaliser, because FNV-1a
 * alone has weak low bits for keys that differ only in their last characters (acct_1, acct_2…).
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else
      out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return out;
}

/**
 * FNV-1a (32 bit) with a murmur3 finaliser; an unsigned 32-bit integer. Stable across platforms.
 *
 * @example
 * stableHash32('stg_default:holdout_split:acct_1'); // 1076526854, on every run and platform
 */
export function stableHash32(input: string): number {
  let h = FNV_OFFSET;
  for (const b of utf8Bytes(input)) {
    h ^= b;
    h = Math.imul(h, FNV_PRIME);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The account's point in [0, 100) for a split node, with a resolution of 0.01 %.
 *
 * @example
 * splitPoint('stg_default', 'holdout_split', 'acct_1'); // 68.54, always the same
 */
export function splitPoint(strategyId: string, nodeId: string, accountId: string): number {
  return (stableHash32(`${strategyId}:${nodeId}:${accountId}`) % 10_000) / 100;
}

/**
 * The arm an account falls into: arms take consecutive ranges of [0, 100) in their listed order
 * (so `holdout` listed first with 5 % is [0, 5)). If the percentages do not sum to 100 (an
 * unpublished, invalid definition) the ranges are scaled to the total so every account still
 * gets an arm; with a zero total the first arm is used.
 *
 * @example
 * assignArm([{ name: 'holdout', percent: 5, next: 'h' }, { name: 'champion', percent: 95, next: 'c' }],
 *   'stg_default', 'holdout_split', 'acct_1').name; // 'champion': its point 68.54 is past the 5 % holdout
 */
export function assignArm(
  arms: readonly SplitArm[],
  strategyId: string,
  nodeId: string,
  accountId: string,
): SplitArm {
  const first = arms[0];
  if (first === undefined) throw new Error('assignArm: a split needs at least one arm');
  const total = arms.reduce((sum, a) => sum + Math.max(0, a.percent), 0);
  if (total <= 0) return first;
  const point = (splitPoint(strategyId, nodeId, accountId) * total) / 100;
  let upper = 0;
  for (const arm of arms) {
    upper += Math.max(0, arm.percent);
    if (point < upper) return arm;
  }
  // Floating-point rounding at the top end: the last arm with a positive share.
  return [...arms].reverse().find((a) => a.percent > 0) ?? first;
}
