import type { Db } from '../../../shared/db/db.js';
import { GENESIS_HASH, type ActorKind, type AuditEntry, type AuditStore } from '../ports.js';

interface AuditRow {
  org_id: string;
  seq: string | number | bigint;
  at: Date | string;
  actor_kind: ActorKind;
  actor_id: string;
  actor_role: string | null;
  action: string;
  target: string;
  outcome: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    orgId: r.org_id,
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actor: { kind: r.actor_kind, id: r.actor_id, ...(r.actor_role === null ? {} : { role: r.actor_role }) },
    action: r.action,
    target: r.target,
    outcome: r.outcome,
    detail: r.detail,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

const COLUMNS =
  'org_id, seq, at, actor_kind, actor_id, actor_role, action, target, outcome, detail, prev_hash, hash';

export function createSqlAuditStore(db: Db): AuditStore {
  return {
    append: (draft, seal) =>
      db.transaction(async (tx) => {
        await tx.query(
          'INSERT INTO audit_heads (org_id, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (org_id) DO NOTHING',
          [draft.orgId, GENESIS_HASH],
        );
        // The head row's lock orders concurrent appends of one organisation.
        const head = await tx.query<{ seq: string | number; hash: string }>(
          'SELECT seq, hash FROM audit_heads WHERE org_id = $1 FOR UPDATE',
          [draft.orgId],
        );
        const prev = { seq: Number(head.rows[0]!.seq), hash: head.rows[0]!.hash };
        const link = seal(prev);
        await tx.query(
          `INSERT INTO audit_log (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            draft.orgId,
            link.seq,
            draft.at,
            draft.actor.kind,
            draft.actor.id,
            draft.actor.role ?? null,
            draft.action,
            draft.target,
            draft.outcome,
            draft.detail,
            prev.hash,
            link.hash,
          ],
        );
        await tx.query('UPDATE audit_heads SET seq = $2, hash = $3 WHERE org_id = $1', [
          draft.orgId,
          link.seq,
          link.hash,
        ]);
        return { ...draft, seq: link.seq, prevHash: prev.hash, hash: link.hash };
      }),

    async list(orgId, f) {
      const r = await db.query<AuditRow>(
        `SELECT ${COLUMNS} FROM audit_log
          WHERE org_id = $1 AND seq >= $2
            AND ($3::text IS NULL OR action = $3) AND ($4::text IS NULL OR actor_id = $4)
          ORDER BY seq LIMIT $5`,
        [orgId, f.fromSeq ?? 1, f.action ?? null, f.actorId ?? null, f.limit],
      );
      return r.rows.map(toEntry);
    },

    async head(orgId) {
      const r = await db.query<{ seq: string | number; hash: string }>(
        'SELECT seq, hash FROM audit_heads WHERE org_id = $1',
        [orgId],
      );
      const row = r.rows[0];
      return row ? { seq: Number(row.seq), hash: row.hash } : null;
    },

    async orgIds() {
      const r = await db.query<{ org_id: string }>(
        'SELECT org_id FROM audit_heads UNION SELECT DISTINCT org_id FROM audit_log ORDER BY 1',
      );
      return r.rows.map((row) => row.org_id);
    },
  };
}
