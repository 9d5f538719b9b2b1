/**
 * The offer policy and a proposal, validated strictly: unknown fields refused, whole numbers only,
 * bounds on every number, settlement bands ordered from 0 DPD. A refused input throws
 * `SaldoError('validation')` with one issue per problem, each naming its path.
 */
import { z } from 'zod';
import { SaldoError, type FieldIssue } from '../errors/index.js';
import { isCivilDate } from './dates.js';
import { planFrequencies, type OfferPolicy, type Proposal } from './types.js';

const bps = z.int().min(0, 'must be 0..10000 basis points').max(10000, 'must be 0..10000 basis points');
const dayCount = (min: number, max: number) =>
  z.int().min(min, `must be ${min}..${max} days`).max(max, `must be ${min}..${max} days`);

const planRules = z.strictObject({
  frequencies: z
    .array(z.enum(planFrequencies))
    .min(1, 'at least one frequency')
    .refine((fs) => new Set(fs).size === fs.length, 'a frequency is listed twice'),
  maxInstallments: z.int().min(1, 'must be 1..120').max(120, 'must be 1..120'),
  maxDurationDays: dayCount(0, 3660),
  minInstallmentBps: bps,
  firstDueWithinDays: dayCount(0, 90),
});

const settlementBand = z.strictObject({
  fromDpd: z.int().min(0, 'must be 0 or more').max(100_000, 'must be at most 100000'),
  floorBps: bps.nullable(),
});

const bands = z
  .array(settlementBand)
  .min(1, 'at least one band')
  .max(20, 'at most 20 bands')
  .superRefine((list, ctx) => {
    if (list[0] !== undefined && list[0].fromDpd !== 0)
      ctx.addIssue({ code: 'custom', path: [0, 'fromDpd'], message: 'the first band starts at 0 DPD' });
    list.forEach((band, i) => {
      const before = list[i - 1];
      if (before !== undefined && band.fromDpd <= before.fromDpd)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'fromDpd'],
          message: `bands must be in increasing fromDpd order (after ${before.fromDpd})`,
        });
    });
  });

const referralText = z.string().min(1, 'must not be empty').max(1000, 'at most 1000 characters');

/** The offer policy's schema; its output is an {@link OfferPolicy}. */
export const offerPolicySchema = z.strictObject({
  promises: z.strictObject({ maxDaysAhead: dayCount(0, 366), minPartialBps: bps }),
  plans: planRules,
  settlements: z.strictObject({ bands, validDays: dayCount(1, 90), approvalBelowBps: bps }),
  hardship: z.strictObject({
    maxPauseDays: dayCount(0, 365),
    plan: planRules,
    referral: z.record(
      z.string().regex(/^[A-Z]{2}$/, 'a country is an ISO 3166-1 alpha-2 code (MX, ES, US, …)'),
      z.strictObject({ es: referralText, en: referralText }),
    ),
  }),
});

const civilDate = z.string().refine(isCivilDate, 'must be a real date YYYY-MM-DD');
const amountMinor = z.int().min(1, 'must be a positive whole number of minor units');

/** A proposal's schema (the body of an offer check); its output is a {@link Proposal}. */
export const proposalSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('promise'),
    parts: z
      .array(z.strictObject({ date: civilDate, amountMinor }))
      .min(1, 'at least one part')
      .max(12, 'at most 12 parts'),
  }),
  z.strictObject({
    kind: z.literal('plan'),
    frequency: z.enum(planFrequencies),
    installmentMinor: amountMinor.optional(),
    installments: z.int().min(1, 'must be 1 or more').max(10_000, 'must be at most 10000').optional(),
    firstDue: civilDate.optional(),
  }),
  z.strictObject({ kind: z.literal('settlement'), amountMinor }),
  z.strictObject({ kind: z.literal('pause'), days: dayCount(1, 3660) }),
]);

/**
 * A stored or submitted offer policy, checked. Throws `SaldoError('validation')` naming every
 * problem's path (`settlements.bands.1.fromDpd`), unknown fields one by one.
 *
 * @example
 * parseOfferPolicy({ ...defaultOfferPolicy, promises: { maxDaysAhead: 45, minPartialBps: 1000 } });
 */
export function parseOfferPolicy(input: unknown): OfferPolicy {
  const parsed = offerPolicySchema.safeParse(input);
  if (!parsed.success) throw new SaldoError('validation', 'invalid offer policy', issuesOf(parsed.error));
  return parsed.data;
}

/** A submitted proposal, checked; throws `SaldoError('validation')` as {@link parseOfferPolicy}. */
export function parseProposal(input: unknown): Proposal {
  const parsed = proposalSchema.safeParse(input);
  if (!parsed.success) throw new SaldoError('validation', 'invalid proposal', issuesOf(parsed.error));
  return parsed.data;
}

/** Zod issues as field issues; an unknown key is named with its own path, one issue each. */
function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((i) => {
    const base = i.path.map(String);
    if (i.code === 'unrecognized_keys')
      return i.keys.map((k) => ({ path: [...base, k].join('.'), message: 'unknown field' }));
    return [{ path: base.join('.') || '(root)', message: i.message }];
  });
}
