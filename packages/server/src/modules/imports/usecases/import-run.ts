import { SaldoError } from '@saldo/core';
import { isCurrency } from '@saldo/core/money';
import type { RawImportRow } from '@saldo/core/record';
import type { Clock } from '../../../shared/clock/clock.js';
import type { PortfolioStore } from '../../record/index.js';
import type { ImportStore, SourceRow } from '../ports.js';
import { importPortfolio, type ImportHooks, type ImportMode, type ImportResult } from './import-portfolio.js';

export interface PortfolioRef {
  code: string;
  name?: string;
  creditor?: string;
  currency?: string;
  country?: string;
}

export interface ImportRunDeps {
  imports: ImportStore;
  portfolios: PortfolioStore;
  clock: Clock;
}

/** One import: who, into which portfolio, how, and what the source is called. */
export interface ImportRunRequest {
  orgId: string;
  createdBy: string | null;
  portfolio: PortfolioRef;
  mode: ImportMode;
  source: { name: string; format: 'csv' | 'json' };
}

/** Resolves the portfolio from the first row, before the import transaction opens, then imports every row. */
export async function runImport(
  deps: ImportRunDeps,
  req: ImportRunRequest,
  rows: AsyncIterable<SourceRow>,
  hooks: ImportHooks,
): Promise<ImportResult> {
  const it = rows[Symbol.asyncIterator]();
  const head = await it.next();
  const pf = await resolvePortfolio(deps, req.orgId, req.portfolio, head.done ? undefined : head.value.raw);
  async function* all(): AsyncIterable<SourceRow> {
    if (!head.done) yield head.value;
    for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
  }
  return importPortfolio(
    { imports: deps.imports, clock: deps.clock },
    {
      orgId: req.orgId,
      portfolioId: pf.id,
      sourceName: req.source.name,
      format: req.source.format,
      mode: req.mode,
      createdBy: req.createdBy,
      defaultCurrency: pf.currency,
      defaultCountry: pf.country,
    },
    all(),
    hooks,
  );
}

/**
 * The target portfolio, created on first use. Currency and country default to the first
 * row's, so `saldo import file.csv` works without options on a single-market file.
 */
async function resolvePortfolio(
  { portfolios, clock }: ImportRunDeps,
  orgId: string,
  ref: PortfolioRef,
  first: RawImportRow | undefined,
) {
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
