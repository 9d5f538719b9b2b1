import type { OrgPolicy } from '@saldo/core/compliance';
import type { Db } from '../../../shared/db/db.js';
import type { WritableOrgPolicyStore } from '../ports.js';

export function createSqlOrgPolicyStore(db: Db): WritableOrgPolicyStore {
  return {
    async get(orgId) {
      const r = await db.query<{ policy: OrgPolicy }>(
        'SELECT policy FROM org_compliance_policies WHERE org_id = $1',
        [orgId],
      );
      return r.rows[0]?.policy ?? null;
    },
    async put(orgId, policy, by, now) {
      await db.query(
        `INSERT INTO org_compliance_policies (org_id, policy, updated_by, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (org_id) DO UPDATE SET policy = EXCLUDED.policy, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
        [orgId, JSON.stringify(policy), by, now],
      );
    },
    async remove(orgId) {
      await db.query('DELETE FROM org_compliance_policies WHERE org_id = $1', [orgId]);
    },
  };
}
