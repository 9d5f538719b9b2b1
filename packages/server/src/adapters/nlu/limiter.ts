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
    async run<T>(signal: AbortSignal, task: () => Promise<T>): Promise<T> {
      await acquire(signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
