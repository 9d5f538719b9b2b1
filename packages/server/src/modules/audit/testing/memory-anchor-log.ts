import type { AuditAnchor, AuditAnchorLog } from '../ports.js';

/** Anchors in memory for unit tests; `anchors` is exposed so tests can read what was anchored. */
export function createMemoryAnchorLog(): AuditAnchorLog & { anchors: AuditAnchor[] } {
  const anchors: AuditAnchor[] = [];
  return {
    anchors,
    location: 'memory',
    read: async () => [...anchors],
    append: async (a) => void anchors.push(...a),
  };
}
