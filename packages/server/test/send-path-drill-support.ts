// The crash drill's wiring, shared by the test and its child process: the real dispatcher and the
// real send path (contact-debtor with its SQL stores) on one database, with a sandbox provider
// whose acceptances are rows in that database — outside any transaction of the send path, so they
// survive a SIGKILL exactly as a real provider's would.
import type {
  ChannelProvider,
  OutboundMessage,
  SendResult,
} from '../src/modules/channels/ports/channel-provider.js';
import type { SendPathCheckpoint } from '../src/modules/channels/ports/send-path-checkpoint.js';
import { sqlContactDebtor } from '../src/modules/channels/testing/sql-contact-debtor.js';
import { buildEngine } from '../src/modules/strategy/create-strategy.js';
import type { Clock } from '../src/shared/clock/clock.js';
import type { Db } from '../src/shared/db/db.js';

/** Leases of the drill: a replay comes after the dispatcher's, which is longer than the send intent's. */
export const DRILL_LEASES = { dispatcherMs: 60_000, sendMs: 30_000 };

/**
 * A provider that honours its idempotency key (the message id), as a real one that supports keys
 * does: a second call with the same key answers the first acceptance and sends nothing new. Every
 * call is logged in `drill_provider_calls`; every message it accepted is one row of
 * `drill_provider_messages`.
 */
export async function createDurableSandbox(db: Db, clock: Clock): Promise<ChannelProvider> {
  await db.exec(`CREATE TABLE IF NOT EXISTS drill_provider_messages (message_id text PRIMARY KEY, org_id text NOT NULL, recipient text NOT NULL, provider_message_id text NOT NULL, accepted_at timestamptz NOT NULL);
    CREATE TABLE IF NOT EXISTS drill_provider_calls (id bigserial PRIMARY KEY, message_id text NOT NULL, pid int NOT NULL)`);
  return {
    id: 'sandbox',
    channels: ['email', 'sms', 'whatsapp', 'call', 'voicebot'],
    onEvent: () => () => {},
    close: async () => {},
    async send(m: OutboundMessage): Promise<SendResult> {
      await db.query('INSERT INTO drill_provider_calls (message_id, pid) VALUES ($1, $2)', [
        m.messageId,
        process.pid,
      ]);
      await db.query(
        `INSERT INTO drill_provider_messages (message_id, org_id, recipient, provider_message_id, accepted_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (message_id) DO NOTHING`,
        [m.messageId, m.orgId, m.to, `drill_${m.messageId}`, clock.now()],
      );
      const r = await db.query<{ provider_message_id: string }>(
        'SELECT provider_message_id FROM drill_provider_messages WHERE message_id = $1',
        [m.messageId],
      );
      return { ok: true, providerMessageId: r.rows[0]!.provider_message_id, status: 'sent' };
    },
  };
}

/** The dispatcher over the real send path, each step reported to `checkpoint`. */
export async function buildDrillEngine(o: {
  db: Db;
  clock: Clock;
  owner: string;
  checkpoint?: SendPathCheckpoint;
}) {
  const { db, clock } = o;
  const provider = await createDurableSandbox(db, clock);
  const messaging = sqlContactDebtor(db, clock, provider, {
    sendLeaseMs: DRILL_LEASES.sendMs,
    ...(o.checkpoint ? { checkpoint: o.checkpoint } : {}),
  });
  return buildEngine({
    db,
    clock,
    messaging,
    owner: o.owner,
    dispatcher: {
      batchSize: 8,
      concurrency: 2,
      leaseMs: DRILL_LEASES.dispatcherMs,
      ...(o.checkpoint ? { checkpoint: o.checkpoint } : {}),
    },
  });
}
