import { creditorOwnedStatuses } from '@saldo/core/record';
import { sqlTextList } from '../../../shared/db/sql-list.js';

// Set-based merge of a staged import into the common record. Each statement is idempotent:
// re-importing the same file updates nothing (the WHERE … IS DISTINCT FROM clauses), so a
// re-import writes no rows and no timeline events.

export const STAGE_TABLE = 'import_stage';
/** Debtors of the file that existed before this import (filled before the debtor merge). */
export const EXISTING_DEBTORS = 'import_existing_debtors';
export const SNAPSHOT_EXISTING_DEBTORS = `CREATE TEMP TABLE ${EXISTING_DEBTORS} ON COMMIT DROP AS
  SELECT d.id FROM debtors d WHERE d.org_id = $1 AND d.external_ref IN (SELECT debtor_ref FROM ${STAGE_TABLE})`;
export const STAGE_COLUMNS = [
  'row_no',
  'external_ref',
  'debtor_ref',
  'first_name',
  'last_name',
  'language',
  'country',
  'region',
  'timezone',
  'dob_hash',
  'nid_hash',
  'phone',
  'phone_type',
  'email',
  'whatsapp',
  'c_call',
  'c_sms',
  'c_whatsapp',
  'c_email',
  'preferred_channel',
  'vulnerabilities',
  'product',
  'currency',
  'principal',
  'interest',
  'fees',
  'balance',
  'delinquent_since',
  'status',
  'tags',
] as const;

// Statuses a creditor file may set on an existing account (core `creditorOwnedStatuses`); a move
// to one of them was checked against the status machine before the merge (import-portfolio.ts).
const OWNED = sqlTextList(creditorOwnedStatuses);

// $1 org, $2 now. Last row of a debtor in the file wins; blank identity data keeps what is stored.
// A debtor erased on request or by retention (ADR 0010) stays erased: a file that still names them
// updates their accounts, never their personal data, contact points or consents.
export const MERGE_DEBTORS = `
INSERT INTO debtors AS d (org_id, external_ref, first_name, last_name, language, country, region, timezone, dob_hash,
                          national_id_hash, vulnerabilities, preferred_channel, created_at, updated_at)
SELECT DISTINCT ON (debtor_ref) $1, debtor_ref, first_name, last_name, language, country, region, timezone, dob_hash,
       nid_hash, vulnerabilities, preferred_channel, $2::timestamptz, $2::timestamptz
  FROM ${STAGE_TABLE} ORDER BY debtor_ref, row_no DESC
ON CONFLICT (org_id, external_ref) DO UPDATE SET
  first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name, language = EXCLUDED.language,
  country = EXCLUDED.country, region = EXCLUDED.region, timezone = EXCLUDED.timezone,
  dob_hash = COALESCE(EXCLUDED.dob_hash, d.dob_hash), national_id_hash = COALESCE(EXCLUDED.national_id_hash, d.national_id_hash),
  vulnerabilities = EXCLUDED.vulnerabilities, preferred_channel = COALESCE(EXCLUDED.preferred_channel, d.preferred_channel),
  updated_at = EXCLUDED.updated_at
WHERE d.erased_at IS NULL AND ((d.first_name, d.last_name, d.language, d.country, d.region, d.timezone, d.vulnerabilities)
      IS DISTINCT FROM (EXCLUDED.first_name, EXCLUDED.last_name, EXCLUDED.language, EXCLUDED.country, EXCLUDED.region, EXCLUDED.timezone, EXCLUDED.vulnerabilities)
   OR (EXCLUDED.dob_hash IS NOT NULL AND EXCLUDED.dob_hash IS DISTINCT FROM d.dob_hash)
   OR (EXCLUDED.national_id_hash IS NOT NULL AND EXCLUDED.national_id_hash IS DISTINCT FROM d.national_id_hash)
   OR (EXCLUDED.preferred_channel IS NOT NULL AND EXCLUDED.preferred_channel IS DISTINCT FROM d.preferred_channel))`;

// $1 org, $2 portfolio, $3 now, $4 import id. Old values are read in the same statement's
// snapshot (CTE "old") so balance and status changes land in the timeline with before/after.
export const MERGE_ACCOUNTS = `
WITH old AS (
  SELECT a.id, a.balance_minor, a.status FROM accounts a JOIN ${STAGE_TABLE} s ON a.org_id = $1 AND a.external_ref = s.external_ref
), up AS (
  INSERT INTO accounts AS a (org_id, portfolio_id, debtor_id, external_ref, product, currency, principal_minor, interest_minor,
                             fees_minor, balance_minor, delinquent_since, status, tags, created_at, updated_at)
  SELECT $1, $2, d.id, s.external_ref, s.product, s.currency, s.principal, s.interest, s.fees, s.balance, s.delinquent_since,
         s.status, s.tags, $3::timestamptz, $3::timestamptz
    FROM ${STAGE_TABLE} s JOIN debtors d ON d.org_id = $1 AND d.external_ref = s.debtor_ref
  ON CONFLICT (org_id, external_ref) DO UPDATE SET
    debtor_id = EXCLUDED.debtor_id, product = EXCLUDED.product, currency = EXCLUDED.currency,
    principal_minor = EXCLUDED.principal_minor, interest_minor = EXCLUDED.interest_minor, fees_minor = EXCLUDED.fees_minor,
    balance_minor = EXCLUDED.balance_minor, delinquent_since = EXCLUDED.delinquent_since, tags = EXCLUDED.tags,
    status = CASE WHEN EXCLUDED.status IN ${OWNED} THEN EXCLUDED.status ELSE a.status END,
    updated_at = EXCLUDED.updated_at
  WHERE (a.debtor_id, a.product, a.currency, a.principal_minor, a.interest_minor, a.fees_minor, a.balance_minor, a.delinquent_since, a.tags)
        IS DISTINCT FROM (EXCLUDED.debtor_id, EXCLUDED.product, EXCLUDED.currency, EXCLUDED.principal_minor, EXCLUDED.interest_minor,
                          EXCLUDED.fees_minor, EXCLUDED.balance_minor, EXCLUDED.delinquent_since, EXCLUDED.tags)
     OR (EXCLUDED.status IN ${OWNED} AND EXCLUDED.status <> a.status)
  RETURNING a.id, a.debtor_id, a.balance_minor, a.status, a.currency, (xmax = 0) AS inserted
), ev AS (
  INSERT INTO timeline_events (org_id, debtor_id, account_id, occurred_at, kind, actor, summary, data)
  SELECT $1, up.debtor_id, up.id, $3::timestamptz,
         CASE WHEN old.status <> up.status THEN 'status_change' ELSE 'import' END, 'system',
         CASE WHEN old.status <> up.status THEN 'Status ' || old.status || ' → ' || up.status || ' (creditor file)'
              ELSE 'Account updated by creditor file' END,
         jsonb_build_object('importId', $4::text, 'balanceBefore', old.balance_minor, 'balanceAfter', up.balance_minor,
                            'statusBefore', old.status, 'statusAfter', up.status, 'currency', up.currency)
    FROM up JOIN old ON old.id = up.id
)
SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated,
       (SELECT count(*)::int FROM ${STAGE_TABLE}) AS staged
  FROM up`;

// $1 org, $2 now, $3 import id. New contact points of debtors that existed before this import
// are contact changes worth a timeline entry; first placement is not. The entry says which kind of
// contact point was added, not its value: the value lives in contact_points, which erasure deletes
// (ADR 0010: a set-based SQL writer cannot seal under the debtor's key).
export const MERGE_CONTACT_POINTS = `
WITH src AS (
  SELECT DISTINCT ON (d.id, x.kind, x.value) d.id AS debtor_id, x.kind, x.value, x.line_type
    FROM ${STAGE_TABLE} s JOIN debtors d ON d.org_id = $1 AND d.external_ref = s.debtor_ref AND d.erased_at IS NULL
   CROSS JOIN LATERAL (VALUES ('phone', s.phone, s.phone_type), ('email', s.email, NULL), ('whatsapp', s.whatsapp, NULL)) AS x(kind, value, line_type)
   WHERE x.value IS NOT NULL
   ORDER BY d.id, x.kind, x.value, s.row_no DESC
), up AS (
  INSERT INTO contact_points AS c (org_id, debtor_id, kind, value, line_type, created_at, updated_at)
  SELECT $1, debtor_id, kind, value, line_type, $2::timestamptz, $2::timestamptz FROM src
  ON CONFLICT (debtor_id, kind, value) DO UPDATE SET line_type = EXCLUDED.line_type, updated_at = EXCLUDED.updated_at
  WHERE EXCLUDED.line_type IS NOT NULL AND c.line_type IS DISTINCT FROM EXCLUDED.line_type
  RETURNING c.debtor_id, c.kind, c.value, (xmax = 0) AS inserted
)
INSERT INTO timeline_events (org_id, debtor_id, occurred_at, kind, actor, summary, data)
SELECT $1, up.debtor_id, $2::timestamptz, 'contact_change', 'system', 'New ' || up.kind || ' from creditor file',
       jsonb_build_object('importId', $3::text, 'kind', up.kind)
  FROM up JOIN src ON src.debtor_id = up.debtor_id AND src.kind = up.kind AND src.value = up.value
 WHERE up.inserted AND up.debtor_id IN (SELECT id FROM ${EXISTING_DEBTORS})`;

// $1 org, $2 now, $3 import id. Consent from the creditor file; opt-outs recorded by Saldo are
// never cleared by a file (opted_out_at is not touched).
export const MERGE_CONSENTS = `
INSERT INTO channel_consents AS cc (org_id, debtor_id, channel, state, source, recorded_at)
SELECT DISTINCT ON (d.id, x.channel) $1, d.id, x.channel, CASE WHEN x.v THEN 'granted' ELSE 'denied' END, 'import:' || $3::text, $2::timestamptz
  FROM ${STAGE_TABLE} s JOIN debtors d ON d.org_id = $1 AND d.external_ref = s.debtor_ref AND d.erased_at IS NULL
 CROSS JOIN LATERAL (VALUES ('call', s.c_call), ('sms', s.c_sms), ('whatsapp', s.c_whatsapp), ('email', s.c_email)) AS x(channel, v)
 WHERE x.v IS NOT NULL
 ORDER BY d.id, x.channel, s.row_no DESC
ON CONFLICT (debtor_id, channel) DO UPDATE SET state = EXCLUDED.state, source = EXCLUDED.source, recorded_at = EXCLUDED.recorded_at
WHERE cc.state IS DISTINCT FROM EXCLUDED.state`;
