// A worker or dispatcher process for the crash test: it connects to the real Postgres schema given
// in SALDO_CRASH_DB, runs one batch and, at the crash point, announces it and hangs until SIGKILL.
import { ManualClock } from '../src/shared/clock/manual-clock.js';
import { openPostgresDb } from '../src/shared/db/postgres-db.js';
import { buildEngine } from '../src/modules/strategy/create-strategy.js';
import { createTableMessaging } from './strategy-support.js';

const url = process.env.SALDO_CRASH_DB!;
const role = process.env.SALDO_CRASH_ROLE as 'worker' | 'dispatcher';
const at = process.env.SALDO_CRASH_AT!;
const crashAfter = Number(process.env.SALDO_CRASH_AFTER ?? '1');

const hang = async () => {
  process.stdout.write('CRASH_POINT\n');
  await new Promise(() => {}); // waits for SIGKILL
};

const db = await openPostgresDb(url, { max: 4 });
const clock = new ManualClock(at);
const messaging = await createTableMessaging(db, clock);
let contacts = 0;
const engine = buildEngine({
  db,
  clock,
  messaging,
  owner: `crash-child-${process.pid}`,
  worker: {
    batchSize: 1000,
    chunkSize: 50,
    leaseMs: 60_000,
    afterChunk: async (chunk) => {
      if (chunk + 1 >= crashAfter) await hang();
    },
  },
  dispatcher: {
    batchSize: 1000,
    concurrency: 4,
    leaseMs: 60_000,
  },
});
if (role === 'worker') await engine.worker.tick();
else {
  // Kill between the provider accepting a contact and the outbox row being marked sent.
  const d = engine.dispatcher as unknown as { tick(): Promise<unknown> };
  const orig = messaging.contact.bind(messaging);
  messaging.contact = async (req) => {
    const r = await orig(req);
    if (++contacts >= crashAfter) await hang();
    return r;
  };
  await d.tick();
}
process.stdout.write('FINISHED_WITHOUT_CRASH\n');
await db.close();
