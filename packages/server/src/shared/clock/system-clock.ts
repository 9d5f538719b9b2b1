import type { Clock } from './clock.js';

/** Wall-clock time. The single sanctioned use of the system time. */
export const systemClock: Clock = {
  // eslint-disable-next-line no-restricted-syntax -- this IS the injected clock
  now: () => new Date(Date.now()),
};
