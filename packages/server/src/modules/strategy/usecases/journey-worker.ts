import type { Clock } from '../../../shared/clock/clock.js';
import type { JourneyStore, JourneyWrite } from '../ports.js';
import { decide, type Definitions } from './decide.js';

export interface JourneyWorkerOptions {
  journeys: JourneyStore;
  definitions: Definitions;
  clock: Clock;
  /** Unique per process (host:pid:n): the lease owner. */
  owner: string;
  batchSize?: number;
  /** Writes of a batch are committed in chunks of this size (each chunk is one transaction). */
  chunkSize?: number;
  leaseMs?: number;
  log?: (msg: string, data: Record<string, unknown>) => void;
  /** Told how many commands each saved chunk queued (keeps the outbox's planner statistics fresh). */
  outboxGrew?: (commands: number) => Promise<void>;
  /** Test hook: runs after each chunk is committed (the crash test kills the process there). */
  afterChunk?: (chunk: number, saved: number) => Promise<void>;
}

export interface TickResult {
  claimed: number;
  decisions: number;
  saved: number;
  conflicts: number;
  commands: number;
  errors: number;
}

/**
 * The journey worker: claims due journeys (`FOR UPDATE SKIP LOCKED` + lease, committed), runs
 * the pure engine on each, and writes every new state with its outbox rows in one transaction
 * per chunk. Several workers on several machines share one Postgres. A worker killed mid-batch
 * loses nothing: unsaved journeys keep their `next_run_at` and are claimed again when the lease
 * passes; a saved chunk cannot be saved twice (`rev` check + unique idempotency keys).
 */
export function createJourneyWorker(o: JourneyWorkerOptions) {
  const batchSize = o.batchSize ?? 500;
  const chunkSize = o.chunkSize ?? batchSize;
  const leaseMs = o.leaseMs ?? 60_000;
  const log = o.log ?? (() => {});

  async function tick(): Promise<TickResult> {
    const now = o.clock.now();
    const claimed = await o.journeys.claimDue({ owner: o.owner, now, leaseMs, limit: batchSize });
    const res: TickResult = {
      claimed: claimed.length,
      decisions: 0,
      saved: 0,
      conflicts: 0,
      commands: 0,
      errors: 0,
    };
    const writes: Array<JourneyWrite & { accountId: string; orgId: string; rev: number }> = [];
    const failed: string[] = [];
    for (const j of claimed) {
      try {
        const definition = await o.definitions.get(
          j.orgId,
          j.strategyId,
          j.state?.strategyVersion ?? j.version,
        );
        const w = decide(j, definition, { type: 'tick' }, now);
        writes.push({ ...w, accountId: j.accountId, orgId: j.orgId, rev: j.rev });
        res.decisions++;
        res.commands += w.commands.length;
      } catch (e) {
        // One broken journey must not stall the batch: it is released and retried next tick.
        res.errors++;
        failed.push(j.accountId);
        log('journey decision failed', {
          accountId: j.accountId,
          error: e instanceof Error ? e.message : String(e),
        });
      }
    }
    for (let i = 0, chunk = 0; i < Math.max(writes.length, failed.length ? 1 : 0); i += chunkSize, chunk++) {
      const part = writes.slice(i, i + chunkSize);
      const r = await o.journeys.saveClaimed(o.owner, part, i === 0 ? failed : [], now);
      res.saved += r.saved;
      res.conflicts += r.conflicts;
      if (r.saved > 0) await o.outboxGrew?.(part.reduce((n, w) => n + w.commands.length, 0));
      await o.afterChunk?.(chunk, r.saved);
    }
    return res;
  }

  /** Ticks until no due journey is left (or `maxBatches`). */
  async function drain(maxBatches = Number.POSITIVE_INFINITY): Promise<TickResult> {
    const total: TickResult = { claimed: 0, decisions: 0, saved: 0, conflicts: 0, commands: 0, errors: 0 };
    for (let b = 0; b < maxBatches; b++) {
      const r = await tick();
      for (const k of Object.keys(total) as Array<keyof TickResult>) total[k] += r[k];
      if (r.claimed < batchSize) break;
    }
    return total;
  }

  return { tick, drain, owner: o.owner };
}
export type JourneyWorker = ReturnType<typeof createJourneyWorker>;
