import { GENESIS_HASH, type AuditEntry, type AuditStore, type ChainLink } from '../ports.js';

/** An in-memory audit store for unit tests; `entries` is exposed so tests can tamper with it. */
export function createMemoryAuditStore(): AuditStore & {
  entries: AuditEntry[];
  heads: Map<string, ChainLink>;
} {
  const entries: AuditEntry[] = [];
  const heads = new Map<string, ChainLink>();
  return {
    entries,
    heads,
    async append(draft, seal) {
      const prev = heads.get(draft.orgId) ?? { seq: 0, hash: GENESIS_HASH };
      const link = seal(prev);
      const entry = { ...draft, seq: link.seq, prevHash: prev.hash, hash: link.hash };
      entries.push(entry);
      heads.set(draft.orgId, link);
      return entry;
    },
    async list(orgId, f) {
      return entries
        .filter(
          (e) =>
            e.orgId === orgId &&
            e.seq >= (f.fromSeq ?? 1) &&
            (f.action === undefined || e.action === f.action) &&
            (f.actorId === undefined || e.actor.id === f.actorId),
        )
        .sort((a, b) => a.seq - b.seq)
        .slice(0, f.limit);
    },
    async head(orgId) {
      return heads.get(orgId) ?? null;
    },
    async orgIds() {
      return [...new Set([...heads.keys(), ...entries.map((e) => e.orgId)])].sort();
    },
  };
}
