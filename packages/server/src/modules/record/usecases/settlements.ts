import { SaldoError } from '@saldo/core';
import type { Clock } from '../../../shared/clock/clock.js';
import type { Actor, SettlementMove, SettlementOffer, SettlementOfferStore } from '../ports.js';

function outcome(move: SettlementMove, offerId: string): SettlementOffer {
  if (move === null) throw new SaldoError('not_found', `settlement offer ${offerId} not found`);
  if ('refused' in move) throw new SaldoError('conflict', move.refused);
  return move.offer;
}

/** Approving and accepting the settlement offers the offer gate wrote. */
export function createSettlements(deps: { offers: SettlementOfferStore; clock: Clock }) {
  return {
    async approve(orgId: string, offerId: string, by: string): Promise<SettlementOffer> {
      return outcome(await deps.offers.approve({ orgId, offerId, by, now: deps.clock.now() }), offerId);
    },
    async accept(
      orgId: string,
      offerId: string,
      p: { channel?: string; actor: Actor },
    ): Promise<SettlementOffer> {
      const move = await deps.offers.accept({
        orgId,
        offerId,
        channel: p.channel ?? null,
        actor: p.actor,
        now: deps.clock.now(),
      });
      return outcome(move, offerId);
    },
  };
}
