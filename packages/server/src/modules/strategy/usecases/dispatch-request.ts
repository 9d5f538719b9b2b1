import type { ContactChannel, ContactRequest } from '../../channels/index.js';
import type { OutboxRow } from '../ports.js';

/** Maps a strategy template id to the channel template Messaging renders. */
export type TemplateResolver = (templateId: string, channel: ContactChannel) => string;

/** The contact an outbox row asks for, or null when the row is not a contact (send or call). */
export function contactRequestOf(row: OutboxRow, resolveTemplate?: TemplateResolver): ContactRequest | null {
  const c = row.command;
  if (c.type !== 'send' && c.type !== 'call') return null;
  // A strategy `call` node is a voicebot call (agents' calls do not come from the outbox).
  const channel: ContactChannel = c.type === 'call' ? 'voicebot' : c.channel;
  return {
    orgId: row.orgId,
    accountId: row.accountId,
    channel,
    templateId: resolveTemplate ? resolveTemplate(c.templateId, channel) : c.templateId,
    idempotencyKey: row.idempotencyKey,
    requestedBy: { kind: 'strategy', id: `${c.nodeId}` },
    ...(c.type === 'call' && c.voicemailTemplateId
      ? { variables: { voicemailTemplateId: c.voicemailTemplateId } }
      : {}),
  };
}
