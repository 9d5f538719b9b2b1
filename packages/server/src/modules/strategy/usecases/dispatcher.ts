import type { JourneyEvent } from '@saldo/core/strategy';
import type { Clock } from '../../../shared/clock/clock.js';
import type { ContactChannel, ContactOutcome, ContactRequest, Messaging } from '../../channels/index.js';
import type { ApplyItem, JourneyStore, LoadedJourney, OutboxRow, OutboxStore, UnitOfWork } from '../ports.js';
import { decide, type Definitions } from './decide.js';

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
  resolveTemplate?: (templateId: string, channel: ContactChannel) => string;
  /** Test hook: runs after the provider accepted a contact, before it is marked sent. */
  afterContact?: (row: OutboxRow, outcome: ContactOutcome) => Promise<void>;
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

const defaultBackoff = (n: number) => Math.min(6 * 3_600_000, 60_000 * 4 ** (n - 1));

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
  const maxAttempts = o.maxAttempts ?? 5;
  const backoff = o.backoffMs ?? defaultBackoff;
  const log = o.log ?? (() => {});

  const decideWith = (event: JourneyEvent, at: Date) => async (j: LoadedJourney) => {
    const definition = await o.definitions.get(j.orgId, j.strategyId, j.state?.strategyVersion ?? j.version);
    return decide(j, definition, event, at);
  };

  /**
   * The outcome's bookkeeping, run later inside the batch's transaction: `mark` the outbox row
   * (false when this dispatcher lost its lease), then, if marked, feed `event` to the journey.
   * `count` tallies the result once that write committed.
   */
  interface Write {
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

  function requestOf(row: OutboxRow): ContactRequest | null {
    const c = row.command;
    if (c.type !== 'send' && c.type !== 'call') return null;
    // A strategy `call` node is a voicebot call (agents' calls do not come from the outbox).
    const channel: ContactChannel = c.type === 'call' ? 'voicebot' : c.channel;
    return {
      orgId: row.orgId,
      accountId: row.accountId,
      channel,
      templateId: o.resolveTemplate ? o.resolveTemplate(c.templateId, channel) : c.templateId,
      idempotencyKey: row.idempotencyKey,
      requestedBy: { kind: 'strategy', id: `${c.nodeId}` },
      ...(c.type === 'call' && c.voicemailTemplateId
        ? { variables: { voicemailTemplateId: c.voicemailTemplateId } }
        : {}),
    };
  }

  async function deliver(row: OutboxRow): Promise<Write | null> {
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
    const at = o.clock.now();
    const result = (
      outcome: 'delivered' | 'failed' | 'refused',
      extra: Partial<Extract<JourneyEvent, { type: 'contact_result' }>> = {},
    ): JourneyEvent => ({ type: 'contact_result', nodeId: c.nodeId, attempt: c.attempt, outcome, ...extra });
    const write = (
      mark: () => Promise<boolean>,
      event: JourneyEvent | null,
      count: (res: DispatchResult) => void,
      batch?: Write['batch'],
    ): Write => ({ row, at, mark, event, count, ...(batch ? { batch } : {}) });
    switch (outcome.kind) {
      case 'sent':
      case 'duplicate': {
        const providerMessageId = outcome.kind === 'sent' ? outcome.providerMessageId : null;
        return write(
          () => o.outbox.markSent(row.id, o.owner, providerMessageId, at),
          result('delivered'),
          (res) => {
            if (outcome.kind === 'sent') res.sent++;
            else res.duplicates++;
          },
          { kind: 'sent', providerMessageId },
        );
      }
      case 'refused': {
        const next = outcome.nextAllowedAt ? new Date(outcome.nextAllowedAt) : null;
        const reasons = outcome.reasons.map((r) => ({ rule: r.rule, message: r.message }));
        return write(
          () => o.outbox.markRefused(row.id, o.owner, reasons, next, at),
          result('refused', {
            ...(outcome.nextAllowedAt ? { nextAllowedAt: outcome.nextAllowedAt } : {}),
            reason: outcome.reasons.map((r) => r.rule).join(','),
          }),
          (res) => res.refused++,
          { kind: 'refused', reasons, nextAllowedAt: next },
        );
      }
      case 'failed': {
        const retry =
          outcome.retryable && row.attempts < maxAttempts
            ? new Date(at.getTime() + backoff(row.attempts))
            : null;
        return write(
          () =>
            o.outbox.markFailed(
              row.id,
              o.owner,
              outcome.reason,
              retry,
              outcome.retryable ? 'dead' : 'failed',
              at,
            ),
          retry === null ? result('failed', { reason: outcome.reason }) : null,
          (res) => {
            if (retry) res.retried++;
            else if (outcome.retryable) res.dead++;
            else res.failed++;
            if (retry === null)
              log('contact given up', { outboxId: row.id, key: row.idempotencyKey, reason: outcome.reason });
          },
        );
      }
    }
  }

  /** Marks the rows (sent and refused ones in one statement each), then feeds the marked rows' events to their journeys. */
  async function runWrites(writes: Write[]): Promise<void> {
    const marked = new Set<Write>();
    const sent = writes.filter((w) => w.batch?.kind === 'sent');
    const refused = writes.filter((w) => w.batch?.kind === 'refused');
    const single = writes.filter(
      (w) =>
        (w.batch?.kind === 'sent' && !o.outbox.markSentMany) ||
        (w.batch?.kind === 'refused' && !o.outbox.markRefusedMany) ||
        !w.batch,
    );
    if (o.outbox.markSentMany && sent.length > 0) {
      const ok = await o.outbox.markSentMany(
        o.owner,
        sent.flatMap((w) =>
          w.batch?.kind === 'sent'
            ? [{ id: w.row.id, providerMessageId: w.batch.providerMessageId, at: w.at }]
            : [],
        ),
      );
      for (const w of sent) if (ok.has(w.row.id)) marked.add(w);
    }
    if (o.outbox.markRefusedMany && refused.length > 0) {
      const ok = await o.outbox.markRefusedMany(
        o.owner,
        refused.flatMap((w) =>
          w.batch?.kind === 'refused'
            ? [{ id: w.row.id, reasons: w.batch.reasons, nextAllowedAt: w.batch.nextAllowedAt, at: w.at }]
            : [],
        ),
      );
      for (const w of refused) if (ok.has(w.row.id)) marked.add(w);
    }
    for (const w of single) if (await w.mark()) marked.add(w);
    const feeds: ApplyItem[] = [];
    for (const w of writes) {
      // No journey-inbox key: the mark above is the exactly-once guard. It succeeds once per claim
      // (lease owner + `in_flight`), and it commits or rolls back with this feed.
      if (marked.has(w) && w.event)
        feeds.push({
          orgId: w.row.orgId,
          accountId: w.row.accountId,
          eventKey: null,
          eventType: w.event.type,
          decide: decideWith(w.event, w.at),
        });
    }
    await o.journeys.applyMany(o.clock.now(), feeds);
  }

  /**
   * Records outcomes in one transaction (per-contact transactions cost a commit each).
   * Should it fail, each outcome is retried in its own transaction, so one bad row cannot hold
   * back the others; a row whose write still fails stays in flight and is replayed after the
   * lease (a `duplicate` of its key, never a second message).
   */
  async function record(writes: Write[], res: DispatchResult): Promise<void> {
    if (writes.length === 0) return;
    // Outcomes of one account stay in order; accounts in a stable order (fewer lock-order conflicts).
    const ordered = writes
      .map((w, i) => ({ w, i }))
      .sort((a, b) =>
        a.w.row.accountId < b.w.row.accountId ? -1 : a.w.row.accountId > b.w.row.accountId ? 1 : a.i - b.i,
      )
      .map((x) => x.w);
    try {
      await o.tx(() => runWrites(ordered));
      for (const w of ordered) w.count(res);
      return;
    } catch (e) {
      log('batch outcome write failed; recording one by one', {
        contacts: ordered.length,
        error: e instanceof Error ? e.message : String(e),
      });
    }
    for (const w of ordered) {
      try {
        await o.tx(() => runWrites([w]));
        w.count(res);
      } catch (e) {
        log('dispatch failed; will retry after the lease', {
          accountId: w.row.accountId,
          error: e instanceof Error ? e.message : String(e),
        });
      }
    }
  }

  async function tick(): Promise<DispatchResult> {
    const now = o.clock.now();
    const rows = await o.outbox.claim({ owner: o.owner, now, leaseMs, limit: batchSize });
    const res: DispatchResult = {
      claimed: rows.length,
      sent: 0,
      duplicates: 0,
      refused: 0,
      retried: 0,
      dead: 0,
      failed: 0,
    };
    // Contacts of one account go out in order; different accounts in parallel.
    const byAccount = new Map<string, OutboxRow[]>();
    for (const r of rows) byAccount.set(r.accountId, [...(byAccount.get(r.accountId) ?? []), r]);
    const lanes = [...byAccount.values()];
    const perChunk = Math.max(1, Math.min(PREPARE_LANES, Math.ceil(lanes.length / concurrency)));
    let next = 0;
    // Each runner records its own contacts' outcomes (its accounts only) in one transaction, so
    // runners on a pool write in parallel and no two transactions lock the same journey.
    const run = async () => {
      const writes: Write[] = [];
      while (next < lanes.length) {
        // A few lanes at a time: Messaging reads what their contacts need in a few queries
        // (small chunks keep that read close to each contact's own compliance check).
        const chunk = lanes.slice(next, next + perChunk);
        next += chunk.length;
        if (o.messaging.prepare) {
          try {
            await o.messaging.prepare(
              chunk
                .flat()
                .map(requestOf)
                .filter((r): r is ContactRequest => r !== null),
            );
          } catch (e) {
            log('contact prepare failed; contacts read one by one', {
              error: e instanceof Error ? e.message : String(e),
            });
          }
        }
        for (const row of chunk.flat()) {
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
      await record(writes, res);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, lanes.length) }, run));
    return res;
  }

  async function drain(maxBatches = Number.POSITIVE_INFINITY): Promise<DispatchResult> {
    const total: DispatchResult = {
      claimed: 0,
      sent: 0,
      duplicates: 0,
      refused: 0,
      retried: 0,
      dead: 0,
      failed: 0,
    };
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
