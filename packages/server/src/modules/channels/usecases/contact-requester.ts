import type { Actor } from '../../record/index.js';
import type { ContactRequest } from '../ports/messaging.js';

/** Who asked for a contact, as the `requested_by` column stores it: `kind:id`. */
export const requestedByOf = (req: ContactRequest): string => `${req.requestedBy.kind}:${req.requestedBy.id}`;

/** Who the timeline names for a contact: an agent, the strategy bot, or the system. */
export function actorOf(req: ContactRequest): Actor {
  return req.requestedBy.kind === 'agent' ? 'agent' : req.requestedBy.kind === 'strategy' ? 'bot' : 'system';
}
