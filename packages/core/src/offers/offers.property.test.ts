import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCivilDays, civilDaysBetween, daysInMonth } from '../calendar/civil.js';
import { checkProposal, proposalOf } from './check-proposal.js';
import { debtorToday } from './dates.js';
import { defaultOfferPolicy } from './default-policy.js';
import { defaultReferrals } from './referrals.js';
import { offersFor } from './offers-for.js';
import { parseOfferPolicy } from './policy-schema.js';
import {
  planFrequencies,
  type Agreement,
  type OfferAccount,
  type OfferPolicy,
  type PlanRules,
  type Proposal,
} from './types.js';

// Random accounts, policies, instants and proposals. Every accepted agreement and every counter
// is checked against the policy by `violations` below, written independently of the checks.

const zones = [
  'America/Mexico_City',
  'Europe/Madrid',
  'America/New_York',
  'America/Bogota',
  'Pacific/Kiritimati',
];

const accountArb: fc.Arbitrary<OfferAccount> = fc.record({
  balanceMinor: fc.oneof(fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 1, max: 50_000_000 })),
  currency: fc.constant('MXN'),
  dpd: fc.integer({ min: 0, max: 800 }),
  timeZone: fc.constantFrom(...zones),
  country: fc.constantFrom('MX', 'ES', 'US', 'FR'),
  hardship: fc.boolean(),
});

const bpsArb = fc.oneof(fc.integer({ min: 0, max: 10000 }), fc.constantFrom(0, 400, 10000));

const planRulesArb: fc.Arbitrary<PlanRules> = fc.record({
  frequencies: fc.subarray([...planFrequencies], { minLength: 1 }),
  maxInstallments: fc.integer({ min: 1, max: 120 }),
  maxDurationDays: fc.integer({ min: 0, max: 3660 }),
  minInstallmentBps: bpsArb,
  firstDueWithinDays: fc.integer({ min: 0, max: 90 }),
});

const bandsArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 720 }), { maxLength: 4 })
  .chain((starts) =>
    fc.tuple(
      ...[0, ...starts.sort((a, b) => a - b)].map((fromDpd) =>
        fc.record({ fromDpd: fc.constant(fromDpd), floorBps: fc.option(bpsArb, { nil: null }) }),
      ),
    ),
  );

const randomPolicyArb: fc.Arbitrary<OfferPolicy> = fc.record({
  promises: fc.record({ maxDaysAhead: fc.integer({ min: 0, max: 366 }), minPartialBps: bpsArb }),
  plans: planRulesArb,
  settlements: fc.record({
    bands: bandsArb,
    validDays: fc.integer({ min: 1, max: 90 }),
    approvalBelowBps: bpsArb,
  }),
  hardship: fc.record({
    maxPauseDays: fc.integer({ min: 0, max: 365 }),
    plan: planRulesArb,
    referral: fc.constant(defaultReferrals),
  }),
});

const policyArb = fc.oneof(
  { arbitrary: randomPolicyArb, weight: 3 },
  { arbitrary: fc.constant(defaultOfferPolicy), weight: 1 },
);

const nowArb = fc
  .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2030, 11, 31) })
  .map((t) => t - (t % 60_000));

/** A proposal in the debtor's terms; dates are offsets from the debtor's today. */
function proposalArb(balance: number, today: string): fc.Arbitrary<Proposal> {
  const date = fc.integer({ min: -5, max: 120 }).map((d) => addCivilDays(today, d));
  const amount = fc.oneof(
    fc.integer({ min: 1, max: Math.ceil(balance * 1.3) }),
    fc.integer({ min: 1, max: Math.max(1, Math.ceil(balance / 20)) }),
    fc.constant(balance),
  );
  return fc.oneof(
    fc.record({
      kind: fc.constant('promise' as const),
      parts: fc.array(fc.record({ date, amountMinor: amount }), { minLength: 1, maxLength: 4 }),
    }),
    fc.record(
      {
        kind: fc.constant('plan' as const),
        frequency: fc.constantFrom(...planFrequencies),
        installmentMinor: amount,
        installments: fc.integer({ min: 1, max: 60 }),
        firstDue: date,
      },
      { requiredKeys: ['kind', 'frequency'] },
    ),
    fc.record(
      {
        kind: fc.constant('plan' as const),
        frequency: fc.constantFrom(...planFrequencies),
        installments: fc.integer({ min: 1, max: 12 }),
      },
      { requiredKeys: ['kind', 'frequency'] },
    ),
    fc.record({ kind: fc.constant('settlement' as const), amountMinor: amount }),
    fc.record({ kind: fc.constant('pause' as const), days: fc.integer({ min: 1, max: 400 }) }),
  );
}

const atLeastShare = (amount: number, balance: number, bps: number) =>
  BigInt(amount) * 10000n >= BigInt(balance) * BigInt(bps);

/** Everything wrong with `a` under the policy, in words; empty when it is within every bound. */
function violations(a: Agreement, account: OfferAccount, policy: OfferPolicy, now: number): string[] {
  const today = debtorToday(now, account.timeZone);
  const b = account.balanceMinor;
  const out: string[] = [];
  const fail = (cond: boolean, what: string) => {
    if (cond) out.push(what);
  };
  switch (a.kind) {
    case 'promise': {
      const total = a.parts.reduce((s, p) => s + p.amountMinor, 0);
      fail(a.parts.length === 0, 'no parts');
      fail(total > b, 'above balance');
      a.parts.forEach((p, i) => {
        fail(p.date < today || p.date > addCivilDays(today, policy.promises.maxDaysAhead), `date ${p.date}`);
        fail(!Number.isSafeInteger(p.amountMinor) || p.amountMinor < 1, 'amount not positive');
        const clears = i === a.parts.length - 1 && total === b;
        fail(
          !clears && !atLeastShare(p.amountMinor, b, policy.promises.minPartialBps),
          `part ${i} too small`,
        );
        fail(i > 0 && p.date < a.parts[i - 1]!.date, 'parts out of order');
      });
      break;
    }
    case 'plan': {
      const rules = account.hardship ? policy.hardship.plan : policy.plans;
      const n = a.installments.length;
      const first = a.installments[0]!;
      const last = a.installments[n - 1]!;
      fail(!rules.frequencies.includes(a.frequency), 'frequency');
      fail(first.due < today || first.due > addCivilDays(today, rules.firstDueWithinDays), 'first due');
      fail(n > rules.maxInstallments, 'count');
      fail(civilDaysBetween(first.due, last.due) > rules.maxDurationDays, 'duration');
      fail(a.totalMinor !== b, 'total is not the balance');
      fail(a.installments.reduce((s, i) => s + i.amountMinor, 0) !== b, 'instalments do not add up');
      fail(!atLeastShare(first.amountMinor, b, rules.minInstallmentBps), 'instalment too small');
      fail(
        a.installments.slice(0, -1).some((i) => i.amountMinor !== first.amountMinor),
        'unequal instalments',
      );
      fail(last.amountMinor < 1 || last.amountMinor > first.amountMinor, 'last instalment');
      a.installments.forEach((inst, k) =>
        fail(inst.due !== expectedDue(first.due, a.frequency, k), `due ${k}`),
      );
      break;
    }
    case 'settlement': {
      let floor: number | null = null;
      for (const band of policy.settlements.bands) if (account.dpd >= band.fromDpd) floor = band.floorBps;
      fail(floor === null, 'no settlement in this band');
      fail(floor !== null && !atLeastShare(a.amountMinor, b, floor), 'under the floor');
      fail(a.amountMinor > b || a.amountMinor < 1, 'amount');
      fail(a.expires !== addCivilDays(today, policy.settlements.validDays), 'expiry');
      fail(
        a.needsApproval !== !atLeastShare(a.amountMinor, b, policy.settlements.approvalBelowBps),
        'approval',
      );
      break;
    }
    case 'pause':
      fail(a.until <= today || a.until > addCivilDays(today, policy.hardship.maxPauseDays), 'pause');
      break;
  }
  return out;
}

/** Instalment k's due date, computed the plain way (month by month for monthly plans). */
function expectedDue(first: string, frequency: string, k: number): string {
  if (frequency === 'weekly') return addCivilDays(first, 7 * k);
  if (frequency === 'fortnightly') return addCivilDays(first, 14 * k);
  const [y, m, d] = first.split('-').map(Number) as [number, number, number];
  const month = new Date(Date.UTC(y, m - 1 + k, 1));
  const year = month.getUTCFullYear();
  const mo = month.getUTCMonth() + 1;
  const day = Math.min(d, daysInMonth(year, mo));
  return `${year}-${String(mo).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const scenario = fc
  .tuple(accountArb, policyArb, nowArb)
  .chain(([account, policy, now]) =>
    fc.tuple(
      fc.constant(account),
      fc.constant(policy),
      fc.constant(now),
      proposalArb(account.balanceMinor, debtorToday(now, account.timeZone)),
    ),
  );

describe('offer properties', () => {
  it('generated policies are valid policies', () => {
    fc.assert(
      fc.property(policyArb, (policy) => {
        expect(parseOfferPolicy(policy)).toEqual(policy);
      }),
    );
  });

  it('an accepted agreement is within every bound, and is what was proposed', () => {
    fc.assert(
      fc.property(scenario, ([account, policy, now, proposal]) => {
        const check = checkProposal(account, proposal, policy, now);
        if (!check.accepted) {
          expect(check.refusals.length).toBeGreaterThan(0);
          return;
        }
        expect(violations(check.agreement, account, policy, now)).toEqual([]);
        expect(check.agreement.kind).toBe(proposal.kind);
        if (proposal.kind === 'settlement' && check.agreement.kind === 'settlement')
          expect(check.agreement.amountMinor).toBe(proposal.amountMinor);
        if (proposal.kind === 'promise' && check.agreement.kind === 'promise')
          expect([...check.agreement.parts].sort(byPart)).toEqual([...proposal.parts].sort(byPart));
        if (proposal.kind === 'plan' && check.agreement.kind === 'plan') {
          const inst = check.agreement.installments;
          if (proposal.installments !== undefined) expect(inst.length).toBe(proposal.installments);
          if (proposal.installmentMinor !== undefined)
            expect(inst[0]!.amountMinor).toBe(proposal.installmentMinor);
          if (proposal.firstDue !== undefined) expect(inst[0]!.due).toBe(proposal.firstDue);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a counter-offer is within every bound and is itself accepted', () => {
    fc.assert(
      fc.property(scenario, ([account, policy, now, proposal]) => {
        const check = checkProposal(account, proposal, policy, now);
        if (check.accepted || check.counter === null) return;
        expect(violations(check.counter, account, policy, now)).toEqual([]);
        const again = checkProposal(account, proposalOf(check.counter, account, now), policy, now);
        expect(again).toEqual({ accepted: true, agreement: check.counter });
      }),
      { numRuns: 400 },
    );
  });

  it('only a malformed proposal or a band without settlements or a policy without pauses has no counter', () => {
    fc.assert(
      fc.property(scenario, ([account, policy, now, proposal]) => {
        const check = checkProposal(account, proposal, policy, now);
        if (check.accepted || check.counter !== null) return;
        const codes = check.refusals.map((r) => r.code);
        const allowed = ['invalid', 'settlement_not_offered', 'pause_too_long'];
        expect(codes.every((c) => allowed.includes(c))).toBe(true);
        if (codes.includes('pause_too_long')) expect(policy.hardship.maxPauseDays).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('every item offersFor offers is accepted by checkProposal as it stands', () => {
    fc.assert(
      fc.property(accountArb, policyArb, nowArb, (account, policy, now) => {
        const offers = offersFor(account, policy, now);
        const accepts = (a: Agreement, who = account) =>
          expect(checkProposal(who, proposalOf(a, who, now), policy, now)).toEqual({
            accepted: true,
            agreement: a,
          });
        const { latestDate, minAmountMinor, fullAmountMinor } = offers.promise;
        for (const amountMinor of [minAmountMinor, fullAmountMinor])
          accepts({ kind: 'promise', parts: [{ date: latestDate, amountMinor }] });
        offers.plans.forEach((plan) => accepts(plan));
        expect(offers.plans.length).toBe(
          (account.hardship ? policy.hardship.plan : policy.plans).frequencies.length,
        );
        const inHardship = { ...account, hardship: true };
        offers.hardship.plans.forEach((plan) => accepts(plan, inHardship));
        if (offers.settlement) {
          const { minAmountMinor: amountMinor, expires, approvalBelowMinor } = offers.settlement;
          accepts({
            kind: 'settlement',
            amountMinor,
            expires,
            needsApproval: amountMinor < approvalBelowMinor,
          });
        }
        if (policy.hardship.maxPauseDays >= 1)
          accepts({ kind: 'pause', until: offers.hardship.maxPauseUntil });
      }),
      { numRuns: 300 },
    );
  });
});

function byPart(a: { date: string; amountMinor: number }, b: { date: string; amountMinor: number }) {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.amountMinor - b.amountMinor;
}
