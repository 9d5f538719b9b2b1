/**
 * The addresses Saldo puts on the email it sends, so that what comes back can be routed without
 * guessing: `Reply-To: reply+<messageId>@<inbound domain>` for the debtor's answer, and the
 * envelope sender (Return-Path, VERP) `bounce+<messageId>@<inbound domain>` for delivery reports.
 * The message id (`msg_…`, 128 random bits) names the organisation and the message it answers.
 * Feedback loops (complaints) and postmaster mail arrive at fixed mailboxes instead.
 */
export type SaldoMailKind = 'reply' | 'bounce';

/** Mailboxes accepted without a message id: ISP feedback loops (ARF) and RFC 5321 postmaster. */
export const reportMailboxes = ['fbl', 'abuse', 'postmaster'] as const;

export type SaldoMailRecipient =
  | { kind: SaldoMailKind; messageId: string; domain: string }
  | { kind: 'report'; mailbox: (typeof reportMailboxes)[number]; domain: string };

const MESSAGE_ID = /^msg_[A-Za-z0-9_-]{1,56}$/;

/** `reply+msg_…@reply.example.com`; the local part stays under RFC 5321's 64 characters. */
export function saldoMailAddress(kind: SaldoMailKind, messageId: string, domain: string): string {
  if (!MESSAGE_ID.test(messageId)) throw new Error(`not a Saldo message id: ${messageId}`);
  return `${kind}+${messageId}@${domain.toLowerCase()}`;
}

/**
 * What an inbound recipient address is to Saldo, or null when it is not one of its addresses (a
 * domain it does not receive for, an unknown mailbox). Domains compare case-insensitively; the
 * message id keeps its case, as local parts are case-sensitive.
 */
export function parseSaldoMailAddress(
  address: string,
  domains: readonly string[],
): SaldoMailRecipient | null {
  const at = address.lastIndexOf('@');
  if (at <= 0) return null;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).toLowerCase();
  if (!domains.some((d) => d.toLowerCase() === domain)) return null;
  const tagged = /^(reply|bounce)\+(.+)$/i.exec(local);
  if (tagged)
    return MESSAGE_ID.test(tagged[2]!)
      ? { kind: tagged[1]!.toLowerCase() as SaldoMailKind, messageId: tagged[2]!, domain }
      : null;
  const mailbox = reportMailboxes.find((m) => m === local.toLowerCase());
  return mailbox ? { kind: 'report', mailbox, domain } : null;
}

/**
 * The Saldo messages a report quotes (an ARF complaint or a DSN carries the original headers):
 * `X-Saldo-Message-Id: msg_…@…`, or one of Saldo's reply/bounce addresses. First seen first.
 */
export function referencedMessageIds(raw: string): string[] {
  const ids = new Set<string>();
  for (const m of raw.matchAll(/X-Saldo-Message-Id:\s*<?(msg_[A-Za-z0-9_-]{1,56})@/gi)) ids.add(m[1]!);
  for (const m of raw.matchAll(/\b(?:reply|bounce)\+(msg_[A-Za-z0-9_-]{1,56})@/gi)) ids.add(m[1]!);
  return [...ids];
}
