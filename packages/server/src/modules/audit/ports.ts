// The audit module's ports: where entries are appended and read.

/** The hash that precedes an organisation's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export const actorKinds = ['api_key', 'session', 'cli', 'system'] as const;
export type ActorKind = (typeof actorKinds)[number];

/** Who made a change. */
export interface AuditActor {
  kind: ActorKind;
  /** The API key id, the user id, the operating-system user of a CLI command, or the job name. */
  id: string;
  role?: string | undefined;
}

/** What is appended: the chain (seq, hashes) is the store's and the trail's business. */
export interface AuditEvent {
  orgId: string;
  actor: AuditActor;
  /** What was done, e.g. `PUT /v1/compliance/policy` or `saldo import`. */
  action: string;
  /** What it was done to, e.g. the request path `/v1/accounts/acc_1`. */
  target: string;
  /** `requested` before the change, then `completed <status>` or `failed <status>`. */
  outcome: string;
  detail: Readonly<Record<string, unknown>>;
}

/** One entry as stored: the event, its place in the chain and its hash. */
export interface AuditEntry {
  orgId: string;
  seq: number;
  at: string;
  actor: AuditActor;
  action: string;
  target: string;
  outcome: string;
  /** Canonical JSON of the detail, exactly as hashed. */
  detail: string;
  prevHash: string;
  hash: string;
}

/** An entry before it has a place in the chain. */
export type AuditDraft = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

/** An entry's place in its chain: its number and hash (seq 0 and the genesis hash before the first). */
export interface ChainLink {
  seq: number;
  hash: string;
}

export interface AuditFilter {
  fromSeq?: number | undefined;
  limit: number;
  action?: string | undefined;
  actorId?: string | undefined;
}

export interface AuditStore {
  /**
   * Appends one entry at the end of the organisation's chain, atomically: `seal` receives the
   * previous entry's seq and hash and returns the new entry's hash.
   */
  append(draft: AuditDraft, seal: (prev: ChainLink) => ChainLink): Promise<AuditEntry>;
  /** Entries in chain order, oldest first. */
  list(orgId: string, filter: AuditFilter): Promise<AuditEntry[]>;
  /** The recorded head (newest seq and hash), or null before the first entry. */
  head(orgId: string): Promise<ChainLink | null>;
  /** Every organisation with a chain. */
  orgIds(): Promise<string[]>;
}

/**
 * A chain's head recorded outside the database: whoever rewrites the chain from some entry on,
 * hashes included, cannot make the entry at an anchored number carry its anchored hash again.
 */
export interface AuditAnchor {
  orgId: string;
  seq: number;
  hash: string;
  /** When it was anchored (the application clock). */
  at: string;
}

/** Where anchors are kept: somewhere the database's owner cannot write (docs/security.md). */
export interface AuditAnchorLog {
  /** Every anchor recorded, oldest first. */
  read(): Promise<AuditAnchor[]>;
  append(anchors: readonly AuditAnchor[]): Promise<void>;
  /** Where the anchors are, for the operator (a path). */
  readonly location: string;
}
