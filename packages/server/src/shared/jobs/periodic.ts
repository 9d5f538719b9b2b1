import type { Clock } from '../clock/clock.js';

export interface PeriodicJob {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

/**
 * Runs jobs on an interval (wall-clock timers: the worker's heartbeat, not domain time — each
 * job asks the injected clock for "now"). A failing run is logged and retried next tick.
 */
export function startPeriodic(
  jobs: PeriodicJob[],
  log: { info(o: object, m: string): void; error(o: object, m: string): void },
  _clock: Clock,
) {
  const timers = jobs.map((job) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        const result = await job.run();
        if (result) log.info({ job: job.name, result }, 'job ran');
      } catch (err) {
        log.error({ job: job.name, err }, 'job failed; will retry');
      } finally {
        running = false;
      }
    };
    void tick();
    return setInterval(tick, job.everyMs);
  });
  return () => timers.forEach(clearInterval);
}
