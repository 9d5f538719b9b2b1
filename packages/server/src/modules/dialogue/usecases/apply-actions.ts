import { SaldoError, assertUnreachable } from '@saldo/core';
import type { DialogueAction } from '@saldo/core/dialogue';
import { civilDaysBetween } from '@saldo/core/calendar';
import { debtorToday, type Proposal } from '@saldo/core/offers';
import type { RecordService } from '../../record/index.js';
import type { DialogueRecord, TurnRef } from '../ports.js';

/** The record's writers of agreements: the offer gate (`commitAgreement`) and the settlement's acceptance. */
export type AgreementWriter = Pick<RecordService, 'commitAgreement' | 'acceptSettlementOffer'>;

export interface ApplyActionsDeps {
  record: DialogueRecord;
  agreements: AgreementWriter;
  log: (msg: string, data: Record<string, unknown>) => void;
}

type Agreed = Extract<DialogueAction, { type: 'promise' | 'plan' | 'settlement' | 'settlement_offer' }>;

/**
 * The agreement an action writes, as a proposal to the offer gate. The engine emits only what
 * `checkProposal` accepted; the gate checks it again under the account's lock, so a balance that
 * moved in between is refused rather than written.
 */
function proposalOf(a: Agreed, promises: readonly Extract<DialogueAction, { type: 'promise' }>[]): Proposal {
  switch (a.type) {
    case 'promise':
      // Every part of one message is one proposal ("200 el viernes y el resto el 15"), as the engine checked it.
      return { kind: 'promise', parts: promises.map((p) => ({ date: p.date, amountMinor: p.amountMinor })) };
    case 'plan':
      return {
        kind: 'plan',
        frequency: a.frequency,
        installments: a.installments,
        installmentMinor: a.schedule[0]?.amountMinor ?? Math.ceil(a.totalMinor / a.installments),
        firstDue: a.firstDue,
      };
    case 'settlement':
    case 'settlement_offer':
      return { kind: 'settlement', amountMinor: a.amountMinor };
    default:
      return assertUnreachable(a, 'agreement action');
  }
}

async function writeAgreement(
  d: ApplyActionsDeps,
  t: TurnRef,
  a: Agreed,
  promises: readonly Extract<DialogueAction, { type: 'promise' }>[],
): Promise<void> {
  try {
    const r = await d.agreements.commitAgreement(t.orgId, {
      accountId: t.accountId,
      proposal: proposalOf(a, promises),
      channel: t.channel,
      actor: 'bot',
    });
    if (!r.accepted) {
      await d.record.note(t, `The offer gate refused the ${a.type} agreed in the conversation`, {
        refusals: r.refusals,
      });
      return;
    }
    // The debtor said yes to a settlement within policy: the offer is accepted at once.
    if (a.type === 'settlement' && r.written.kind === 'settlement' && r.written.status === 'open')
      await d.agreements.acceptSettlementOffer(t.orgId, r.written.settlementOfferId, {
        channel: t.channel,
        actor: 'debtor',
      });
  } catch (err) {
    // The record refusing (an account closed meanwhile) is an answer; anything else aborts the turn.
    if (!(err instanceof SaldoError)) throw err;
    d.log('dialogue agreement not recorded', { accountId: t.accountId, error: err.message });
    await d.record.note(t, `The ${a.type} agreed in the conversation was not recorded: ${err.message}`, {});
  }
}

/**
 * A pause the engine agreed ("until the 24th"), through the offer gate: the days from the debtor's
 * today under the account's lock, so the gate writes the same date.
 */
async function writePause(d: ApplyActionsDeps, t: TurnRef, until: string): Promise<void> {
  try {
    const r = await d.agreements.commitAgreement(t.orgId, {
      accountId: t.accountId,
      proposal: (facts) => ({
        kind: 'pause',
        days: civilDaysBetween(debtorToday(t.at.getTime(), facts.account.timeZone), until),
      }),
      channel: t.channel,
      actor: 'bot',
    });
    if (!r.accepted)
      await d.record.note(t, 'The offer gate refused the pause agreed in the conversation', {
        refusals: r.refusals,
      });
  } catch (err) {
    if (!(err instanceof SaldoError)) throw err;
    d.log('dialogue pause not recorded', { accountId: t.accountId, error: err.message });
    await d.record.note(t, `The pause agreed in the conversation was not recorded: ${err.message}`, {});
  }
}

/** Writes every action of one step, in order, in the caller's transaction. */
export async function applyActions(
  d: ApplyActionsDeps,
  t: TurnRef,
  actions: readonly DialogueAction[],
  from: string | null,
): Promise<void> {
  const promises = actions.filter(
    (a): a is Extract<DialogueAction, { type: 'promise' }> => a.type === 'promise',
  );
  let promisesWritten = false;
  for (const a of actions) {
    switch (a.type) {
      case 'promise':
        if (!promisesWritten) await writeAgreement(d, t, a, promises);
        promisesWritten = true;
        break;
      case 'plan':
      case 'settlement':
      case 'settlement_offer':
        await writeAgreement(d, t, a, promises);
        break;
      case 'dispute':
        await d.record.openDispute(t);
        await d.record.moveStatus(t, 'disputed', 'the debtor disputes the debt');
        break;
      case 'already_paid_claim':
        await d.record.note(t, `The debtor says the debt is already paid${a.date ? ` (${a.date})` : ''}`, {
          alreadyPaid: { date: a.date },
        });
        break;
      case 'pause_collection':
        await writePause(d, t, a.until);
        break;
      case 'hardship':
        await d.record.flagHardship(t);
        break;
      case 'opt_out':
        await d.record.withdrawConsent(t, a.channel);
        break;
      case 'wrong_party':
        await d.record.note(t, 'The person who answered is not the debtor', { wrongParty: true });
        break;
      case 'stop_contact_point':
        if (from !== null) await d.record.stopContactPoint(t, from);
        break;
      case 'deceased':
        await d.record.moveStatus(t, 'deceased', 'reported deceased in a conversation');
        break;
      case 'bankruptcy':
        await d.record.moveStatus(t, 'bankrupt', 'bankruptcy reported in a conversation');
        break;
      case 'attorney':
        // Represented by an attorney: collection contact with the debtor stops (cease).
        await d.record.moveStatus(t, 'cease', 'the debtor is represented by an attorney');
        break;
      case 'contact_preference':
        await d.record.setContactPreference(t, {
          channel: a.channel,
          ...(a.hours ? { hours: a.hours } : {}),
        });
        break;
      case 'payment_link':
        await d.record.note(t, 'The debtor asked for a payment link', { paymentLink: true });
        break;
      case 'verification_failed':
        await d.record.note(t, 'Identity check failed three times: the conversation is locked', {
          verificationFailed: true,
        });
        break;
      case 'handoff':
        await d.record.handoff(t, a.queue, a.summary);
        break;
      default:
        assertUnreachable(a, 'dialogue action');
    }
  }
}
