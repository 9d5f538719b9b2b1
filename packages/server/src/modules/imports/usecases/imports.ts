import { SaldoError } from '@saldo/core';
import type { RawImportRow } from '@saldo/core/record';
import type { SourceRow } from '../ports.js';
import type { ImportHooks, ImportMode } from './import-portfolio.js';
import { runImport, type ImportRunDeps, type PortfolioRef } from './import-run.js';

export type { PortfolioRef } from './import-run.js';

type ImportsDeps = ImportRunDeps & { openCsv: OpenCsv };

/**
 * Opens a CSV source (a path on the server's disk); provided by the composition root. `name` is
 * how its errors call the file (default: the path, which an upload's spool file must not show).
 */
export type OpenCsv = (
  path: string,
  opts: { encoding?: 'utf8' | 'latin1' | 'auto'; onBytes?: (n: number) => void; name?: string },
) => Promise<{ rows: AsyncIterable<SourceRow>; info: { ignoredColumns: string[] } }>;

/** Portfolio imports: a CSV file on the server's disk (CLI), rows in-process, or started from the API. */
export function createImports(deps: ImportsDeps) {
  const { imports } = deps;
  return {
    /** Import a CSV file from the server's disk (CLI). */
    async importCsvFile(
      orgId: string,
      path: string,
      o: {
        portfolio: PortfolioRef;
        mode: ImportMode;
        encoding?: 'utf8' | 'latin1' | 'auto';
        createdBy?: string;
        onBytes?: (n: number) => void;
      } & ImportHooks,
    ) {
      const src = await deps.openCsv(path, { encoding: o.encoding, onBytes: o.onBytes });
      const source = { name: path.split('/').pop() ?? path, format: 'csv' as const };
      const req = { orgId, createdBy: o.createdBy ?? null, portfolio: o.portfolio, mode: o.mode, source };
      const result = await runImport(deps, req, src.rows, o);
      return { ...result, ignoredColumns: src.info.ignoredColumns };
    },

    /** Import rows produced in-process (demo generator, tests). */
    async importRows(
      orgId: string,
      rows: Iterable<RawImportRow> | AsyncIterable<RawImportRow>,
      o: { portfolio: PortfolioRef; mode: ImportMode; sourceName: string } & ImportHooks,
    ) {
      const source = { name: o.sourceName, format: 'json' as const };
      return runImport(
        deps,
        { orgId, createdBy: null, portfolio: o.portfolio, mode: o.mode, source },
        numbered(rows),
        o,
      );
    },

    start: (orgId: string, createdBy: string | null, o: StartImport) =>
      startImport(deps, orgId, createdBy, o),

    get: async (orgId: string, id: string) =>
      (await imports.get(orgId, id)) ?? Promise.reject(new SaldoError('not_found', `import ${id} not found`)),
    errors: (orgId: string, id: string, page: { limit: number; offset: number }) =>
      imports.listErrors(orgId, id, page),
  };
}
export type Imports = ReturnType<typeof createImports>;

type StartImport = { portfolio: PortfolioRef; mode: ImportMode; sourceName: string } & (
  { rows: RawImportRow[] } | { csvPath: string; cleanup?: () => Promise<void> }
);

/**
 * Start an import (API): resolves with the import id as soon as it exists; the rows are
 * processed in the background and `done` settles when the import ends.
 */
async function startImport(deps: ImportsDeps, orgId: string, createdBy: string | null, o: StartImport) {
  let resolveId!: (id: string) => void;
  const started = new Promise<string>((r) => (resolveId = r));
  const rowsP =
    'rows' in o
      ? Promise.resolve({ rows: fromArray(o.rows), format: 'json' as const })
      : deps
          .openCsv(o.csvPath, { name: o.sourceName })
          .then((s) => ({ rows: s.rows, format: 'csv' as const }));
  const done = rowsP
    .then((src) =>
      runImport(
        deps,
        {
          orgId,
          createdBy,
          portfolio: o.portfolio,
          mode: o.mode,
          source: { name: o.sourceName, format: src.format },
        },
        src.rows,
        { onStarted: resolveId },
      ),
    )
    .finally(() => ('cleanup' in o ? o.cleanup?.() : undefined));
  // If it fails before the import record exists (bad header, unknown portfolio), surface that error.
  const importId = await Promise.race([started, done.then((r) => r.importId)]);
  done.catch(() => undefined);
  return { importId, done };
}

async function* fromArray(rows: RawImportRow[]): AsyncIterable<SourceRow> {
  let rowNo = 0;
  for (const raw of rows) yield { rowNo: ++rowNo, raw };
}

/** Rows numbered from 1, as a CSV source numbers its data rows. */
async function* numbered(
  rows: Iterable<RawImportRow> | AsyncIterable<RawImportRow>,
): AsyncIterable<SourceRow> {
  let rowNo = 0;
  for await (const raw of rows) yield { rowNo: ++rowNo, raw };
}
