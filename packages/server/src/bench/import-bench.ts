// Import throughput vs a raw COPY of the same rows into the same tables, on PGlite and on a real
// PostgreSQL. Each measurement runs in a child process so its peak RSS is its own.
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePortfolio } from '@saldo/core/demo';
import { importColumns } from '@saldo/core/record';
import { buildCore } from '../platform/composition-root.js';
import { loadConfig } from '../platform/config.js';
import { csvCell } from '../modules/imports/index.js';
import { BENCH_AS_OF, freshDb } from './bench-db.js';

export { BENCH_PG_URL } from './bench-db.js';
export { measureRawCopy } from './raw-copy-bench.js';

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
  for (const row of generatePortfolio({ debtors: Math.ceil(accounts / 1.2), seed: 7, asOf: BENCH_AS_OF })) {
    if (n >= accounts) break;
    if (!out.write(`${importColumns.map((c) => csvCell(row[c])).join(',')}\n`))
      await new Promise<void>((r) => out.once('drain', () => r()));
    n++;
  }
  await new Promise<void>((r) => out.end(() => r()));
  execFileSync('mv', [`${path}.part`, path]);
  return path;
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
