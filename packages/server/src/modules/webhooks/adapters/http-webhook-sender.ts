import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { WebhookSender } from '../ports.js';
import { addressRefusal, parseWebhookUrl, type WebhookUrlPolicy } from '../url-rules.js';

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * The connection's own DNS lookup checks every address against the URL rules, so the address
 * checked is the address connected to: a name re-pointed at an internal address after the
 * subscription was saved (DNS rebinding) is refused here.
 */
function guardedLookup(protocol: string, policy: WebhookUrlPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const refused = addresses.map((a) => addressRefusal(a.address, protocol, policy)).find(Boolean);
      if (refused) return callback(Object.assign(new Error(refused), { code: 'EREFUSEDADDRESS' }), []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/**
 * POSTs with node:http(s) rather than fetch: the lookup hook above is what pins the checked address
 * to the connection. No redirects are followed (a 3xx is a failed attempt), no connection is reused
 * between receivers, and the response body is not read.
 */
export function createHttpWebhookSender(policy: WebhookUrlPolicy): WebhookSender {
  return {
    post: (req) =>
      new Promise((resolve, reject) => {
        const parsed = parseWebhookUrl(req.url, policy);
        if (!parsed.ok) return reject(new Error(`URL refused: ${parsed.reason}`));
        const { url, host } = parsed;
        const literal = isIP(host) ? addressRefusal(host, url.protocol, policy) : null;
        if (literal) return reject(new Error(literal));
        const client = url.protocol === 'https:' ? https : http;
        const request = client.request(
          url,
          {
            method: 'POST',
            agent: false,
            lookup: guardedLookup(url.protocol, policy),
            signal: AbortSignal.timeout(req.timeoutMs),
            headers: {
              ...req.headers,
              'content-type': 'application/json',
              'content-length': String(Buffer.byteLength(req.body)),
            },
          },
          (res) => {
            res.on('error', () => {}); // the status is what counts; a body cut short does not
            res.resume();
            resolve({ status: res.statusCode ?? 0 });
          },
        );
        request.on('error', (e: Error) =>
          reject(e.name === 'AbortError' ? new Error(`no answer within ${req.timeoutMs} ms`) : e),
        );
        request.end(req.body);
      }),
  };
}

/** The resolver used when a subscription is saved: every address of the host. */
export function systemHostResolver(host: string): Promise<string[]> {
  if (isIP(host)) return Promise.resolve([host]);
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (err, addresses) =>
      err ? reject(err) : resolve(addresses.map((a) => a.address)),
    ),
  );
}
