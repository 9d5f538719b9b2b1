import { createHmac, timingSafeEqual } from 'node:crypto';
import { normaliseContactPoint, type DeliveryStatus, type InboundEvent } from '@saldo/core/channels';

/**
 * Meta (WhatsApp Cloud API) webhooks. POSTs carry `X-Hub-Signature-256: sha256=<hex>`, the
 * HMAC-SHA256 of the raw body keyed with the app secret; the GET handshake echoes `hub.challenge`
 * when `hub.mode=subscribe` and `hub.verify_token` matches.
 */
export function verifyMetaSignature(appSecret: string, rawBody: string, header: string | undefined): boolean {
  const m = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? '');
  if (!m?.[1]) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody, 'utf8').digest();
  const given = Buffer.from(m[1], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function signMetaBody(appSecret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody, 'utf8').digest('hex')}`;
}

/** The challenge to echo, or null. Token comparison is constant-time. */
export function metaHandshake(params: Record<string, string>, verifyToken: string): string | null {
  if (params['hub.mode'] !== 'subscribe') return null;
  const given = Buffer.from(params['hub.verify_token'] ?? '');
  const want = Buffer.from(verifyToken);
  if (given.length !== want.length || !timingSafeEqual(given, want)) return null;
  return params['hub.challenge'] ?? null;
}

const STATUS: Record<string, DeliveryStatus> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
};

interface MetaPayload {
  object?: string;
  entry?: { id?: string; changes?: { field?: string; value?: MetaValue }[] }[];
}
interface MetaValue {
  metadata?: { phone_number_id?: string; display_phone_number?: string };
  messages?: MetaMessage[];
  statuses?: {
    id?: string;
    status?: string;
    timestamp?: string;
    recipient_id?: string;
    errors?: { code?: number; title?: string }[];
  }[];
}
interface MetaMessage {
  from?: string;
  id?: string;
  timestamp?: string;
  type?: string;
  text?: { body?: string };
  button?: { text?: string; payload?: string };
  interactive?: { button_reply?: { title?: string }; list_reply?: { title?: string } };
  image?: { caption?: string; id?: string };
  document?: { caption?: string; id?: string };
}

export function parseMetaPayload(rawBody: string): MetaPayload | null {
  try {
    const p = JSON.parse(rawBody) as MetaPayload;
    return p && typeof p === 'object' ? p : null;
  } catch {
    return null;
  }
}

/** Phone number ids the payload is about (to find the organisation). */
export function metaPhoneNumberIds(p: MetaPayload): string[] {
  const ids = (p.entry ?? [])
    .flatMap((e) => (e.changes ?? []).map((c) => c.value?.metadata?.phone_number_id))
    .filter((x): x is string => !!x);
  return [...new Set(ids)];
}

const at = (ts: string | undefined, fallback: Date) =>
  (ts && /^\d+$/.test(ts) ? new Date(Number(ts) * 1000) : fallback).toISOString();

/** Normalises every message and status in a webhook payload. */
export function normaliseMetaPayload(p: MetaPayload, receivedAt: Date): InboundEvent[] {
  const out: InboundEvent[] = [];
  for (const entry of p.entry ?? [])
    for (const change of entry.changes ?? []) {
      const v = change.value;
      if (!v) continue;
      const to = v.metadata?.display_phone_number
        ? normaliseContactPoint('whatsapp', `+${v.metadata.display_phone_number.replace(/^\+/, '')}`)
        : '';
      for (const m of v.messages ?? []) {
        if (!m.id || !m.from) continue;
        const text =
          m.text?.body ??
          m.button?.text ??
          m.interactive?.button_reply?.title ??
          m.interactive?.list_reply?.title ??
          m.image?.caption ??
          m.document?.caption ??
          '';
        const media = [m.image?.id, m.document?.id]
          .filter((x): x is string => !!x)
          .map((id) => `meta-media:${id}`);
        out.push({
          type: 'message',
          provider: 'meta',
          providerMessageId: m.id,
          channel: 'whatsapp',
          occurredAt: at(m.timestamp, receivedAt),
          from: normaliseContactPoint('whatsapp', `+${m.from}`),
          to,
          text,
          mediaUrls: media,
          raw: { ...m, phone_number_id: v.metadata?.phone_number_id },
        });
      }
      for (const s of v.statuses ?? []) {
        const status = s.status ? STATUS[s.status] : undefined;
        if (!s.id || !status) continue;
        const err = s.errors?.[0];
        out.push({
          type: 'status',
          provider: 'meta',
          providerMessageId: `${s.id}:${status}`,
          channel: 'whatsapp',
          occurredAt: at(s.timestamp, receivedAt),
          outboundId: s.id,
          status,
          raw: { ...s },
          ...(err?.code ? { errorCode: String(err.code) } : {}),
          ...(err?.title ? { detail: err.title } : {}),
        });
      }
    }
  return out;
}
