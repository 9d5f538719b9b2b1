import type { Db } from '../../../shared/db/db.js';
import type { Organization, OrgStore } from '../ports.js';
import { isoReq } from '../../../shared/db/iso.js';

type Row = { id: string; slug: string; name: string; default_country: string | null; created_at: Date };
const toOrg = (r: Row): Organization => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  defaultCountry: r.default_country,
  createdAt: isoReq(r.created_at),
});

export function createSqlOrgStore(db: Db): OrgStore {
  return {
    async create(o) {
      const r = await db.query<Row>(
        'INSERT INTO organizations (slug, name, default_country, created_at) VALUES ($1, $2, $3, $4) RETURNING *',
        [o.slug, o.name, o.defaultCountry, o.now],
      );
      return toOrg(r.rows[0]!);
    },
    async getBySlug(slug) {
      const r = await db.query<Row>('SELECT * FROM organizations WHERE slug = $1', [slug]);
      return r.rows[0] ? toOrg(r.rows[0]) : null;
    },
    async getById(id) {
      const r = await db.query<Row>('SELECT * FROM organizations WHERE id = $1', [id]);
      return r.rows[0] ? toOrg(r.rows[0]) : null;
    },
    async list() {
      const r = await db.query<Row>('SELECT * FROM organizations ORDER BY created_at, id');
      return r.rows.map(toOrg);
    },
  };
}
