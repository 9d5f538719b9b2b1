// Child process of the crash test (inbound-crash.test.ts): stores one inbound event durably, says
// so on stdout, then hangs until the parent kills it with SIGKILL — before any processing.
// Usage: node --import tsx store-then-hang.ts <pglite|postgres> <dataDir|url> <event JSON>
import { openPgliteDb } from '../../../shared/db/pglite-db.js';
import { openPostgresDb } from '../../../shared/db/postgres-db.js';
import { createSqlInboundStore } from '../adapters/sql/inbound-store.js';
import type { OrgInboundEvent } from '../ports/channel-provider.js';

const [mode, target, eventJson] = process.argv.slice(2);
const db = mode === 'pglite' ? await openPgliteDb(target) : await openPostgresDb(target!, { max: 1 });
const event = JSON.parse(eventJson!) as OrgInboundEvent;
const r = await createSqlInboundStore(db).storeOnce(event, new Date(event.occurredAt));
process.stdout.write(`STORED ${r.id}\n`);
setInterval(() => {}, 60_000); // a webhook handler that acknowledged, then the process dies
