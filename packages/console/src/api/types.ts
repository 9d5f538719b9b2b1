// The shapes of the API answers the console reads (the server's routes define them).

export const roles = ['admin', 'strategist', 'agent', 'compliance'] as const;
export type Role = (typeof roles)[number];

/** GET /v1/auth/me */
export interface Me {
  orgId: string;
  role: Role;
  kind: 'api_key' | 'session';
  subjectId: string;
}

/** Who may read the audit trail (the server's audit routes allow the same roles). */
export const AUDIT_READERS: readonly Role[] = ['admin', 'compliance'];

export interface AuditEntry {
  seq: number;
  at: string;
  actor: { kind: 'api_key' | 'session' | 'cli' | 'system'; id: string; role?: string };
  action: string;
  target: string;
  outcome: string;
  /** The recorded request, parsed from its canonical JSON. */
  detail: unknown;
  prevHash: string;
  hash: string;
}

/** GET /v1/audit */
export interface AuditPage {
  entries: AuditEntry[];
  next: number | null;
}

export type ChainBreak =
  | { seq: number; problem: 'edited' }
  | { seq: number; problem: 'missing'; expectedSeq: number }
  | { seq: number; problem: 'relinked' }
  | { seq: number; problem: 'truncated'; headSeq: number }
  | { seq: number; problem: 'diverged'; anchoredAt: string };

/** GET /v1/audit/verify */
export interface ChainReport {
  entries: number;
  lastSeq: number;
  lastHash: string;
  breaks: ChainBreak[];
  intact: boolean;
}

/** An RFC 9457 problem document, as the API answers every error. */
export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  errors?: { path: string; message: string }[];
}
