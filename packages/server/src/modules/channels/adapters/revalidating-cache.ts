import type { Clock } from '../../../shared/clock/clock.js';

export interface RevalidatingCacheOptions<V> {
  clock: Clock;
  /** How long a cached value is trusted before its source's version is read again (0: every use). */
  recheckMs: number;
  /** A cheap read of the source's current version for a key (one indexed row). */
  version(key: string): Promise<number>;
  build(key: string): Promise<V>;
  /** Releases a value that was replaced or invalidated. */
  dispose(value: V): Promise<void>;
  /** A failed version read: the cached value keeps serving and the read is retried next time. */
  onCheckError?: (key: string, error: unknown) => void;
}

interface Entry<V> {
  value: Promise<V>;
  /** The source's version read BEFORE the value was built: a change racing the build is seen next check. */
  version: number | null;
  checkedAt: number;
  checking: Promise<V> | null;
}

/**
 * A per-key cache of values built from data another process may change (an organisation's provider
 * settings). A value is served as is for `recheckMs` after it was last confirmed; after that the
 * next use reads the source's version and rebuilds the value when it moved. Staleness is therefore
 * bounded by `recheckMs` plus one read, without a read per use. `invalidate` is the immediate path
 * for changes this process made itself. Time comes from the injected clock.
 */
export class RevalidatingCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  constructor(private readonly o: RevalidatingCacheOptions<V>) {}

  get(key: string): Promise<V> {
    const e = this.#entries.get(key);
    if (!e) return this.#load(key);
    if (e.checking) return e.checking;
    const now = this.o.clock.now().getTime();
    // A clock that moved backwards (simulations reset it) also triggers a check.
    if (now >= e.checkedAt && now - e.checkedAt < this.o.recheckMs) return e.value;
    e.checking = this.#recheck(key, e).finally(() => {
      e.checking = null;
    });
    return e.checking;
  }

  /** Drops a key now (this process changed its source); the next `get` rebuilds it. */
  async invalidate(key: string): Promise<void> {
    const e = this.#entries.get(key);
    if (!e) return;
    this.#entries.delete(key);
    await this.#dispose(e);
  }

  /** The values currently cached (builds in progress included). */
  values(): Promise<V>[] {
    return [...this.#entries.values()].map((e) => e.value);
  }

  async clear(): Promise<void> {
    const all = [...this.#entries.values()];
    this.#entries.clear();
    await Promise.all(all.map((e) => this.#dispose(e)));
  }

  /** `knownVersion`: just read by a re-check, so it is not read twice. */
  #load(key: string, knownVersion?: number): Promise<V> {
    const entry: Entry<V> = {
      value: Promise.resolve(null as V),
      version: null,
      checkedAt: this.o.clock.now().getTime(),
      checking: null,
    };
    entry.value = (async () => {
      entry.version = knownVersion ?? (await this.o.version(key));
      return this.o.build(key);
    })();
    this.#entries.set(key, entry);
    // A failed build is not cached: the next use tries again.
    entry.value.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    return entry.value;
  }

  async #recheck(key: string, e: Entry<V>): Promise<V> {
    let current: number;
    try {
      current = await this.o.version(key);
    } catch (err) {
      this.o.onCheckError?.(key, err);
      return e.value;
    }
    if (this.#entries.get(key) !== e) return this.get(key); // invalidated meanwhile
    if (current === e.version) {
      e.checkedAt = this.o.clock.now().getTime();
      return e.value;
    }
    this.#entries.delete(key);
    const next = this.#load(key, current);
    await this.#dispose(e);
    return next;
  }

  async #dispose(e: Entry<V>): Promise<void> {
    const v = await e.value.catch(() => null);
    if (v !== null) await this.o.dispose(v);
  }
}
