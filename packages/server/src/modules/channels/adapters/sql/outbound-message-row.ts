import type { ProviderId } from '@saldo/core/channels';
import type { CallOutcome, OutboundMessageRecord } from '../../ports/contact-records.js';
import { iso, isoReq } from '../../../../shared/db/iso.js';

/** An `outbound_messages` row as the driver returns it. */
export type Row = {
  id: string;
  org_id: string;
  debtor_id: string;
  account_id: string | null;
  channel: OutboundMessageRecord['channel'];
  template_id: string;
  recipient: string;
  provider: ProviderId;
  provider_message_id: string | null;
  idempotency_key: string;
  status: OutboundMessageRecord['status'];
  outcome: CallOutcome | null;
  requested_by: string;
  error: string | null;
  retryable: boolean;
  send_lease_until: Date | null;
  created_at: Date;
  updated_at: Date;
};

export const toRecord = (r: Row): OutboundMessageRecord => ({
  id: r.id,
  orgId: r.org_id,
  debtorId: r.debtor_id,
  accountId: r.account_id,
  channel: r.channel,
  templateId: r.template_id,
  recipient: r.recipient,
  provider: r.provider,
  providerMessageId: r.provider_message_id,
  idempotencyKey: r.idempotency_key,
  status: r.status,
  outcome: r.outcome,
  requestedBy: r.requested_by,
  error: r.error,
  retryable: r.retryable,
  sendLeaseUntil: iso(r.send_lease_until),
  createdAt: isoReq(r.created_at),
  updatedAt: isoReq(r.updated_at),
});
