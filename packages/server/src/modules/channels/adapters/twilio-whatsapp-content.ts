import { isInsideServiceWindow } from '@saldo/core/channels';
import type { OutboundMessage, SendResult } from '../ports/channel-provider.js';

/** What a Twilio WhatsApp message carries: free-form `body`, or a Content template. */
export type TwilioWhatsAppFields = { body: string } | { contentSid: string; contentVariables?: string };

/**
 * Twilio's way of sending a WhatsApp template (Content API): `contentSid` plus `contentVariables`,
 * a JSON string {"1": …, "2": …} in the template's positional order; no `body`.
 *
 * - Within 24 hours of the debtor's last WhatsApp message: the rendered text, free-form.
 * - Outside it: the template's approved Content SID, or a permanent failure. Never a silent
 *   free-form send that WhatsApp would drop (Twilio error 63016) after Saldo counted it as sent.
 *
 * The window comes from `msg.lastInboundAt`, which the send path reads for every WhatsApp
 * provider alike (the debtor's last inbound WhatsApp message), and core's window rule.
 */
export function twilioWhatsAppContent(
  msg: OutboundMessage,
  now: Date,
): { ok: true; fields: TwilioWhatsAppFields } | { ok: false; failure: SendResult } {
  if (isInsideServiceWindow(now, msg.lastInboundAt ?? null)) return { ok: true, fields: { body: msg.text } };
  const fail = (reason: 'outside_service_window' | 'template_not_approved', detail: string) => ({
    ok: false as const,
    failure: { ok: false as const, reason, detail, retryable: false },
  });
  const t = msg.whatsapp;
  if (!t)
    return fail(
      'outside_service_window',
      'outside the 24-hour WhatsApp window only an approved template may be sent, and this message has no WhatsApp template',
    );
  if (!t.twilioContentSid)
    return fail(
      'outside_service_window',
      `outside the 24-hour WhatsApp window Twilio needs an approved Content template: template "${t.name}" has no whatsapp.twilioContentSid (HX…)`,
    );
  if (!t.approved)
    return fail(
      'template_not_approved',
      `WhatsApp template "${t.name}" (${t.twilioContentSid}) is not marked approved yet`,
    );
  const variables = Object.fromEntries(t.parameters.map((v, i) => [String(i + 1), v]));
  return {
    ok: true,
    fields: {
      contentSid: t.twilioContentSid,
      ...(t.parameters.length > 0 ? { contentVariables: JSON.stringify(variables) } : {}),
    },
  };
}
