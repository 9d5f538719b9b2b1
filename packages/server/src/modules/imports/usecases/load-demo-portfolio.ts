import type { RawImportRow } from '@saldo/core/record';
import { generatePortfolio } from '@saldo/core/demo';
import type { Clock } from '../../../shared/clock/clock.js';
import type { DemoLoadStore } from '../ports.js';
import { demoPersonaOf, type DemoPersona } from './demo-personas.js';
import type { Imports } from './imports.js';

/** The demo book: four placements, one per market, sized by the usual mix of a LatAm/ES/US agency. */
export const demoPlacements = [
  {
    country: 'MX',
    currency: 'MXN',
    share: 0.35,
    creditor: 'Banco Ejemplo México',
    name: 'Tarjetas y préstamos MX',
  },
  {
    country: 'ES',
    currency: 'EUR',
    share: 0.2,
    creditor: 'Telco Ejemplo España',
    name: 'Telco y consumo ES',
  },
  {
    country: 'CO',
    currency: 'COP',
    share: 0.2,
    creditor: 'Financiera Ejemplo Colombia',
    name: 'Libranza y consumo CO',
  },
  { country: 'US', currency: 'USD', share: 0.25, creditor: 'Example Card Services', name: 'Credit card US' },
] as const;

export interface DemoLoadResult {
  debtors: number;
  accounts: number;
  portfolios: { code: string; accounts: number }[];
}

/**
 * Who each demo debtor is, for the sandbox's simulated debtors (the channels' persona book fits): the
 * date of birth and id characters the record keeps only as HMACs, so the person can answer the bot.
 */
export interface DemoPersonaSink {
  remember(orgId: string, debtorRef: string, persona: DemoPersona): void;
}

/**
 * Generates the demo book and imports it, one portfolio per market. Each portfolio's generator inputs
 * are recorded first (`demoLoads`): a later process generates the same debtors again and knows who
 * they are (`createDemoPersonas`); `personas` hears them now, in this process.
 */
export async function loadDemoPortfolio(
  deps: { imports: Imports; demoLoads: DemoLoadStore; clock: Clock; personas?: DemoPersonaSink },
  orgId: string,
  o: { debtors: number; seed: number; onProgress?: (country: string, rows: number) => void },
): Promise<DemoLoadResult> {
  const asOf = deps.clock.now().toISOString().slice(0, 10);
  const out: DemoLoadResult = { debtors: 0, accounts: 0, portfolios: [] };
  for (const [i, p] of demoPlacements.entries()) {
    const debtors = Math.max(1, Math.round(o.debtors * p.share));
    const code = `demo-${p.country.toLowerCase()}`;
    const seed = o.seed * 31 + i;
    const load = { orgId, portfolioCode: code, country: p.country, seed, debtors, asOf };
    await deps.demoLoads.record({ ...load, loadedAt: deps.clock.now() });
    const r = await deps.imports.importRows(
      orgId,
      told(orgId, generatePortfolio({ debtors, seed, asOf, countries: [p.country] }), deps.personas),
      {
        portfolio: { code, name: p.name, creditor: p.creditor, currency: p.currency, country: p.country },
        mode: 'all_or_nothing',
        sourceName: `demo seed ${o.seed}`,
        onProgress: (n) => o.onProgress?.(p.country, n),
      },
    );
    if (r.status !== 'succeeded') {
      const first = r.errors
        .slice(0, 5)
        .map((e) => `row ${e.row} ${e.path}: ${e.message}`)
        .join('; ');
      throw new Error(`demo portfolio ${code} failed to import: ${first}`);
    }
    out.debtors += debtors;
    out.accounts += r.inserted + r.updated + r.unchanged;
    out.portfolios.push({ code, accounts: r.inserted + r.updated + r.unchanged });
  }
  return out;
}

/** The rows as they are, each debtor's identity told to `personas` on the way to the import. */
function* told(
  orgId: string,
  rows: Iterable<RawImportRow>,
  personas: DemoPersonaSink | undefined,
): Generator<RawImportRow> {
  for (const row of rows) {
    const persona = personas && row.debtor_ref ? demoPersonaOf(row) : null;
    if (persona) personas!.remember(orgId, row.debtor_ref!, persona);
    yield row;
  }
}
