import type { FieldIssue } from '@saldo/core';
import { creditorOwnedStatuses, type RawImportRow, type ValidImportRow } from '@saldo/core/record';
import { formatMinor, isCurrency, type Currency } from '@saldo/core/money';
import type { Db, SqlExecutor } from '../../../shared/db/db.js';
import type { ImportCounts, ImportRecord, ImportSession, ImportStore, StatusConflict } from '../ports.js';
import { csvField, pgTextArray } from '../../../shared/db/copy-sql.js';
import {
  SNAPSHOT_EXISTING_DEBTORS,
  MERGE_ACCOUNTS,
  MERGE_CONSENTS,
  MERGE_CONTACT_POINTS,
  MERGE_DEBTORS,
  STAGE_COLUMNS,
  STAGE_TABLE,
} from './import-merge-sql.js';
import { ANALYZE_AFTER_ROWS, RECORD_TABLES, analyzeTables } from '../../../shared/db/maintenance.js';

/** HMAC of identity-check data (date of birth, id digits): never stored in clear. */
import type { IdentityHasher } from '../../../shared/crypto/deployment-secret.js';

export type { IdentityHasher } from '../../../shared/crypto/deployment-secret.js';

function stageLine(rowNo: number, r: ValidImportRow, hash: IdentityHasher): string {
  const b = (v: boolean | null) => (v === null ? '' : v ? 't' : 'f');
  return (
    [
      rowNo,
      csvField(r.externalRef),
      csvField(r.debtorRef),
      csvField(r.firstName),
      csvField(r.lastName),
      r.language,
      r.country,
      csvField(r.region),
      csvField(r.timezone),
      csvField(r.dateOfBirth && hash('dob', r.dateOfBirth)),
      csvField(r.nationalIdLast4 && hash('national_id', r.nationalIdLast4.toUpperCase())),
      csvField(r.phone),
      csvField(r.phoneType),
      csvField(r.email),
      csvField(r.whatsapp),
      b(r.consents.call),
      b(r.consents.sms),
      b(r.consents.whatsapp),
      b(r.consents.email),
      csvField(r.preferredChannel),
      csvField(pgTextArray(r.vulnerabilities)),
      csvField(r.product),
      r.currency,
      r.principalMinor,
      r.interestMinor,
      r.feesMinor,
      r.balanceMinor,
      csvField(r.delinquentSince),
      r.status,
      csvField(pgTextArray(r.tags)),
    ].join(',') + '\n'
  );
}

type StageRow = {
  row_no: number;
  external_ref: string;
  debtor_ref: string;
  first_name: string;
  last_name: string;
  language: string;
  country: string;
  region: string | null;
  timezone: string;
  phone: string | null;
  phone_type: string | null;
  email: string | null;
  whatsapp: string | null;
  c_call: boolean | null;
  c_sms: boolean | null;
  c_whatsapp: boolean | null;
  c_email: boolean | null;
  preferred_channel: string | null;
  vulnerabilities: string[];
  product: string;
  currency: string;
  principal: number;
  interest: number;
  fees: number;
  balance: number;
  delinquent_since: string | null;
  status: string;
  tags: string[];
};

/** A staged row back in the import format (normalised values) for a rejects file. */
function stagedToRaw(x: StageRow): RawImportRow {
  const cur = x.currency as Currency;
  const money = (n: number) => (isCurrency(cur) ? formatMinor(Number(n), cur) : String(n));
  const bool = (b: boolean | null) => (b === null ? undefined : String(b));
  const out: RawImportRow = {
    external_ref: x.external_ref,
    debtor_ref: x.debtor_ref,
    first_name: x.first_name,
    last_name: x.last_name,
    language: x.language,
    country: x.country,
    region: x.region ?? undefined,
    timezone: x.timezone,
    phone: x.phone ?? undefined,
    phone_type: x.phone_type ?? undefined,
    email: x.email ?? undefined,
    whatsapp: x.whatsapp ?? undefined,
    consent_call: bool(x.c_call),
    consent_sms: bool(x.c_sms),
    consent_whatsapp: bool(x.c_whatsapp),
    consent_email: bool(x.c_email),
    preferred_channel: x.preferred_channel ?? undefined,
    vulnerability: x.vulnerabilities.join(';') || undefined,
    product: x.product,
    currency: x.currency,
    principal: money(x.principal),
    interest: money(x.interest),
    fees: money(x.fees),
    balance: money(x.balance),
    delinquent_since: x.delinquent_since ? String(x.delinquent_since).slice(0, 10) : undefined,
    status: x.status,
    tags: x.tags.join(';') || undefined,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as RawImportRow;
}

function session(
  tx: SqlExecutor,
  ctx: { orgId: string; portfolioId: string; importId: string; now: Date },
  hash: IdentityHasher,
): ImportSession {
  return {
    async stage(rows) {
      let chunk = '';
      for (const { rowNo, row } of rows) chunk += stageLine(rowNo, row, hash);
      await tx.copyFrom(`COPY ${STAGE_TABLE} (${STAGE_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`, [
        chunk,
      ]);
    },
    async findStatusConflicts(): Promise<StatusConflict[]> {
      const r = await tx.query<{
        row_no: number;
        external_ref: string;
        from_status: string;
        to_status: string;
      }>(
        `SELECT s.row_no, s.external_ref, a.status AS from_status, s.status AS to_status
           FROM ${STAGE_TABLE} s JOIN accounts a ON a.org_id = $1 AND a.external_ref = s.external_ref
          WHERE s.status = ANY($2) AND s.status <> a.status`,
        [ctx.orgId, [...creditorOwnedStatuses]],
      );
      return r.rows.map((x) => ({
        rowNo: x.row_no,
        externalRef: x.external_ref,
        from: x.from_status,
        to: x.to_status,
      }));
    },
    async findDuplicates() {
      const r = await tx.query<StageRow & { first_row: number }>(
        `SELECT s.*, d.first_row FROM ${STAGE_TABLE} s
           JOIN (SELECT external_ref, min(row_no) AS first_row FROM ${STAGE_TABLE} GROUP BY external_ref HAVING count(*) > 1) d
             ON d.external_ref = s.external_ref AND s.row_no > d.first_row
          ORDER BY s.row_no`,
      );
      return r.rows.map((x) => ({
        rowNo: x.row_no,
        externalRef: x.external_ref,
        firstRow: x.first_row,
        raw: stagedToRaw(x),
      }));
    },
    async unstage(rowNos) {
      if (rowNos.length) await tx.query(`DELETE FROM ${STAGE_TABLE} WHERE row_no = ANY($1)`, [rowNos]);
    },
    async merge(): Promise<ImportCounts> {
      const params = [ctx.orgId, ctx.portfolioId, ctx.now, ctx.importId];
      await tx.exec(`ANALYZE ${STAGE_TABLE}`);
      await tx.query(SNAPSHOT_EXISTING_DEBTORS, [ctx.orgId]);
      await tx.query(MERGE_DEBTORS, [params[0], params[2]]);
      const acc = await tx.query<{ inserted: number; updated: number; staged: number }>(
        MERGE_ACCOUNTS,
        params,
      );
      await tx.query(MERGE_CONTACT_POINTS, [params[0], params[2], params[3]]);
      await tx.query(MERGE_CONSENTS, [params[0], params[2], params[3]]);
      const a = acc.rows[0] ?? { inserted: 0, updated: 0, staged: 0 };
      const inserted = Number(a.inserted);
      const updated = Number(a.updated);
      return { inserted, updated, unchanged: Number(a.staged) - inserted - updated };
    },
  };
}

type ImportRow = {
  id: string;
  org_id: string;
  portfolio_id: string;
  source_name: string;
  format: 'csv' | 'json';
  mode: 'all_or_nothing' | 'valid_rows';
  status: ImportRecord['status'];
  total_rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  error: string | null;
  started_at: Date;
  finished_at: Date | null;
};

function toRecord(r: ImportRow): ImportRecord {
  return {
    id: r.id,
    orgId: r.org_id,
    portfolioId: r.portfolio_id,
    sourceName: r.source_name,
    format: r.format,
    mode: r.mode,
    status: r.status,
    totalRows: r.total_rows,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    error: r.error,
    startedAt: new Date(r.started_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  };
}

/** Postgres/PGlite implementation of the import port: COPY into a temp staging table, then set-based merge. */
export function createSqlImportStore(db: Db, hash: IdentityHasher): ImportStore {
  return {
    async create(rec) {
      const r = await db.query<{ id: string }>(
        `INSERT INTO imports (org_id, portfolio_id, source_name, format, mode, status, created_by, started_at)
         VALUES ($1, $2, $3, $4, $5, 'running', $6, $7) RETURNING id`,
        [rec.orgId, rec.portfolioId, rec.sourceName, rec.format, rec.mode, rec.createdBy, rec.startedAt],
      );
      return r.rows[0]!.id;
    },
    run(ctx, fn) {
      return db.transaction(async (tx) => {
        await tx.exec(`CREATE TEMP TABLE ${STAGE_TABLE} (
          row_no int NOT NULL, external_ref text NOT NULL, debtor_ref text NOT NULL, first_name text NOT NULL, last_name text NOT NULL,
          language text NOT NULL, country text NOT NULL, region text, timezone text NOT NULL, dob_hash text, nid_hash text,
          phone text, phone_type text, email text, whatsapp text, c_call boolean, c_sms boolean, c_whatsapp boolean, c_email boolean,
          preferred_channel text, vulnerabilities text[] NOT NULL, product text NOT NULL, currency text NOT NULL,
          principal bigint NOT NULL, interest bigint NOT NULL, fees bigint NOT NULL, balance bigint NOT NULL,
          delinquent_since date, status text NOT NULL, tags text[] NOT NULL
        ) ON COMMIT DROP`);
        return fn(session(tx, ctx, hash));
      });
    },
    async finish(importId, o) {
      await db.query(
        `UPDATE imports SET status = $2, total_rows = $3, inserted = $4, updated = $5, unchanged = $6, rejected = $7, error = $8, finished_at = $9 WHERE id = $1`,
        [
          importId,
          o.status,
          o.totalRows,
          o.inserted,
          o.updated,
          o.unchanged,
          o.rejected,
          o.error,
          o.finishedAt,
        ],
      );
      // A bulk load moves the statistics more than the planner knows (see maintenance.ts).
      if (o.status === 'succeeded' && o.inserted + o.updated >= ANALYZE_AFTER_ROWS)
        await analyzeTables(db, RECORD_TABLES);
    },
    async recordErrors(importId, errors: ReadonlyArray<FieldIssue & { row: number }>) {
      for (let i = 0; i < errors.length; i += 1000) {
        const part = errors.slice(i, i + 1000);
        await db.copyFrom(
          'COPY import_errors (import_id, row_no, field, message) FROM STDIN WITH (FORMAT csv)',
          [
            part
              .map((e) => [csvField(importId), e.row, csvField(e.path), csvField(e.message)].join(','))
              .join('\n') + '\n',
          ],
        );
      }
    },
    async get(orgId, importId) {
      const r = await db.query<ImportRow>('SELECT * FROM imports WHERE org_id = $1 AND id = $2', [
        orgId,
        importId,
      ]);
      return r.rows[0] ? toRecord(r.rows[0]) : null;
    },
    async listErrors(orgId, importId, page) {
      const r = await db.query<{ row_no: number; field: string; message: string }>(
        `SELECT e.row_no, e.field, e.message FROM import_errors e JOIN imports i ON i.id = e.import_id
          WHERE i.org_id = $1 AND e.import_id = $2 ORDER BY e.row_no, e.field LIMIT $3 OFFSET $4`,
        [orgId, importId, page.limit, page.offset],
      );
      return r.rows.map((x) => ({ row: x.row_no, field: x.field, message: x.message }));
    },
  };
}
