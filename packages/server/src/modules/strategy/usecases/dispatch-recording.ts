import type { JourneyEvent } from '@saldo/core/strategy';
import type { Clock } from '../../../shared/clock/clock.js';
import type { ApplyItem, JourneyStore, LoadedJourney, OutboxStore, UnitOfWork } from '../ports.js';
import { decide, type Definitions } from './decide.js';
import type { DispatchResult } from './dispatcher.js';
import type { OutcomeWrite } from './dispatch-outcome.js';

export interface OutcomeRecorderDeps {
  outbox: OutboxStore;
  journeys: JourneyStore;
  definitions: Definitions;
  clock: Clock;
  tx: UnitOfWork;
  owner: string;
  log: (msg: string, data: Record<string, unknown>) => void;
}

/**
 * Records a runner's outcomes: the outbox rows are marked and the marked rows' events fed to their
 * journeys (`contact_result`) in one transaction.
 */
export function createOutcomeRecorder(deps: OutcomeRecorderDeps) {
  return { record: record.bind(null, deps) };
}

/** Outcomes of one account stay in order; accounts in a stable order (fewer lock-order conflicts). */
function inAccountOrder(writes: OutcomeWrite[]): OutcomeWrite[] {
  return writes
    .map((w, i) => ({ w, i }))
    .sort((a, b) =>
      a.w.row.accountId < b.w.row.accountId ? -1 : a.w.row.accountId > b.w.row.accountId ? 1 : a.i - b.i,
    )
    .map((x) => x.w);
}

/** Marks the rows: sent and refused ones in one statement each, the others one by one. */
async function markAll(deps: OutcomeRecorderDeps, writes: OutcomeWrite[]): Promise<Set<OutcomeWrite>> {
  const marked = new Set<OutcomeWrite>();
  const sent = writes.filter((w) => w.batch?.kind === 'sent');
  const refused = writes.filter((w) => w.batch?.kind === 'refused');
  const single = writes.filter(
    (w) =>
      (w.batch?.kind === 'sent' && !deps.outbox.markSentMany) ||
      (w.batch?.kind === 'refused' && !deps.outbox.markRefusedMany) ||
      !w.batch,
  );
  if (deps.outbox.markSentMany && sent.length > 0) {
    const ok = await deps.outbox.markSentMany(
      deps.owner,
      sent.flatMap((w) =>
        w.batch?.kind === 'sent'
          ? [{ id: w.row.id, providerMessageId: w.batch.providerMessageId, at: w.at }]
          : [],
      ),
    );
    for (const w of sent) if (ok.has(w.row.id)) marked.add(w);
  }
  if (deps.outbox.markRefusedMany && refused.length > 0) {
    const ok = await deps.outbox.markRefusedMany(
      deps.owner,
      refused.flatMap((w) =>
        w.batch?.kind === 'refused'
          ? [{ id: w.row.id, reasons: w.batch.reasons, nextAllowedAt: w.batch.nextAllowedAt, at: w.at }]
          : [],
      ),
    );
    for (const w of refused) if (ok.has(w.row.id)) marked.add(w);
  }
  for (const w of single) if (await w.mark()) marked.add(w);
  return marked;
}

/** Marks the rows, then feeds the marked rows' events to their journeys. */
async function runWrites(deps: OutcomeRecorderDeps, writes: OutcomeWrite[]): Promise<void> {
  const marked = await markAll(deps, writes);
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
        decide: decideWith(deps, w.event, w.at),
      });
  }
  await deps.journeys.applyMany(deps.clock.now(), feeds);
}

/**
 * Records outcomes in one transaction (per-contact transactions cost a commit each).
 * Should it fail, each outcome is retried in its own transaction, so one bad row cannot hold
 * back the others; a row whose write still fails stays in flight and is replayed after the
 * lease (a `duplicate` of its key, never a second message).
 */
async function record(deps: OutcomeRecorderDeps, writes: OutcomeWrite[], res: DispatchResult): Promise<void> {
  if (writes.length === 0) return;
  const ordered = inAccountOrder(writes);
  try {
    await deps.tx(() => runWrites(deps, ordered));
    for (const w of ordered) w.count(res);
    return;
  } catch (e) {
    deps.log('batch outcome write failed; recording one by one', {
      contacts: ordered.length,
      error: e instanceof Error ? e.message : String(e),
    });
  }
  for (const w of ordered) {
    try {
      await deps.tx(() => runWrites(deps, [w]));
      w.count(res);
    } catch (e) {
      deps.log('dispatch failed; will retry after the lease', {
        accountId: w.row.accountId,
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }
}

/** The journey's answer to a contact's result, on the definition version it runs. */
function decideWith(deps: OutcomeRecorderDeps, event: JourneyEvent, at: Date) {
  return async (j: LoadedJourney) => {
    const definition = await deps.definitions.get(
      j.orgId,
      j.strategyId,
      j.state?.strategyVersion ?? j.version,
    );
    return decide(j, definition, event, at);
  };
}
