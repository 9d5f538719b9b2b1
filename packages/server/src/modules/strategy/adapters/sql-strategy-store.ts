import { StrategyDefinition, type MigrationMode } from '@saldo/core/strategy';
import type { Db } from '../../../shared/db/db.js';
import type { StrategyStore, VersionStatus } from '../ports.js';
import { iso, isoReq } from '../../../shared/db/iso.js';

const parseDef = (v: unknown) => StrategyDefinition.parse(typeof v === 'string' ? JSON.parse(v) : v);

export function createSqlStrategyStore(db: Db): StrategyStore {
  const ensure = (orgId: string, d: StrategyDefinition, now: Date) =>
    db.query(
      `INSERT INTO strategies (org_id, id, name, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) ON CONFLICT (org_id, id) DO UPDATE SET name = EXCLUDED.name, updated_at = EXCLUDED.updated_at`,
      [orgId, d.id, d.name, now],
    );
  return {
    async list(orgId) {
      const r = await db.query<{ id: string; name: string; published: number | null; draft: number | null }>(
        `SELECT s.id, s.name, max(v.version) FILTER (WHERE v.status = 'published') AS published, max(v.version) FILTER (WHERE v.status = 'draft') AS draft
           FROM strategies s LEFT JOIN strategy_versions v ON v.org_id = s.org_id AND v.strategy_id = s.id WHERE s.org_id = $1 GROUP BY s.id, s.name ORDER BY s.id`,
        [orgId],
      );
      return r.rows.map((x) => ({ id: x.id, name: x.name, latestPublished: x.published, draft: x.draft }));
    },
    async versions(orgId, strategyId) {
      const r = await db.query<{
        version: number;
        status: VersionStatus;
        name: string;
        created_at: Date;
        published_at: Date | null;
        migration: MigrationMode | null;
      }>(
        `SELECT version, status, definition->>'name' AS name, created_at, published_at, migration FROM strategy_versions WHERE org_id = $1 AND strategy_id = $2 ORDER BY version`,
        [orgId, strategyId],
      );
      return r.rows.map((x) => ({
        strategyId,
        version: x.version,
        status: x.status,
        name: x.name,
        createdAt: isoReq(x.created_at),
        publishedAt: iso(x.published_at),
        migration: x.migration,
      }));
    },
    async get(orgId, strategyId, version) {
      const r = await db.query<{ definition: unknown; status: VersionStatus }>(
        `SELECT definition, status FROM strategy_versions WHERE org_id = $1 AND strategy_id = $2 AND version = $3`,
        [orgId, strategyId, version],
      );
      const row = r.rows[0];
      return row ? { definition: parseDef(row.definition), status: row.status } : null;
    },
    async latestPublished(orgId, strategyId) {
      const r = await db.query<{ definition: unknown }>(
        `SELECT definition FROM strategy_versions WHERE org_id = $1 AND strategy_id = $2 AND status = 'published' ORDER BY version DESC LIMIT 1`,
        [orgId, strategyId],
      );
      return r.rows[0] ? parseDef(r.rows[0].definition) : null;
    },
    async maxVersion(orgId, strategyId) {
      const r = await db.query<{ v: number | null }>(
        `SELECT max(version) AS v FROM strategy_versions WHERE org_id = $1 AND strategy_id = $2`,
        [orgId, strategyId],
      );
      return r.rows[0]?.v ?? 0;
    },
    async saveDraft(orgId, d, now) {
      await db.transaction(async () => {
        await ensure(orgId, d, now);
        await db.query(
          `DELETE FROM strategy_versions WHERE org_id = $1 AND strategy_id = $2 AND status = 'draft'`,
          [orgId, d.id],
        );
        await db.query(
          `INSERT INTO strategy_versions (org_id, strategy_id, version, status, definition, created_at) VALUES ($1, $2, $3, 'draft', $4::jsonb, $5)`,
          [orgId, d.id, d.version, JSON.stringify(d), now],
        );
      });
    },
    async publish(orgId, d, migration, now) {
      await db.transaction(async () => {
        await ensure(orgId, d, now);
        await db.query(
          `INSERT INTO strategy_versions (org_id, strategy_id, version, status, definition, created_at, published_at, migration) VALUES ($1, $2, $3, 'published', $4::jsonb, $5, $5, $6)
           ON CONFLICT (org_id, strategy_id, version) DO UPDATE SET status = 'published', definition = EXCLUDED.definition, published_at = EXCLUDED.published_at, migration = EXCLUDED.migration`,
          [orgId, d.id, d.version, JSON.stringify(d), now, migration],
        );
      });
    },
  };
}
