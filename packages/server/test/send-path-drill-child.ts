// A dispatcher process for the crash drill (src/modules/strategy/send-path-drill.test.ts). It runs
// the real dispatcher and send path against SALDO_DRILL_DB at the instant SALDO_DRILL_AT. With
// SALDO_DRILL_CRASH=<step>:<n> it SIGKILLs itself the n-th time the send path passes <step>,
// after saying so on stdout; without it, it says READY and drains until killed or done.
import { ManualClock } from '../src/shared/clock/manual-clock.js';
import { openPostgresDb } from '../src/shared/db/postgres-db.js';
import type { SendPathStep } from '../src/modules/channels/ports/send-path-checkpoint.js';
import { buildDrillEngine } from './send-path-drill-support.js';

const [step, nth] = (process.env.SALDO_DRILL_CRASH ?? '').split(':') as [SendPathStep | '', string?];
let passes = 0;
const db = await openPostgresDb(process.env.SALDO_DRILL_DB!, { max: 4 });
const engine = await buildDrillEngine({
  db,
  clock: new ManualClock(process.env.SALDO_DRILL_AT!),
  owner: `drill-${process.pid}`,
  checkpoint: (at, key) => {
    if (at !== step || ++passes < Number(nth ?? '1')) return;
    process.stdout.write(`CRASH ${at} ${key ?? '-'}\n`); // a pipe write is synchronous
    process.kill(process.pid, 'SIGKILL');
    return new Promise<void>(() => {}); // nothing after this step runs
  },
});
process.stdout.write('READY\n');
await engine.dispatcher.drain();
process.stdout.write('FINISHED\n');
await db.close();
