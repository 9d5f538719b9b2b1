import type { CompiledPack } from '@saldo/core/compliance';
import type { Clock } from '../../../shared/clock/clock.js';
import type {
  ContactTarget,
  ContactTargetStore,
  OutboundHistoryItem,
  OutboundMessageRecord,
  OutboundMessageStore,
} from '../ports/contact-records.js';
import type { ContactRequest } from '../ports/messaging.js';
import { HISTORY_DAYS } from './contact-debtor-input.js';

/** How long what `prepare` read may stand in for a fresh read (a dispatch chunk takes well under this). */
const PREPARED_TTL_MS = 5_000;

/**
 * What `prepare` read for a batch, per request key. Each entry is used once, by its own request,
 * and only while fresh; a debtor's history serves that debtor's first contact only (a later
 * contact must see the first one's message), so later ones read it again.
 */
export interface PreparedContact {
  at: number;
  seq: number;
  prior: OutboundMessageRecord | null;
  target: ContactTarget | undefined;
  histories: Map<string, OutboundHistoryItem[]>;
  since: number;
  orgLayer: CompiledPack | null;
}

export interface PreparedContactsDeps {
  targets: ContactTargetStore;
  outbound: OutboundMessageStore;
  orgLayer(orgId: string): Promise<CompiledPack | null>;
  clock: Clock;
}

/** The read-ahead cache behind `Messaging.prepare`: a batch's reads in a few set-based queries. */
export interface PreparedContacts {
  prepare(reqs: readonly ContactRequest[]): Promise<void>;
  /** The entry of this request, removed from the cache; undefined when absent or stale. */
  take(req: ContactRequest, now: Date): PreparedContact | undefined;
  /** The prepared history of a debtor, if it still tells the whole story for this check. */
  history(
    p: PreparedContact | undefined,
    debtorId: string,
    since: Date,
    now: Date,
  ): OutboundHistoryItem[] | undefined;
  /** A message to this debtor was just recorded: histories prepared before it are stale. */
  noteSend(debtorId: string): void;
}

const preparedKey = (orgId: string, key: string) => `${orgId}\u0000${key}`;

export function createPreparedContacts(deps: PreparedContactsDeps): PreparedContacts {
  const prepared = new Map<string, PreparedContact>();
  // Sends from this process per debtor (a counter): a history prepared before one of them (another
  // account of the debtor, delivered by a parallel runner) is read again.
  let seq = 0;
  const sendSeq = new Map<string, number>();

  function take(req: ContactRequest, now: Date): PreparedContact | undefined {
    const k = preparedKey(req.orgId, req.idempotencyKey);
    const p = prepared.get(k);
    prepared.delete(k);
    return p && now.getTime() - p.at >= 0 && now.getTime() - p.at <= PREPARED_TTL_MS ? p : undefined;
  }

  function history(
    p: PreparedContact | undefined,
    debtorId: string,
    since: Date,
    now: Date,
  ): OutboundHistoryItem[] | undefined {
    const h = p?.histories.get(debtorId);
    if (!p || !h || since.getTime() < p.since || (sendSeq.get(debtorId) ?? 0) > p.seq) return undefined;
    p.histories.delete(debtorId);
    return h.filter((x) => Date.parse(x.at) >= since.getTime() && Date.parse(x.at) <= now.getTime());
  }

  async function prepare(reqs: readonly ContactRequest[]): Promise<void> {
    const now = deps.clock.now();
    for (const [k, p] of prepared) if (now.getTime() - p.at > PREPARED_TTL_MS) prepared.delete(k);
    if (prepared.size === 0) sendSeq.clear(); // nothing prepared earlier to protect
    const at = seq;
    const byOrg = new Map<string, ContactRequest[]>();
    for (const r of reqs) byOrg.set(r.orgId, [...(byOrg.get(r.orgId) ?? []), r]);
    if (!deps.targets.loadMany || !deps.outbound.findByKeys || !deps.outbound.historyForDebtors) return;
    for (const [orgId, rs] of byOrg) {
      const entries = await readOrg(deps, orgId, rs, now, at);
      for (const [key, entry] of entries) prepared.set(preparedKey(orgId, key), entry);
    }
  }

  return {
    prepare,
    take,
    history,
    noteSend: (debtorId) => void sendSeq.set(debtorId, ++seq),
  };
}

/** One organisation's share of a batch: priors, targets, policy layer and histories, per request key. */
async function readOrg(
  deps: PreparedContactsDeps,
  orgId: string,
  rs: readonly ContactRequest[],
  now: Date,
  seq: number,
): Promise<Array<[string, PreparedContact]>> {
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
  const [priors, targets, orgLayer] = await Promise.all([
    deps.outbound.findByKeys!(
      orgId,
      rs.map((r) => r.idempotencyKey),
    ),
    deps.targets.loadMany!(
      orgId,
      rs.map((r) => r.accountId),
    ),
    deps.orgLayer(orgId),
  ]);
  const debtorIds = [...new Set([...targets.values()].map((t) => t.debtor.id))];
  const history = await deps.outbound.historyForDebtors!(orgId, debtorIds, since, now);
  // A debtor's history goes to the first request of that debtor only (see PreparedContact).
  const claimed = new Set<string>();
  return rs.map((r) => {
    const target = targets.get(r.accountId);
    const histories = new Map<string, OutboundHistoryItem[]>();
    const h = target ? history.get(target.debtor.id) : undefined;
    if (target && h && !claimed.has(target.debtor.id)) {
      claimed.add(target.debtor.id);
      histories.set(target.debtor.id, h);
    }
    const entry: PreparedContact = {
      at: now.getTime(),
      seq,
      prior: priors.get(r.idempotencyKey) ?? null,
      target,
      histories,
      since: since.getTime(),
      orgLayer,
    };
    return [r.idempotencyKey, entry];
  });
}
