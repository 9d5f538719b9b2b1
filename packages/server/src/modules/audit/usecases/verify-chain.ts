import { GENESIS_HASH, type AuditEntry, type ChainLink } from '../ports.js';
import { entryHash } from './audit-hash.js';

export type ChainBreak =
  /** An entry's fields no longer give its hash: it was edited. */
  | { seq: number; problem: 'edited' }
  /** The numbering skips: entries were deleted (or inserted and renumbered). */
  | { seq: number; problem: 'missing'; expectedSeq: number }
  /** An entry does not carry its predecessor's hash: an entry before it was replaced. */
  | { seq: number; problem: 'relinked' }
  /** The recorded head is not the last entry: entries at the end were deleted. */
  | { seq: number; problem: 'truncated'; headSeq: number };

export interface ChainReport {
  orgId: string;
  entries: number;
  lastSeq: number;
  lastHash: string;
  breaks: ChainBreak[];
}

/** Walks a chain in order and reports every place where it no longer holds. */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private count = 0;
  readonly breaks: ChainBreak[] = [];

  constructor(readonly orgId: string) {}

  add(e: AuditEntry): void {
    this.count++;
    if (e.seq !== this.expectedSeq)
      this.breaks.push({ seq: e.seq, problem: 'missing', expectedSeq: this.expectedSeq });
    else if (e.prevHash !== this.prevHash) this.breaks.push({ seq: e.seq, problem: 'relinked' });
    if (entryHash(e) !== e.hash) this.breaks.push({ seq: e.seq, problem: 'edited' });
    this.expectedSeq = e.seq + 1;
    this.prevHash = e.hash;
  }

  finish(head: ChainLink | null): ChainReport {
    const lastSeq = this.expectedSeq - 1;
    if (head && (head.seq !== lastSeq || head.hash !== this.prevHash))
      this.breaks.push({ seq: lastSeq, problem: 'truncated', headSeq: head.seq });
    return {
      orgId: this.orgId,
      entries: this.count,
      lastSeq,
      lastHash: this.prevHash,
      breaks: this.breaks,
    };
  }
}
