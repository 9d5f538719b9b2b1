// The worker process of the PostgreSQL-restart drill (test/pg-restart-drill.test.ts). It is what
// `saldo start --role worker --demo-if-empty` does (migrate, load a demo book, enrol it, run the
// periodic jobs through startSaldo), with one difference: the clock. Domain time starts at
// SALDO_DRILL_AT and, once the jobs start, runs SALDO_DRILL_SPEED times faster than the wall
// clock for SALDO_DRILL_RUN_MS, then stops, so the work is the same whatever hour CI runs at (compliance
// windows) and the sandbox's replies arrive within seconds; once time stops, the system drains.
// On SIGTERM it stops its jobs and prints `METRICS <json>`: what the sandbox accepted.
import { performance } from 'node:perf_hooks';
import { buildPlatform, loadConfig, startSaldo } from '../src/cli/platform.js';
import { loadDemoPortfolio } from '../src/modules/imports/index.js';
import type { Clock } from '../src/shared/clock/clock.js';

const at = Date.parse(process.env.SALDO_DRILL_AT!);
const speed = Number(process.env.SALDO_DRILL_SPEED);
const runMs = Number(process.env.SALDO_DRILL_RUN_MS);
const debtors = Number(process.env.SALDO_DRILL_DEBTORS);
// Time stands at SALDO_DRILL_AT while the book loads, and runs from the moment the jobs start.
let wallStart: number | null = null;
const clock: Clock = {
  now: () => new Date(wallStart === null ? at : at + Math.min(performance.now() - wallStart, runMs) * speed),
};
const log = (line: string) => process.stderr.write(`${line}\n`);

const config = loadConfig(process.env, { role: 'worker' });
const platform = await buildPlatform({ config, clock });
const personas = platform.channels.sandboxPersonas;
await loadDemoPortfolio({ ...platform, personas }, platform.defaultOrgId, { debtors, seed: 1 });
await platform.engine.strategies.enrol(platform.defaultOrgId, {});
wallStart = performance.now();
const running = await startSaldo(config, { platform, clock, log });
process.stdout.write('READY\n');

process.once('SIGTERM', () => {
  void running.stop().then(() => {
    process.stdout.write(`METRICS ${JSON.stringify(platform.channels.providers.metrics.snapshot())}\n`);
    process.exit(0);
  });
});
