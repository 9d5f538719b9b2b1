// Where a webhook may be sent (docs/webhooks.md, "URL rules"): https to public addresses; http only
// to loopback when the deployment allows it (tests, local development); private, link-local and
// cloud-metadata addresses (169.254.169.254) only when the deployment says so. A receiver URL is
// chosen by a customer's admin, so without these rules Saldo's worker would POST into its own
// network for them (server-side request forgery). Checked when a subscription is saved and again
// on every connection (its name may resolve elsewhere by then).
import { BlockList, isIP } from 'node:net';

export interface WebhookUrlPolicy {
  /** SALDO_WEBHOOKS_ALLOW_HTTP_LOOPBACK: http:// (and https://) to 127.0.0.0/8 and ::1. */
  allowHttpLoopback: boolean;
  /** SALDO_WEBHOOKS_ALLOW_PRIVATE: private, link-local, metadata and other non-public addresses. */
  allowPrivate: boolean;
}

export const MAX_WEBHOOK_URL_LENGTH = 2048;

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Not reachable on the public internet, or reserved: never a customer's receiver by default. */
const nonPublic = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16], // link-local, including the cloud metadata service 169.254.169.254
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  nonPublic.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['64:ff9b::', 96], // NAT64: reaches IPv4 addresses, private ones included
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  nonPublic.addSubnet(net, prefix, 'ipv6');

/** `::ffff:a.b.c.d` (or its hex form) is an IPv4 address: classify it as one. */
function unmapped(ip: string): { ip: string; family: 'ipv4' | 'ipv6' } {
  const lower = ip.toLowerCase();
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return { ip: dotted[1]!, family: 'ipv4' };
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const hi = parseInt(hex[1]!, 16);
    const lo = parseInt(hex[2]!, 16);
    return { ip: [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.'), family: 'ipv4' };
  }
  return { ip: lower, family: isIP(lower) === 4 ? 'ipv4' : 'ipv6' };
}

export type AddressClass = 'public' | 'loopback' | 'private';

export function classifyAddress(address: string): AddressClass {
  const { ip, family } = unmapped(address);
  if (loopback.check(ip, family)) return 'loopback';
  return nonPublic.check(ip, family) ? 'private' : 'public';
}

/** Why a receiver at `address` is refused for a URL of `protocol`, or null when it is allowed. */
export function addressRefusal(address: string, protocol: string, policy: WebhookUrlPolicy): string | null {
  const kind = classifyAddress(address);
  if (protocol === 'http:' && kind !== 'loopback')
    return `http:// is allowed only to loopback addresses; use https:// (${address})`;
  if (kind === 'loopback' && !policy.allowHttpLoopback && !policy.allowPrivate)
    return `the address ${address} is loopback: refused (SALDO_WEBHOOKS_ALLOW_HTTP_LOOPBACK)`;
  if (kind === 'private' && !policy.allowPrivate)
    return `the address ${address} is private, link-local or reserved: refused (SALDO_WEBHOOKS_ALLOW_PRIVATE)`;
  return null;
}

/**
 * The URL's own rules (scheme, no credentials, length); its addresses are checked separately.
 * Returns the parsed URL and its host without IPv6 brackets, or why it is refused.
 */
export function parseWebhookUrl(
  raw: string,
  policy: WebhookUrlPolicy,
): { ok: true; url: URL; host: string } | { ok: false; reason: string } {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH)
    return { ok: false, reason: `longer than ${MAX_WEBHOOK_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not an absolute URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'must be https://' };
  if (url.protocol === 'http:' && !policy.allowHttpLoopback)
    return {
      ok: false,
      reason: 'must be https:// (http:// only to loopback with SALDO_WEBHOOKS_ALLOW_HTTP_LOOPBACK)',
    };
  if (url.username || url.password) return { ok: false, reason: 'must not carry a user name or password' };
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) return { ok: false, reason: 'has no host' };
  return { ok: true, url, host };
}
