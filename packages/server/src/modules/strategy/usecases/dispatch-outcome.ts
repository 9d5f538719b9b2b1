import type { JourneyEvent } from '@saldo/core/strategy';
import { isOutcomeUnknown, type ContactOutcome } from '../../channels/index.js';
import type { OutboxRow, OutboxStore } from '../ports.js';
import type { DispatchResult } from './dispatcher.js';
import { retryAt, type RetryPolicy } from './dispatch-retry-policy.js';

/**
 * The outcome's bookkeeping, run later inside the batch's transaction: `mark` the outbox row
 * (false when this dispatcher lost its lease), then, if marked, feed `event` to the journey.
 * `count` tallies the result once that write committed.
 */
export interface OutcomeWrite {
  row: OutboxRow;
  at: Date;
  mark(): Promise<boolean>;
  event: JourneyEvent | null;
  count(res: DispatchResult): void;
  /** What `mark` does, as data, so a batch marks all its sent (or refused) rows in one statement. */
  batch?:
    | { kind: 'sent'; providerMessageId: string | null }
    | { kind: 'refused'; reasons: Array<{ rule: string; message: string }>; nextAllowedAt: Date | null };
}

export interface OutcomeContext {
  outbox: OutboxStore;
  owner: string;
  retry: RetryPolicy;
  log: (msg: string, data: Record<string, unknown>) => void;
}

type SendCommand = Extract<OutboxRow['command'], { type: 'send' | 'call' }>;
type ResultExtra = Partial<Extract<JourneyEvent, { type: 'contact_result' }>>;

/**
 * What a contact's outcome writes: sent (or a duplicate of a sent key) → `sent`, the journey told
 * `delivered`; refused → rescheduled at `nextAllowedAt` (terminal without one), told `refused`;
 * failed → retried after the backoff (or the provider's Retry-After), else `dead` (retryable, or
 * an unknown outcome given up for a person to decide, ADR 0011) or `failed`, told `failed`.
 */
export function outcomeWrite(
  ctx: OutcomeContext,
  row: OutboxRow,
  c: SendCommand,
  outcome: ContactOutcome,
  at: Date,
): OutcomeWrite {
  const result = (o: 'delivered' | 'failed' | 'refused', extra: ResultExtra = {}): JourneyEvent => ({
    type: 'contact_result',
    nodeId: c.nodeId,
    attempt: c.attempt,
    outcome: o,
    ...extra,
  });
  switch (outcome.kind) {
    case 'sent':
    case 'duplicate': {
      const providerMessageId = outcome.kind === 'sent' ? outcome.providerMessageId : null;
      return {
        row,
        at,
        mark: () => ctx.outbox.markSent(row.id, ctx.owner, providerMessageId, at),
        event: result('delivered'),
        count: (res) => {
          if (outcome.kind === 'sent') res.sent++;
          else res.duplicates++;
        },
        batch: { kind: 'sent', providerMessageId },
      };
    }
    case 'refused':
      return refusedWrite(ctx, row, outcome, at, result);
    case 'failed':
      return failedWrite(ctx, row, outcome, at, result);
  }
}

function refusedWrite(
  ctx: OutcomeContext,
  row: OutboxRow,
  outcome: Extract<ContactOutcome, { kind: 'refused' }>,
  at: Date,
  result: (o: 'refused', extra: ResultExtra) => JourneyEvent,
): OutcomeWrite {
  const next = outcome.nextAllowedAt ? new Date(outcome.nextAllowedAt) : null;
  const reasons = outcome.reasons.map((r) => ({ rule: r.rule, message: r.message }));
  return {
    row,
    at,
    mark: () => ctx.outbox.markRefused(row.id, ctx.owner, reasons, next, at),
    event: result('refused', {
      ...(outcome.nextAllowedAt ? { nextAllowedAt: outcome.nextAllowedAt } : {}),
      reason: outcome.reasons.map((r) => r.rule).join(','),
    }),
    count: (res) => res.refused++,
    batch: { kind: 'refused', reasons, nextAllowedAt: next },
  };
}

function failedWrite(
  ctx: OutcomeContext,
  row: OutboxRow,
  outcome: Extract<ContactOutcome, { kind: 'failed' }>,
  at: Date,
  result: (o: 'failed', extra: ResultExtra) => JourneyEvent,
): OutcomeWrite {
  const notBefore = outcome.retryNotBefore ? new Date(outcome.retryNotBefore) : undefined;
  const retry = retryAt(ctx.retry, outcome.retryable, row.attempts, at, notBefore);
  // A dead letter waits for a person: what was tried again and again, or what may have been sent.
  const dead = outcome.retryable || isOutcomeUnknown(outcome.reason);
  return {
    row,
    at,
    mark: () => ctx.outbox.markFailed(row.id, ctx.owner, outcome.reason, retry, dead ? 'dead' : 'failed', at),
    event: retry === null ? result('failed', { reason: outcome.reason }) : null,
    count: (res) => {
      if (retry) res.retried++;
      else if (dead) res.dead++;
      else res.failed++;
      if (retry === null)
        ctx.log('contact given up', { outboxId: row.id, key: row.idempotencyKey, reason: outcome.reason });
    },
  };
}
