import { assertUnreachable } from '@saldo/core';
import type { Agreement } from '@saldo/core/offers';
import type { Db, SqlExecutor } from '../../../shared/db/db.js';
import type { AgreementStore, OfferFacts, WrittenAgreement } from '../ports.js';
import { readOfferFacts } from './offer-facts-sql.js';
import { writePlan, writeSettlementOffer, type AgreementContext } from './write-plan-and-settlement.js';
import { writePause } from './write-pause.js';
import { writePromise } from './write-promise.js';

/**
 * The only writer of promises, plans, settlement offers and pauses (ADR 0009): one transaction locks the
 * account, reads its offer facts, asks `decide` (the offer gate) and writes exactly the agreement
 * it accepted, or nothing.
 */
export function createSqlAgreementStore(db: Db): AgreementStore {
  return {
    commit: (p, decide) =>
      db.transaction(async (tx) => {
        const facts = await readOfferFacts(tx, p.orgId, p.accountId, p.now, { lock: true });
        if (!facts) return null;
        const check = decide(facts);
        if (!check.accepted) return check;
        const c: AgreementContext = {
          orgId: p.orgId,
          accountId: p.accountId,
          debtorId: facts.debtorId,
          status: facts.status,
          currency: facts.account.currency,
          channel: p.channel,
          actor: p.actor,
          now: p.now,
        };
        const written = await writeAgreement(tx, c, facts, check.agreement);
        return { accepted: true, agreement: check.agreement, written };
      }),
  };
}

async function writeAgreement(
  tx: SqlExecutor,
  c: AgreementContext,
  facts: OfferFacts,
  agreement: Agreement,
): Promise<WrittenAgreement> {
  switch (agreement.kind) {
    case 'promise': {
      const promiseIds: string[] = [];
      let status = facts.status;
      for (const part of agreement.parts) {
        const written = await writePromise(tx, {
          ...c,
          status,
          amountMinor: part.amountMinor,
          dueDate: part.date,
        });
        promiseIds.push(written.id);
        status = written.status;
      }
      return { kind: 'promise', promiseIds };
    }
    case 'plan':
      return { kind: 'plan', planId: await writePlan(tx, c, agreement) };
    case 'settlement': {
      const offer = await writeSettlementOffer(
        tx,
        { ...c, balanceMinor: facts.account.balanceMinor },
        agreement,
      );
      return { kind: 'settlement', settlementOfferId: offer.id, status: offer.status };
    }
    case 'pause':
      return { kind: 'pause', until: await writePause(tx, c, agreement) };
    default:
      return assertUnreachable(agreement, 'agreement kind');
  }
}
