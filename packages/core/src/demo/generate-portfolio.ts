import { z } from 'zod';
import { SaldoError } from '../errors/index.js';
import type { RawImportRow } from '../record/import-columns.js';
import {
  demoAmounts,
  demoDaysPastDue,
  demoProductProfile,
  demoStatus,
  formatMinor,
  type DemoAccountAmounts,
  type DemoStatus,
} from './accounts.js';
import { formatCivilDate, parseCivilDate } from '../calendar/civil.js';
import { demoContact } from './contact.js';
import { demoAge, nationalIdLast4 } from './identity.js';
import { demoCountries, pickName, type DemoCountry } from './names.js';
import { createRng, permute8, type Rng } from './prng.js';
import { demoRegions } from './regions.js';

/** Default country mix of the demo book: a LatAm-led creditor with a US arm. */
export const defaultCountryMix: Readonly<Record<DemoCountry, number>> = {
  MX: 0.35,
  ES: 0.2,
  CO: 0.2,
  US: 0.25,
};

/** Largest book the generator will describe: external references are 8-digit numbers, 3 per debtor. */
export const maxDemoDebtors = 10_000_000;

/**
 * Options of `generatePortfolio`, validated eagerly (a `validation` SaldoError on bad input).
 *
 * @example
 * DemoPortfolioOptions.parse({ debtors: 100, seed: 1, asOf: '2025-06-30', countries: ['US'] });
 */
export const DemoPortfolioOptions = z.object({
  /** Exact number of debtors (each has 1–3 accounts, so rows ≥ debtors). */
  debtors: z.int().min(0).max(maxDemoDebtors),
  /** Same seed, same book, row for row. */
  seed: z.int(),
  /** Reference date (YYYY-MM-DD) that days-past-due and ages are measured from. */
  asOf: z.string().refine((s) => parseCivilDate(s) !== undefined, 'must be a calendar date YYYY-MM-DD'),
  countries: z.array(z.enum(demoCountries)).min(1).optional(),
});
export type DemoPortfolioOptions = z.infer<typeof DemoPortfolioOptions>;

const VULNERABILITY_FLAGS = [
  'illness',
  'bereavement',
  'unemployment',
  'disability',
  'mental_health',
  'elderly',
  'domestic_abuse',
];
const SEGMENTS = [
  ['segment:prime', 0.25],
  ['segment:near_prime', 0.35],
  ['segment:subprime', 0.4],
] as const;

/** One synthetic debtor: its import rows plus the amounts behind them (for checks and tooling). */
export interface DemoDebtor {
  index: number;
  debtorRef: string;
  country: DemoCountry;
  accounts: (DemoAccountAmounts & { externalRef: string; daysPastDue: number; status: DemoStatus })[];
  rows: RawImportRow[];
}

/**
 * Streams a synthetic, realistic portfolio in the import-row format: one row per account, debtors
 * across MX, ES, CO and US with local names, phones, zones, balances and a DPD mix like a real
 * early-stage book. Deterministic per seed, and debtor #i is the same whatever `debtors` is.
 * Nothing is held in memory: rows are produced as they are pulled.
 *
 * @example
 * for (const row of generatePortfolio({ debtors: 1000, seed: 7, asOf: '2025-06-30' })) {
 *   importer.push(row); // row.external_ref 'MX-TC-…', row.balance '12873.40', …
 * }
 */
export function generatePortfolio(options: DemoPortfolioOptions): Generator<RawImportRow> {
  const debtors = generatePortfolioDebtors(options);
  return (function* () {
    for (const debtor of debtors) yield* debtor.rows;
  })();
}

/**
 * The same stream as `generatePortfolio`, grouped by debtor and with integer minor-unit amounts
 * (including partial payments, which the import format does not carry).
 *
 * @example
 * const [first] = generatePortfolioDebtors({ debtors: 1, seed: 1, asOf: '2025-01-31' });
 * first.accounts[0].balance; // principal + interest + fees - paid, in minor units
 */
export function generatePortfolioDebtors(options: DemoPortfolioOptions): Generator<DemoDebtor> {
  const parsed = DemoPortfolioOptions.safeParse(options);
  if (!parsed.success) {
    throw new SaldoError(
      'validation',
      'invalid demo portfolio options',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const { debtors, seed, asOf } = parsed.data;
  const asOfDay = parseCivilDate(asOf) as number;
  const countries = parsed.data.countries ?? [...demoCountries];
  // References are keyed bijections of sequence numbers onto 8 digits: unique without bookkeeping.
  const keys = createRng(seed, -1);
  const debtorKey = keys.int(0, 0x7fff_ffff);
  const accountKey = keys.int(0, 0x7fff_ffff);
  const refs: Refs = {
    debtor: (index) => String(permute8(index, debtorKey)).padStart(8, '0'),
    account: (index, k) => String(permute8(index * 3 + k, accountKey)).padStart(8, '0'),
  };
  return (function* () {
    for (let index = 0; index < debtors; index++) {
      yield demoDebtor(index, createRng(seed, index), countries, asOfDay, refs);
    }
  })();
}

interface Refs {
  debtor(index: number): string;
  /** k-th account (0..2) of debtor `index`. */
  account(index: number, k: number): string;
}

function demoDebtor(
  index: number,
  rng: Rng,
  countries: readonly DemoCountry[],
  asOfDay: number,
  refs: Refs,
): DemoDebtor {
  const country = rng.weighted(countries, (c) => defaultCountryMix[c]);
  const debtorRef = `${country}-C-${refs.debtor(index)}`;
  const { columns, segment, placeTags } = debtorColumns(country, debtorRef, rng, asOfDay);
  const u = rng.next();
  const accountCount = u < 0.82 ? 1 : u < 0.96 ? 2 : 3;
  const accounts: DemoDebtor['accounts'] = [];
  const rows: RawImportRow[] = [];
  for (let k = 0; k < accountCount; k++) {
    const profile = demoProductProfile(country, rng);
    const daysPastDue = demoDaysPastDue(rng);
    const amounts = demoAmounts(country, profile, daysPastDue, rng);
    const status = demoStatus(daysPastDue, rng);
    const externalRef = `${country}-${profile.code}-${refs.account(index, k)}`;
    const tags = ['demo', segment, ...placeTags];
    // First-payment defaults are an origination-fraud signal: new credit lines, mostly BNPL.
    const fpdShare =
      profile.product === 'bnpl'
        ? 0.12
        : profile.product === 'personal_loan' || profile.product === 'credit_card'
          ? 0.05
          : 0;
    if (daysPastDue > 0 && daysPastDue <= 90 && rng.chance(fpdShare)) tags.push('first_payment_default');
    accounts.push({ ...amounts, externalRef, daysPastDue, status });
    rows.push({
      external_ref: externalRef,
      ...columns,
      product: amounts.product,
      currency: amounts.currency,
      principal: formatMinor(amounts.principal),
      interest: formatMinor(amounts.interest),
      fees: formatMinor(amounts.fees),
      balance: formatMinor(amounts.balance),
      delinquent_since: daysPastDue > 0 ? formatCivilDate(asOfDay - daysPastDue) : '',
      status,
      tags: tags.join(';'),
    });
  }
  return { index, debtorRef, country, accounts, rows };
}

/** The person-level columns, repeated on each of the debtor's account rows. */
function debtorColumns(
  country: DemoCountry,
  debtorRef: string,
  rng: Rng,
  asOfDay: number,
): { columns: RawImportRow; segment: string; placeTags: readonly string[] } {
  const region = rng.weighted(demoRegions[country], (r) => r.weight);
  const place = rng.weighted(region.places, (p) => p.weight);
  const name = pickName(country, rng, place.usHispanicShare ?? 0.2);
  const birthDay = asOfDay - Math.floor(demoAge(rng) * 365.2425) - rng.int(0, 364);
  const birthYear = Number(formatCivilDate(birthDay).slice(0, 4));
  const contact = demoContact(country, place, name, birthYear, rng);
  // About 60 % of Hispanic US debtors prefer Spanish (~15 % of the US book).
  const language = country !== 'US' || (name.usHispanic && rng.chance(0.6)) ? 'es' : 'en';
  const flags = rng.chance(0.02)
    ? new Set([rng.pick(VULNERABILITY_FLAGS), ...(rng.chance(0.2) ? [rng.pick(VULNERABILITY_FLAGS)] : [])])
    : new Set<string>();
  const segment = rng.weighted(SEGMENTS, ([, w]) => w)[0];
  const columns: RawImportRow = {
    debtor_ref: debtorRef,
    first_name: name.firstName,
    last_name: name.lastName,
    language,
    country,
    region: region.code,
    timezone: place.zone,
    date_of_birth: rng.chance(0.85) ? formatCivilDate(birthDay) : '',
    national_id_last4: rng.chance(0.9) ? nationalIdLast4(country, name, birthYear, rng) : '',
    phone: contact.phone.e164,
    phone_type: contact.phone.type,
    email: contact.email,
    whatsapp: contact.whatsapp,
    consent_call: contact.consentCall,
    consent_sms: contact.consentSms,
    consent_whatsapp: contact.consentWhatsapp,
    consent_email: contact.consentEmail,
    preferred_channel: contact.preferredChannel,
    vulnerability: [...flags].join(';'),
  };
  return { columns, segment, placeTags: place.tags ?? [] };
}
