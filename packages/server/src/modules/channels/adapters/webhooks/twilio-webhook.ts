import twilio from 'twilio';
import { normaliseContactPoint, type DeliveryStatus, type InboundEvent } from '@saldo/core/channels';

/**
 * Twilio webhooks: signature check and normalisation, as pure functions of the request.
 * The signature is HMAC-SHA1 over the full public URL (SALDO_PUBLIC_URL + path + query) followed by
 * the sorted POST parameters, keyed with the account's auth token (twilio.validateRequest).
 */
export function verifyTwilioSignature(input: {
  authToken: string;
  publicUrl: string;
  url: string;
  params: Record<string, string>;
  signature: string | undefined;
}): boolean {
  if (!input.signature) return false;
  const fullUrl = input.publicUrl.replace(/\/+$/, '') + input.url;
  return twilio.validateRequest(input.authToken, input.signature, fullUrl, input.params);
}

/** For tests and the local fake API: the signature Twilio would send. */
export function signTwilioRequest(
  authToken: string,
  fullUrl: string,
  params: Record<string, string>,
): string {
  return twilio.getExpectedTwilioSignature(authToken, fullUrl, params);
}

const MESSAGE_STATUS: Record<string, DeliveryStatus> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'failed',
};

const CALL_STATUS: Record<string, DeliveryStatus> = {
  queued: 'queued',
  initiated: 'queued',
  ringing: 'ringing',
  'in-progress': 'answered_human',
  completed: 'completed',
  busy: 'busy',
  'no-answer': 'no_answer',
  failed: 'failed',
  canceled: 'failed',
};

function isWhatsApp(p: Record<string, string>): boolean {
  return (p.From ?? '').startsWith('whatsapp:') || (p.To ?? '').startsWith('whatsapp:');
}

/** An inbound SMS or WhatsApp message (POST /v1/webhooks/twilio/messages). */
export function normaliseTwilioMessage(p: Record<string, string>, receivedAt: Date): InboundEvent | null {
  const sid = p.MessageSid ?? p.SmsSid;
  if (!sid || !p.From) return null;
  const channel = isWhatsApp(p) ? 'whatsapp' : 'sms';
  const media = Array.from({ length: Number(p.NumMedia ?? 0) || 0 }, (_, i) => p[`MediaUrl${i}`]).filter(
    (u): u is string => !!u,
  );
  return {
    type: 'message',
    provider: 'twilio',
    providerMessageId: sid,
    channel,
    occurredAt: receivedAt.toISOString(),
    from: normaliseContactPoint(channel, p.From),
    to: normaliseContactPoint(channel, p.To ?? ''),
    text: p.Body ?? '',
    mediaUrls: media,
    raw: { ...p },
  };
}

/** A message or call status callback (POST /v1/webhooks/twilio/status). */
export function normaliseTwilioStatus(p: Record<string, string>, receivedAt: Date): InboundEvent | null {
  if (p.CallSid && p.CallStatus && !p.MessageSid) {
    let status = CALL_STATUS[p.CallStatus];
    if (!status) return null;
    if (status === 'answered_human' && p.AnsweredBy?.startsWith('machine')) status = 'answered_machine';
    return {
      type: 'status',
      provider: 'twilio',
      providerMessageId: `${p.CallSid}:${status}`,
      channel: 'call',
      occurredAt: receivedAt.toISOString(),
      outboundId: p.CallSid,
      status,
      raw: { ...p },
      ...(p.ErrorCode ? { errorCode: p.ErrorCode } : {}),
    };
  }
  const sid = p.MessageSid ?? p.SmsSid;
  const raw = p.MessageStatus ?? p.SmsStatus;
  const status = raw ? MESSAGE_STATUS[raw] : undefined;
  if (!sid || !status) return null;
  return {
    type: 'status',
    provider: 'twilio',
    providerMessageId: `${sid}:${status}`,
    channel: isWhatsApp(p) ? 'whatsapp' : 'sms',
    occurredAt: receivedAt.toISOString(),
    outboundId: sid,
    status,
    raw: { ...p },
    ...(p.ErrorCode ? { errorCode: p.ErrorCode } : {}),
    ...(p.ErrorMessage ? { detail: p.ErrorMessage } : {}),
  };
}

/** A step of a scripted call (POST /v1/webhooks/twilio/voice?script=…&step=…&attempt=…). */
export function normaliseTwilioVoice(
  p: Record<string, string>,
  query: URLSearchParams,
  receivedAt: Date,
): InboundEvent | null {
  if (!p.CallSid) return null;
  const step = query.get('step') ?? 'answer';
  const attempt = query.get('attempt') ?? '0';
  const answeredBy = p.AnsweredBy
    ? p.AnsweredBy.startsWith('machine') || p.AnsweredBy === 'fax'
      ? 'machine'
      : p.AnsweredBy === 'human'
        ? 'human'
        : 'unknown'
    : undefined;
  return {
    type: 'call',
    provider: 'twilio',
    providerMessageId: `${p.CallSid}:${step}:${attempt}`,
    channel: 'voicebot',
    occurredAt: receivedAt.toISOString(),
    callId: p.CallSid,
    from: normaliseContactPoint('call', p.From ?? ''),
    to: normaliseContactPoint('call', p.To ?? ''),
    step,
    raw: { ...p, script: query.get('script') ?? null, attempt },
    ...(answeredBy ? { answeredBy } : {}),
    ...(p.SpeechResult ? { speech: p.SpeechResult } : {}),
    ...(p.Digits ? { digits: p.Digits } : {}),
  };
}
