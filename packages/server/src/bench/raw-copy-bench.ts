// The baseline of the import benchmark: the same rows, already shaped as table rows, loaded with
// raw COPY into the same tables (no validation, no merge, no de-duplication in the timed part).
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { validateImportRow, type ValidImportRow } from '@saldo/core/record';
import type { Db } from '../shared/db/db.js';
import { migrate } from '../shared/db/migrate.js';
import { csvField, pgTextArray } from '../shared/db/copy-sql.js';
import { openCsvImportSource } from '../modules/imports/index.js';
import { BENCH_AS_OF, freshDb } from './bench-db.js';

const tables = ['debtors', 'contacts', 'accounts'] as const;
type Table = (typeof tables)[number];

const COPY_SQL: Record<Table, string> = {
  debtors:
    'COPY debtors (id, org_id, external_ref, first_name, last_name, language, country, region, timezone, vulnerabilities, created_at, updated_at) FROM STDIN WITH (FORMAT csv)',
  contacts:
    'COPY contact_points (id, org_id, debtor_id, kind, value, line_type, created_at, updated_at) FROM STDIN WITH (FORMAT csv)',
  accounts:
    'COPY accounts (id, org_id, portfolio_id, debtor_id, external_ref, product, currency, principal_minor, interest_minor, fees_minor, balance_minor, delinquent_since, status, tags, created_at, updated_at) FROM STDIN WITH (FORMAT csv)',
};

/** The organisation and portfolio the rows belong to, and the instant every row is written at. */
interface Owner {
  org: string;
  pf: string;
  now: string;
}

/** Child: the same rows, already shaped as table rows, loaded with raw COPY into the same tables. */
export async function measureRawCopy(storage: 'pglite' | 'postgres', file: string) {
  const { db, drop } = await freshDb(storage);
  try {
    await migrate(db, new Date(BENCH_AS_OF));
    const owner = await createOwner(db, new Date(BENCH_AS_OF).toISOString());
    // Shape the rows outside the timed part: parse + validate + id assignment are not COPY's work.
    const dir = join(tmpdir(), 'saldo-bench', `raw-${randomBytes(4).toString('hex')}`);
    mkdirSync(dir, { recursive: true });
    const files = Object.fromEntries(tables.map((t) => [t, join(dir, `${t}.csv`)])) as Record<Table, string>;
    const debtors = await shapeRows(file, owner, files);
    const t0 = performance.now();
    await db.transaction(async () => {
      for (const t of tables) await copyFile(db, COPY_SQL[t], files[t]);
    });
    const seconds = (performance.now() - t0) / 1000;
    execFileSync('rm', ['-rf', dir]);
    return { copySeconds: seconds, debtors };
  } finally {
    await drop();
  }
}

async function createOwner(db: Db, now: string): Promise<Owner> {
  const org = (
    await db.query<{ id: string }>(
      `INSERT INTO organizations (slug, name, created_at) VALUES ('bench', 'bench', $1) RETURNING id`,
      [now],
    )
  ).rows[0]!.id;
  await db.query(`INSERT INTO creditors (org_id, name, created_at) VALUES ($1, 'c', $2)`, [org, now]);
  const pf = (
    await db.query<{ id: string }>(
      `INSERT INTO portfolios (org_id, creditor_id, code, name, currency, country, created_at) SELECT $1, id, 'bench', 'bench', 'USD', 'US', $2 FROM creditors WHERE org_id = $1 RETURNING id`,
      [org, now],
    )
  ).rows[0]!.id;
  return { org, pf, now };
}

/** Validates the CSV and writes one COPY file per table; returns the number of debtors. */
async function shapeRows(file: string, owner: Owner, files: Record<Table, string>): Promise<number> {
  const outs = Object.fromEntries(tables.map((t) => [t, createWriteStream(files[t])])) as Record<
    Table,
    WriteStream
  >;
  const debtorIds = new Map<string, string>();
  const src = await openCsvImportSource(file);
  for await (const { raw } of src.rows) {
    const v = validateImportRow(raw, { asOf: BENCH_AS_OF });
    if (!v.ok) continue;
    const r: ValidImportRow = v.row;
    let did = debtorIds.get(r.debtorRef);
    if (!did) {
      did = newId('dbt');
      debtorIds.set(r.debtorRef, did);
      outs.debtors.write(debtorLine(r, did, owner));
      for (const line of contactLines(r, did, owner)) outs.contacts.write(line);
    }
    outs.accounts.write(accountLine(r, did, owner));
  }
  await Promise.all(Object.values(outs).map((o) => new Promise<void>((res) => o.end(() => res()))));
  return debtorIds.size;
}

const newId = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, '')}`;
const line = (fields: unknown[]) => fields.join(',') + '\n';

function debtorLine(r: ValidImportRow, did: string, { org, now }: Owner): string {
  return line([
    did,
    org,
    csvField(r.debtorRef),
    csvField(r.firstName),
    csvField(r.lastName),
    r.language,
    r.country,
    csvField(r.region),
    csvField(r.timezone),
    csvField(pgTextArray(r.vulnerabilities)),
    now,
    now,
  ]);
}

function contactLines(r: ValidImportRow, did: string, { org, now }: Owner): string[] {
  const lines: string[] = [];
  if (r.phone)
    lines.push(line([newId('cp'), org, did, 'phone', csvField(r.phone), csvField(r.phoneType), now, now]));
  if (r.email) lines.push(line([newId('cp'), org, did, 'email', csvField(r.email), '', now, now]));
  return lines;
}

function accountLine(r: ValidImportRow, did: string, { org, pf, now }: Owner): string {
  return line([
    newId('acct'),
    org,
    pf,
    did,
    csvField(r.externalRef),
    csvField(r.product),
    r.currency,
    r.principalMinor,
    r.interestMinor,
    r.feesMinor,
    r.balanceMinor,
    csvField(r.delinquentSince),
    r.status,
    csvField(pgTextArray(r.tags)),
    now,
    now,
  ]);
}

/** COPYs a file, streamed in 8 MiB chunks cut at line ends (PGlite takes one blob per COPY call). */
async function copyFile(db: Db, sql: string, path: string): Promise<number> {
  async function* chunks() {
    let buf = '';
    for await (const c of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      buf += c;
      if (buf.length > 8 << 20) {
        const cut = buf.lastIndexOf('\n') + 1;
        yield buf.slice(0, cut);
        buf = buf.slice(cut);
      }
    }
    if (buf) yield buf;
  }
  let rows = 0;
  if (db.kind === 'postgres') rows += await db.copyFrom(sql, chunks());
  else for await (const c of chunks()) rows += await db.copyFrom(sql, [c]);
  return rows;
}
