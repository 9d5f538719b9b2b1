import { GENESIS_HASH, type AuditAnchor, type AuditEntry, type ChainLink } from '../ports.js';
import { entryHash } from './audit-hash.js';

export type ChainBreak =
  /** An entry's fields no longer give its hash: it was edited. */
  | { seq: number; problem: 'edited' }
  /** The numbering skips: entries were deleted (or inserted and renumbered). */
  | { seq: number; problem: 'missing'; expectedSeq: number }
  /** An entry does not carry its predecessor's hash: an entry before it was replaced. */
  | { seq: number; problem: 'relinked' }
  /** The recorded head is not the last entry: entries at the end were deleted. */
  | { seq: number; problem: 'truncated'; headSeq: number }
  /**
   * The entry at a number anchored outside the database no longer has the anchored hash, or is
   * gone: the chain was rewritten (hashes recomputed) or cut back from there or before.
   */
  | { seq: number; problem: 'diverged'; anchoredAt: string };

export interface ChainReport {
  orgId: string;
  entries: number;
  lastSeq: number;
  lastHash: string;
  breaks: ChainBreak[];
}

/**
 * Walks a chain in order and reports every place where it no longer holds. From the genesis, or
 * from a link already verified (`from`: an anchor, whose own entry is the first one added); the
 * entries at anchored numbers must carry their anchored hashes.
 */
export class ChainVerifier {
  private expectedSeq: number;
  private prevHash: string;
  private count = 0;
  private readonly anchors: Map<number, AuditAnchor>;
  readonly breaks: ChainBreak[] = [];

  constructor(
    readonly orgId: string,
    anchors: readonly AuditAnchor[] = [],
    private readonly from: AuditAnchor | null = null,
  ) {
    this.anchors = new Map(anchors.filter((a) => a.orgId === orgId).map((a) => [a.seq, a]));
    if (from) this.anchors.set(from.seq, from);
    this.expectedSeq = from ? from.seq : 1;
    this.prevHash = GENESIS_HASH;
  }

  add(e: AuditEntry): void {
    this.count++;
    const startsHere = this.from !== null && e.seq === this.from.seq && this.count === 1;
    if (e.seq !== this.expectedSeq)
      this.breaks.push({ seq: e.seq, problem: 'missing', expectedSeq: this.expectedSeq });
    else if (!startsHere && e.prevHash !== this.prevHash)
      this.breaks.push({ seq: e.seq, problem: 'relinked' });
    if (entryHash(e) !== e.hash) this.breaks.push({ seq: e.seq, problem: 'edited' });
    const anchor = this.anchors.get(e.seq);
    if (anchor && anchor.hash !== e.hash)
      this.breaks.push({ seq: e.seq, problem: 'diverged', anchoredAt: anchor.at });
    this.anchors.delete(e.seq);
    this.expectedSeq = e.seq + 1;
    this.prevHash = e.hash;
  }

  finish(head: ChainLink | null): ChainReport {
    const lastSeq = this.expectedSeq - 1;
    if (head && (head.seq !== lastSeq || head.hash !== this.prevHash))
      this.breaks.push({ seq: lastSeq, problem: 'truncated', headSeq: head.seq });
    // Anchored entries never met: the chain no longer reaches them.
    for (const a of [...this.anchors.values()].sort((x, y) => x.seq - y.seq))
      this.breaks.push({ seq: a.seq, problem: 'diverged', anchoredAt: a.at });
    return {
      orgId: this.orgId,
      entries: this.count,
      lastSeq,
      lastHash: this.prevHash,
      breaks: this.breaks,
    };
  }
}
