import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PaymentLinks } from '../ports/contact-records.js';

const MAC_BYTES = 12;

/**
 * Signed payment-portal links, `${publicUrl}/pay/<token>`, short enough for an SMS (44 characters
 * for a standard `acct_…` id): base64url(version ‖ account id ‖ expiry (u32 seconds) ‖ HMAC-SHA256
 * truncated to 96 bits). The token names an account, never a person, and expires (default 30
 * days). The portal (not built yet) checks it with `verify`.
 */
export function createPaymentLinks(opts: {
  publicUrl: string;
  secret: string;
  ttlDays?: number;
}): PaymentLinks & { verify(token: string, now: Date): { accountId: string } | null } {
  const base = opts.publicUrl.replace(/\/+$/, '');
  const ttlMs = (opts.ttlDays ?? 30) * 86_400_000;
  const mac = (payload: Buffer) =>
    createHmac('sha256', opts.secret).update('saldo/pay/v1:').update(payload).digest().subarray(0, MAC_BYTES);
  return {
    linkFor(_orgId, accountId, now) {
      const std = /^acct_([0-9a-f]{32})$/.exec(accountId);
      const id = std
        ? Buffer.concat([Buffer.from([1]), Buffer.from(std[1]!, 'hex')])
        : Buffer.concat([Buffer.from([2]), Buffer.from(accountId, 'utf8')]);
      const exp = Buffer.alloc(4);
      exp.writeUInt32BE(Math.floor((now.getTime() + ttlMs) / 1000));
      const payload = Buffer.concat([id, exp]);
      return `${base}/pay/${Buffer.concat([payload, mac(payload)]).toString('base64url')}`;
    },
    verify(token, now) {
      const buf = Buffer.from(token, 'base64url');
      if (buf.length < 1 + 4 + MAC_BYTES + 1) return null;
      const payload = buf.subarray(0, buf.length - MAC_BYTES);
      if (!timingSafeEqual(mac(payload), buf.subarray(buf.length - MAC_BYTES))) return null;
      if (payload.readUInt32BE(payload.length - 4) * 1000 < now.getTime()) return null;
      const id = payload.subarray(1, payload.length - 4);
      if (payload[0] === 1 && id.length === 16) return { accountId: `acct_${id.toString('hex')}` };
      if (payload[0] === 2) return { accountId: id.toString('utf8') };
      return null;
    },
  };
}
