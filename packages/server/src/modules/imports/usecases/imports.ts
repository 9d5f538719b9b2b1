import { SaldoError } from '@saldo/core';
import { isCurrency } from '@saldo/core/money';
import type { RawImportRow } from '@saldo/core/record';
import type { Clock } from '../../../shared/clock/clock.js';
import type { ImportStore, SourceRow } from '../ports.js';
import type { PortfolioStore } from '../../record/index.js';
import { importPortfolio, type ImportHooks, type ImportMode, type ImportResult } from './import-portfolio.js';

export interface PortfolioRef {
  code: string;
  name?: string;
  creditor?: string;
  currency?: string;
  country?: string;
}

/**
 * Opens a CSV source (a path on the server's disk); provided by the composition root. `name` is
 * how its errors call the file (default: the path, which an upload's spool file must not show).
 */
export type OpenCsv = (
  path: string,
  opts: { encoding?: 'utf8' | 'latin1' | 'auto'; onBytes?: (n: number) => void; name?: string },
) => Promise<{ rows: AsyncIterable<SourceRow>; info: { ignoredColumns: string[] } }>;

async function* fromArray(rows: RawImportRow[]): AsyncIterable<SourceRow> {
  let rowNo = 0;
  for (const raw of rows) yield { rowNo: ++rowNo, raw };
}

export function createImports(deps: {
  imports: ImportStore;
  portfolios: PortfolioStore;
  clock: Clock;
  openCsv: OpenCsv;
}) {
  const { imports, portfolios, clock } = deps;

  /**
   * The target portfolio, created on first use. Currency and country default to the first
   * row's, so `saldo import file.csv` works without options on a single-market file.
   */
  async function resolvePortfolio(orgId: string, ref: PortfolioRef, first: RawImportRow | undefined) {
    const existing = await portfolios.getByCode(orgId, ref.code);
    if (existing) return existing;
    const currency = (ref.currency ?? first?.currency ?? '').toUpperCase();
    const country = (ref.country ?? first?.country ?? '').toUpperCase();
    if (!isCurrency(currency))
      throw new SaldoError(
        'validation',
        `portfolio ${ref.code} does not exist; give a valid currency to create it`,
        [{ path: 'portfolio.currency', message: `"${currency}" is not supported` }],
      );
    if (!/^[A-Z]{2}$/.test(country))
      throw new SaldoError(
        'validation',
        `portfolio ${ref.code} does not exist; give its country to create it`,
        [{ path: 'portfolio.country', message: 'ISO 3166-1 alpha-2 required' }],
      );
    return portfolios.ensure({
      orgId,
      code: ref.code,
      name: ref.name ?? ref.code,
      creditorName: ref.creditor ?? 'Default creditor',
      currency,
      country,
      now: clock.now(),
    });
  }

  async function run(
    orgId: string,
    createdBy: string | null,
    portfolio: PortfolioRef,
    mode: ImportMode,
    source: { name: string; format: 'csv' | 'json' },
    rows: AsyncIterable<SourceRow>,
    hooks: ImportHooks,
  ): Promise<ImportResult> {
    // The portfolio is resolved from the first row, before the import transaction opens.
    const it = rows[Symbol.asyncIterator]();
    const head = await it.next();
    const pf = await resolvePortfolio(orgId, portfolio, head.done ? undefined : head.value.raw);
    async function* all(): AsyncIterable<SourceRow> {
      if (!head.done) yield head.value;
      for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
    }
    return importPortfolio(
      { imports, clock },
      {
        orgId,
        portfolioId: pf.id,
        sourceName: source.name,
        format: source.format,
        mode,
        createdBy,
        defaultCurrency: pf.currency,
        defaultCountry: pf.country,
      },
      all(),
      hooks,
    );
  }

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
      const result = await run(
        orgId,
        o.createdBy ?? null,
        o.portfolio,
        o.mode,
        { name: path.split('/').pop() ?? path, format: 'csv' },
        src.rows,
        o,
      );
      return { ...result, ignoredColumns: src.info.ignoredColumns };
    },

    /** Import rows produced in-process (demo generator, tests). */
    async importRows(
      orgId: string,
      rows: Iterable<RawImportRow> | AsyncIterable<RawImportRow>,
      o: { portfolio: PortfolioRef; mode: ImportMode; sourceName: string } & ImportHooks,
    ) {
      async function* numbered(): AsyncIterable<SourceRow> {
        let rowNo = 0;
        for await (const raw of rows) yield { rowNo: ++rowNo, raw };
      }
      return run(orgId, null, o.portfolio, o.mode, { name: o.sourceName, format: 'json' }, numbered(), o);
    },

    /**
     * Start an import (API): resolves with the import id as soon as it exists; the rows are
     * processed in the background and `done` settles when the import ends.
     */
    async start(
      orgId: string,
      createdBy: string | null,
      o: { portfolio: PortfolioRef; mode: ImportMode; sourceName: string } & (
        { rows: RawImportRow[] } | { csvPath: string; cleanup?: () => Promise<void> }
      ),
    ) {
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
          run(orgId, createdBy, o.portfolio, o.mode, { name: o.sourceName, format: src.format }, src.rows, {
            onStarted: resolveId,
          }),
        )
        .finally(() => ('cleanup' in o ? o.cleanup?.() : undefined));
      // If it fails before the import record exists (bad header, unknown portfolio), surface that error.
      const importId = await Promise.race([started, done.then((r) => r.importId)]);
      done.catch(() => undefined);
      return { importId, done };
    },

    get: async (orgId: string, id: string) =>
      (await imports.get(orgId, id)) ?? Promise.reject(new SaldoError('not_found', `import ${id} not found`)),
    errors: (orgId: string, id: string, page: { limit: number; offset: number }) =>
      imports.listErrors(orgId, id, page),
  };
}
export type Imports = ReturnType<typeof createImports>;
