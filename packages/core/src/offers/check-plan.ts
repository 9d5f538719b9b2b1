/**
 * A payment plan against the plan rules (the hardship plan's for a debtor in hardship): an allowed
 * frequency, the first instalment due from today to the latest allowed, instalments at least the
 * smallest, no more instalments than allowed, no longer than allowed. The debtor may name the
 * instalment ("300 a month"), the count ("in 6 payments"), both, or neither (the longest plan
 * allowed); the missing terms are filled in.
 */
import { ceilDiv, clamp, isPositiveInteger } from './arithmetic.js';
import { isCivilDate, periodDays, planDurationDays } from './dates.js';
import { planRulesFor, type OfferContext } from './context.js';
import {
  defaultFirstDue,
  latestFirstDue,
  maxInstallmentCount,
  minInstallmentMinor,
  planAgreement,
} from './plan-schedule.js';
import { amountAboveBalance, dateInPast, invalid, money, refusal } from './refusals.js';
import type { PlanFrequency, PlanRules, Proposal, ProposalCheck, Refusal } from './types.js';
import { planFrequencies } from './types.js';

type PlanProposal = Extract<Proposal, { kind: 'plan' }>;

/** The plan as proposed, its terms filled in. */
interface PlanTerms {
  frequency: PlanFrequency;
  firstDue: string;
  installmentMinor: number;
  count: number;
}

export function checkPlan(ctx: OfferContext, proposal: PlanProposal): ProposalCheck {
  const malformed = malformedPlan(proposal);
  if (malformed) return { accepted: false, refusals: [malformed], counter: null };
  const rules = planRulesFor(ctx);
  const terms = fillTerms(ctx, rules, proposal);
  const refusals = [...termRefusals(ctx, proposal, terms), ...limitRefusals(ctx, rules, terms)];
  if (refusals.length === 0)
    return {
      accepted: true,
      agreement: planAgreement(
        terms.firstDue,
        terms.frequency,
        terms.installmentMinor,
        ctx.account.balanceMinor,
      ),
    };
  return { accepted: false, refusals, counter: planCounter(ctx, rules, proposal, terms) };
}

function malformedPlan(p: PlanProposal): Refusal | null {
  if (!(planFrequencies as readonly string[]).includes(p.frequency))
    return invalid(
      `"${String(p.frequency)}" is not a plan frequency`,
      `"${String(p.frequency)}" no es una frecuencia de plan`,
    );
  if (p.installmentMinor !== undefined && !isPositiveInteger(p.installmentMinor))
    return invalid(
      'The instalment is not a positive whole amount of minor units',
      'La cuota no es un importe entero positivo en unidades menores',
    );
  if (p.installments !== undefined && !(isPositiveInteger(p.installments) && p.installments <= 10_000))
    return invalid(
      'The number of instalments is not a whole number from 1 to 10000',
      'El número de cuotas no es un entero de 1 a 10000',
    );
  if (p.firstDue !== undefined && !isCivilDate(p.firstDue))
    return invalid(
      `"${String(p.firstDue)}" is not a date (YYYY-MM-DD)`,
      `"${String(p.firstDue)}" no es una fecha (AAAA-MM-DD)`,
    );
  return null;
}

function fillTerms(ctx: OfferContext, rules: PlanRules, p: PlanProposal): PlanTerms {
  const balance = ctx.account.balanceMinor;
  const firstDue = p.firstDue ?? defaultFirstDue(rules, ctx.today);
  if (p.installmentMinor !== undefined) {
    const installmentMinor = Math.min(p.installmentMinor, balance);
    return { frequency: p.frequency, firstDue, installmentMinor, count: ceilDiv(balance, installmentMinor) };
  }
  const count = p.installments ?? maxInstallmentCount(rules, p.frequency, firstDue, balance);
  const installmentMinor = ceilDiv(balance, Math.min(count, balance));
  return { frequency: p.frequency, firstDue, installmentMinor, count: ceilDiv(balance, installmentMinor) };
}

/** Refusals about what the debtor said: an instalment above the balance, terms that do not add up. */
function termRefusals(ctx: OfferContext, p: PlanProposal, t: PlanTerms): Refusal[] {
  const { balanceMinor: balance, currency } = ctx.account;
  const out: Refusal[] = [];
  if (p.installmentMinor !== undefined && p.installmentMinor > balance)
    out.push(
      amountAboveBalance(
        {
          en: `An instalment of ${money(p.installmentMinor, currency)}`,
          es: `Una cuota de ${money(p.installmentMinor, currency)}`,
        },
        money(balance, currency),
        balance,
      ),
    );
  else if (p.installments !== undefined && p.installments !== t.count)
    out.push(
      p.installmentMinor === undefined
        ? refusal(
            'plan_total_mismatch',
            `${money(balance, currency)} cannot be split into ${p.installments} instalments`,
            `${money(balance, currency)} no se puede dividir en ${p.installments} cuotas`,
          )
        : refusal(
            'plan_total_mismatch',
            `${p.installments} instalments of ${money(p.installmentMinor, currency)} do not make the balance, ${money(balance, currency)}`,
            `${p.installments} cuotas de ${money(p.installmentMinor, currency)} no suman el saldo, ${money(balance, currency)}`,
          ),
    );
  return out;
}

/** Refusals where the filled-in plan crosses one of the rules' bounds. */
function limitRefusals(ctx: OfferContext, rules: PlanRules, t: PlanTerms): Refusal[] {
  const currency = ctx.account.currency;
  const out: Refusal[] = [];
  if (!rules.frequencies.includes(t.frequency))
    out.push(
      refusal(
        'frequency_not_allowed',
        `${t.frequency} instalments are not offered; allowed: ${rules.frequencies.join(', ')}`,
        `No se ofrecen cuotas con frecuencia ${t.frequency}; permitidas: ${rules.frequencies.join(', ')}`,
        rules.frequencies.join(','),
      ),
    );
  const latest = latestFirstDue(rules, ctx.today);
  if (t.firstDue < ctx.today)
    out.push(
      dateInPast(
        { en: `The first instalment's date ${t.firstDue}`, es: `La fecha de la primera cuota ${t.firstDue}` },
        ctx.today,
      ),
    );
  if (t.firstDue > latest)
    out.push(
      refusal(
        'first_due_too_late',
        `The first instalment must fall due by ${latest} (within ${rules.firstDueWithinDays} days)`,
        `La primera cuota debe vencer a más tardar el ${latest} (dentro de ${rules.firstDueWithinDays} días)`,
        latest,
      ),
    );
  const min = minInstallmentMinor(rules, ctx.account.balanceMinor);
  if (t.installmentMinor < min)
    out.push(
      refusal(
        'installment_too_small',
        `An instalment of ${money(t.installmentMinor, currency)} is under the smallest allowed, ${money(min, currency)}`,
        `Una cuota de ${money(t.installmentMinor, currency)} es menor que la mínima permitida, ${money(min, currency)}`,
        min,
      ),
    );
  if (t.count > rules.maxInstallments)
    out.push(
      refusal(
        'too_many_installments',
        `${t.count} instalments are more than the ${rules.maxInstallments} allowed`,
        `${t.count} cuotas son más que las ${rules.maxInstallments} permitidas`,
        rules.maxInstallments,
      ),
    );
  else if (planDurationDays(t.firstDue, t.frequency, t.count) > rules.maxDurationDays)
    out.push(
      refusal(
        'plan_too_long',
        `The plan would last more than the ${rules.maxDurationDays} days allowed`,
        `El plan duraría más que los ${rules.maxDurationDays} días permitidos`,
        rules.maxDurationDays,
      ),
    );
  return out;
}

/**
 * The allowed plan closest to the proposal in the debtor's terms: the nearest allowed frequency,
 * the first due date moved into the allowed window, and then the instalment the debtor named
 * (translated to the new frequency) held between the smallest allowed and the one that fits in
 * the most instalments allowed; or the count the debtor named, held to the most allowed.
 */
function planCounter(ctx: OfferContext, rules: PlanRules, p: PlanProposal, t: PlanTerms) {
  const balance = ctx.account.balanceMinor;
  const frequency = nearestFrequency(rules.frequencies, t.frequency);
  const latest = latestFirstDue(rules, ctx.today);
  const firstDue = t.firstDue < ctx.today ? ctx.today : t.firstDue > latest ? latest : t.firstDue;
  const most = maxInstallmentCount(rules, frequency, firstDue, balance);
  const smallest = Math.max(minInstallmentMinor(rules, balance), ceilDiv(balance, most));
  let installmentMinor: number;
  if (p.installmentMinor !== undefined) {
    const named = Math.floor((p.installmentMinor * periodDays[frequency]) / periodDays[p.frequency]);
    installmentMinor = clamp(named, smallest, balance);
  } else if (p.installments !== undefined) {
    const named = Math.max(1, Math.round((p.installments * periodDays[p.frequency]) / periodDays[frequency]));
    installmentMinor = ceilDiv(balance, clamp(named, 1, most));
  } else installmentMinor = smallest;
  return planAgreement(firstDue, frequency, installmentMinor, balance);
}

/** The allowed frequency whose period is nearest to `wanted`'s (the longer one on a tie). */
function nearestFrequency(allowed: readonly PlanFrequency[], wanted: PlanFrequency): PlanFrequency {
  let best = allowed[0]!;
  for (const f of allowed) {
    const d = Math.abs(periodDays[f] - periodDays[wanted]);
    const bestD = Math.abs(periodDays[best] - periodDays[wanted]);
    if (d < bestD || (d === bestD && periodDays[f] > periodDays[best])) best = f;
  }
  return best;
}
