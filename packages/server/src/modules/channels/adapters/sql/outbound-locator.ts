import type { SqlExecutor } from '../../../../shared/db/db.js';
import type { OutboundMessageLocator } from '../../ports/inbound-mail.js';

/**
 * The one lookup not scoped by organisation: inbound mail names a message (`reply+msg_…@`), and the
 * message (a primary key of 128 random bits) tells which organisation it belongs to, the way a
 * webhook's AccountSid does. Nothing else is read across organisations.
 */
export function createSqlOutboundLocator(db: SqlExecutor): OutboundMessageLocator {
  return {
    async locate(messageId) {
      const r = await db.query<{ org_id: string; channel: string; provider_message_id: string | null }>(
        'SELECT org_id, channel, provider_message_id FROM outbound_messages WHERE id = $1',
        [messageId],
      );
      const row = r.rows[0];
      return row
        ? { orgId: row.org_id, channel: row.channel, providerMessageId: row.provider_message_id }
        : null;
    },
  };
}
