import type { Db } from '../../../shared/db/db.js';
import type { ConsentView, ContactPointView, DebtorStore, DebtorView } from '../ports.js';
import { iso, isoReq } from '../../../shared/db/iso.js';

type Row = {
  id: string;
  external_ref: string;
  first_name: string;
  last_name: string;
  language: 'es' | 'en';
  country: string;
  region: string | null;
  timezone: string;
  dob_hash: string | null;
  national_id_hash: string | null;
  vulnerabilities: string[];
  preferred_channel: string | null;
  preferred_hours: unknown;
};
const toBase = (r: Row) => ({
  id: r.id,
  externalRef: r.external_ref,
  firstName: r.first_name,
  lastName: r.last_name,
  language: r.language,
  country: r.country,
  region: r.region,
  timezone: r.timezone,
  hasDateOfBirth: r.dob_hash !== null,
  hasNationalId: r.national_id_hash !== null,
  vulnerabilities: r.vulnerabilities,
  preferredChannel: r.preferred_channel,
  preferredHours: r.preferred_hours,
});

export function createSqlDebtorStore(db: Db): DebtorStore {
  return {
    async get(orgId, id): Promise<DebtorView | null> {
      const r = await db.query<Row>('SELECT * FROM debtors WHERE org_id = $1 AND id = $2', [orgId, id]);
      if (!r.rows[0]) return null;
      const [cps, consents, accounts] = await Promise.all([
        db.query<{
          id: string;
          kind: ContactPointView['kind'];
          value: string;
          line_type: string | null;
          verified_at: Date | null;
          bounced_at: Date | null;
        }>(
          'SELECT id, kind, value, line_type, verified_at, bounced_at FROM contact_points WHERE debtor_id = $1 ORDER BY kind, created_at, value',
          [id],
        ),
        db.query<{
          channel: string;
          state: ConsentView['state'];
          source: string;
          recorded_at: Date;
          opted_out_at: Date | null;
        }>(
          'SELECT channel, state, source, recorded_at, opted_out_at FROM channel_consents WHERE debtor_id = $1 ORDER BY channel',
          [id],
        ),
        db.query<{ id: string }>('SELECT id FROM accounts WHERE debtor_id = $1 ORDER BY id', [id]),
      ]);
      return {
        ...toBase(r.rows[0]),
        contactPoints: cps.rows.map((c) => ({
          id: c.id,
          kind: c.kind,
          value: c.value,
          lineType: c.line_type,
          verifiedAt: iso(c.verified_at),
          bouncedAt: iso(c.bounced_at),
        })),
        consents: consents.rows.map((c) => ({
          channel: c.channel,
          state: c.state,
          source: c.source,
          recordedAt: isoReq(c.recorded_at),
          optedOutAt: iso(c.opted_out_at),
        })),
        accountIds: accounts.rows.map((a) => a.id),
      };
    },
    async list(orgId, page) {
      const params: unknown[] = [orgId];
      const where = ['org_id = $1'];
      if (page.country) where.push(`country = $${params.push(page.country)}`);
      if (page.after) where.push(`id > $${params.push(page.after)}`);
      const r = await db.query<Row>(
        `SELECT * FROM debtors WHERE ${where.join(' AND ')} ORDER BY id LIMIT $${params.push(page.limit + 1)}`,
        params,
      );
      const items = r.rows.slice(0, page.limit).map(toBase);
      return { items, nextCursor: r.rows.length > page.limit ? items[items.length - 1]!.id : null };
    },
  };
}
