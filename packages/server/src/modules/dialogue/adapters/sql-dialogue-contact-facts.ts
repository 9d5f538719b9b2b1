import type { Db } from '../../../shared/db/db.js';
import type { DebtorVault } from '../../../shared/crypto/debtor-vault.js';
import type { TimelinePersonal } from '../../record/index.js';
import type { ChannelDomainEvent } from '../../channels/index.js';
import { appendDomainEvents } from '../../events/index.js';
import type { DialogueRecord, TurnRef } from '../ports.js';

import { turnTimeline } from './turn-timeline.js';

/** How the debtor may be contacted: consents withdrawn, wrong-party contact points, preferences. */
export function contactFacts(
  db: Db,
  vault: DebtorVault,
): Pick<DialogueRecord, 'withdrawConsent' | 'stopContactPoint' | 'setContactPreference'> {
  const timeline = (
    t: TurnRef,
    e: Parameters<typeof turnTimeline>[3],
    summary: string,
    data: Record<string, unknown>,
    personal?: TimelinePersonal,
  ) => turnTimeline(db, vault, t, e, summary, data, personal);
  return {
    async withdrawConsent(t, channel) {
      await db.query(
        `INSERT INTO channel_consents (org_id, debtor_id, channel, state, source, recorded_at, opted_out_at, opt_out_source)
         VALUES ($1, $2, $3, 'denied', 'dialogue', $4, $4, 'dialogue')
         ON CONFLICT (debtor_id, channel) DO UPDATE
           SET state = 'denied', recorded_at = EXCLUDED.recorded_at,
               opted_out_at = COALESCE(channel_consents.opted_out_at, EXCLUDED.opted_out_at),
               opt_out_source = COALESCE(channel_consents.opt_out_source, EXCLUDED.opt_out_source)`,
        [t.orgId, t.debtorId, channel, t.at.toISOString()],
      );
      await timeline(
        t,
        { kind: 'contact_change', actor: 'debtor' },
        `Opted out of ${channel} in a conversation`,
        {
          optOut: channel,
        },
      );
      // The journeys stop using the channel, as they do for a keyword opt-out.
      const event: ChannelDomainEvent = {
        type: 'channel.opted_out',
        orgId: t.orgId,
        debtorId: t.debtorId,
        channel,
        // Its own inbound id: the journeys' key for the reply itself (`in:<inboundId>`) is taken.
        inboundId: `dlg:${t.conversationId}:${t.seq}`,
        keyword: '',
      };
      await appendDomainEvents(
        db,
        [{ key: `dialogue-opt-out:${t.conversationId}:${t.seq}:${channel}`, event }],
        t.at,
      );
    },

    async stopContactPoint(t, address) {
      const r = await db.query(
        `UPDATE contact_points SET wrong_party_at = $4, updated_at = $4
          WHERE org_id = $1 AND debtor_id = $2 AND value = $3 AND wrong_party_at IS NULL`,
        [t.orgId, t.debtorId, address, t.at.toISOString()],
      );
      if (r.rowCount === 0) return false;
      await timeline(
        t,
        { kind: 'contact_change', actor: 'bot' },
        'Contact point marked wrong party',
        { wrongParty: true },
        { summary: `Contact point ${address} marked wrong party`, data: { address } },
      );
      return true;
    },

    async setContactPreference(t, p) {
      await db.query(
        `UPDATE debtors SET preferred_channel = COALESCE($3, preferred_channel),
                            preferred_hours = COALESCE($4::jsonb, preferred_hours), updated_at = $5
          WHERE org_id = $1 AND id = $2`,
        [t.orgId, t.debtorId, p.channel, p.hours ? JSON.stringify(p.hours) : null, t.at.toISOString()],
      );
      const hours = p.hours ? ` ${p.hours.from ?? ''}–${p.hours.to ?? ''}` : '';
      await timeline(
        t,
        { kind: 'contact_change', actor: 'debtor' },
        `Contact preference: ${p.channel ?? 'same channel'}`,
        { preferredChannel: p.channel },
        {
          summary: `Contact preference: ${p.channel ?? 'same channel'}${hours}`,
          data: { preferredHours: p.hours ?? null },
        },
      );
    },
  };
}
