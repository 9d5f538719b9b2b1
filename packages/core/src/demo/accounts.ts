import type { DemoCountry } from './names.js';
import type { AccountStatus } from '../record/account-status.js';
import type { Rng } from './prng.js';

export const demoProducts = [
  'credit_card',
  'personal_loan',
  'bnpl',
  'telco',
  'utility',
  'auto_loan',
] as const;
export type DemoProduct = (typeof demoProducts)[number];

export const demoStatuses = [
  'active',
  'promised',
  'in_plan',
  'disputed',
] as const satisfies readonly AccountStatus[];
export type DemoStatus = (typeof demoStatuses)[number];

/** How one product behaves in one country; amounts in MAJOR units, rates per year. */
export interface ProductProfile {
  readonly product: DemoProduct;
  /** Creditor-style code in the external reference, e.g. TC = tarjeta de crédito. */
  readonly code: string;
  readonly weight: number;
  /** Median principal outstanding and the sigma of its log-normal distribution. */
  readonly median: number;
  readonly sigma: number;
  /** Nominal annual rate accruing on principal (0 for products that charge none). */
  readonly apr: number;
  /** Late or collection fee per missed cycle. */
  readonly lateFee: number;
}

export interface CountryBook {
  readonly currency: 'MXN' | 'EUR' | 'COP' | 'USD';
  /** Principal rounding in minor units (COP balances are round hundreds of pesos). */
  readonly principalStep: number;
  /** Smallest amount actually charged, in minor units (COP has no centavos in practice). */
  readonly unit: number;
  /** What people pay in partial payments: whole units (thousands of pesos in Colombia). */
  readonly paymentStep: number;
  readonly products: readonly ProductProfile[];
}

const p = (
  product: DemoProduct,
  code: string,
  weight: number,
  median: number,
  sigma: number,
  apr: number,
  lateFee: number,
): ProductProfile => ({ product, code, weight, median, sigma, apr, lateFee });

// Medians are early-stage collection balances, not credit limits. Rates: MX cards run 60-70 % CAT,
// CO is capped by the usury rate (~30 %), US cards ~24 %, ES cards ~20 %. BNPL charges fees, not interest.
export const countryBooks: Readonly<Record<DemoCountry, CountryBook>> = {
  MX: {
    currency: 'MXN',
    principalStep: 1,
    unit: 1,
    paymentStep: 100,
    products: [
      p('credit_card', 'TC', 40, 12_000, 0.8, 0.65, 350),
      p('personal_loan', 'PP', 25, 25_000, 0.7, 0.55, 300),
      p('bnpl', 'BN', 15, 3_500, 0.7, 0, 150),
      p('telco', 'TL', 12, 1_800, 0.6, 0, 80),
      p('auto_loan', 'AU', 8, 180_000, 0.5, 0.16, 600),
    ],
  },
  ES: {
    currency: 'EUR',
    principalStep: 1,
    unit: 1,
    paymentStep: 100,
    products: [
      p('credit_card', 'TC', 25, 2_200, 0.8, 0.2, 35),
      p('personal_loan', 'PP', 25, 6_000, 0.7, 0.09, 30),
      p('telco', 'TL', 25, 180, 0.6, 0, 10),
      p('utility', 'SU', 15, 320, 0.6, 0, 5),
      p('bnpl', 'BN', 10, 350, 0.7, 0, 10),
    ],
  },
  CO: {
    currency: 'COP',
    principalStep: 100_00,
    unit: 100,
    paymentStep: 1000_00,
    products: [
      p('credit_card', 'TC', 35, 2_800_000, 0.8, 0.3, 0),
      p('personal_loan', 'PL', 30, 3_500_000, 0.75, 0.25, 0),
      p('telco', 'TL', 15, 250_000, 0.6, 0, 0),
      p('utility', 'SP', 10, 300_000, 0.6, 0, 0),
      p('bnpl', 'BN', 5, 600_000, 0.7, 0, 25_000),
      p('auto_loan', 'VH', 5, 35_000_000, 0.5, 0.16, 0),
    ],
  },
  US: {
    currency: 'USD',
    principalStep: 1,
    unit: 1,
    paymentStep: 100,
    products: [
      p('credit_card', 'CC', 45, 2_400, 0.85, 0.24, 30),
      p('personal_loan', 'PL', 20, 5_500, 0.7, 0.18, 25),
      p('auto_loan', 'AL', 12, 12_000, 0.6, 0.11, 25),
      p('bnpl', 'BN', 10, 450, 0.7, 0, 7),
      p('telco', 'TL', 6, 380, 0.6, 0, 10),
      p('utility', 'UT', 7, 420, 0.6, 0, 10),
    ],
  },
};

/** One synthetic account in integer minor units; `balance = principal + interest + fees − paid`. */
export interface DemoAccountAmounts {
  product: DemoProduct;
  code: string;
  currency: CountryBook['currency'];
  principal: number;
  interest: number;
  fees: number;
  paid: number;
  balance: number;
}

/**
 * Days past due with the shape of an early-stage book: ~5 % current, ~45 % 1–30, ~22 % 31–60,
 * ~13 % 61–90 and ~15 % beyond, a tail thinning out towards two years (720 days).
 *
 * @example
 * const dpd = demoDaysPastDue(createRng(1)); // 0..720
 */
export function demoDaysPastDue(rng: Rng): number {
  const u = rng.next();
  if (u < 0.05) return 0;
  if (u < 0.5) return rng.int(1, 30);
  if (u < 0.72) return rng.int(31, 60);
  if (u < 0.85) return rng.int(61, 90);
  // Truncated exponential (mean ~150 days past 90) so 91–180 dominates and 720 is the ceiling.
  const mean = 150;
  const span = 720 - 91;
  const x = -mean * Math.log(1 - rng.next() * (1 - Math.exp(-span / mean)));
  return 91 + Math.min(span, Math.floor(x));
}

/**
 * Principal, interest, fees and payments for an account `dpd` days past due. Interest accrues at
 * the product's rate over the billed period plus the delinquency; fees are per missed cycle and
 * capped at six cycles; about a quarter of delinquent accounts carry partial payments.
 */
export function demoAmounts(
  country: DemoCountry,
  profile: ProductProfile,
  dpd: number,
  rng: Rng,
): DemoAccountAmounts {
  const book = countryBooks[country];
  const major = Math.min(
    profile.median * 25,
    Math.max(profile.median * 0.08, rng.logNormal(profile.median, profile.sigma)),
  );
  const step = book.principalStep;
  const principal = Math.max(step, Math.round((major * 100) / step) * step);
  const accrualDays = rng.int(0, 45) + dpd;
  // Capped at half the principal: creditors stop accruing (or charge off) long before it doubles.
  const interest = roundTo(
    Math.min(principal * profile.apr * (accrualDays / 365) * (0.6 + 0.5 * rng.next()), principal * 0.5),
    book.unit,
  );
  // A fixed fee per missed cycle, at most six; some were waived along the way.
  const cycles = Math.min(6, Math.ceil(dpd / 30));
  const charged = cycles === 0 ? 0 : rng.chance(0.7) ? cycles : rng.int(0, cycles - 1);
  const fees = Math.min(charged * profile.lateFee * 100, roundTo(principal * 0.25, book.unit));
  const owed = principal + interest + fees;
  let paid = 0;
  if (dpd > 0 && rng.chance(0.25)) {
    paid = Math.floor((owed * (0.03 + 0.32 * rng.next())) / book.paymentStep) * book.paymentStep;
    if (paid >= owed) paid = 0;
  }
  return {
    product: profile.product,
    code: profile.code,
    currency: book.currency,
    principal,
    interest,
    fees,
    paid,
    balance: owed - paid,
  };
}

function roundTo(minor: number, step: number): number {
  return Math.round(minor / step) * step;
}

/** A product for this country, weighted like its book. */
export function demoProductProfile(country: DemoCountry, rng: Rng): ProductProfile {
  return rng.weighted(countryBooks[country].products, (x) => x.weight);
}

/** Mostly active; promises, payment plans and disputes are the minority a live book shows. */
export function demoStatus(dpd: number, rng: Rng): DemoStatus {
  if (dpd === 0) return 'active';
  const u = rng.next();
  const inPlan = dpd > 60 ? 0.07 : 0.03;
  if (u < 0.04) return 'promised';
  if (u < 0.04 + inPlan) return 'in_plan';
  if (u < 0.055 + inPlan) return 'disputed';
  return 'active';
}

/**
 * Formats integer minor units as decimal major units, as the import file carries them.
 *
 * @example
 * formatMinor(123456); // '1234.56'
 */
export function formatMinor(minor: number): string {
  const whole = Math.floor(minor / 100);
  return `${whole}.${String(minor % 100).padStart(2, '0')}`;
}
