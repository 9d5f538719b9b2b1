// Builders and fakes for the strategy runner tests.
import type { StrategyDefinition } from '@saldo/core/strategy';
import type { ContactOutcome, ContactRequest, Messaging } from '../src/modules/channels/ports/messaging.js';
import type { Clock } from '../src/shared/clock/clock.js';
import type { Db } from '../src/shared/db/db.js';

/** email → wait 3 days for an answer → (promise: wait past its date) → sms → exit. */
export function makeTestStrategy(over: Partial<StrategyDefinition> = {}): StrategyDefinition {
  return {
    id: 'stg_test',
    name: 'Test',
    version: 1,
    segments: [
      {
        id: 'all',
        name: 'All',
        conditions: [],
        journey: {
          entry: 'email',
          nodes: {
            email: { kind: 'send', channel: 'email', template: 'reminder_email_v1', next: 'await_answer' },
            await_answer: {
              kind: 'wait_for',
              events: ['replied', 'promised', 'paid', 'opened'],
              onEvent: 'route',
              timeout: 'P3D',
              onTimeout: 'sms',
            },
            route: {
              kind: 'branch',
              branches: [
                { when: [{ field: 'lastEvent', op: 'eq', value: 'promised' }], next: 'promise_wait' },
              ],
              otherwise: 'await_more',
            },
            await_more: {
              kind: 'wait_for',
              events: ['replied', 'promised', 'paid'],
              onEvent: 'route',
              timeout: 'P2D',
              onTimeout: 'sms',
            },
            promise_wait: { kind: 'wait', duration: 'P1D', fromPromiseDate: true, next: 'sms' },
            sms: { kind: 'send', channel: 'sms', template: 'sms_reminder_v1', next: 'bye' },
            bye: { kind: 'exit', reason: 'unresolved' },
          },
        },
      },
    ],
    ...over,
  };
}

export type Decider = (req: ContactRequest, attempt: number) => ContactOutcome | null;

/**
 * An in-memory Messaging: honours idempotency keys like the real one (a used key is a duplicate),
 * counts every call, and lets a test decide outcomes (default: sent).
 */
export class FakeMessaging implements Messaging {
  readonly calls: ContactRequest[] = [];
  readonly sent = new Map<string, ContactRequest>();
  decide: Decider = () => null;
  constructor(private readonly clock: Clock) {}
  async contact(req: ContactRequest): Promise<ContactOutcome> {
    this.calls.push(req);
    const at = this.clock.now().toISOString();
    if (this.sent.has(`${req.orgId}|${req.idempotencyKey}`))
      return { kind: 'duplicate', messageId: `msg_${req.idempotencyKey}` };
    const attempt = this.calls.filter((c) => c.idempotencyKey === req.idempotencyKey).length;
    const o = this.decide(req, attempt);
    if (o && o.kind !== 'sent') return o;
    this.sent.set(`${req.orgId}|${req.idempotencyKey}`, req);
    return {
      kind: 'sent',
      messageId: `msg_${this.sent.size}`,
      providerMessageId: `prov_${req.idempotencyKey}`,
      channel: req.channel,
      at,
    };
  }
}

/**
 * A Messaging whose sends are rows in a table (shared by processes): the crash test counts them.
 * `fake_sends.key` is unique — like `outbound_messages` — so a replay is a duplicate; every call
 * is also logged in `fake_calls` to show replays happened.
 */
export async function createTableMessaging(db: Db, clock: Clock): Promise<Messaging> {
  await db.exec(`CREATE TABLE IF NOT EXISTS fake_sends (org_id text, key text, account_id text, channel text, at timestamptz, PRIMARY KEY (org_id, key));
    CREATE TABLE IF NOT EXISTS fake_calls (id bigserial PRIMARY KEY, org_id text, key text, pid int)`);
  return {
    async contact(req) {
      await db.query(`INSERT INTO fake_calls (org_id, key, pid) VALUES ($1, $2, $3)`, [
        req.orgId,
        req.idempotencyKey,
        process.pid,
      ]);
      const r = await db.query(
        `INSERT INTO fake_sends (org_id, key, account_id, channel, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [req.orgId, req.idempotencyKey, req.accountId, req.channel, clock.now()],
      );
      if (r.rowCount === 0) return { kind: 'duplicate', messageId: `msg_${req.idempotencyKey}` };
      return {
        kind: 'sent',
        messageId: `msg_${req.idempotencyKey}`,
        providerMessageId: `prov_${req.idempotencyKey}`,
        channel: req.channel,
        at: clock.now().toISOString(),
      };
    },
  };
}
