/**
 * The WhatsApp customer-service window: a business may send free-form messages only within 24 hours
 * of the user's last message; outside it only an approved template message may start a conversation
 * (Meta WhatsApp Business Platform policy).
 */
export const WHATSAPP_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export type WhatsAppSendDecision =
  { allowed: true; kind: 'free_form' | 'template' } | { allowed: false; reason: 'outside_service_window' };

/**
 * @example
 * whatsAppSendDecision({ now, lastInboundAt: null, hasTemplate: false })
 * // { allowed: false, reason: 'outside_service_window' }
 */
export function whatsAppSendDecision(input: {
  now: Date;
  lastInboundAt: Date | null;
  hasTemplate: boolean;
}): WhatsAppSendDecision {
  if (input.hasTemplate) return { allowed: true, kind: 'template' };
  if (isInsideServiceWindow(input.now, input.lastInboundAt)) return { allowed: true, kind: 'free_form' };
  return { allowed: false, reason: 'outside_service_window' };
}

export function isInsideServiceWindow(now: Date, lastInboundAt: Date | null): boolean {
  if (!lastInboundAt) return false;
  const age = now.getTime() - lastInboundAt.getTime();
  return age >= 0 && age < WHATSAPP_SERVICE_WINDOW_MS;
}
