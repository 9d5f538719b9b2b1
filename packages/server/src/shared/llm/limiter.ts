/**
 * At most `max` tasks at once; the others wait in FIFO order. A waiting task whose signal aborts
 * leaves the queue and rejects with the signal's reason, so the caller's deadline also bounds the
 * time spent queueing (a 1,000-reply API batch must not wait 1,000 × the endpoint's latency).
 */
export function createLimiter(max: number) {
  let running = 0;
  const waiting: Array<() => void> = [];

  const release = () => {
    running--;
    waiting.shift()?.();
  };

  const acquire = (signal: AbortSignal): Promise<void> => {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (running < max) {
      running++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const start = () => {
        signal.removeEventListener('abort', onAbort);
        running++;
        resolve();
      };
      const onAbort = () => {
        const i = waiting.indexOf(start);
        if (i >= 0) waiting.splice(i, 1);
        reject(signal.reason);
      };
      waiting.push(start);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  };

  return {
    /**
     * `startBy` (`performance.now()` ms: real time, like the AbortSignal timers): a task whose turn comes later is not started at all. Deadlines of
     * queued calls fall just after the deadline of the call that frees their slot (all share the
     * same timeout), so without it they would be sent only to be aborted a moment later.
     */
    async run<T>(
      signal: AbortSignal,
      task: () => Promise<T>,
      startBy = Number.POSITIVE_INFINITY,
    ): Promise<T> {
      await acquire(signal);
      if (performance.now() > startBy) {
        release();
        throw new DOMException('no time left to start', 'TimeoutError');
      }
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
