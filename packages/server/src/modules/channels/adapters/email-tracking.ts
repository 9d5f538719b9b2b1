import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { EmailTracking, OrgInboundEvent } from '../ports/channel-provider.js';
import type { Clock } from '../../../shared/clock/clock.js';

/**
 * Open pixel and click-tracking links, signed with HMAC-SHA256 (SALDO_TRACKING_SECRET), so a
 * tracking URL cannot be forged to record fake engagement or turned into an open redirect.
 */
// Tokens travel in the query string: they are longer than Fastify's 100-character path-parameter limit.
export const OPEN_PATH = '/v1/track/open.gif?t=';
export const CLICK_PATH = '/v1/track/click?t=';

interface Payload {
  o: string; // org
  m: string; // provider message id
  u?: string; // target url (clicks)
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export function signTrackingToken(secret: string, p: Payload): string {
  const body = b64(JSON.stringify(p));
  return `${body}.${b64(createHmac('sha256', secret).update(body).digest())}`;
}

export function verifyTrackingToken(secret: string, token: string): Payload | null {
  const [body, sig] = token.replace(/\.gif$/, '').split('.');
  if (!body || !sig) return null;
  const want = createHmac('sha256', secret).update(body).digest();
  const got = Buffer.from(sig, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) return null;
  try {
    const p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload;
    return typeof p.o === 'string' && typeof p.m === 'string' ? p : null;
  } catch {
    return null;
  }
}

/** Rewrites http(s) links (except the unsubscribe one) to signed click URLs and appends the pixel. */
export function addTracking(
  html: string,
  opts: { secret: string; publicUrl: string; orgId: string; providerMessageId: string; keepUrls?: string[] },
): string {
  const base = opts.publicUrl.replace(/\/+$/, '');
  const unescape = (s: string) => s.replace(/&amp;/g, '&');
  const tracked = html.replace(/href="(https?:\/\/[^"]+)"/gi, (whole, url: string) => {
    const target = unescape(url);
    if (opts.keepUrls?.includes(target)) return whole;
    return `href="${base}${CLICK_PATH}${signTrackingToken(opts.secret, { o: opts.orgId, m: opts.providerMessageId, u: target })}"`;
  });
  const pixel = `<img src="${base}${OPEN_PATH}${signTrackingToken(opts.secret, { o: opts.orgId, m: opts.providerMessageId })}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px">`;
  return /<\/body>/i.test(tracked) ? tracked.replace(/<\/body>/i, `${pixel}</body>`) : tracked + pixel;
}

export function createEmailTracking(opts: { secret: string; clock: Clock }): EmailTracking {
  const event = (p: Payload, status: 'opened' | 'clicked'): OrgInboundEvent => {
    const suffix =
      status === 'clicked'
        ? `:${createHash('sha256')
            .update(p.u ?? '')
            .digest('hex')
            .slice(0, 12)}`
        : '';
    return {
      type: 'status',
      orgId: p.o,
      provider: 'smtp',
      channel: 'email',
      providerMessageId: `${p.m}:${status}${suffix}`,
      occurredAt: opts.clock.now().toISOString(),
      outboundId: p.m,
      status,
      raw: {},
      ...(p.u ? { url: p.u } : {}),
    };
  };
  return {
    open(token) {
      const p = verifyTrackingToken(opts.secret, token);
      return p ? event(p, 'opened') : null;
    },
    click(token) {
      const p = verifyTrackingToken(opts.secret, token);
      if (!p?.u || !/^https?:\/\//i.test(p.u)) return null;
      return { event: event(p, 'clicked'), url: p.u };
    },
  };
}
