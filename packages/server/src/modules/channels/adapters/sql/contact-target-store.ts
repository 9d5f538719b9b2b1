import type {
  ComplianceRefusal,
  ComplianceRefusalStore,
  ContactTarget,
  ContactTargetStore,
} from '../../ports/contact-records.js';
import type { SqlExecutor } from '../../../../shared/db/db.js';
import { iso, isoReq } from '../../../../shared/db/iso.js';

type AccountRow = {
  account_id: string;
  status: string;
  currency: string;
  balance_minor: number | string;
  tags: string[];
  creditor_name: string;
  collector_name: string;
  debtor_id: string;
  first_name: string;
  last_name: string;
  language: 'es' | 'en';
  country: string;
  region: string | null;
  timezone: string;
  vulnerabilities: string[];
  next_due: string | null;
  other_statuses: string[] | null;
  open_dispute: boolean;
  paused_until: string | null;
  last_wa_inbound: Date | null;
  contact_points: Array<{
    kind: 'phone' | 'email' | 'whatsapp';
    value: string;
    line_type: string | null;
    verified: boolean;
    bounced: boolean;
    wrong_party: boolean;
  }> | null;
  consents: Array<{
    channel: string;
    state: 'granted' | 'denied' | 'unknown';
    opted_out_at: string | null;
  }> | null;
};

const TARGET_SQL = `SELECT a.id AS account_id, a.status, a.currency, a.balance_minor, a.tags, a.collection_paused_until::text AS paused_until, c.name AS creditor_name, o.name AS collector_name,
       d.id AS debtor_id, d.first_name, d.last_name, d.language, d.country, d.region, d.timezone, d.vulnerabilities,
       (SELECT min(x.due) FROM (
           SELECT p.due_date AS due FROM promises p WHERE p.account_id = a.id AND p.status = 'pending'
           UNION ALL
           SELECT i.due_date FROM plan_installments i JOIN payment_plans pp ON pp.id = i.plan_id
            WHERE pp.account_id = a.id AND pp.status = 'active' AND i.status IN ('pending','late')) x)::text AS next_due,
       (SELECT array_agg(DISTINCT o2.status) FROM accounts o2 WHERE o2.debtor_id = d.id AND o2.id <> a.id) AS other_statuses,
       EXISTS (SELECT 1 FROM disputes ds WHERE ds.account_id = a.id AND ds.status IN ('open','verified')) AS open_dispute,
       -- One index probe per address (inbound_events_whatsapp_from), never a scan of the org's events.
       (SELECT max(w.at) FROM contact_points cp CROSS JOIN LATERAL (
           SELECT max(ie.received_at) AS at FROM inbound_events ie
            WHERE ie.org_id = a.org_id AND ie.type = 'message' AND ie.channel = 'whatsapp' AND ie.payload->>'from' = cp.value) w
         WHERE cp.debtor_id = d.id AND cp.kind IN ('whatsapp','phone')) AS last_wa_inbound,
       -- By debtor only (a debtor belongs to one organisation): an org_id test here lets the planner
       -- AND in the org-wide index, a scan of every contact point of the organisation per account.
       (SELECT json_agg(json_build_object('kind', cp.kind, 'value', cp.value, 'line_type', cp.line_type, 'verified', cp.verified_at IS NOT NULL, 'bounced', cp.bounced_at IS NOT NULL, 'wrong_party', cp.wrong_party_at IS NOT NULL)
               ORDER BY cp.verified_at DESC NULLS LAST, cp.created_at, cp.kind, cp.value)
          -- With the points a wrong party answered on (the dialogue marks them): the send path uses
          -- one only for the apology that answers that person (recipientFor).
          FROM contact_points cp WHERE cp.debtor_id = d.id) AS contact_points,
       (SELECT json_agg(json_build_object('channel', cc.channel, 'state', cc.state, 'opted_out_at', cc.opted_out_at) ORDER BY cc.channel)
          FROM channel_consents cc WHERE cc.debtor_id = d.id) AS consents
  FROM accounts a
  JOIN debtors d ON d.id = a.debtor_id
  JOIN portfolios pf ON pf.id = a.portfolio_id
  JOIN creditors c ON c.id = pf.creditor_id
  JOIN organizations o ON o.id = a.org_id
 WHERE a.org_id = $1 AND a.id = ANY($2::text[])`;

function toTarget(orgId: string, a: AccountRow): ContactTarget {
  return {
    orgId,
    accountId: a.account_id,
    accountStatus: a.status,
    currency: a.currency.trim(),
    balanceMinor: Number(a.balance_minor),
    tags: a.tags,
    creditorName: a.creditor_name,
    collectorName: a.collector_name,
    nextDueDate: a.next_due,
    otherAccountStatuses: a.other_statuses ?? [],
    openDispute: a.open_dispute,
    pausedUntil: a.paused_until,
    debtor: {
      id: a.debtor_id,
      firstName: a.first_name,
      lastName: a.last_name,
      language: a.language,
      country: a.country.trim(),
      region: a.region,
      timezone: a.timezone,
      vulnerabilities: a.vulnerabilities,
    },
    contactPoints: (a.contact_points ?? []).map((c) => ({
      kind: c.kind,
      value: c.value,
      lineType: c.line_type,
      verified: c.verified,
      bounced: c.bounced,
      wrongParty: c.wrong_party,
    })),
    consents: (a.consents ?? []).map((c) => ({
      channel: c.channel,
      state: c.state,
      optedOutAt: iso(c.opted_out_at),
    })),
    lastWhatsAppInboundAt: iso(a.last_wa_inbound),
  };
}

/** Loads an account, its debtor, contact points, consents and debtor-level flags in one query. */
export function createSqlContactTargetStore(db: SqlExecutor): ContactTargetStore {
  return {
    async load(orgId, accountId) {
      const r = await db.query<AccountRow>(TARGET_SQL, [orgId, [accountId]]);
      const a = r.rows[0];
      return a ? toTarget(orgId, a) : null;
    },

    async loadMany(orgId, accountIds) {
      const r = await db.query<AccountRow>(TARGET_SQL, [orgId, [...new Set(accountIds)]]);
      return new Map(r.rows.map((a) => [a.account_id, toTarget(orgId, a)]));
    },
  };
}

/** The audit trail of refused contacts (`compliance_refusals`). */
export function createSqlComplianceRefusalStore(db: SqlExecutor): ComplianceRefusalStore {
  type Row = {
    id: string;
    org_id: string;
    account_id: string;
    debtor_id: string;
    channel: ComplianceRefusal['channel'];
    template_id: string;
    idempotency_key: string;
    requested_by: string;
    reasons: ComplianceRefusal['reasons'];
    next_allowed_at: Date | null;
    at: Date;
  };
  return {
    async record(x) {
      const r = await db.query<{ id: string }>(
        `INSERT INTO compliance_refusals (org_id, account_id, debtor_id, channel, template_id, idempotency_key, requested_by, rule_ids, reasons, next_allowed_at, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9, $10, $11) RETURNING id`,
        [
          x.orgId,
          x.accountId,
          x.debtorId,
          x.channel,
          x.templateId,
          x.idempotencyKey,
          x.requestedBy,
          x.reasons.map((e) => e.rule),
          JSON.stringify(x.reasons),
          x.nextAllowedAt,
          x.at,
        ],
      );
      return r.rows[0]!.id;
    },
    async listForAccount(orgId, accountId, limit) {
      const r = await db.query<Row>(
        'SELECT * FROM compliance_refusals WHERE org_id = $1 AND account_id = $2 ORDER BY at DESC, id LIMIT $3',
        [orgId, accountId, limit],
      );
      return r.rows.map((x) => ({
        id: x.id,
        orgId: x.org_id,
        accountId: x.account_id,
        debtorId: x.debtor_id,
        channel: x.channel,
        templateId: x.template_id,
        idempotencyKey: x.idempotency_key,
        requestedBy: x.requested_by,
        reasons: x.reasons,
        nextAllowedAt: iso(x.next_allowed_at),
        at: new Date(isoReq(x.at)),
      }));
    },
  };
}
