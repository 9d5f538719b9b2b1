import { createHash } from 'node:crypto';
import { normaliseContactPoint } from '@saldo/core/channels';
import type { OrgInboundEvent } from '../ports/channel-provider.js';
import { replyText } from './email-reply-text.js';

/**
 * A small, defensive parser for mail arriving at Saldo's mailbox: delivery-status reports
 * (bounces, RFC 3464), feedback reports (complaints, RFC 5965) and plain replies. It only needs a
 * few headers and the first text part, so it avoids a full MIME library.
 */
export function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block
    .replace(/\r\n/g, '\n')
    .replace(/\n[ \t]+/g, ' ')
    .split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) {
      const k = line.slice(0, i).trim().toLowerCase();
      if (!headers.has(k)) headers.set(k, line.slice(i + 1).trim());
    }
  }
  return headers;
}

function split(raw: string): { headers: Map<string, string>; body: string } {
  const norm = raw.replace(/\r\n/g, '\n');
  const at = norm.indexOf('\n\n');
  return { headers: parseHeaders(at < 0 ? norm : norm.slice(0, at)), body: at < 0 ? '' : norm.slice(at + 2) };
}

function decode(body: string, encoding: string | undefined): string {
  const enc = (encoding ?? '').toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') {
    const bytes = Buffer.from(
      body
        .replace(/=\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    );
    return bytes.toString('utf8');
  }
  return body;
}

/** The first text/plain part, decoded. */
export function firstTextPart(raw: string): string {
  const { headers, body } = split(raw);
  const ct = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(ct)?.[1];
  if (!/^multipart\//i.test(ct) || !boundary)
    return /^text\/plain/i.test(ct) ? decode(body, headers.get('content-transfer-encoding')) : '';
  for (const part of body.split(`--${boundary}`).slice(1)) {
    if (part.startsWith('--')) break;
    const text = firstTextPart(part.replace(/^\n/, ''));
    if (text) return text;
  }
  return '';
}

const idIn = (s: string | undefined) => /<([^<>\s]+)>/.exec(s ?? '')?.[1];

export interface ParseContext {
  orgId: string;
  receivedAt: Date;
  /**
   * The provider id of the Saldo message this mail is about, known from the address it came to
   * (VERP `bounce+msg_…@`): trusted over the headers a report quotes, which some MTAs leave out.
   */
  originalMessageId?: string;
  /** Saldo's id of that message (`msg_…`), kept on a reply for the record. */
  saldoMessageId?: string;
}

export function parseInboundEmail(raw: string, ctx: ParseContext): OrgInboundEvent[] {
  const { headers, body } = split(raw);
  const ct = headers.get('content-type') ?? '';
  const occurredAt = ctx.receivedAt.toISOString();
  const original =
    ctx.originalMessageId ??
    /X-Saldo-Message-Id:\s*(\S+)/i.exec(body)?.[1] ??
    idIn(/\nMessage-ID:\s*(<[^>]+>)/i.exec(body)?.[1]);
  if (/report-type="?delivery-status/i.test(ct)) {
    const status = /^Status:\s*([245])\.\d+\.\d+/im.exec(body);
    if (!original || status?.[1] !== '5') return []; // delays (4.x.x) are not bounces
    const diag = /^Diagnostic-Code:\s*(.+)$/im.exec(body)?.[1];
    return [
      {
        type: 'status',
        orgId: ctx.orgId,
        provider: 'smtp',
        channel: 'email',
        providerMessageId: `${original}:bounced`,
        occurredAt,
        outboundId: original,
        status: 'bounced',
        raw: { from: headers.get('from') ?? null },
        errorCode: status[0].replace(/^Status:\s*/i, ''),
        ...(diag ? { detail: diag } : {}),
      },
    ];
  }
  if (/report-type="?feedback-report/i.test(ct)) {
    if (!original) return [];
    return [
      {
        type: 'status',
        orgId: ctx.orgId,
        provider: 'smtp',
        channel: 'email',
        providerMessageId: `${original}:complained`,
        occurredAt,
        outboundId: original,
        status: 'complained',
        raw: { feedbackType: /^Feedback-Type:\s*(\S+)/im.exec(body)?.[1] ?? null },
      },
    ];
  }
  const fromAddr = /<([^>]+)>/.exec(headers.get('from') ?? '')?.[1] ?? headers.get('from');
  if (!fromAddr) return [];
  // A reply without a Message-ID (rare, but a debtor's answer all the same) is de-duplicated by its bytes.
  const messageId =
    idIn(headers.get('message-id')) ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`;
  const inReplyTo = idIn(headers.get('in-reply-to')) ?? idIn(headers.get('references'));
  return [
    {
      type: 'message',
      orgId: ctx.orgId,
      provider: 'smtp',
      channel: 'email',
      providerMessageId: messageId,
      occurredAt,
      from: normaliseContactPoint('email', fromAddr),
      to: normaliseContactPoint(
        'email',
        /<([^>]+)>/.exec(headers.get('to') ?? '')?.[1] ?? headers.get('to') ?? '',
      ),
      text: replyText(firstTextPart(raw)),
      mediaUrls: [],
      raw: {
        subject: headers.get('subject') ?? null,
        inReplyTo: inReplyTo ?? null,
        ...(ctx.saldoMessageId ? { saldoMessageId: ctx.saldoMessageId } : {}),
        ...(autoSubmitted(headers) ? { autoSubmitted: headers.get('auto-submitted') } : {}),
      },
    },
  ];
}

/** Out-of-office and other automatic answers (RFC 3834 Auto-Submitted), flagged so readers can tell them apart. */
function autoSubmitted(headers: Map<string, string>): boolean {
  const v = headers.get('auto-submitted')?.trim().toLowerCase();
  return v !== undefined && v !== 'no';
}
