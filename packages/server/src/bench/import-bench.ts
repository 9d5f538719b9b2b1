// Import throughput vs a raw COPY of the same rows into the same tables, on PGlite and on a real
// PostgreSQL. Each measurement runs in a child process so its peak RSS is its own.
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { generatePortfolio } from '@saldo/core/demo';
import { importColumns, validateImportRow, type ValidImportRow } from '@saldo/core/record';
import { openPgliteDb } from '../shared/db/pglite-db.js';
import { openPostgresDb } from '../shared/db/postgres-db.js';
import { migrate } from '../shared/db/migrate.js';
import { csvField, pgTextArray } from '../shared/db/copy-sql.js';
import { buildCore } from '../platform/composition-root.js';
import { loadConfig } from '../platform/config.js';
import { csvCell } from '../modules/imports/index.js';
import type { Db } from '../shared/db/db.js';

export const BENCH_PG_URL =
  process.env.SALDO_BENCH_DATABASE_URL ??
  process.env.SALDO_TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const AS_OF = '2026-11-24';
const binPath = new URL('../../bin/saldo.mjs', import.meta.url).pathname;

/** A demo CSV with about `accounts` rows (cached in the temp dir by size). */
export async function benchCsv(accounts: number): Promise<string> {
  const dir = join(tmpdir(), 'saldo-bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `portfolio-${accounts}.csv`);
  if (existsSync(path)) return path;
  const out = createWriteStream(`${path}.part`);
  out.write(`${importColumns.join(',')}\n`);
  let n = 0;
  // Debtors average ~1.22 accounts: generate debtors until the account count is reached.
  for (const row of generatePortfolio({ debtors: Math.ceil(accounts / 1.2), seed: 7, asOf: AS_OF })) {
    if (n >= accounts) break;
    if (!out.write(`${importColumns.map((c) => csvCell(row[c])).join(',')}\n`))
      await new Promise<void>((r) => out.once('drain', () => r()));
    n++;
  }
  await new Promise<void>((r) => out.end(() => r()));
  execFileSync('mv', [`${path}.part`, path]);
  return path;
}

async function freshDb(storage: 'pglite' | 'postgres'): Promise<{ db: Db; drop(): Promise<void> }> {
  if (storage === 'pglite') {
    const db = await openPgliteDb();
    return { db, drop: () => db.close() };
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BENCH_PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(BENCH_PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openPostgresDb(url.toString());
  return {
    db,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: BENCH_PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** Child: one import (then a re-import of the same file) through the real pipeline. */
export async function measureImport(storage: 'pglite' | 'postgres', file: string) {
  const { db, drop } = await freshDb(storage);
  try {
    const p = await buildCore({ db, config: loadConfig({ SALDO_SECRET_KEY: 'bench-secret-0123456789' }) });
    const t0 = performance.now();
    const first = await p.imports.importCsvFile(p.defaultOrgId, file, {
      portfolio: { code: 'bench' },
      mode: 'all_or_nothing',
    });
    const t1 = performance.now();
    // maxRSS is a high-water mark: read now, it is the first import's own peak.
    const importMaxRssMb = process.resourceUsage().maxRSS / 1024;
    const again = await p.imports.importCsvFile(p.defaultOrgId, file, {
      portfolio: { code: 'bench' },
      mode: 'all_or_nothing',
    });
    const t2 = performance.now();
    return {
      rows: first.totalRows,
      status: first.status,
      inserted: first.inserted,
      importSeconds: (t1 - t0) / 1000,
      reimport: {
        inserted: again.inserted,
        updated: again.updated,
        unchanged: again.unchanged,
        seconds: (t2 - t1) / 1000,
      },
      maxRssMb: importMaxRssMb,
      maxRssWithReimportMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await drop();
  }
}

/** Child: the same rows, already shaped as table rows, loaded with raw COPY into the same tables. */
export async function measureRawCopy(storage: 'pglite' | 'postgres', file: string) {
  const { db, drop } = await freshDb(storage);
  try {
    await migrate(db, new Date(AS_OF));
    const now = new Date(AS_OF).toISOString();
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
    // Shape the rows outside the timed part: parse + validate + id assignment are not COPY's work.
    const dir = join(tmpdir(), 'saldo-bench', `raw-${randomBytes(4).toString('hex')}`);
    mkdirSync(dir, { recursive: true });
    const files = {
      debtors: join(dir, 'debtors.csv'),
      contacts: join(dir, 'contacts.csv'),
      accounts: join(dir, 'accounts.csv'),
    };
    const outs = {
      debtors: createWriteStream(files.debtors),
      contacts: createWriteStream(files.contacts),
      accounts: createWriteStream(files.accounts),
    };
    const debtorIds = new Map<string, string>();
    const { openCsvImportSource } = await import('../modules/imports/index.js');
    const src = await openCsvImportSource(file);
    for await (const { raw } of src.rows) {
      const v = validateImportRow(raw, { asOf: AS_OF });
      if (!v.ok) continue;
      const r: ValidImportRow = v.row;
      let did = debtorIds.get(r.debtorRef);
      if (!did) {
        did = `dbt_${randomUUID().replace(/-/g, '')}`;
        debtorIds.set(r.debtorRef, did);
        outs.debtors.write(
          [
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
          ].join(',') + '\n',
        );
        if (r.phone)
          outs.contacts.write(
            [
              `cp_${randomUUID().replace(/-/g, '')}`,
              org,
              did,
              'phone',
              csvField(r.phone),
              csvField(r.phoneType),
              now,
              now,
            ].join(',') + '\n',
          );
        if (r.email)
          outs.contacts.write(
            [`cp_${randomUUID().replace(/-/g, '')}`, org, did, 'email', csvField(r.email), '', now, now].join(
              ',',
            ) + '\n',
          );
      }
      outs.accounts.write(
        [
          `acct_${randomUUID().replace(/-/g, '')}`,
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
        ].join(',') + '\n',
      );
    }
    await Promise.all(Object.values(outs).map((o) => new Promise<void>((res) => o.end(() => res()))));
    const copy = async (sql: string, path: string) => {
      // Stream the file in 8 MiB chunks (PGlite takes one blob per COPY call, so chunk by lines).
      let rows = 0;
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
      if (db.kind === 'postgres') rows += await db.copyFrom(sql, chunks());
      else for await (const c of chunks()) rows += await db.copyFrom(sql, [c]);
      return rows;
    };
    const t0 = performance.now();
    await db.transaction(async () => {
      await copy(
        'COPY debtors (id, org_id, external_ref, first_name, last_name, language, country, region, timezone, vulnerabilities, created_at, updated_at) FROM STDIN WITH (FORMAT csv)',
        files.debtors,
      );
      await copy(
        'COPY contact_points (id, org_id, debtor_id, kind, value, line_type, created_at, updated_at) FROM STDIN WITH (FORMAT csv)',
        files.contacts,
      );
      await copy(
        'COPY accounts (id, org_id, portfolio_id, debtor_id, external_ref, product, currency, principal_minor, interest_minor, fees_minor, balance_minor, delinquent_since, status, tags, created_at, updated_at) FROM STDIN WITH (FORMAT csv)',
        files.accounts,
      );
    });
    const seconds = (performance.now() - t0) / 1000;
    execFileSync('rm', ['-rf', dir]);
    return { copySeconds: seconds, debtors: debtorIds.size };
  } finally {
    await drop();
  }
}

function child(kind: 'import' | 'copy', storage: string, file: string): Record<string, unknown> {
  const out = execFileSync(
    process.execPath,
    [binPath, 'bench', '--child', kind, '--storage', storage, '--file', file],
    { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
}

export async function runImportBench(
  log: (l: string) => void,
  o: { sizes: number[]; storages: ('pglite' | 'postgres')[] },
) {
  const results = [];
  for (const size of o.sizes) {
    const file = await benchCsv(size);
    for (const storage of o.storages) {
      log(`import bench: ${size.toLocaleString('en-US')} accounts on ${storage}…`);
      const imp = child('import', storage, file) as {
        rows: number;
        importSeconds: number;
        maxRssMb: number;
        reimport: { inserted: number; updated: number; unchanged: number; seconds: number };
      };
      const raw = child('copy', storage, file) as { copySeconds: number };
      const r = {
        name: `import ${size} on ${storage}`,
        rows: imp.rows,
        importRowsPerSecond: Math.round(imp.rows / imp.importSeconds),
        rawCopyRowsPerSecond: Math.round(imp.rows / raw.copySeconds),
        ratio: Number((raw.copySeconds / imp.importSeconds).toFixed(3)),
        importSeconds: Number(imp.importSeconds.toFixed(1)),
        copySeconds: Number(raw.copySeconds.toFixed(1)),
        maxRssMb: Math.round(imp.maxRssMb),
        reimport: imp.reimport,
      };
      log(
        `  import ${r.importSeconds}s (${r.importRowsPerSecond.toLocaleString('en-US')} rows/s), raw COPY ${r.copySeconds}s (${r.rawCopyRowsPerSecond.toLocaleString('en-US')} rows/s), ratio ${r.ratio}, peak RSS ${r.maxRssMb} MB; re-import: ${imp.reimport.inserted} inserted, ${imp.reimport.updated} updated, ${imp.reimport.unchanged} unchanged in ${imp.reimport.seconds.toFixed(1)}s`,
      );
      results.push(r);
    }
  }
  return results;
}
