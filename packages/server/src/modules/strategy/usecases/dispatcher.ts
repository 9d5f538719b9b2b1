import type { Clock } from '../../../shared/clock/clock.js';
import type { ContactOutcome, Messaging, SendPathCheckpoint } from '../../channels/index.js';
import type { JourneyStore, OutboxRow, OutboxStore, UnitOfWork } from '../ports.js';
import type { Definitions } from './decide.js';
import { createContactRunner } from './dispatch-contacts.js';
import type { OutcomeWrite } from './dispatch-outcome.js';
import { createOutcomeRecorder } from './dispatch-recording.js';
import type { TemplateResolver } from './dispatch-request.js';
import { defaultBackoff } from './dispatch-retry-policy.js';

export interface DispatcherOptions {
  outbox: OutboxStore;
  journeys: JourneyStore;
  definitions: Definitions;
  messaging: Messaging;
  clock: Clock;
  tx: UnitOfWork;
  owner: string;
  batchSize?: number;
  /** Contacts in flight at once per dispatcher. */
  concurrency?: number;
  leaseMs?: number;
  /** Delivery attempts (failures, not refusals) before a contact is dead-lettered. */
  maxAttempts?: number;
  /** Backoff before retry n (1-based): default 1 min × 4^(n-1), capped at 6 h. */
  backoffMs?: (attempt: number) => number;
  log?: (msg: string, data: Record<string, unknown>) => void;
  /** Maps a strategy template id to the channel template Messaging renders (default: unchanged). */
  resolveTemplate?: TemplateResolver;
  /** Test hook: runs after the provider accepted a contact, before it is marked sent. */
  afterContact?: (row: OutboxRow, outcome: ContactOutcome) => Promise<void>;
  /** Test hook for the crash drill (channels' `ports/send-path-checkpoint.ts`). */
  checkpoint?: SendPathCheckpoint;
}

export interface DispatchResult {
  claimed: number;
  sent: number;
  duplicates: number;
  refused: number;
  retried: number;
  dead: number;
  failed: number;
}

/** Lanes (accounts) whose contacts Messaging prepares together. */
const PREPARE_LANES = 50;

const emptyResult = (): DispatchResult => ({
  claimed: 0,
  sent: 0,
  duplicates: 0,
  refused: 0,
  retried: 0,
  dead: 0,
  failed: 0,
});

/**
 * Delivers outbox contacts. Every contact goes through `Messaging.contact`, which checks the
 * compliance engine at this instant and sends under the idempotency key (a key already used is a
 * `duplicate`, never a second message). The outcomes of a batch are recorded and fed back to their
 * journeys (`contact_result`) in one transaction: sent → `sent`; refused → rescheduled at `nextAllowedAt`
 * with the same key (terminal `refused` when compliance gives no such time), refusal counted per
 * rule; retryable failure → backoff, then `dead` after `maxAttempts`; other failure → `failed`.
 */
export function createDispatcher(o: DispatcherOptions) {
  const batchSize = o.batchSize ?? 200;
  const concurrency = o.concurrency ?? 8;
  const leaseMs = o.leaseMs ?? 120_000;
  const log = o.log ?? (() => {});
  const retry = { maxAttempts: o.maxAttempts ?? 5, backoffMs: o.backoffMs ?? defaultBackoff };
  const outcomes = { outbox: o.outbox, owner: o.owner, retry, log };
  const contacts = createContactRunner({ ...o, outcomes, log });
  const recorder = createOutcomeRecorder({ ...o, log });

  async function tick(): Promise<DispatchResult> {
    const now = o.clock.now();
    const rows = await o.outbox.claim({ owner: o.owner, now, leaseMs, limit: batchSize });
    if (o.checkpoint && rows.length > 0) await o.checkpoint('claimed', null);
    const res: DispatchResult = { ...emptyResult(), claimed: rows.length };
    // Contacts of one account go out in order; different accounts in parallel.
    const byAccount = new Map<string, OutboxRow[]>();
    for (const r of rows) byAccount.set(r.accountId, [...(byAccount.get(r.accountId) ?? []), r]);
    const lanes = [...byAccount.values()];
    const perChunk = Math.max(1, Math.min(PREPARE_LANES, Math.ceil(lanes.length / concurrency)));
    let next = 0;
    // Each runner records its own contacts' outcomes (its accounts only) in one transaction, so
    // runners on a pool write in parallel and no two transactions lock the same journey.
    const run = async () => {
      const writes: OutcomeWrite[] = [];
      while (next < lanes.length) {
        // A few lanes at a time (small chunks keep the prepared read close to each contact's check).
        const chunk = lanes.slice(next, next + perChunk);
        next += chunk.length;
        await contacts.prepare(chunk.flat());
        await contacts.deliverChunk(chunk.flat(), writes);
      }
      await recorder.record(writes, res);
      if (o.checkpoint && writes.length > 0) await o.checkpoint('outcomes_recorded', null);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, lanes.length) }, run));
    return res;
  }

  async function drain(maxBatches = Number.POSITIVE_INFINITY): Promise<DispatchResult> {
    const total = emptyResult();
    for (let b = 0; b < maxBatches; b++) {
      const r = await tick();
      for (const k of Object.keys(total) as Array<keyof DispatchResult>) total[k] += r[k];
      if (r.claimed < batchSize) break;
    }
    return total;
  }

  return { tick, drain, owner: o.owner };
}
export type Dispatcher = ReturnType<typeof createDispatcher>;
