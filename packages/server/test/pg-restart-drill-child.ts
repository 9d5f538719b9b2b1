// A process of the PostgreSQL-restart drill (test/pg-restart-drill.test.ts): what
// `saldo start --role worker --demo-if-empty` does (migrate, load a demo book, enrol it, run the
// periodic jobs through startSaldo), or with SALDO_DRILL_ROLE=api what `saldo start --role api`
// does, with one difference: the clock. Domain time stands at SALDO_DRILL_AT until the jobs start,
// then runs SALDO_DRILL_SPEED times faster than the wall clock for SALDO_DRILL_RUN_MS and stops:
// the work is the same whatever hour CI runs at (compliance windows), the sandbox's answers arrive
// within seconds, and once time stops the system drains. Both processes start their clocks on the
// same signal, so they agree on the time.
//
// It says LOADED when it is built (the worker: its book enrolled), starts when a line arrives on
// stdin and says `READY <url>`. On SIGTERM it stops and prints `METRICS <json>`: what its sandbox
// accepted.
import { performance } from 'node:perf_hooks';
import { buildPlatform, loadConfig, startSaldo } from '../src/cli/platform.js';
import { loadDemoPortfolio } from '../src/modules/imports/index.js';
import type { Clock } from '../src/shared/clock/clock.js';

const role = process.env.SALDO_DRILL_ROLE === 'api' ? 'api' : 'worker';
const at = Date.parse(process.env.SALDO_DRILL_AT!);
const speed = Number(process.env.SALDO_DRILL_SPEED);
const runMs = Number(process.env.SALDO_DRILL_RUN_MS);
let wallStart: number | null = null;
const clock: Clock = {
  now: () => new Date(wallStart === null ? at : at + Math.min(performance.now() - wallStart, runMs) * speed),
};
const log = (line: string) => process.stderr.write(`${line}\n`);

const config = loadConfig(process.env, { role, port: 0 });
const platform = await buildPlatform({ config, clock });
if (role === 'worker') {
  const personas = platform.channels.sandboxPersonas;
  const debtors = Number(process.env.SALDO_DRILL_DEBTORS);
  await loadDemoPortfolio({ ...platform, personas }, platform.defaultOrgId, { debtors, seed: 1 });
  await platform.engine.strategies.enrol(platform.defaultOrgId, {});
}
process.stdout.write('LOADED\n');
await new Promise<void>((go) => process.stdin.once('data', () => go()));
wallStart = performance.now();
const running = await startSaldo(config, { platform, clock, log });
process.stdout.write(`READY ${running.url ?? '-'}\n`);

process.once('SIGTERM', () => {
  void running.stop().then(() => {
    process.stdout.write(`METRICS ${JSON.stringify(platform.channels.providers.metrics.snapshot())}\n`);
    process.exit(0);
  });
});
