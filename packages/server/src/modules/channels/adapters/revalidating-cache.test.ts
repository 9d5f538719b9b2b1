import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../shared/clock/manual-clock.js';
import { RevalidatingCache } from './revalidating-cache.js';

function harness(recheckMs = 5_000) {
  const clock = new ManualClock('2026-11-24T15:00:00Z');
  const versions = new Map<string, number>();
  const calls = { version: 0, build: 0, disposed: [] as string[] };
  let failVersion = false;
  const cache = new RevalidatingCache<string>({
    clock,
    recheckMs,
    version: async (k) => {
      calls.version += 1;
      if (failVersion) throw new Error('db down');
      return versions.get(k) ?? 0;
    },
    build: async (k) => `${k}@v${versions.get(k) ?? 0}#${++calls.build}`,
    dispose: async (v) => void calls.disposed.push(v),
  });
  return { clock, versions, calls, cache, failVersion: (f: boolean) => void (failVersion = f) };
}

describe('RevalidatingCache', () => {
  it('serves the cached value until the interval passes, then rebuilds only when the version moved', async () => {
    const h = harness();
    expect(await h.cache.get('a')).toBe('a@v0#1');
    h.versions.set('a', 1);
    h.clock.advance(4_999);
    expect(await h.cache.get('a')).toBe('a@v0#1');
    expect(h.calls.version).toBe(1);
    h.clock.advance(1);
    expect(await h.cache.get('a')).toBe('a@v1#2');
    expect(h.calls.disposed).toEqual(['a@v0#1']);
    h.clock.advance(5_000);
    expect(await h.cache.get('a')).toBe('a@v1#2'); // same version: kept, interval restarted
    expect(h.calls.build).toBe(2);
  });

  it('concurrent uses during a check share it; a failed version read keeps the cached value', async () => {
    const h = harness();
    await h.cache.get('a');
    h.clock.advance(5_000);
    h.versions.set('a', 7);
    const [x, y] = await Promise.all([h.cache.get('a'), h.cache.get('a')]);
    expect(x).toBe('a@v7#2');
    expect(y).toBe(x);
    expect(h.calls.version).toBe(2);
    h.clock.advance(5_000);
    h.failVersion(true);
    expect(await h.cache.get('a')).toBe('a@v7#2');
    h.failVersion(false);
    h.versions.set('a', 8);
    expect(await h.cache.get('a')).toBe('a@v8#3'); // re-checked on the next use
  });

  it('invalidate rebuilds at once; a clock moved backwards re-checks', async () => {
    const h = harness();
    await h.cache.get('a');
    await h.cache.invalidate('a');
    expect(await h.cache.get('a')).toBe('a@v0#2');
    h.versions.set('a', 3);
    h.clock.advance(-1);
    expect(await h.cache.get('a')).toBe('a@v3#3');
    await h.cache.clear();
    expect(h.cache.values()).toEqual([]);
    expect(h.calls.disposed).toEqual(['a@v0#1', 'a@v0#2', 'a@v3#3']);
  });
});
