// The domain events an integrator can subscribe to. Adding one is one line here: its payload goes
// out as the webhook's `data` (docs/webhooks.md lists each payload).

export const webhookEventTypes = [
  'payment.recorded',
  'promise.made',
  'promise.kept',
  'promise.broken',
  'plan.created',
  'plan.completed',
  'plan.broken',
  'settlement.offered',
  'settlement.accepted',
  'settlement.settled',
  'settlement.expired',
  'settlement.lapsed',
  'dispute.opened',
  'collection.paused',
  'account.status_changed',
  'channel.opted_out',
  'dialogue.handed_off',
  'debtor.erased',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

const known = new Set<string>(webhookEventTypes);

export function isWebhookEventType(type: string): type is WebhookEventType {
  return known.has(type);
}

/** What a receiver gets: the event's id, type and organisation, and its facts as `data`. */
export interface WebhookEventBody {
  id: string;
  type: string;
  createdAt: string;
  orgId: string;
  data: Record<string, unknown>;
}

/** The public id of the domain event at `seq`: the same for every delivery and replay of it. */
export function webhookEventId(seq: number): string {
  return `evt_${seq}`;
}

/** The body sent for a stored domain event (its `type` and `orgId` move to the envelope). */
export function webhookEventBody(e: {
  seq: number;
  orgId: string;
  type: string;
  recordedAt: Date;
  payload: Record<string, unknown>;
}): WebhookEventBody {
  const { type: _type, orgId: _orgId, ...data } = e.payload;
  return {
    id: webhookEventId(e.seq),
    type: e.type,
    createdAt: e.recordedAt.toISOString(),
    orgId: e.orgId,
    data,
  };
}
