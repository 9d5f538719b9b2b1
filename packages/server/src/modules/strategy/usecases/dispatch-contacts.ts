import type { Clock } from '../../../shared/clock/clock.js';
import type { ContactOutcome, ContactRequest, Messaging, SendPathCheckpoint } from '../../channels/index.js';
import type { OutboxRow } from '../ports.js';
import { outcomeWrite, type OutcomeContext, type OutcomeWrite } from './dispatch-outcome.js';
import { contactRequestOf, type TemplateResolver } from './dispatch-request.js';

export interface ContactRunnerDeps {
  messaging: Messaging;
  clock: Clock;
  outcomes: OutcomeContext;
  resolveTemplate?: TemplateResolver;
  afterContact?: (row: OutboxRow, outcome: ContactOutcome) => Promise<void>;
  checkpoint?: SendPathCheckpoint | undefined;
  log: (msg: string, data: Record<string, unknown>) => void;
}

/**
 * The dispatcher's contacts: each outbox row becomes a `Messaging.contact` call, and its outcome
 * the write that records it (see dispatch-outcome.ts). A contact that throws writes nothing: its
 * row stays in flight until the lease passes.
 */
export function createContactRunner(o: ContactRunnerDeps) {
  const log = o.log;
  const requestOf = (row: OutboxRow) => contactRequestOf(row, o.resolveTemplate);

  async function deliver(row: OutboxRow): Promise<OutcomeWrite | null> {
    const c = row.command;
    const req = requestOf(row);
    if (!req || (c.type !== 'send' && c.type !== 'call')) return null;
    let outcome: ContactOutcome;
    try {
      outcome = await o.messaging.contact(req);
    } catch (e) {
      outcome = {
        kind: 'failed',
        reason: e instanceof Error ? e.message : String(e),
        retryable: true,
        at: o.clock.now().toISOString(),
      };
    }
    await o.afterContact?.(row, outcome);
    if (o.checkpoint) await o.checkpoint('contact_returned', row.idempotencyKey);
    return outcomeWrite(o.outcomes, row, c, outcome, o.clock.now());
  }

  /** Messaging reads what a chunk's contacts need in a few queries; a failure only costs speed. */
  async function prepare(chunk: OutboxRow[]): Promise<void> {
    if (!o.messaging.prepare) return;
    try {
      await o.messaging.prepare(chunk.map(requestOf).filter((r): r is ContactRequest => r !== null));
    } catch (e) {
      log('contact prepare failed; contacts read one by one', {
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }

  /** Delivers a chunk's contacts in order; a contact that throws stays in flight. */
  async function deliverChunk(chunk: OutboxRow[], writes: OutcomeWrite[]): Promise<void> {
    for (const row of chunk) {
      try {
        const w = await deliver(row);
        if (w) writes.push(w);
      } catch (e) {
        // Left in flight: the lease expires and the same key is tried again (a duplicate if it went out).
        log('dispatch failed; will retry after the lease', {
          outboxId: row.id,
          error: e instanceof Error ? e.message : String(e),
        });
      }
    }
  }

  return { prepare, deliverChunk };
}
