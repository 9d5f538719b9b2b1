import type { Clock } from '../../../shared/clock/clock.js';
import type { AuditEntry, AuditEvent, AuditFilter, AuditStore } from '../ports.js';
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
}

/** Entries read per query while verifying (memory stays flat however long the chain is). */
const VERIFY_PAGE = 1000;

export function createAuditTrail(deps: { store: AuditStore; clock: Clock }): AuditTrail {
  const { store, clock } = deps;

  async function verify(orgId: string): Promise<ChainReport> {
    const verifier = new ChainVerifier(orgId);
    // The head is read first: entries appended while we walk cannot look like a truncation.
    const head = await store.head(orgId);
    let fromSeq = 1;
    for (;;) {
      const page = await store.list(orgId, { fromSeq, limit: VERIFY_PAGE });
      // Entries appended after the head was read belong to the next verification.
      for (const e of page) if (!head || e.seq <= head.seq) verifier.add(e);
      if (page.length < VERIFY_PAGE || (head && page.at(-1)!.seq >= head.seq)) break;
      fromSeq = page.at(-1)!.seq + 1;
    }
    return verifier.finish(head);
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
      const reports: ChainReport[] = [];
      for (const orgId of await store.orgIds()) reports.push(await verify(orgId));
      return reports;
    },
  };
}
