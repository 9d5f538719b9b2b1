/**
 * Promises, plans, settlements and pauses: every one is a proposal `checkProposal` judges. An accepted
 * promise is written at once; a plan or a settlement is shown and written only after the debtor's yes;
 * a refused proposal becomes the policy's nearest counter-offer, in the debtor's terms, awaiting a yes.
 */
import type { Agreement, PlanFrequency, Proposal, ProposalCheck } from '../offers/types.js';
import { currentOffers, check, recheck } from './policy.js';
import { readPromise, toMinor } from './promise-parts.js';
import type { Reading } from './reading.js';
import { describeAgreement, describeRefusal } from './replies/render.js';
import { act, askHowToResolve, handoff, money, say, type StepState } from './step-state.js';
import { extractAmount } from '../nlu/amount.js';
import { variantFor } from '../nlu/locale.js';
import { assertUnreachable } from '../errors/index.js';

const frequencyWords: ReadonlyArray<[RegExp, PlanFrequency]> = [
  [/\b(semanal\w*|a la semana|por semana|cada semana|weekly|a week|per week|every week)\b/, 'weekly'],
  [
    /\b(quincena\w*|quincenal\w*|cada (quince|15) dias|fortnight\w*|biweekly|bi-weekly|every (two|2) weeks)\b/,
    'fortnightly',
  ],
  [
    /\b(mensual\w*|al mes|por mes|cada mes|monthly|a month|per month|every month|mensualidad\w*)\b/,
    'monthly',
  ],
];

/** The plan frequency a message names, if any ("300 al mes", "every two weeks"). */
export function frequencyIn(folded: string): PlanFrequency | undefined {
  for (const [re, f] of frequencyWords) if (re.test(folded)) return f;
  return undefined;
}

function note(s: StepState, agreement: Agreement): { turn: number; agreement: Agreement } {
  return { turn: s.conv.turns, agreement };
}

function describe(s: StepState, a: Agreement): string {
  return describeAgreement(a, s.format);
}

/** Shows an agreement and waits for the debtor's yes. */
function awaitYes(s: StepState, agreement: Agreement): void {
  s.conv.pending = agreement;
  s.conv.choices = [];
  s.conv.state = 'confirming';
  s.conv.offers.made.push(note(s, agreement));
}

/** A refused proposal: the policy's nearest agreement if there is one, else the reason and the options. */
function counter(s: StepState, result: Extract<ProposalCheck, { accepted: false }>): void {
  const reason = describeRefusal(result.refusals, s.format);
  if (result.counter) {
    say(s, 'counter_offer', { reason, agreement: describe(s, result.counter) });
    say(s, 'confirm_question');
    awaitYes(s, result.counter);
  } else {
    say(s, 'no_counter', { reason });
    askHowToResolve(s);
  }
}

/** Writes an agreement the debtor confirmed, after checking it again now. */
export function finalize(s: StepState, offered: Agreement): void {
  const result = recheck(s, offered);
  s.conv.pending = null;
  s.conv.choices = [];
  s.conv.state = 'open';
  if (!result.accepted) return counter(s, result);
  const a = result.agreement;
  s.conv.offers.agreed.push(note(s, a));
  const currency = s.ctx.account.currency;
  switch (a.kind) {
    case 'promise':
      for (const p of a.parts)
        act(s, { type: 'promise', date: p.date, amountMinor: p.amountMinor, currency });
      say(s, 'promise_done', { agreement: describe(s, a) });
      return;
    case 'plan': {
      const first = a.installments[0];
      if (!first) return;
      act(s, {
        type: 'plan',
        installments: a.installments.length,
        frequency: a.frequency,
        totalMinor: a.totalMinor,
        firstDue: first.due,
        currency,
        schedule: a.installments,
      });
      say(s, 'plan_done', { agreement: describe(s, a) });
      return;
    }
    case 'settlement':
      if (a.needsApproval) {
        act(s, { type: 'settlement_offer', amountMinor: a.amountMinor, expires: a.expires, currency });
        say(s, 'settlement_needs_approval');
        handoff(s, 'payments');
      } else {
        act(s, { type: 'settlement', amountMinor: a.amountMinor, expires: a.expires, currency });
        say(s, 'settlement_done', { agreement: describe(s, a) });
      }
      return;
    case 'pause':
      act(s, { type: 'pause_collection', until: a.until });
      say(s, 'pause_done', { agreement: describe(s, a) });
      return;
    default:
      return assertUnreachable(a, 'agreement kind');
  }
}

/** A promise is written as soon as the policy accepts it; a refused one becomes a counter-offer. */
function propose(s: StepState, proposal: Proposal): void {
  const result = check(s, proposal);
  if (!result.accepted) return counter(s, result);
  if (proposal.kind === 'promise') return finalize(s, result.agreement);
  say(s, 'proposal_confirm', { agreement: describe(s, result.agreement) });
  say(s, 'confirm_question');
  awaitYes(s, result.agreement);
}

function promiseIn(s: StepState, r: Reading) {
  const a = s.ctx.account;
  return readPromise({
    folded: r.folded,
    lang: s.format.lang,
    local: s.local,
    today: s.today,
    timeZone: a.timeZone,
    balanceMinor: a.balanceMinor,
    currency: a.currency,
  });
}

/** How many dated payments a message names. */
export function datedParts(s: StepState, r: Reading): number {
  return promiseIn(s, r).parts.length;
}

export function promise(s: StepState, r: Reading): void {
  const read = promiseIn(s, r);
  const draft = s.conv.draft;
  s.conv.draft = null;
  if (read.parts.length > 0) {
    // "el viernes" after "te pago 500": the day for the amount already given.
    const parts =
      draft && read.parts.length === 1 && !amountIn(s, r)
        ? [{ date: read.parts[0]!.date, amountMinor: draft.amountMinor }]
        : read.parts;
    return propose(s, { kind: 'promise', parts });
  }
  if (read.undatedAmountMinor !== null) {
    s.conv.draft = { amountMinor: read.undatedAmountMinor };
    say(s, 'ask_promise_date', { amount: money(s, read.undatedAmountMinor) });
    return;
  }
  askHowToResolve(s);
}

function amountIn(s: StepState, r: Reading): number | undefined {
  const found = extractAmount(r.text, variantFor(s.ctx.account.timeZone, s.format.lang), s.format.lang);
  return found && found.value > 0 ? toMinor(found.value, s.ctx.account.currency) : undefined;
}

/** "I can do 300 a month", "en 6 pagos", "cada quincena desde el 15": missing terms come from the policy. */
export function plan(s: StepState, r: Reading): void {
  const installmentMinor = amountIn(s, r);
  const installments = r.understanding.entities.installments;
  const date = r.understanding.entities.date;
  const firstDue = date !== undefined && date >= s.today ? date : undefined;
  const frequency = frequencyIn(r.folded);
  if (installmentMinor === undefined && installments === undefined && frequency === undefined) {
    const offered = currentOffers(s);
    const first = (s.conv.signals.hardship ? offered.hardship.plans : offered.plans)[0];
    if (first) {
      say(s, 'plan_offer', { agreement: describe(s, first) });
      awaitYes(s, first);
      return;
    }
  }
  const proposal: Extract<Proposal, { kind: 'plan' }> = { kind: 'plan', frequency: frequency ?? 'monthly' };
  if (installmentMinor !== undefined && installments === undefined)
    proposal.installmentMinor = installmentMinor;
  if (installments !== undefined) proposal.installments = installments;
  if (firstDue !== undefined) proposal.firstDue = firstDue;
  propose(s, proposal);
}

/** A settlement the debtor names, or the smallest one the policy offers now. */
export function settlement(s: StepState, r: Reading): void {
  const amountMinor = amountIn(s, r);
  if (amountMinor !== undefined) return propose(s, { kind: 'settlement', amountMinor });
  const offered = currentOffers(s);
  if (offered.settlement)
    return propose(s, { kind: 'settlement', amountMinor: offered.settlement.minAmountMinor });
  say(s, 'settlement_unavailable');
  const first = offered.plans[0];
  if (first) {
    say(s, 'plan_offer', { agreement: describe(s, first) });
    awaitYes(s, first);
  } else askHowToResolve(s);
}

/** The debtor said no to what was offered: remember it, ask what would work. */
export function declinePending(s: StepState): void {
  const refused = s.conv.pending ?? s.conv.choices[0];
  if (refused) s.conv.offers.refused.push(note(s, refused));
  s.conv.signals.refusals += 1;
  s.conv.pending = null;
  s.conv.choices = [];
  s.conv.state = 'open';
  say(s, 'pending_refused');
}

const pauseWords = /\b(pausa|pausar|esperar|espera|tiempo|congelar|pause|wait|hold|time|break)\b/;
const planWords = /\b(plan|cuotas?|pagos|parcialidades|plazos|installments?|payments|payment plan)\b/;

/** A yes, or a named choice, to the offers in the last reply ("la pausa", "the plan", "sí"). */
export function takeChoice(s: StepState, r: Reading): boolean {
  const choices = s.conv.choices;
  if (choices.length === 0) return false;
  const named =
    choices.find((c) => c.kind === 'pause' && pauseWords.test(r.folded)) ??
    choices.find((c) => c.kind === 'plan' && planWords.test(r.folded));
  const chosen = named ?? (r.intent === 'affirm' ? choices[0] : undefined);
  if (!chosen) return false;
  finalize(s, chosen);
  return true;
}
