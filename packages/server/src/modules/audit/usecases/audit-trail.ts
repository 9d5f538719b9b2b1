import type { Clock } from '../../../shared/clock/clock.js';
import type {
  AuditAnchor,
  AuditAnchorLog,
  AuditEntry,
  AuditEvent,
  AuditFilter,
  AuditStore,
} from '../ports.js';
import { canonicalJson, entryHash } from './audit-hash.js';
import { ChainVerifier, type ChainReport } from './verify-chain.js';

export interface AuditTrail {
  /** Appends one entry to the organisation's chain. */
  record(event: AuditEvent): Promise<AuditEntry>;
  list(orgId: string, filter: AuditFilter): Promise<AuditEntry[]>;
  /** Recomputes the organisation's whole chain. */
  verify(orgId: string): Promise<ChainReport>;
  /** Every organisation's chain. */
  verifyAll(): Promise<ChainReport[]>;
  /**
   * Records each organisation's head outside the database, once the entries since its last anchor
   * are verified; a chain that no longer holds is reported, not anchored.
   */
  anchor(): Promise<AnchorReport[]>;
  /** Where anchors are kept (null: none are). */
  readonly anchorLocation: string | null;
}

export interface AnchorReport {
  orgId: string;
  /** The new anchor, or null when nothing was appended since the last one or the chain is broken. */
  anchored: AuditAnchor | null;
  breaks: ChainReport['breaks'];
}

/** Entries read per query while verifying (memory stays flat however long the chain is). */
const VERIFY_PAGE = 1000;

export function createAuditTrail(deps: {
  store: AuditStore;
  clock: Clock;
  anchors?: AuditAnchorLog | null;
}): AuditTrail {
  const { store, clock } = deps;
  const anchors = deps.anchors ?? null;

  /** The chain from `from` (an anchor, or the genesis) to the head, with every anchor checked. */
  async function walk(orgId: string, recorded: readonly AuditAnchor[], from: AuditAnchor | null) {
    const verifier = new ChainVerifier(orgId, recorded, from);
    // The head is read first: entries appended while we walk cannot look like a truncation.
    const head = await store.head(orgId);
    let fromSeq = from ? from.seq : 1;
    for (;;) {
      const page = await store.list(orgId, { fromSeq, limit: VERIFY_PAGE });
      // Entries appended after the head was read belong to the next verification.
      for (const e of page) if (!head || e.seq <= head.seq) verifier.add(e);
      if (page.length < VERIFY_PAGE || (head && page.at(-1)!.seq >= head.seq)) break;
      fromSeq = page.at(-1)!.seq + 1;
    }
    return { report: verifier.finish(head), head };
  }

  async function verify(orgId: string): Promise<ChainReport> {
    return (await walk(orgId, anchors ? await anchors.read() : [], null)).report;
  }

  async function anchorOne(orgId: string, recorded: readonly AuditAnchor[]): Promise<AnchorReport> {
    const last = recorded
      .filter((a) => a.orgId === orgId)
      .reduce<AuditAnchor | null>((m, a) => (m === null || a.seq > m.seq ? a : m), null);
    const { report, head } = await walk(orgId, recorded, last);
    if (report.breaks.length > 0 || !head || head.seq === (last?.seq ?? 0))
      return { orgId, anchored: null, breaks: report.breaks };
    const anchored = { orgId, seq: head.seq, hash: head.hash, at: clock.now().toISOString() };
    await anchors!.append([anchored]);
    return { orgId, anchored, breaks: [] };
  }

  return {
    record(event) {
      const draft = { ...event, at: clock.now().toISOString(), detail: canonicalJson(event.detail) };
      return store.append(draft, (prev) => {
        const seq = prev.seq + 1;
        return { seq, hash: entryHash({ ...draft, seq, prevHash: prev.hash }) };
      });
    },
    list: (orgId, filter) => store.list(orgId, filter),
    verify,
    async verifyAll() {
      const recorded = anchors ? await anchors.read() : [];
      const reports: ChainReport[] = [];
      for (const orgId of await store.orgIds()) reports.push((await walk(orgId, recorded, null)).report);
      return reports;
    },
    async anchor() {
      if (!anchors) return [];
      const recorded = await anchors.read();
      const reports: AnchorReport[] = [];
      for (const orgId of await store.orgIds()) reports.push(await anchorOne(orgId, recorded));
      return reports;
    },
    anchorLocation: anchors?.location ?? null,
  };
}
